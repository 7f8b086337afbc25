"""A message with a mark in its own column (⚠ for a problem, √ when all is well).

The mark never wraps onto a line of its own, and a font that draws it wide has room.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from screens.widgets.plain import Plain

PROBLEM_MARK = "⚠"


class Notice(Horizontal):
    """Hidden while `text` is empty."""

    text: reactive[str] = reactive("", init=False)

    def __init__(self, text: str = "", *, mark: str = PROBLEM_MARK, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.mark = mark
        self.set_reactive(Notice.text, text)
        self.set_class(bool(text), "-shown")

    def compose(self) -> ComposeResult:
        yield Plain(self.mark, classes="notice-mark")
        yield Plain(self.text, classes="notice-text")

    def watch_text(self, text: str) -> None:
        self.query_one(".notice-text", Plain).update(text)
        self.set_class(bool(text), "-shown")

    @property
    def message(self) -> str:
        """The words shown, mark first, as a visitor reads them."""
        return f"{self.mark} {self.text}" if self.text else ""
