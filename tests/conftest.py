"""Shared fixtures: a temporary data folder, a Config on the repository's catalogue, and a
visitor that drives the kiosk screens by keys or by taps."""

from __future__ import annotations

from pathlib import Path

import pytest
from stdnum.cn import uscc

from kiosk.config import DEFAULT_CATALOGUE, Config
from kiosk.forms import Field
from tests.identities import FAKE_NAME, FAKE_PHONE, fake_id

PUBLIC_URL = "http://192.168.1.5:8765"
KIOSK_NAME = "hall-kiosk-3"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def config(data_dir: Path) -> Config:
    if not DEFAULT_CATALOGUE.exists():
        pytest.skip("no catalogue.db: run `kiosk catalogue build`")
    return Config(data_dir=data_dir, catalogue=DEFAULT_CATALOGUE, host="127.0.0.1", port=8765,
                  public_url=PUBLIC_URL, kiosk_name=KIOSK_NAME, language="zh",
                  idle_seconds=3600)


def valid_credit_code() -> str:
    body = "91330205MA2AAAAA0"
    return body + uscc.calc_check_digit(body)


def answer_for(field: Field) -> str:
    """A valid answer for a question, by its type, as a visitor would give it."""
    if field.type == "name":
        return FAKE_NAME
    if field.type == "id_number":
        return fake_id()
    if field.type == "phone":
        return FAKE_PHONE
    if field.type == "yes_no":
        return "no"
    if field.type == "choice":
        return field.choices[0].value
    if field.type == "number":
        return str(field.minimum if field.minimum is not None else 1)
    if field.type == "credit_code":
        return valid_credit_code()
    if field.type == "date":
        year = max(field.minimum or 1950, 1950)
        return f"{year}-01-01"
    return "测试"


class Visitor:
    """Acts on the kiosk as a visitor does: only by keys, or only by tapping what is on screen.

    Typing text is typing either way (the kiosk's keyboard or the ID-card reader).
    """

    def __init__(self, app, pilot, by: str = "keys") -> None:
        assert by in ("keys", "taps")
        self.app = app
        self.pilot = pilot
        self.by = by

    @property
    def screen(self):
        return self.app.screen

    async def settle(self) -> None:
        await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)
        await self.settle()

    async def tap(self, target) -> None:
        """Tap the middle of a widget (or of the one a selector finds on this screen)."""
        widget = self.screen.query_one(target) if isinstance(target, str) else target
        size = widget.size
        assert await self.pilot.click(widget, offset=(size.width // 2, size.height // 2)), target
        await self.settle()

    def _choices(self):
        from screens.widgets.numbered_choices import NumberedChoices

        return next(c for c in self.screen.query(NumberedChoices) if c.display)

    async def choose(self, value: str) -> None:
        """Pick an option from the numbered list on screen, turning pages until it shows."""
        from screens.widgets.numbered_choices import ChoiceButton

        choices = self._choices()
        for _ in range(30):
            shown = [b for b in choices.query(ChoiceButton) if b.option.value == value]
            if shown:
                break
            if self.by == "keys":
                await self.press("0")
            else:
                await self.tap(choices.query_one(".next-page"))
        else:
            raise AssertionError(f"{value!r} is not among the choices")
        if self.by == "keys":
            await self.press(str(shown[0].number))
        else:
            await self.tap(shown[0])

    async def go_on(self, button_id: str) -> None:
        """Enter, or a tap on the screen's main button (#next, #start, #finish, ...)."""
        if self.by == "keys":
            await self.press("enter")
        else:
            await self.tap(f"#{button_id}")

    async def answer(self, field, value: str) -> None:
        """Answer the question on screen and go on."""
        if field.type in ("choice", "yes_no"):
            await self.choose(value)
        elif field.type == "date":
            year, month, day = (str(int(part)) for part in value.split("-"))
            if self.by == "keys":
                await self.type(year)  # a full year moves on to the month by itself
                await self.type(month)
                await self.press("enter")
                await self.type(day)
                await self.press("enter")
            else:
                for box, part in (("#date-year", year), ("#date-month", month),
                                  ("#date-day", day)):
                    await self.tap(box)
                    await self.type(part)
                await self.tap("#next")
        else:
            if self.by == "taps":
                await self.tap("#answer")
            await self.type(value)
            await self.go_on("next")


@pytest.fixture(autouse=True)
def instant_screens(monkeypatch):
    """Pilot presses keys faster than any finger: the guard against digits typed on into a
    screen that has just appeared (screens.base SETTLE_SECONDS) is tested on its own, in
    tests/test_screens_visit.py, and switched off elsewhere."""
    from screens import base

    monkeypatch.setattr(base.Settling, "SETTLE_SECONDS", 0.0)
