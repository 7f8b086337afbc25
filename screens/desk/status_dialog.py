"""Set what the window decided about an application, with a note the visitor reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, Static
from textual.widgets.selection_list import Selection

from kiosk.window import MORE_MATERIALS_NEEDED, WINDOW_STATUSES
from screens.desk.base import DeskDialog


@dataclass(frozen=True)
class StatusChoice:
    status: str
    materials: tuple[str, ...]
    note: str


class StatusDialog(DeskDialog[StatusChoice | None]):
    AUTO_FOCUS = "#statuses"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", show=False),
        Binding("ctrl+s", "save", show=False, priority=True),
    ]
    KEYS = (("↑↓ Space", "k_toggle"), ("Tab", "k_next_field"), ("Ctrl+S", "k_save"),
            ("Esc", "k_cancel"))

    def __init__(self, materials: list[tuple[str, str]]) -> None:
        super().__init__()
        self.materials = materials  # (material id, its name in the desk's language)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="status-dialog"):
            yield Static(self.w("status_title"), markup=False, classes="title")
            with RadioSet(id="statuses"):
                for n, status in enumerate(WINDOW_STATUSES):
                    yield RadioButton(Text(self.w(f"status_{status}")), value=n == 0,
                                      id=f"status-{status}")
            yield Static(self.w("status_materials"), markup=False, classes="label")
            yield SelectionList[str](*(Selection(Text(name), material_id)
                                       for material_id, name in self.materials),
                                     id="needed")
            yield Static(self.w("status_note"), markup=False, classes="label")
            yield Input(id="note", max_length=500)
            yield Static("", markup=False, id="message")
            yield self.key_line()

    def _status(self) -> str:
        radios = self.query_one("#statuses", RadioSet)
        index = max(radios.pressed_index, 0)
        return WINDOW_STATUSES[index]

    @on(Input.Submitted, "#note")
    def action_save(self) -> None:
        status = self._status()
        needed = tuple(self.query_one("#needed", SelectionList).selected)
        note = self.query_one("#note", Input).value
        if status == MORE_MATERIALS_NEEDED and not (needed or note.strip()):
            message = self.query_one("#message", Static)
            message.update(self.w("status_needs_more"))
            message.add_class("problem")
            return
        self.dismiss(StatusChoice(status, needed if status == MORE_MATERIALS_NEEDED else (),
                                  note))

    def action_leave(self) -> None:
        self.dismiss(None)
