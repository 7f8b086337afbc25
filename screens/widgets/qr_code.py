"""A QR code drawn in the terminal, black on white whatever the theme.

The symbol (quiet zone included) comes from :mod:`kiosk.qr`. The widget picks
the largest scale that fits the space it is given:

* scale 2, 4, ... (e.g. 120x40 terminal): a module is 2 columns x 1 row (or a
  multiple) of *background-coloured spaces* -- no glyphs at all, exact in every
  terminal and in SVG screenshots;
* scale 1, 3 (e.g. 60x20 terminal): a module is 1 column x half a row; rows
  holding cells whose halves differ are ``'▀'`` in every cell, foreground =
  top module and background = bottom module (``kiosk.qr.row_cells`` explains
  why every cell: SVG screenshots spill glyphs into the next cell).

It sizes itself (``width: auto; height: auto``) to the QR it draws, so a
container can centre it. If it is given more room than the QR needs, the QR is
centred in it; if less than scale 1 needs, it is drawn at scale 1 and clipped.
``fits`` tells whether the whole QR is on screen (a clipped QR will not scan).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.dom import NoScreen
from textual.errors import NoWidget
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from kiosk.qr import cell_rows, drawn_size, fit_scale, qr_matrix, row_cells

__all__ = ["QRCode"]

DARK = "#000000"
LIGHT = "#ffffff"
# (foreground dark?, background dark?) -> style; explicit RGB so no theme, tint
# or ANSI palette can change it.
_STYLES = {
    (fg, bg): Style(color=DARK if fg else LIGHT, bgcolor=DARK if bg else LIGHT)
    for fg in (False, True)
    for bg in (False, True)
}


class QRCode(Widget):
    """A scannable QR code of ``payload``.

    Args:
        payload: Text to encode (e.g. a URL; upper-case it with
            ``kiosk.qr.qr_friendly_url`` for a smaller symbol).
        max_scale: Largest scale to use (0 = as large as fits).
        name, id, classes, disabled: As for any ``Widget``.
    """

    DEFAULT_CSS = """
    QRCode {
        width: auto;
        height: auto;
    }
    """

    payload: reactive[str] = reactive("", layout=True)
    """The encoded text. Changing it re-lays out the widget."""

    max_scale: reactive[int] = reactive(0, layout=True)
    """Cap on the scale (0 = no cap). Scale 1 = 1 column x 1/2 row a module."""

    def __init__(
        self,
        payload: str = "",
        *,
        max_scale: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._matrix_cache: tuple[str, list[list[bool]]] | None = None
        self._strip_cache: tuple[tuple[object, ...], list[Strip]] | None = None
        self.set_reactive(QRCode.payload, payload)
        self.set_reactive(QRCode.max_scale, max_scale)

    # -- the symbol ---------------------------------------------------------

    def build_matrix(self, payload: str) -> list[list[bool]]:
        """Module matrix for ``payload`` (``True`` = dark, quiet zone included).

        Subclasses may override it (tests use it to draw a corrupted symbol).
        """
        return qr_matrix(payload) if payload else []

    @property
    def matrix(self) -> list[list[bool]]:
        """The module matrix of the current payload (cached)."""
        payload = self.payload
        if self._matrix_cache is None or self._matrix_cache[0] != payload:
            self._matrix_cache = (payload, self.build_matrix(payload))
        return self._matrix_cache[1]

    @property
    def modules(self) -> int:
        """Modules a side, quiet zone included (0 for an empty payload)."""
        return len(self.matrix)

    def scale_for(self, width: int, height: int) -> int:
        """Scale used in a ``width`` x ``height`` cell region (0 = does not fit)."""
        return fit_scale(self.modules, width, height, self.max_scale or None)

    @property
    def scale(self) -> int:
        """Scale drawn at the widget's current size (at least 1 if there is a QR)."""
        if not self.modules:
            return 0
        return max(self.scale_for(self.size.width, self.size.height), 1)

    def qr_region(self) -> Region:
        """Where the QR (quiet zone included) is drawn, relative to the content area."""
        width, height = self.size
        qr_width, qr_height = drawn_size(self.modules, self.scale)
        return Region(
            max((width - qr_width) // 2, 0), max((height - qr_height) // 2, 0), qr_width, qr_height
        )

    @property
    def fits(self) -> bool:
        """True if the whole QR, quiet zone included, is on screen (so it can scan).

        False for an empty payload, if the widget is too small even for scale 1,
        or if a container or the screen edge clips it.
        """
        if not self.modules or not self.scale_for(self.size.width, self.size.height):
            return False
        try:
            clip = self.screen.find_widget(self).clip
        except (NoScreen, NoWidget):  # not mounted / not on the current screen
            return False
        return clip.contains_region(self.qr_region().translate(self.content_region.offset))

    # -- layout -------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Columns of the largest QR that fits the container (scale 1 if none fits)."""
        scale = max(self.scale_for(container.width, container.height), 1)
        return drawn_size(self.modules, scale)[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Rows of the largest QR that fits ``width`` and the container's height."""
        scale = max(self.scale_for(width, container.height), 1)
        return drawn_size(self.modules, scale)[1]

    # -- drawing ------------------------------------------------------------

    def _strips(self) -> list[Strip]:
        """The QR's rows as strips (cached per payload, scale and size)."""
        matrix = self.matrix
        scale = self.scale
        key = (self.payload, scale)
        if self._strip_cache is not None and self._strip_cache[0] == key:
            return self._strip_cache[1]
        strips: list[Strip] = []
        for row in cell_rows(matrix, scale):
            segments: list[Segment] = []
            for char, fg, bg in row_cells(row):
                style = _STYLES[(fg, bg)]
                if segments and segments[-1].style is style:
                    segments[-1] = Segment(segments[-1].text + char, style)
                else:
                    segments.append(Segment(char, style))
            strips.append(Strip(segments, len(row)))
        self._strip_cache = (key, strips)
        return strips

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the widget: a QR row, centred, or blank around it."""
        width = self.size.width
        blank_style = self.visual_style.rich_style
        strips = self._strips()
        if not strips:
            return Strip.blank(width, blank_style)
        area = self.qr_region()
        index = y - area.y
        if not 0 <= index < len(strips):
            return Strip.blank(width, blank_style)
        strip = strips[index]
        if area.x:
            strip = Strip.join([Strip.blank(area.x, blank_style), strip])
        return strip.adjust_cell_length(width, blank_style).crop(0, width)
