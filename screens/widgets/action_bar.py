"""The row of big buttons at the bottom of a screen (Back, Next, Help, language)."""

from __future__ import annotations

from textual.containers import Horizontal


class ActionBar(Horizontal):
    """Holds ActionButtons side by side; each screen handles their Button.Pressed by id."""
