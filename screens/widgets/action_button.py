"""A big button for an action, showing its key (Enter, Esc, F1) when there is room."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Button


class ActionButton(Button):
    """Label plus key hint ("下一步 Enter"); the hint is dropped on narrow screens, never the label."""

    def __init__(self, label: str, key: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(Content(label), id=id, classes=classes)
        self.text = label
        self.key = key

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        width_rule = self.styles.width
        if width_rule is not None and width_rule.is_auto:
            return  # sized to its words (a crowded bar): the key would only widen it
        full = f"{self.text}  {self.key}" if self.key else self.text
        room = width - 2  # a blank column each side at least
        wanted = full if cell_len(full) <= room else self.text
        if str(self.label) != wanted:
            self.label = Content(wanted)
