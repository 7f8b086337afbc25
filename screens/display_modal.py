"""Easier to see: dark on white or white on black, and how much is drawn large.

A choice takes effect at once, behind the dialog, and lasts until the visit ends.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button

from screens.base import KioskModal
from screens.text_size import TEXT_SIZES
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain

LOOKS = ("default", "contrast")


class DisplayModal(KioskModal):
    CSS_PATH: ClassVar[list[str]] = ["modals.tcss", "visit_modals.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", show=False),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    def compose(self) -> ComposeResult:
        kiosk = self.kiosk
        options = [Option(f"look:{look}", self.t(f"look_{look}"), chosen=kiosk.look == look)
                   for look in LOOKS]
        options += [Option(f"size:{size}", self.t(f"size_{size}"), chosen=kiosk.text_size == size)
                    for size in TEXT_SIZES]
        with Vertical(id="dialog", classes="display-dialog"):
            yield Plain(self.t("display_title"), classes="dialog-title")
            yield Plain(self.t("display_hint"), classes="dialog-hint")
            yield NumberedChoices(options, previous_label=self.t("previous_page"),
                                  next_label=self.t("next_page"), page_label=self.t("page_of"),
                                  max_columns=2, big=False, id="display-choices")
            with ActionBar():
                yield ActionButton(self.t("display_close"), "Esc", id="close", classes="primary")

    def focus_start(self) -> None:
        choices = self.query_one("#display-choices", NumberedChoices)
        choices.focus_chosen = True  # the colours in use: a yellow first option would mislead
        choices.focus_first()

    def action_pick(self, number: int) -> None:
        self.query_one("#display-choices", NumberedChoices).pick_number(number)

    @on(NumberedChoices.Picked)
    async def _picked(self, event: NumberedChoices.Picked) -> None:
        kind, _, value = event.value.partition(":")
        if kind == "look":
            self.kiosk.set_look(value)
            await self.recompose()  # the tick moves; a text size redraws by itself
            self.focus_start()
        else:
            self.kiosk.text_size = value

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
