"""The printed slip: a PNG in the data folder by default, or a receipt printer when one is
configured. Its QR must scan to the draft's phone link and its Chinese must be drawn."""

from __future__ import annotations

import sys
import time
import types
from typing import ClassVar

import pytest
import zxingcpp
from PIL import Image, ImageChops

from kiosk import slip as slip_module
from kiosk.catalogue import Catalogue
from kiosk.drafts import DraftStore
from kiosk.slip import Slip, cjk_fonts, deliver, render, slip_for, wrap
from screens.form_session import FormSession
from screens.texts import Texts
from tests.conftest import PUBLIC_URL

SERVICE = "senior-card"


@pytest.fixture
def session(config):
    store = DraftStore(config.drafts_db)
    catalogue = Catalogue(config.catalogue)
    service = catalogue.service(SERVICE)
    yield FormSession.start(store, catalogue, service, kiosk="k", language="zh")
    store.close()


def words_in(config, lang: str):
    texts = Texts(Catalogue(config.catalogue).texts())
    return lambda key, **values: texts.get(key, lang, **values)


def the_slip(config, session, lang: str = "zh", reference: str | None = None) -> Slip:
    return slip_for(session.service, session.materials, url=session.phone_url(PUBLIC_URL),
                    code=session.code_display, reference=reference, lang=lang,
                    words=words_in(config, lang), moment=time.time())


def decode(image: Image.Image) -> list[str]:
    results = zxingcpp.read_barcodes(image.convert("RGB"),
                                     formats=zxingcpp.BarcodeFormat.QRCode, try_invert=False)
    return [r.text for r in results]


def dark_rows(image: Image.Image) -> list[int]:
    grey = image.convert("L")
    width = grey.width
    pixels = grey.load()
    return [y for y in range(grey.height) if any(pixels[x, y] < 128 for x in range(0, width, 2))]


def test_by_default_the_slip_is_a_png_in_the_data_folder_whose_qr_scans_to_the_phone_link(
        config, session, monkeypatch):
    monkeypatch.delenv("KIOSK_PRINTER", raising=False)
    slip = the_slip(config, session)
    result = deliver(slip, config.data_dir, session.resume_code)
    assert not result.printed and result.problem is None
    assert result.path == config.data_dir / "slips" / f"{session.resume_code}.png"
    assert result.path.stat().st_mode & 0o077 == 0  # the link in it opens the draft
    image = Image.open(result.path)
    assert image.width == slip_module.PAPER_DOTS
    assert decode(image) == [session.phone_url(PUBLIC_URL)]
    token = decode(image)[0].rsplit("/", 1)[1]
    assert session.store.find_by_token(token).id == session.draft_id


def test_the_slip_says_the_service_code_materials_and_place(config, session):
    slip = the_slip(config, session, reference="JB-20260101-0001")
    assert slip.service == session.service.title("zh")
    assert slip.code == session.code_display
    headings = [heading for heading, _ in slip.sections]
    assert headings == ["受理编号", "请带上", "如果适用，还要带", "到哪里办", "办理时限"]
    lines = dict(slip.sections)
    assert lines["请带上"] == ("本人居民身份证原件",)
    assert lines["到哪里办"] == (session.service.place["zh"],)
    assert slip.footer.startswith("打印日期：") and slip.footer.endswith("日")
    english = the_slip(config, session, lang="en")
    assert dict(english.sections)["Bring"] == ("Your resident ID card",)


def test_the_slips_words_are_drawn_with_a_chinese_font_not_empty_boxes(config, session):
    if cjk_fonts()[0] is None:
        pytest.skip("no Chinese font (fc-list :lang=zh finds none): install fonts-noto-cjk")
    image = render(the_slip(config, session))
    rows = dark_rows(image)
    qr_bottom = slip_module.MARGIN + 40 * 3 + 8 * 45  # well below title and QR
    assert [y for y in rows if y > qr_bottom], "nothing written under the QR"
    font = slip_module._font(40)
    one, other = (font.getmask(char) for char in "办理")
    assert one.getbbox() is not None and other.getbbox() is not None
    # A font without Chinese draws the same empty box for both; a real one does not.
    assert ImageChops.difference(Image.frombytes("L", one.size, bytes(one)),
                                 Image.frombytes("L", other.size, bytes(other))).getbbox()


def test_long_lines_wrap_inside_the_paper_and_never_start_with_punctuation(config):
    if cjk_fonts()[0] is None:
        pytest.skip("no Chinese font")
    font = slip_module._font(28)
    text = "请带上材料原件，到区政务服务中心一楼老年人优先窗口12号办理。" * 3
    lines = wrap(text, font, 300)
    assert len(lines) > 3
    assert all(font.getlength(line) <= 300 for line in lines)
    assert not any(line[:1] in "，。" for line in lines)
    assert "".join(lines) == text


class FakePrinter:
    printed: ClassVar[list] = []

    def __init__(self, *args, **kwargs) -> None:
        self.opened_with = (args, kwargs)

    def image(self, image, center=False) -> None:
        FakePrinter.printed.append((self.opened_with, image.size, center))

    def cut(self) -> None:
        FakePrinter.printed.append("cut")

    def close(self) -> None:
        FakePrinter.printed.append("closed")


def fake_escpos(monkeypatch) -> None:
    printer = types.ModuleType("escpos.printer")
    printer.Network = printer.Usb = printer.File = printer.Serial = FakePrinter
    package = types.ModuleType("escpos")
    package.printer = printer
    monkeypatch.setitem(sys.modules, "escpos", package)
    monkeypatch.setitem(sys.modules, "escpos.printer", printer)
    FakePrinter.printed = []


def test_with_a_printer_configured_the_slip_is_printed_and_no_file_is_kept(
        config, session, monkeypatch):
    fake_escpos(monkeypatch)
    monkeypatch.setenv("KIOSK_PRINTER", "tcp:192.0.2.7:9100")
    result = deliver(the_slip(config, session), config.data_dir, session.resume_code)
    assert result.printed and result.path is None
    (opened, size, centred), cut, closed = FakePrinter.printed
    assert opened == (("192.0.2.7",), {"port": 9100}) and centred
    assert size[0] == slip_module.PAPER_DOTS and (cut, closed) == ("cut", "closed")
    assert not (config.data_dir / "slips").exists()


def test_a_printer_that_cannot_be_used_still_leaves_the_slip_as_a_png(
        config, session, monkeypatch):
    monkeypatch.setitem(sys.modules, "escpos", None)  # python-escpos not installed
    result = deliver(the_slip(config, session), config.data_dir, session.resume_code,
                     printer="usb:04b8:0e28")
    assert not result.printed and result.path.exists()
    assert "python-escpos" in result.problem
    fake_escpos(monkeypatch)
    result = deliver(the_slip(config, session), config.data_dir, "x", printer="carrier-pigeon:1")
    assert result.path.exists() and "carrier-pigeon" in result.problem
