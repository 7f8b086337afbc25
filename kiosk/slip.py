"""The slip a visitor takes away: the service, the QR and resume code, what to bring, where.

No Textual here. The screen gathers the words, in the visitor's language, into a `Slip`;
this module draws it as a picture the width of receipt paper and then either prints it,
when KIOSK_PRINTER names a receipt printer (python-escpos, imported only then), or writes
it as a PNG into the data folder's slips/, so a kiosk without a printer (and a test) can
see exactly what would have been printed. The slip is printed as a picture: receipt
printers have no Chinese font of their own that we could rely on.

KIOSK_PRINTER is one of ``usb:VENDOR:PRODUCT`` (hex ids, e.g. ``usb:04b8:0e28``),
``tcp:HOST[:PORT]`` (port 9100 unless given), ``file:/dev/usb/lp0`` or ``serial:/dev/ttyS0``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.catalogue import Material, Service
from kiosk.dates import Words, date_in_words
from kiosk.qr import qr_symbol
from kiosk.text import pick

if TYPE_CHECKING:
    from PIL import Image, ImageFont

PRINTER_ENV = "KIOSK_PRINTER"
PAPER_DOTS = 576        # 80 mm receipt paper at 203 dpi (a 58 mm printer takes 384)
MARGIN = 24
QR_MODULE_DOTS = 8      # 1 mm a module: scans from paper held at arm's length
SLIPS_FOLDER = "slips"
# Punctuation that must not start a line (Chinese typesetting), nor a Latin word break.
_NO_LINE_START = set("，。、：；！？）》」』”’,.;:!?)]%")
_TOKENS = re.compile(r"[A-Za-z0-9@#&+=_.:/\\\-]+|\s+|.")


@dataclass(frozen=True)
class Slip:
    """What a slip says, already in the visitor's language."""

    service: str
    url: str                 # what the QR carries: the draft's phone link
    code_label: str
    code: str                # the resume code, as shown on screen ("1234 5678")
    scan_hint: str
    sections: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (heading, lines)
    footer: str = ""


@dataclass(frozen=True)
class SlipResult:
    """Where the slip went: to the printer, or into a PNG (also when the printer failed)."""

    printed: bool
    path: Path | None = None
    problem: str | None = None


class PrinterProblem(RuntimeError):
    """The receipt printer is not configured right, not installed, or did not print."""


def slip_for(service: Service, materials: Sequence[Material], *, url: str, code: str,
             reference: str | None, lang: str, words: Words, moment: float) -> Slip:
    """The slip of one draft: everything a visitor needs at the window or at home."""
    sections: list[tuple[str, tuple[str, ...]]] = []
    if reference:
        sections.append((words("reference_label"), (reference,)))
    required = tuple(pick(m.name, lang) for m in materials if m.required)
    maybe = tuple(pick(m.name, lang) for m in materials if not m.required)
    if required:
        sections.append((words("slip_bring"), required))
    if maybe:
        sections.append((words("slip_maybe"), maybe))
    place = pick(service.place, lang)
    if place:
        sections.append((words("slip_where"), (place,)))
    time_limit = pick(service.time_limit, lang)
    if time_limit:
        sections.append((words("slip_time_limit"), (time_limit,)))
    return Slip(service=service.title(lang), url=url, code_label=words("your_code"), code=code,
                scan_hint=words("slip_scan"), sections=tuple(sections),
                footer=words("slip_printed_at", date=date_in_words(moment, words)))


# -- fonts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontFile:
    path: str
    index: int = 0


@lru_cache(maxsize=1)
def cjk_fonts() -> tuple[FontFile | None, FontFile | None]:
    """(regular, bold) fonts with Chinese, as `fc-list :lang=zh` names them; None if none.

    Simplified Chinese sans-serif faces are preferred, monospaced and serif ones last.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None, None
    try:
        listing = subprocess.run(
            [fc_list, ":lang=zh", "--format", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n"],
            capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None, None
    fonts = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        path, index, family, style = parts
        fonts.append((FontFile(path, int(index)), family, style))

    def score(family: str, style: str, bold: bool) -> int:
        wanted = "Bold" if bold else "Regular"
        return (8 * ("SC" in family or "CN" in family or "Simplified" in family)
                + 4 * ("Mono" not in family) + 2 * ("Serif" not in family)
                + 16 * (wanted in style))

    def best(bold: bool) -> FontFile | None:
        if not fonts:
            return None
        return max(fonts, key=lambda f: (score(f[1], f[2], bold), f[0].path))[0]

    return best(False), best(True)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    regular, heavy = cjk_fonts()
    chosen = (heavy or regular) if bold else regular
    if chosen is not None:
        try:
            return ImageFont.truetype(chosen.path, size, index=chosen.index)
        except OSError:
            pass
    return ImageFont.load_default(size)  # no Chinese glyphs, but the slip is still made


# -- drawing ------------------------------------------------------------------------------


def wrap(text: str, font, width: int) -> list[str]:
    """Lines of `text` no wider than `width`: Chinese breaks anywhere, Latin words whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKENS.findall(paragraph):
            candidate = line + token
            if font.getlength(candidate) <= width or not line.strip():
                line = candidate
                continue
            if token.isspace():
                lines.append(line.rstrip())
                line = ""
                continue
            if token[0] in _NO_LINE_START and len(line) > 1:
                # Carry the last character down with the punctuation after it.
                lines.append(line[:-1].rstrip())
                line = line[-1] + token
            else:
                lines.append(line.rstrip())
                line = token
        lines.append(line.rstrip())
    out: list[str] = []
    for line in lines:  # a single token wider than the paper (a long URL) is cut anywhere
        while font.getlength(line) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and font.getlength(line[:cut]) > width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


