"""The phone page in a real browser: Debian's Chromium, driven by Playwright, at phone size.

A real uvicorn server (kiosk.web.server.start_in_background) serves a test catalogue on
127.0.0.1. Screenshots of the main pages go to docs/phone/ for people to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from kiosk import handoff
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.uploads import MAX_BYTES, UploadStore
from kiosk.web.server import free_port, start_in_background
from tests.identities import fake_id
from tests.test_web_phone import SERVICE, build_test_catalogue, photo_bytes

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "phone"
ID_NUMBER = fake_id("19480315", "246")  # even serial: female, born 15 March 1948


def _chromium_or_skip() -> None:
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real phone-page server on a free port, with its own data folder and catalogue."""
    folder = tmp_path_factory.mktemp("phone-server")
    port = free_port()
    config = Config.load(data_dir=str(folder / "data"),
                         catalogue=str(build_test_catalogue(folder)), host="127.0.0.1",
                         port=port, public_url=f"http://127.0.0.1:{port}")
    background = start_in_background(config)
    assert background.wait_started(15), "the phone page did not start"
    yield config
    background.stop()


@pytest.fixture(scope="module")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_link(config: Config, **values: str) -> tuple[str, str, str]:
    """A draft as the kiosk leaves it (some answers given), and the link its QR code carries."""
    store = DraftStore(config.drafts_db)
    draft = store.create(SERVICE, kiosk="kiosk-1")
    for field, value in values.items():
        store.save_value(draft.id, field, value, source="kiosk")
    token = store.issue_token(draft.id)
    store.close()
    return draft.id, token, handoff.phone_url(config.public_url, token)


def phone_page(browser, *, javascript: bool = True, width: int = 390):
    context = browser.new_context(viewport={"width": width, "height": PHONE["height"]},
                                  device_scale_factor=1, is_mobile=True, has_touch=True,
                                  java_script_enabled=javascript, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return context, page, problems


def next_page(page, label: str = "下一步") -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=label, exact=True).click()


def test_a_visitor_finishes_the_kiosk_draft_on_a_phone(server, browser, tmp_path):
    draft_id, token, link = new_link(server, name="王秀英")
    assert link.startswith("HTTP://127.0.0.1") and "/R/" in link
    context, page, problems = phone_page(browser)
    page.goto(link)
    assert page.get_by_role("heading", name="办老年卡").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="接着填写").click()
    assert "第2步" in page.locator(".progress").inner_text()

    page.get_by_label("您的身份证号码是多少？").fill(ID_NUMBER)
    next_page(page)
    # sex and birth date come from the ID number: straight on to the phone number
    phone = page.get_by_label("您的手机号码是多少？")
    phone.fill("139 1234 5678")
    page.wait_for_timeout(900)  # the script saves it by itself, well within this
    saved = DraftStore(server.drafts_db).get(draft_id).values
    assert saved["phone"] == "13912345678"
    next_page(page)

    page.get_by_label("南街街道").check()
    next_page(page)
    page.get_by_label("否").check()
    next_page(page)
    page.select_option("select[name=year]", "2030")
    page.select_option("select[name=month]", "6")
    page.select_option("select[name=day]", "18")
    next_page(page)
    page.get_by_label("还有什么要说的吗？").fill("腿脚不便")
    next_page(page, "下一步：检查所填内容")
    assert page.get_by_role("heading", name="请检查您填的内容").is_visible()
    assert ID_NUMBER not in page.content()

    photo = tmp_path / "id-card.jpg"
    photo.write_bytes(photo_bytes("JPEG", (800, 600)))
    with page.expect_navigation():
        page.get_by_role("link", name="本人居民身份证原件").click()
    with page.expect_navigation(url="**added=1"):
        page.set_input_files("#photo", str(photo))  # the script sends it once chosen
    assert page.get_by_text("照片已经收到了").is_visible()
    assert page.locator("figure.photo img").evaluate("img => img.naturalWidth") == 800

    page.goto(f"{server.public_url}/r/{token}/check")
    with page.expect_navigation():
        page.get_by_role("button", name="确认无误，提交").click()
    assert page.get_by_role("heading", name="✓ 提交成功").is_visible()
    reference = page.locator(".reference").inner_text()
    assert reference.startswith("JB-")

    draft = DraftStore(server.drafts_db).get(draft_id)
    assert draft.status == "submitted" and draft.reference == reference
    assert draft.values == {
        "name": "王秀英", "id_number": ID_NUMBER, "sex": "female", "birth_date": "1948-03-15",
        "phone": "13912345678", "subdistrict": "south", "has_agent": "no",
        "collect_day": "2030-06-18", "note": "腿脚不便"}
    [upload] = UploadStore(server.drafts_db, server.data_dir / "uploads").for_draft(draft_id)
    assert upload.material_id == "id-card" and upload.width == 800
    assert problems == []  # no script errors, no CSP violations
    context.close()


