"""The finish screen's QR code must scan as the terminal draws it.

Screen tests: a small app laid out like the finish screen (QR on the left, a
resume code and two lines of text on the right) runs headless at 60x20 and at
120x40; its SVG screenshot (``App.export_screenshot``, Rich's SVG export) is
rendered to PNG by cairosvg and read by zxing-cpp, which must find exactly one
QR code holding exactly the URL. zxing is told not to try inverted images, so a
light-on-dark drawing fails. To show the pipeline can fail, a corrupted matrix
and a drawing with the half blocks upside down must *not* give the URL.

Unit tests cover ``kiosk.qr`` (no Textual).
"""

from __future__ import annotations

import asyncio
import io
import random
from collections.abc import Callable, Sequence
from typing import Any

import cairosvg
import pytest
import zxingcpp
from PIL import Image
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

import screens.widgets.qr_code as qr_code_module
from kiosk import qr
from kiosk.qr import (
    QUIET_ZONE,
    UPPER_HALF,
    cell_rows,
    drawn_size,
    fit_scale,
    qr_friendly_url,
    qr_matrix,
    qr_symbol,
    row_cells,
)
from screens.widgets.qr_code import QRCode

URL = "HTTP://192.168.1.23:8765/R/ABCDEFGHJKMNPQRS"
MIXED_CASE_URL = "http://192.168.1.23:8765/r/ABCDEFGHJKMNPQRS"


# -- helpers -------------------------------------------------------------------


def decode(image: Image.Image) -> list[str]:
    """Texts of the QR codes zxing finds; dark-on-light only (no inversion)."""
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False)
    return [result.text for result in results]


def svg_to_image(svg: str, scale: float = 1.0) -> Image.Image:
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
    return Image.open(io.BytesIO(png)).convert("RGB")