@dataclass
class _Pen:
    """Writes lines down a page that grows as it goes."""

    width: int
    y: int = MARGIN
    items: list = field(default_factory=list)

    def text(self, text: str, size: int, *, bold: bool = False, centre: bool = False,
             indent: int = 0, bullet: str = "", gap: int = 6) -> None:
        font = _font(size, bold)
        if bullet:  # the bullet hangs out; wrapped lines start under the text, not under it
            self.items.append(("text", MARGIN + indent, self.y, bullet, font))
            indent += int(font.getlength(bullet))
        room = self.width - 2 * MARGIN - indent
        for line in wrap(text, font, room):
            left = MARGIN + indent
            if centre:
                left = (self.width - int(font.getlength(line))) // 2
            self.items.append(("text", left, self.y, line, font))
            self.y += int(size * 1.3)
        self.y += gap

    def qr(self, payload: str) -> None:
        symbol = qr_symbol(payload, error_correction="Q")  # paper creases and smudges
        dots = max(2, min(QR_MODULE_DOTS, (self.width - 2 * MARGIN) // symbol.size))
        left = (self.width - dots * symbol.size) // 2
        self.items.append(("qr", left, self.y, symbol.modules, dots))
        self.y += dots * symbol.size + 6

    def rule(self) -> None:
        self.items.append(("rule", MARGIN, self.y + 8, self.width - MARGIN, 2))
        self.y += 20

    def draw(self) -> Image.Image:
        from PIL import Image, ImageDraw

        image = Image.new("L", (self.width, self.y + MARGIN), 255)
        pen = ImageDraw.Draw(image)
        for kind, left, top, *rest in self.items:
            if kind == "text":
                line, font = rest
                pen.text((left, top), line, font=font, fill=0)
            elif kind == "qr":
                modules, dots = rest
                for row, cells in enumerate(modules):
                    for column, dark in enumerate(cells):
                        if dark:
                            x, y = left + column * dots, top + row * dots
                            pen.rectangle((x, y, x + dots - 1, y + dots - 1), fill=0)
            else:
                right, thick = rest
                pen.rectangle((left, top, right, top + thick - 1), fill=0)
        return image


def render(slip: Slip, width: int = PAPER_DOTS) -> Image.Image:
    """The slip as a black-on-white picture `width` dots wide, as tall as it needs."""
    pen = _Pen(width)
    pen.text(slip.service, 40, bold=True, centre=True, gap=12)
    pen.qr(slip.url)
    pen.text(slip.code_label, 28, centre=True, gap=0)
    pen.text(slip.code, 64, bold=True, centre=True, gap=4)
    pen.text(slip.scan_hint, 24, centre=True)
    for heading, lines in slip.sections:
        pen.rule()
        pen.text(heading, 30, bold=True, gap=2)
        for line in lines:
            pen.text(line, 28, indent=8, bullet="· " if len(lines) > 1 else "", gap=2)
    if slip.footer:
        pen.rule()
        pen.text(slip.footer, 22, gap=0)
    return pen.draw()


# -- where it goes ------------------------------------------------------------------------


def save_png(image: Image.Image, path: Path) -> Path:
    """Write the picture whole or not at all, readable by the kiosk's owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".slip-", suffix=".png")
    try:
        with os.fdopen(handle, "wb") as out:
            image.save(out, "PNG", optimize=True)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def open_printer(spec: str):
    """The python-escpos printer `spec` names (see the module's docstring)."""
    kind, _, where = spec.strip().partition(":")
    try:
        from escpos import printer as escpos_printer  # optional: only with a printer
    except ImportError as missing:
        raise PrinterProblem("python-escpos is not installed") from missing
    try:
        if kind == "usb":
            vendor, product = where.split(":")[:2]
            return escpos_printer.Usb(int(vendor, 16), int(product, 16))
        if kind in ("tcp", "network"):
            host, _, port = where.partition(":")
            return escpos_printer.Network(host, port=int(port or 9100))
        if kind == "file":
            return escpos_printer.File(where)
        if kind == "serial":
            return escpos_printer.Serial(where)
    except (ValueError, OSError) as error:
        raise PrinterProblem(f"cannot open printer {kind}: {error}") from error
    raise PrinterProblem(f"unknown printer kind {kind!r} in {PRINTER_ENV}")


def send_to_printer(image: Image.Image, spec: str) -> None:
    device = open_printer(spec)
    try:
        device.image(image, center=True)
        device.cut()
    except Exception as error:  # a printer out of paper, unplugged or refusing
        raise PrinterProblem(f"the printer did not print: {error}") from error
    finally:
        with contextlib.suppress(Exception):  # closing a broken printer must not hide why
            device.close()


def deliver(slip: Slip, data_dir: Path, name: str, *, printer: str | None = None) -> SlipResult:
    """Print the slip on the configured printer, or else save it as slips/<name>.png.

    `printer` defaults to the KIOSK_PRINTER environment variable. When printing fails the
    slip is saved instead, so staff can print it from there, and `problem` says why.
    """
    image = render(slip)
    spec = os.environ.get(PRINTER_ENV, "") if printer is None else printer
    problem = None
    if spec.strip():
        try:
            send_to_printer(image, spec)
            return SlipResult(printed=True)
        except PrinterProblem as error:
            problem = str(error)
    safe_name = re.sub(r"[^0-9A-Za-z_-]", "", name) or "slip"
    path = save_png(image, Path(data_dir) / SLIPS_FOLDER / f"{safe_name}.png")
    return SlipResult(printed=False, path=path, problem=problem)
