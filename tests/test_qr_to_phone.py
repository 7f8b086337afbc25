"""The whole handoff as a visitor does it: the kiosk draws its QR at 60x20, the picture is
decoded like a phone camera would, and that link, opened in a real browser at a phone's
size, shows the same draft, takes an answer, and the kiosk's store has it."""

import asyncio

from kiosk.config import DEFAULT_CATALOGUE, Config
from kiosk.drafts import DraftStore
from kiosk.web.server import free_port, start_in_background
from screens.app import KioskApp
from tests.test_qr_scans import decode, svg_to_image
from tests.test_web_browser import CHROMIUM, CHROMIUM_ARGS, PHONE, _chromium_or_skip


async def _kiosk_qr_link(config: Config, code: str) -> str:
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for key in code:
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")  # continue on my phone
        await pilot.pause(0.3)
        picture = svg_to_image(app.export_screenshot())
    links = decode(picture)
    assert len(links) == 1, "exactly one QR code on the kiosk's screen"
    return links[0]


def test_the_qr_on_the_kiosk_opens_the_same_draft_in_a_phone_browser(tmp_path):
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    port = free_port()
    config = Config.load(data_dir=str(tmp_path), catalogue=str(DEFAULT_CATALOGUE),
                         host="127.0.0.1", port=port, public_url=f"http://127.0.0.1:{port}")
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card", kiosk="kiosk-1")
    store.save_value(draft.id, "name", "张三")
    server = start_in_background(config)
    assert server.wait_started(15)
    try:
        link = asyncio.run(_kiosk_qr_link(config, draft.resume_code))
        assert link.startswith(f"HTTP://127.0.0.1:{port}/R/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                       locale="zh-CN").new_page()
            page.goto(link)
            assert "办老年卡" in page.content()
            page.goto(link.lower() + "/q/phone")  # tokens are read without regard to case
            page.fill("input[name=answer]", "138 0000 0000")
            with page.expect_navigation():
                page.get_by_role("button", name="下一步", exact=True).click()
            browser.close()
    finally:
        server.stop()
    saved = DraftStore(config.drafts_db).get(draft.id)
    assert saved.values["name"] == "张三" and saved.values["phone"] == "13800000000"
    assert any(c.source == "phone" and c.field_id == "phone"
               for c in DraftStore(config.drafts_db).history(draft.id))
