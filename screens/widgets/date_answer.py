"""A date as three boxes, year / month / day, so nobody has to type 1950-01-01."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label

DIGITS = r"[0-9０-９]*"


def split_date(value: str) -> tuple[str, str, str]:
    """A kept date ("1950-1-1", "1950-01-01", or a half-typed "1950--") as its three boxes."""
    parts = (value or "").split("-")
    if len(parts) != 3:
        return ("", "", "")
    return parts[0], parts[1], parts[2]


def join_date(year: str, month: str, day: str) -> str:
    """What is kept while typing: "" when nothing is typed, else year-month-day as typed."""
    if not (year or month or day):
        return ""
    return f"{year}-{month}-{day}"


class DateAnswer(Widget):
    """Posts Changed on every keystroke and Submitted on Enter in the last box."""

    class Changed(Message):
        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class Submitted(Message):
        pass

    def __init__(self, value: str, *, labels: tuple[str, str, str], id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = split_date(value)
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Horizontal(classes="date-row"):
            for name, part, label, width in zip(("year", "month", "day"), self.parts,
                                                self.labels, (4, 2, 2)):
                with Vertical(classes=f"date-part date-{name}"):
                    yield Label(label, markup=False, classes="date-label")
                    # No placeholder: greyed example digits look like an answer already given.
                    yield Input(part, restrict=DIGITS, max_length=width, id=f"date-{name}",
                                select_on_focus=False,
                                classes="date-input")

    @property
    def boxes(self) -> list[Input]:
        return [self.query_one(f"#date-{name}", Input) for name in ("year", "month", "day")]

    @property
    def value(self) -> str:
        return join_date(*(box.value.strip() for box in self.boxes))

    def focus_first_empty(self) -> None:
        for box in self.boxes:
            if not box.value:
                box.focus()
                return
        self.boxes[-1].focus()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        box = event.input
        year, month, _day = self.boxes
        # Move on by itself once a box is full, as a paper form's boxes invite.
        full = (box is year and len(box.value) == 4) or (
            box is month and (len(box.value) == 2 or box.value[:1] in "456789" and box.value))
        if full and box.has_focus:
            self.boxes[self.boxes.index(box) + 1].focus()
        self.post_message(self.Changed(self.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        boxes = self.boxes
        filled = [bool(b.value) for b in boxes]
        if event.input is boxes[-1] or all(filled) or not any(filled):
            self.post_message(self.Submitted())
        else:
            boxes[boxes.index(event.input) + 1].focus()
