"""Words drawn large in block characters when the screen has room, else as ordinary text.

The glyphs come from kiosk.big_text (a CJK font through Pillow, cached); the sizes to try come
from the visitor's text size (screens/text_size.py), or are given.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from kiosk import big_text
from screens.text_size import heights_for


class BigText(Widget):
    """`text` as large as fits in the width, and in `share` of the screen's height (at least
    `min_rows` rows); ordinary text when no size fits.

    `kind` says which sizes the visitor's text-size setting allows ("question", "code").
    """

    DEFAULT_CSS = """
    BigText {
        height: auto;
    }
    BigText.-big {
        text-wrap: nowrap;
        text-style: not bold;
    }
    """

    def __init__(self, text: str, *, kind: str = "question", share: float = 0.3,
                 min_rows: int = 6, heights: tuple[int, ...] | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = text
        self.kind = kind
        self.share = share
        self.min_rows = min_rows
        self._heights = heights
        self._cache: dict[tuple, list[str] | None] = {}

    @property
    def text(self) -> str:
        return self._text

    @text.setter
    def text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh(layout=True)

    @property
    def heights(self) -> tuple[int, ...]:
        if self._heights is not None:
            return self._heights
        size = getattr(self.app, "text_size", "normal")
        return heights_for(size, self.kind)

    def _row_limit(self) -> int:
        screen_height = self.screen.size.height if self.is_attached else 0
        return max(self.min_rows, int(screen_height * self.share))

    def drawn(self, width: int) -> list[str] | None:
        """The block rows for this width, or None when the text is shown ordinary."""
        heights = self.heights
        if not heights or width <= 0 or not self._text.strip():
            return None
        key = (self._text, width, heights, self._row_limit())
        if key not in self._cache:
            self._cache[key] = big_text.render_first_fit(self._text, heights, width, key[3])
        return self._cache[key]

    @property
    def is_big(self) -> bool:
        return self.drawn(self.content_region.width) is not None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        drawn = self.drawn(width)
        if drawn is not None:
            return len(drawn)
        return Content(self._text).get_height(self.styles, width)

    def render(self) -> Content:
        drawn = self.drawn(self.content_region.width)
        self.set_class(drawn is not None, "-big")
        return Content("\n".join(drawn)) if drawn is not None else Content(self._text)
