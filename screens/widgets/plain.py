"""Text shown as it is: answers, names and catalogue texts are never read as markup.

A visitor who types "[b]" into a name must see "[b]", not break the screen.
"""

from __future__ import annotations

from textual.widgets import Static


class Plain(Static):
    def __init__(self, content: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(content, markup=False, id=id, classes=classes)
