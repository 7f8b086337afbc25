"""Close a help request with what came of it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.text import neutralise
from screens.desk.base import DeskDialog

OUTCOMES = ("solved", "sent_to_window", "visitor_left", "other")


class OutcomeDialog(DeskDialog[str | None]):
    """Returns the outcome ("solved", or "other: what the note says"), or None when left."""

    AUTO_FOCUS = "#outcomes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", show=False),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, len(OUTCOMES) + 1)),
    ]
    KEYS = (("1-4", "k_close"), ("Tab", "outcome_note"), ("Esc", "k_cancel"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.w("outcome_title"), markup=False, classes="title")
            yield OptionList(*(Option(Text(f"{n} {self.w('outcome_' + code)}"), id=code)
                               for n, code in enumerate(OUTCOMES, 1)), id="outcomes")
            yield Static(self.w("outcome_note"), markup=False, classes="label")
            yield Input(id="note", max_length=200)
            yield self.key_line()

    def _finish(self, code: str) -> None:
        note = " ".join(neutralise(self.query_one("#note", Input).value).split())
        self.dismiss(f"{code}: {note}" if note else code)

    @on(OptionList.OptionSelected, "#outcomes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._finish(event.option.id or "other")

    @on(Input.Submitted, "#note")
    def _noted(self) -> None:
        options = self.query_one("#outcomes", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        self._finish(OUTCOMES[index])

    def action_pick(self, number: int) -> None:
        if self.focused is self.query_one("#note", Input):
            return
        self._finish(OUTCOMES[number - 1])

    def action_leave(self) -> None:
        self.dismiss(None)
