"""Continue on my phone: the same QR and code as at the end, from any question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from screens.base import KioskModal
from screens.form_session import FormSession
from screens.widgets.action_button import ActionButton
from screens.widgets.handoff_panel import HandoffPanel


class PhoneModal(KioskModal):
    CSS_PATH = "handoff.tcss"

    def __init__(self, session: FormSession) -> None:
        super().__init__()
        self.session = session

    def help_context(self) -> dict:
        return {"draft_id": self.session.draft_id, "service_id": self.session.service.id,
                "step": "phone"}

    def compose(self) -> ComposeResult:
        actions = Horizontal(
            ActionButton(self.t("phone_close"), "Esc", id="close", classes="primary"),
            self.help_button(), self.language_button(), classes="handoff-actions")
        yield HandoffPanel(self.session.phone_url(self.kiosk.config.public_url),
                           self.session.resume_code, title=self.t("phone_title"),
                           code_label=self.t("your_code"), lines=[self.t("phone_body")], actions=actions,
                           id="phone-panel")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
