"""The line at the top of every screen: where the visitor is, and the resume code if any."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from screens.widgets.plain import Plain


class TopBar(Horizontal):
    def __init__(self, where: str, code: str = "") -> None:
        super().__init__()
        self.where = where
        self.code = code

    def compose(self) -> ComposeResult:
        yield Plain(self.where, id="where")
        if self.code:
            yield Plain(self.code, id="code")