def matrix_image(matrix: list[list[bool]], pixels: int = 4) -> Image.Image:
    """An ideal picture of ``matrix``: ``pixels`` x ``pixels`` per module."""
    side = len(matrix)
    image = Image.new("L", (side, side), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    return image.resize((side * pixels, side * pixels), Image.NEAREST)


# -- kiosk.qr ------------------------------------------------------------------


def test_upper_case_url_is_version_2_with_quiet_zone() -> None:
    symbol = qr_symbol(URL)
    assert (symbol.version, symbol.error_correction) == (2, "L")
    assert symbol.size == 25 + 2 * QUIET_ZONE == 33
    matrix = qr_matrix(URL)
    assert matrix == [list(row) for row in symbol.modules]
    assert all(len(row) == 33 for row in matrix)
    for index in range(QUIET_ZONE):  # 4 light modules on every side
        for line in (
            matrix[index],
            matrix[-1 - index],
            [row[index] for row in matrix],
            [row[-1 - index] for row in matrix],
        ):
            assert not any(line)
    # top-left finder pattern: 7x7 dark ring, light ring, 3x3 dark core
    finder = [row[4:11] for row in matrix[4:11]]
    assert finder[0] == [True] * 7 and finder[6] == [True] * 7
    assert finder[1] == [True, False, False, False, False, False, True]
    assert finder[3] == [True, False, True, True, True, False, True]


def test_mixed_case_url_needs_version_3_and_gets_m_for_free() -> None:
    symbol = qr_symbol(MIXED_CASE_URL)
    assert (symbol.version, symbol.error_correction, symbol.size) == (3, "M", 37)


def test_forced_error_correction_and_quiet_zone() -> None:
    assert qr_symbol(URL, "H").version == 4
    assert qr_symbol(URL, "L", quiet_zone=0).size == 25
    with pytest.raises(ValueError):
        qr_symbol(URL, "X")
    with pytest.raises(ValueError):
        qr_symbol(URL, quiet_zone=-1)


def test_matrix_itself_decodes() -> None:
    for payload in (URL, MIXED_CASE_URL):
        assert decode(matrix_image(qr_matrix(payload))) == [payload]


def test_qr_friendly_url() -> None:
    assert qr_friendly_url(MIXED_CASE_URL) == URL
    assert qr.is_alphanumeric(URL) and not qr.is_alphanumeric(MIXED_CASE_URL)
    with pytest.raises(ValueError):
        qr_friendly_url("http://h/r/x?y=1")


def test_fit_scale_and_drawn_size() -> None:
    assert drawn_size(33, 1) == (33, 17)
    assert drawn_size(33, 2) == (66, 33)
    assert drawn_size(37, 1) == (37, 19)
    assert drawn_size(0, 1) == (0, 0)
    assert fit_scale(33, 60, 20) == 1
    assert fit_scale(33, 120, 40) == 2
    assert fit_scale(33, 200, 60) == 3
    assert fit_scale(33, 200, 60, max_scale=2) == 2
    assert fit_scale(33, 32, 20) == 0  # too narrow
    assert fit_scale(33, 60, 16) == 0  # 17 rows needed
    assert fit_scale(0, 60, 20) == 0


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_cell_rows_round_trip(scale: int) -> None:
    matrix = qr_matrix(URL)
    rows = cell_rows(matrix, scale)
    width, height = drawn_size(len(matrix), scale)
    assert len(rows) == height and all(len(row) == width for row in rows)
    half_rows = [[cell[half] for cell in row] for row in rows for half in (0, 1)]
    drawn = len(matrix) * scale
    assert [row[::scale] for row in half_rows[:drawn:scale]] == matrix
    assert not any(any(row) for row in half_rows[drawn:])  # an odd padding half row is light
    if scale % 2 == 0:  # even scales: no cell is split, so no glyph is needed
        assert all(top == bottom for row in rows for top, bottom in row)


def test_row_cells() -> None:
    assert row_cells([(False, False), (True, True)]) == [(" ", False, False), (" ", True, True)]
    assert row_cells([(True, False), (True, True), (False, False)]) == [
        (UPPER_HALF, True, False),
        (UPPER_HALF, True, True),
        (UPPER_HALF, False, False),
    ]


# -- the widget, on screen --------------------------------------------------------


class FinishLike(App[None]):
    """Laid out as the finish screen: QR on the left, resume code and text on the right."""

    CSS = """
    #finish { height: 1fr; }
    #side { width: 1fr; padding: 1 2; }
    #code { text-style: bold; }
    """

    def __init__(self, qr_widget: QRCode) -> None:
        super().__init__()
        self.qr_widget = qr_widget

    def compose(self) -> ComposeResult:
        with Horizontal(id="finish"):
            yield self.qr_widget
            with Vertical(id="side"):
                yield Static("Resume code")
                yield Static("K7Q2-9XW4", id="code")
                yield Static("Scan the code with your phone to see your result.")
                yield Static("Thank you for visiting!")


Shot = tuple[str, dict[str, Any]]
Change = Callable[[App[None], QRCode], None]


def run_finish(
    size: tuple[int, int], qr_widget: QRCode | None = None, changes: Sequence[Change] = ()
) -> list[Shot]:
    """Run the app at ``size``: an SVG screenshot and facts about the QR widget
    at start, then again after each change (one app run for all of them)."""
    widget = qr_widget if qr_widget is not None else QRCode(URL)

    def facts(app: App[None]) -> dict[str, Any]:
        area = widget.qr_region()
        lines = [widget.render_line(y) for y in range(area.y, area.bottom)]
        return {
            "scale": widget.scale,
            "size": tuple(widget.size),
            "side_x": app.query_one("#side").region.x,
            "fits": widget.fits,
            "colours": {
                (
                    segment.style.color.name if segment.style.color else None,
                    segment.style.bgcolor.name,
                )
                for line in lines
                for segment in line.crop(area.x, area.right)
                if segment.style is not None and segment.style.bgcolor is not None
            },
        }

    async def run() -> list[Shot]:
        app = FinishLike(widget)
        shots: list[Shot] = []
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            shots.append((app.export_screenshot(), facts(app)))
            for change in changes:
                change(app, widget)
                await pilot.pause()
                shots.append((app.export_screenshot(), facts(app)))
        return shots

    return asyncio.run(run())


def light_theme(app: App[None], widget: QRCode) -> None:
    app.theme = "textual-light"


def mixed_case_payload(app: App[None], widget: QRCode) -> None:
    widget.payload = MIXED_CASE_URL


@pytest.fixture(scope="module")
def small() -> dict[str, Shot]:
    """60x20: dark theme, then light theme, then (light) the mixed-case URL."""
    dark, light, mixed = run_finish((60, 20), changes=[light_theme, mixed_case_payload])
    return {"dark": dark, "light": light, "mixed": mixed}


@pytest.fixture(scope="module")
def large() -> dict[str, Shot]:
    """120x40: dark theme, then light theme."""
    dark, light = run_finish((120, 40), changes=[light_theme])
    return {"dark": dark, "light": light}


BLACK_WHITE = {"#000000", "#ffffff"}


@pytest.mark.parametrize(
    ("terminal", "scale", "qr_size"),
    [("small", 1, (33, 17)), ("large", 2, (66, 33))],
)
def test_qr_scans_from_screenshot(
    terminal: str, scale: int, qr_size: tuple[int, int], request: pytest.FixtureRequest
) -> None:
    svg, facts = request.getfixturevalue(terminal)["dark"]
    assert facts["scale"] == scale
    assert facts["size"] == qr_size
    assert facts["fits"] is True
    assert facts["side_x"] >= qr_size[0]  # the text sits beside the QR, not over it
    assert decode(svg_to_image(svg)) == [URL]
    if scale == 1:
        assert UPPER_HALF in svg  # small terminal: half blocks are really drawn
    else:
        assert UPPER_HALF not in svg  # large terminal: background colours only


@pytest.mark.parametrize("terminal", ["small", "large"])
def test_black_on_white_whatever_the_theme(terminal: str, request: pytest.FixtureRequest) -> None:
    shots = request.getfixturevalue(terminal)
    for theme in ("dark", "light"):
        colours = shots[theme][1]["colours"]
        assert colours, "no QR cells rendered"
        assert all(bg in BLACK_WHITE and (fg is None or fg in BLACK_WHITE) for fg, bg in colours), (
            colours
        )
    assert shots["dark"][1]["colours"] == shots["light"][1]["colours"]


@pytest.mark.parametrize("picture_scale", [0.5, 2.0])
def test_small_qr_scans_at_other_picture_scales(
    picture_scale: float, small: dict[str, Shot]
) -> None:
    """Half blocks are the fragile case: the 60x20 screenshot must also scan as a
    smaller (6 px modules) and a larger (24 px modules) picture. Drawing only the
    split cells as glyphs fails at 0.5; drawing them with '▄' fails at 2."""
    assert decode(svg_to_image(small["dark"][0], picture_scale)) == [URL]


def test_payload_change_redraws_and_resizes(small: dict[str, Shot]) -> None:
    """The new payload (taken in the light theme) is drawn, sized and scans."""
    svg, facts = small["mixed"]
    assert facts["size"] == (37, 19) and facts["scale"] == 1 and facts["fits"]
    assert decode(svg_to_image(svg)) == [MIXED_CASE_URL]


def test_too_small_terminal_reports_it() -> None:
    [(_, facts)] = run_finish((50, 15))
    assert facts["fits"] is False


class CorruptQRCode(QRCode):
    """Draws the URL's matrix with 15 % of the symbol's modules flipped (beyond level L's 7 %)."""

    def build_matrix(self, payload: str) -> list[list[bool]]:
        matrix = qr_matrix(payload)
        rng = random.Random(1234)
        inner = range(QUIET_ZONE, len(matrix) - QUIET_ZONE)
        cells = [(y, x) for y in inner for x in inner]
        for y, x in rng.sample(cells, len(cells) * 15 // 100):
            matrix[y][x] = not matrix[y][x]
        return matrix


def test_corrupted_matrix_does_not_scan() -> None:
    [(svg, facts)] = run_finish((120, 40), CorruptQRCode(URL))
    assert facts["scale"] == 2
    assert URL not in decode(svg_to_image(svg))


def test_upside_down_half_blocks_do_not_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """If '▀' got the bottom module as foreground, the 60x20 QR must not scan:
    proves the test sees the glyphs, not just the background colours."""

    def upside_down(row: Sequence[tuple[bool, bool]]) -> list[tuple[str, bool, bool]]:
        return [(char, bottom, top) for char, top, bottom in row_cells(row)]

    monkeypatch.setattr(qr_code_module, "row_cells", upside_down)
    [(svg, facts)] = run_finish((60, 20))
    assert facts["scale"] == 1
    assert URL not in decode(svg_to_image(svg))
