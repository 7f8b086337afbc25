"""How much the visitor's text size draws large: the glyph heights (in pixels, two to a row)
tried for each kind of words, largest first, falling back to ordinary text.

normal: only the resume code; large: also the question and the big buttons; extra large:
the same, a size bigger where it fits.
"""

from __future__ import annotations

TEXT_SIZES = ("normal", "large", "extra")

# Digits stay clear down to 10 pixels (so a resume code fits 60 columns); Chinese needs 12.
_HEIGHTS = {
    "normal": {"code": (12, 10)},
    "large": {"code": (14, 12, 10), "question": (14, 12), "choice": (14, 12),
              "title": (14, 12)},
    "extra": {"code": (16, 14, 12, 10), "question": (16, 14, 12), "choice": (16, 14, 12),
              "title": (16, 14, 12)},
}


def heights_for(size: str, kind: str) -> tuple[int, ...]:
    """Glyph heights to try for `kind` ("question", "choice", "code", "title") at `size`."""
    return _HEIGHTS.get(size, _HEIGHTS["large"]).get(kind, ())


def next_size(size: str) -> str:
    """The size after `size`, round again after extra large."""
    index = TEXT_SIZES.index(size) if size in TEXT_SIZES else 0
    return TEXT_SIZES[(index + 1) % len(TEXT_SIZES)]