def test_the_page_works_with_javascript_off(server, browser):
    draft_id, token, _ = new_link(server)
    context, page, _ = phone_page(browser, javascript=False)
    page.goto(f"{server.public_url}/r/{token}/q/phone")
    page.get_by_label("您的手机号码是多少？").fill("138 00")
    next_page(page)
    assert page.get_by_role("alert").is_visible()  # the problem, above and at the field
    assert page.get_by_label("您的手机号码是多少？").input_value() == "138 00"
    page.get_by_label("您的手机号码是多少？").fill("13800001111")
    next_page(page)
    assert "/q/subdistrict" in page.url
    assert DraftStore(server.drafts_db).get(draft_id).values["phone"] == "13800001111"
    context.close()


@pytest.mark.parametrize("width", [360, 390])
def test_pages_fit_a_small_phone_with_big_text_and_targets(server, browser, width):
    _, token, _ = new_link(server, name="王秀英", id_number=ID_NUMBER)
    context, page, _ = phone_page(browser, width=width)
    page.goto(f"{server.public_url}/r/{token}/q/id_number")
    assert page.eval_on_selector("#answer", "e => e.scrollWidth <= e.clientWidth"), \
        "all 18 characters of an ID number are in view, to compare with the card"
    for path in ("", "/q/phone", "/q/subdistrict", "/q/collect_day", "/q/note", "/check",
                 "/materials", "/materials/id-card"):
        page.goto(f"{server.public_url}/r/{token}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('body *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .filter(e => e.getBoundingClientRect().width > 1)
            .map(e => parseFloat(getComputedStyle(e).fontSize)))""")
        assert smallest >= 24, (path, smallest)  # every visible text at least 18 pt
        small = page.evaluate("""() => [...document.querySelectorAll(
            'a.button, button, .choice, select, .top .lang, .change, .file-label,'
            + 'input:not([type=hidden]):not([type=radio])')]  // a radio's target is its label
            .filter(e => getComputedStyle(e).opacity !== '0')  // a hidden picker: its label is
            .map(e => e.getBoundingClientRect())
            .filter(r => r.width > 0 && (r.height < 44 || r.width < 44))
            .map(r => [r.width, r.height])""")
        assert small == [], (path, small)
    context.close()


def _shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshots_of_question_upload_and_receipt(server, browser, lang, tmp_path):
    """Screenshots at 390x844 for people to look at, in both languages."""
    draft_id, token, _ = new_link(server, name="王秀英", id_number=ID_NUMBER,
                                  phone="13912345678")
    base = f"{server.public_url}/r/{token}"
    context, page, problems = phone_page(browser)
    page.goto(f"{base}?lang={lang}")
    _shoot(page, f"start-{lang}")
    page.goto(f"{base}/q/subdistrict")
    _shoot(page, f"question-{lang}")
    page.goto(f"{base}/q/collect_day")
    page.select_option("select[name=year]", "2030")
    next_page(page, "下一步" if lang == "zh" else "Next")
    _shoot(page, f"question-error-{lang}")
    page.goto(f"{base}/materials/id-card")
    _shoot(page, f"upload-{lang}")
    photo = tmp_path / "card.jpg"
    photo.write_bytes(photo_bytes("JPEG", (640, 400)))
    with page.expect_navigation(url="**added=1"):
        page.set_input_files("#photo", str(photo))
    _shoot(page, f"upload-done-{lang}")

    store = DraftStore(server.drafts_db)
    for field, value in (("subdistrict", "north"), ("has_agent", "no"),
                         ("collect_day", "2030-06-18"), ("note", "")):
        store.save_value(draft_id, field, value, source="kiosk")
    page.goto(f"{base}/check")
    _shoot(page, f"check-{lang}")
    with page.expect_navigation():
        page.locator("form.submit button").click()
    _shoot(page, f"receipt-{lang}")
    fits = page.evaluate("""() => [...document.querySelectorAll('.reference span')]
        .map(s => s.getBoundingClientRect().top)""")
    assert len(set(fits)) == 1, "the reference number should stay on one line at 390 px"
    assert store.get(draft_id).status == "submitted"
    assert problems == []
    context.close()


def test_a_photo_too_big_to_send_is_made_smaller_in_the_browser(server, browser, tmp_path):
    """Big camera sensors make files over the server's limit; the visitor should not care."""
    draft_id, token, _ = new_link(server)
    noise = Image.frombytes("RGB", (4200, 3200), os.urandom(4200 * 3200 * 3))
    photo = tmp_path / "huge.jpg"
    noise.save(photo, "JPEG", quality=95)
    assert photo.stat().st_size > MAX_BYTES
    context, page, problems = phone_page(browser)
    page.goto(f"{server.public_url}/r/{token}/materials/id-card")
    with page.expect_navigation(url="**added=1", timeout=30_000):
        page.set_input_files("#photo", str(photo))
    [kept] = UploadStore(server.drafts_db, server.data_dir / "uploads").for_draft(draft_id)
    assert max(kept.width, kept.height) == 2400 and kept.bytes < MAX_BYTES
    assert problems == []
    context.close()
