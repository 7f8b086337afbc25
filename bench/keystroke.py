"""Keystroke to repaint in the kiosk's search box, against the same keystroke in a plain Input.

Both run headless under Textual's Pilot, which waits after each key until the app is idle
(messages handled, screen composed), so the figure includes search and the results' repaint.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input

from bench.measure import Comparison
from kiosk.config import DEFAULT_CATALOGUE, Config

QUERIES = ["laonianka", "ylbx", "shenfenzheng", "tuixiu"]


class PlainInputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="search")


async def _type(app: App, before, keys: str) -> float:
    async with app.run_test(size=(60, 20)) as pilot:
        await before(pilot)
        start = time.perf_counter()
        for key in keys:
            await pilot.press(key)
        elapsed = time.perf_counter() - start
        for _ in keys:
            await pilot.press("backspace")
    return elapsed / len(keys) * 1000


async def _to_search(pilot) -> None:
    await pilot.pause(0.5)  # a new screen ignores digits for its first 0.4 s
    await pilot.press("2")
    await pilot.pause()


async def _focus(pilot) -> None:
    pilot.app.query_one("#search").focus()
    await pilot.pause()


def measure(rounds: int = 5) -> list[Comparison]:
    from screens.app import KioskApp

    ours, floor = [], []
    with tempfile.TemporaryDirectory() as data:
        config = Config(data_dir=Path(data), catalogue=DEFAULT_CATALOGUE, host="127.0.0.1",
                        port=8765, public_url="http://127.0.0.1:8765", kiosk_name="bench",
                        language="zh", idle_seconds=3600)
        for i in range(rounds):
            keys = QUERIES[i % len(QUERIES)]
            app = KioskApp(config)
            ours.append(asyncio.run(_type(app, _to_search, keys)))
            floor.append(asyncio.run(_type(PlainInputApp(), _focus, keys)))
    return [Comparison("keystroke to repaint, search box", ours, floor, "ms", "<= 1.2x")]
