"""Do you need more time? Asked after a quiet spell, with a countdown of at least 20 s.

Any key or tap carries on where the visitor was. When the countdown runs out the visit ends:
back to the welcome screen with nothing personal on it; the draft stays saved.
"""

from __future__ import annotations

from math import ceil
from time import monotonic
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Button

from screens.base import KioskModal
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.big_text import BigText
from screens.widgets.plain import Plain

LARGE = (16, 14, 12)      # always as large as fits, whatever the text size
DIGITS = (16, 14, 12, 10)  # a number stays clear smaller than Chinese does


class IdleModal(KioskModal):
    CSS_PATH: ClassVar[list[str]] = ["modals.tcss", "visit_modals.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = []  # every key carries on (see on_key)

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.deadline = monotonic() + seconds

    @property
    def seconds_left(self) -> int:
        return max(ceil(self.deadline - monotonic()), 0)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="idle-dialog"):
            yield BigText(self.t("idle_title"), heights=LARGE, share=0.45, id="idle-title",
                          classes="dialog-title")
            # The seconds large (a number anyone reads), then the same in words.
            yield BigText(str(self.seconds_left), heights=DIGITS, share=0.3, min_rows=5,
                          id="idle-seconds", classes="idle-countdown")
            yield Plain(self._countdown_words(), id="idle-countdown", classes="idle-words")
            yield Plain(self.t("idle_body"), classes="dialog-body")
            yield Plain(self.t("idle_any_key"), classes="dialog-hint")
            with ActionBar():
                yield ActionButton(self.t("idle_continue"), "", id="continue", classes="primary")

    def _countdown_words(self) -> str:
        return self.t("idle_countdown", seconds=self.seconds_left)

    def on_mount(self) -> None:
        self.set_interval(min(1.0, max(self.seconds / 8, 0.05)), self._tick)

    def _tick(self) -> None:
        if self.seconds_left <= 0:
            self.kiosk.end_visit()
            return
        self.query_one("#idle-seconds", BigText).text = str(self.seconds_left)
        self.query_one("#idle-countdown", Plain).update(self._countdown_words())

    def carry_on(self) -> None:
        self.kiosk.idle.activity()
        if self.is_current:
            self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.carry_on()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.carry_on()

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        self.carry_on()
