"""A kiosk and the desk as two apps on one data folder, as in the hall."""

from __future__ import annotations

from textual.widgets import DataTable

from screens.app import KioskApp
from screens.desk.app import DeskApp
from screens.help_modal import HelpModal
from tests.test_desk_console import VOLUNTEER, row_keys, sign_in, wait_for


async def test_the_desk_sees_a_kiosks_help_request_within_2s_and_takes_it(config):
    kiosk, desk = KioskApp(config), DeskApp(config)
    async with desk.run_test(size=(80, 24)) as desk_pilot:
        await sign_in(desk, desk_pilot)
        queue = desk.screen.query_one("#queue", DataTable)
        async with kiosk.run_test(size=(60, 20)) as kiosk_pilot:
            await kiosk_pilot.pause()
            await kiosk_pilot.press("f1")
            await kiosk_pilot.pause()
            assert isinstance(kiosk.screen, HelpModal)
            request_id = kiosk.screen.request_id
            waited = await wait_for(desk_pilot, lambda: str(request_id) in row_keys(queue))
            assert waited < 2.0
            assert str(queue.get_cell(str(request_id), "kiosk")) == config.kiosk_name
            await desk_pilot.press("a")
            await desk_pilot.pause()
            # What the kiosk reads to say "<name> is coming".
            assert kiosk.help_requests.get(request_id).volunteer == VOLUNTEER
