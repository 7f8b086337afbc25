"""Help is on the way: a volunteer has been called to this kiosk."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button

from screens.base import KioskModal
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.plain import Plain


class HelpModal(KioskModal):
    CSS_PATH = "modals.tcss"

    def __init__(self, request_id: int) -> None:
        super().__init__()
        self.request_id = request_id

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="help-dialog"):
            yield Plain(self.t("help_coming_title"), id="help-title", classes="dialog-title")
            yield Plain(self.t("help_coming_body", kiosk=self.kiosk.config.kiosk_name),
                         classes="dialog-body")
            with ActionBar():
                yield ActionButton(self.t("help_wait"), "Esc", id="wait", classes="primary")
                yield ActionButton(self.t("help_cancel"), "", id="cancel", classes="quiet")
                yield self.language_button()

    @on(Button.Pressed, "#wait")
    def _wait(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.kiosk.help_requests.cancel(self.request_id)
        self.dismiss(None)
