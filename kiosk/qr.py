"""QR codes for the kiosk, as plain data (no Textual here).

The finish screen shows a QR code for a URL such as
``HTTP://192.168.1.23:8765/R/ABCDEFGHJKMNPQRS``. This module builds the module
matrix (:func:`qr_matrix`) and computes how a terminal draws it
(:func:`fit_scale`, :func:`drawn_size`, :func:`cell_rows`, :func:`row_cells`).
The Textual widget in ``screens/widgets/qr_code.py`` only turns these cells into
coloured text.

Drawing model
-------------
A terminal cell is about twice as tall as it is wide, so a cell holds two
square "half rows". At scale ``k`` one module is ``k`` columns wide and ``k``
half rows tall:

* even ``k`` (e.g. 2: two columns by one row per module): every cell is a single
  module colour, drawn as a space with a background colour. This is exact in
  every terminal and in Rich's SVG export (background rectangles).
* odd ``k`` (e.g. 1: one column by half a row, for small terminals): a cell can
  hold a dark and a light half; such rows are drawn as ``'▀'`` in every cell,
  foreground colour = top half, background colour = bottom half (see
  :func:`row_cells` for why every cell, and why not ``'▄'``).

URL case
--------
QR alphanumeric mode (digits, upper-case letters and `` $%*+-./:``) packs 5.5
bits a character against 8 in byte mode. ``qr_friendly_url`` upper-cases a URL
so the whole of it fits alphanumeric mode: the kiosk URL then needs version 2
(25x25 modules, 33 with the quiet zone) instead of version 3 (29x29, 37). The
scheme and host are case-insensitive anyway; the server must treat the path
prefix and token case-insensitively.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

import qrcode
import qrcode.constants

__all__ = [
    "ALPHANUMERIC",
    "ERROR_LEVELS",
    "LIGHT_HALF",
    "QUIET_ZONE",
    "UPPER_HALF",
    "QRSymbol",
    "cell_rows",
    "drawn_size",
    "fit_scale",
    "is_alphanumeric",
    "qr_friendly_url",
    "qr_matrix",
    "qr_symbol",
    "row_cells",
]

QUIET_ZONE = 4
"""Light modules around the symbol, as ISO/IEC 18004 requires (4 modules)."""

ERROR_LEVELS: tuple[str, ...] = ("L", "M", "Q", "H")
"""Error-correction levels, weakest (7 % of codewords) to strongest (30 %)."""

_QRCODE_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}

ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
"""The characters of QR alphanumeric mode."""

UPPER_HALF = "\u2580"
"""'▀' UPPER HALF BLOCK: foreground colour = top half, background = bottom half."""

LIGHT_HALF = " "
"""Drawn in rows with no split cell (background colour only)."""


@dataclass(frozen=True)
class QRSymbol:
    """A QR symbol ready to draw.

    Attributes:
        payload: The encoded text.
        version: QR version, 1-40 (size ``17 + 4 * version`` modules a side).
        error_correction: Error-correction level, one of ``ERROR_LEVELS``.
        modules: Square matrix, ``True`` = dark module, quiet zone included.
    """

    payload: str
    version: int
    error_correction: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        """Modules a side, quiet zone included."""
        return len(self.modules)


def is_alphanumeric(text: str) -> bool:
    """True if every character of ``text`` is in QR alphanumeric mode."""
    return all(char in ALPHANUMERIC for char in text)


def qr_friendly_url(url: str) -> str:
    """Upper-case ``url`` so that the whole of it encodes in alphanumeric mode.

    Only valid if the server reads the URL case-insensitively (scheme and host
    are; the kiosk server treats the path prefix and token so too).

    Raises:
        ValueError: if the URL holds characters alphanumeric mode lacks (such as
            ``?``, ``=``, ``&`` or ``_``), for which upper-casing gains nothing.
    """
    upper = url.upper()
    if not is_alphanumeric(upper):
        bad = sorted({char for char in upper if char not in ALPHANUMERIC})
        raise ValueError(f"not encodable in QR alphanumeric mode: {bad!r}")
    return upper


def _make(payload: str, level: str, version: int | None = None) -> qrcode.QRCode:
    code = qrcode.QRCode(version=version, error_correction=_QRCODE_LEVELS[level], border=0)
    code.add_data(payload)
    code.make(fit=version is None)
    return code


def qr_symbol(
    payload: str, error_correction: str | None = None, quiet_zone: int = QUIET_ZONE
) -> QRSymbol:
    """Encode ``payload`` in the smallest QR version.

    Error correction: by default the smallest version that holds the payload at
    level L is found, and then the strongest level that still fits that same
    version is used ("boosting", as in Nayuki's QR library). On a screen nothing
    tears or gets dirty, so what limits scanning is how large a module is on the
    glass against blur, glare and moiré; the smallest version gives the largest
    modules for a given terminal, and any error correction that costs no extra
    modules is taken for free. For the kiosk URL upper-cased this gives version
    2-L (25 modules); mixed case gives version 3-M (29 modules).

    Args:
        payload: Text to encode (byte / alphanumeric / numeric modes are chosen
            by ``qrcode``'s optimiser).
        error_correction: Force one of ``ERROR_LEVELS``; ``None`` = boost as above.
        quiet_zone: Light modules added on every side (4 by the standard).

    Raises:
        ValueError: for an unknown error-correction level or a negative quiet zone.
        qrcode.exceptions.DataOverflowError: if the payload fits no version.
    """
    if quiet_zone < 0:
        raise ValueError("quiet_zone must be >= 0")
    if error_correction is None:
        version = _make(payload, "L").version
        level = "L"
        for candidate in ERROR_LEVELS[1:]:
            if _make(payload, candidate).version != version:
                break
            level = candidate
    elif error_correction in _QRCODE_LEVELS:
        level = error_correction
    else:
        raise ValueError(f"error_correction must be one of {ERROR_LEVELS} or None")
    code = _make(payload, level)
    core = [[bool(dark) for dark in row] for row in code.get_matrix()]
    side = len(core) + 2 * quiet_zone
    blank = (False,) * side
    pad = (False,) * quiet_zone
    modules = (
        (blank,) * quiet_zone
        + tuple(pad + tuple(row) + pad for row in core)
        + (blank,) * quiet_zone
    )
    return QRSymbol(payload=payload, version=code.version, error_correction=level, modules=modules)


def qr_matrix(
    payload: str, error_correction: str | None = None, quiet_zone: int = QUIET_ZONE
) -> list[list[bool]]:
    """The module matrix of ``payload``: ``True`` = dark, quiet zone included.

    See :func:`qr_symbol` for the choice of version and error correction.
    """
    return [list(row) for row in qr_symbol(payload, error_correction, quiet_zone).modules]


def drawn_size(modules: int, scale: int) -> tuple[int, int]:
    """Terminal ``(columns, rows)`` taken by a ``modules``-wide QR at ``scale``.

    One module is ``scale`` columns wide and ``scale`` half rows tall.
    """
    if modules <= 0 or scale <= 0:
        return (0, 0)
    return (modules * scale, ceil(modules * scale / 2))


def fit_scale(modules: int, width: int, height: int, max_scale: int | None = None) -> int:
    """Largest scale at which a ``modules``-wide QR fits ``width`` x ``height`` cells.

    Returns 0 if it does not fit even at scale 1 (1 column x half a row a module).
    ``max_scale`` (if given, >= 1) caps the result.
    """
    if modules <= 0:
        return 0
    scale = min(width // modules, (2 * height) // modules)
    if max_scale is not None:
        scale = min(scale, max_scale)
    return max(scale, 0)


def cell_rows(
    matrix: list[list[bool]] | tuple[tuple[bool, ...], ...], scale: int
) -> list[list[tuple[bool, bool]]]:
    """The terminal cells of ``matrix`` drawn at ``scale``, as ``(top_dark, bottom_dark)``.

    Each module becomes ``scale`` columns by ``scale`` half rows; two half rows
    make a cell row. If the total of half rows is odd, the last cell row's
    bottom half is light (it only widens the quiet zone). The result has
    ``drawn_size(len(matrix), scale)`` shape: a list of rows, each a list of cells.
    """
    if scale <= 0 or not matrix:
        return []
    half_rows = [
        [dark for dark in row for _ in range(scale)] for row in matrix for _ in range(scale)
    ]
    if len(half_rows) % 2:
        half_rows.append([False] * len(half_rows[0]))
    return [
        list(zip(half_rows[index], half_rows[index + 1])) for index in range(0, len(half_rows), 2)
    ]


def row_cells(row: Sequence[tuple[bool, bool]]) -> list[tuple[str, bool, bool]]:
    """How to draw one row of cells: ``(character, foreground_dark, background_dark)`` each.

    * A row with no split cell (always so at even scales) is spaces on their
      background colour: exact in any terminal and in SVG screenshots.
    * A row with any split cell is ``'▀'`` in *every* cell, foreground = top
      half, background = bottom half (so a cell whose halves agree shows one
      colour either way).

    Why every cell: Rich's SVG export names the font "Fira Code"; cairosvg looks
    up only that first family and, without Fira Code installed, fontconfig gives
    proportional DejaVu Sans, whose block glyphs are 15.4 px wide in a 12.2 px
    cell. A lone glyph thus spills 28 % of a module into the next cell; when the
    next cell draws its own ``'▀'`` it paints over the spill, when it is a
    background-only space it does not, and the symbol stops decoding. Real
    terminals draw ``'▀'`` exactly either way. ``'▀'`` is used rather than
    ``'▄'`` because its top edge is clipped to the cell's top exactly, whereas
    ``'▄'`` starts 0.6 px above the middle of the cell.
    """
    if not any(top != bottom for top, bottom in row):
        return [(LIGHT_HALF, top, bottom) for top, bottom in row]
    return [(UPPER_HALF, top, bottom) for top, bottom in row]
