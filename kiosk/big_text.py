"""Words drawn large with block characters, from a CJK font rendered by Pillow.

A terminal cell holds two square pixels, one above the other (▀ ▄ █), so a glyph `height`
pixels tall takes height/2 rows and a Chinese character `height` columns. FreeType's hinted
black-and-white rendering at the real pixel size keeps the strokes crisp; shrinking a large
anti-aliased rendering does not (tried: 您 turns to noise at 12 pixels).

No font, or no room: `render` returns None and the caller shows ordinary text.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
BASELINE = 0.88  # of the em box: CJK glyphs sit in [0, 1], Latin descenders below it
BOLD_FROM = 14   # pixels: below this, bold strokes run into each other
KNOWN_FONTS = {
    False: ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    True: ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
}
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKENS = re.compile(rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+")
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int


@lru_cache(maxsize=2)
def find_font(bold: bool) -> FontFile | None:
    """A Simplified Chinese sans-serif font: $KIOSK_BIG_TEXT_FONT, else fontconfig's choice,
    else the Debian path of Noto Sans CJK; None when there is none."""
    override = os.environ.get("KIOSK_BIG_TEXT_FONT")
    if override is not None:
        return FontFile(override, 0) if override and Path(override).is_file() else None
    found = _fontconfig_font(bold)
    if found is not None:
        return found
    path, index = KNOWN_FONTS[bold]
    return FontFile(path, index) if Path(path).is_file() else None


def _fontconfig_font(bold: bool) -> FontFile | None:
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}|%{index}|%{family}|%{style}\n", ":lang=zh"],
            capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    wanted = "Bold" if bold else "Regular"
    candidates = []
    for line in listing.splitlines():
        path, _, rest = line.partition("|")
        index, _, rest = rest.partition("|")
        family, _, style = rest.partition("|")
        if "Sans" not in family or "Mono" in family or not index.isdigit():
            continue
        rank = (wanted not in style, "SC" not in family, "CJK" not in family)
        candidates.append((rank, FontFile(path, int(index))))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def available() -> bool:
    return find_font(False) is not None


@lru_cache(maxsize=8)
def _font(height: int):
    from PIL import ImageFont  # Pillow is a dependency; imported late, only when drawing

    font = find_font(height >= BOLD_FROM) or find_font(False)
    if font is None:
        return None
    try:
        return ImageFont.truetype(font.path, height, index=font.index)
    except OSError:
        return None


@lru_cache(maxsize=4096)
def glyph(char: str, height: int) -> tuple[str, ...] | None:
    """One character as height/2 rows of half blocks, as wide in cells as it is in pixels."""
    from PIL import Image, ImageDraw

    font = _font(height)
    if font is None:
        return None
    width = max(round(font.getlength(char)), 1)
    image = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # hinted black and white: no grey pixels to guess about
    draw.text((0, round(height * BASELINE)), char, font=font, fill=1, anchor="ls")
    pixels = image.load()
    rows = []
    for y in range(0, height - 1, 2):
        rows.append("".join(HALF_BLOCKS[(bool(pixels[x, y]), bool(pixels[x, y + 1]))]
                            for x in range(width)))
    return tuple(rows)


def text_width(text: str, height: int) -> int | None:
    """Cells `text` takes on one line at this height; None without a font."""
    glyphs = [glyph(c, height) for c in text]
    if any(g is None for g in glyphs):
        return None
    return sum(len(g[0]) for g in glyphs if g)


def _draw_line(text: str, height: int) -> list[str]:
    rows = [""] * (height // 2)
    for char in text:
        shape = glyph(char, height) or ()
        for index, row in enumerate(shape):
            rows[index] += row
    return [row.rstrip() for row in rows]


def wrap(text: str, height: int, width: int) -> list[str] | None:
    """`text` cut into lines that fit `width` cells at this height: Chinese between any two
    characters, Latin words whole, no line starting with closing punctuation. None when a
    single word is wider than `width`, or there is no font."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(" ".join(text.split())):
        if token.isspace() and not current:
            continue
        trial = current + token
        size = text_width(trial.rstrip(), height)
        if size is None:
            return None
        if size <= width:
            current = trial
            continue
        if token.isspace():
            lines.append(current.rstrip())
            current = ""
            continue
        if token in _NO_LINE_START and current:
            # Take the last character along, so the punctuation does not start the line.
            current, carried = current[:-1], current[-1]
            token = carried + token
        if current.strip():
            lines.append(current.rstrip())
        current = token
        token_width = text_width(current, height)
        if token_width is None or token_width > width:
            return None
    if current.strip():
        lines.append(current.rstrip())
    return lines


def render(text: str, height: int, width: int, max_rows: int | None = None) -> list[str] | None:
    """`text` drawn `height` pixels tall in at most `width` cells and `max_rows` rows, as rows of
    block characters; None when it does not fit or no font is installed."""
    if height < 2 or not text.strip():
        return None
    lines = wrap(text, height, width)
    if not lines:
        return None
    rows_each = height // 2
    if max_rows is not None and len(lines) * rows_each > max_rows:
        return None
    drawn: list[str] = []
    for line in lines:
        drawn.extend(_draw_line(line, height))
    return drawn


def render_first_fit(text: str, heights: tuple[int, ...], width: int,
                     max_rows: int | None = None) -> list[str] | None:
    """The largest of `heights` at which `text` fits; None when none does. Glyphs smaller
    than BOLD_FROM are used for one line only: two lines of them read worse than plain text."""
    for height in sorted(heights, reverse=True):
        rows = max_rows
        if height < BOLD_FROM:
            rows = min(rows if rows is not None else height // 2, height // 2)
        drawn = render(text, height, width, rows)
        if drawn is not None:
            return drawn
    return None
