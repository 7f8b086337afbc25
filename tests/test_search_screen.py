"""Searching on the kiosk: results as the visitor types; what found nothing is counted."""

import sqlite3

from screens.app import KioskApp


async def test_a_search_that_found_nothing_is_counted_once_without_its_prefixes(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for key in "qqzzxx":
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        for key in "lnk":
            await pilot.press(key)
        await pilot.pause()
        assert "办老年卡" in str(app.screen.query_one("#results").query("Button").first().label)
        await pilot.press("escape")
        await pilot.pause()
    rows = sqlite3.connect(config.drafts_db).execute(
        "SELECT query, count FROM search_misses").fetchall()
    assert rows == [("qqzzxx", 1)]


async def test_zero_turns_the_page_of_results_instead_of_spoiling_the_query(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for key in "ylbx0":
            await pilot.press(key)
        await pilot.pause()
        assert app.screen.query_one("#search").value == "ylbx"
