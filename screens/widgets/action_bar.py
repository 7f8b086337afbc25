"""The row of big buttons at the bottom of a screen (Back, Next, Help, Display, language)."""

from __future__ import annotations

from textual.containers import Horizontal

CROWDED = 6  # buttons from which a narrow screen sizes each to its words


class ActionBar(Horizontal):
    """Holds ActionButtons side by side; each screen handles their Button.Pressed by id.

    On a narrow screen a bar of six or more buttons is "-crowded": each quiet button takes
    the width of its words and the main one the rest, so no label is cut.
    """

    def on_mount(self) -> None:
        self.set_class(len(self.children) >= CROWDED, "-crowded")
