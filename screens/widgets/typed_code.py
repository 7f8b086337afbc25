"""The resume code being typed, drawn large under the box, so the visitor can compare it
with the slip digit by digit ("1234 5678")."""

from __future__ import annotations

from kiosk.text import half_width
from screens.widgets.big_text import BigText


def grouped(typed: str) -> str:
    """The digits typed (full-width ones too), in groups of four."""
    digits = "".join(c for c in half_width(typed) if c.isdigit())
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


class TypedCode(BigText):
    def __init__(self, typed: str = "", *, id: str | None = None) -> None:
        super().__init__(grouped(typed), kind="code", share=0.35, min_rows=6, id=id,
                         classes="typed-code")

    def show(self, typed: str) -> None:
        self.text = grouped(typed)
