"""The line at the top of every screen: where the visitor is, and the resume code if any.

Holding a finger on it for two seconds asks for the staff PIN (a volunteer's way in that a
visitor will not stumble on; F12 three times does the same from a keyboard).
"""

from __future__ import annotations

from time import monotonic
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal

from screens.widgets.plain import Plain


class TopBar(Horizontal):
    LONG_TAP: ClassVar[float] = 2.0  # seconds

    def __init__(self, where: str, code: str = "") -> None:
        super().__init__()
        self.where = where
        self.code = code
        self._pressed_at: float | None = None

    def compose(self) -> ComposeResult:
        yield Plain(self.where, id="where")
        if self.code:
            yield Plain(self.code, id="code")

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._pressed_at = monotonic()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        pressed_at, self._pressed_at = self._pressed_at, None
        if pressed_at is not None and monotonic() - pressed_at >= self.LONG_TAP:
            open_staff_pin = getattr(self.app, "open_staff_pin", None)
            if open_staff_pin is not None:
                open_staff_pin()
