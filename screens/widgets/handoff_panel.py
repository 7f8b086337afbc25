"""The QR to scan and the resume code, large, with what to do next: on Finish and "on my phone"."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits

from screens.widgets.plain import Plain
from screens.widgets.qr_code import QRCode


class HandoffPanel(Horizontal):
    """QR on the left; the code in big digits and the instructions beside it.

    The right-hand column also takes the screen's buttons (`actions`), so everything fits
    beside a QR that needs 17 of a 20-row screen.
    """

    def __init__(self, url: str, code: str, *, title: str, code_label: str, lines: list[str],
                 actions: Vertical | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.url = url
        self.code = code
        self.code_label = code_label
        self.lines = lines
        self.actions = actions

    def compose(self) -> ComposeResult:
        yield QRCode(self.url, id="qr")
        with Vertical(id="beside-qr"):
            yield Plain(self.title, classes="handoff-title")
            yield Plain(self.code_label, classes="code-label")
            with Horizontal(classes="big-code"):
                yield Digits(self.code[:4], classes="code-digits")
                yield Digits(self.code[4:], classes="code-digits")
            for line in self.lines:
                yield Plain(line, classes="handoff-line")
            if self.actions is not None:
                yield self.actions
