"""Open a draft by the resume code the visitor reads out or shows."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from screens.desk.base import DeskDialog


class CodeDialog(DeskDialog[str | None]):
    """Returns the id of the live draft with the typed code, or None when left."""

    AUTO_FOCUS = "#code"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", show=False)]
    KEYS = (("Enter", "k_open"), ("Esc", "k_cancel"))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.w("code_title"), markup=False, classes="title")
            yield Input(id="code", restrict=r"[0-9０-９ \-]*", max_length=12)
            yield Static("", markup=False, id="message")
            yield self.key_line()

    @on(Input.Submitted, "#code")
    def _find(self, event: Input.Submitted) -> None:
        draft = self.desk.store.find_by_code(event.value)
        if draft is None:
            message = self.query_one("#message", Static)
            message.update(self.w("code_unknown"))
            message.add_class("problem")
            return
        self.dismiss(draft.id)

    def action_leave(self) -> None:
        self.dismiss(None)
