"""Volunteers sign in at the desk with a personal PIN, kept only as a salted hash."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.volunteers import (
    LOCK_FIRST,
    MAX_FAILURES,
    BadPin,
    SignInRefused,
    Volunteers,
)
from screens.desk.app import DeskApp
from screens.desk.help_queue import HelpQueueScreen
from screens.desk.sign_in import SignInScreen

PIN = "246810"


def test_the_right_pin_signs_in_and_a_wrong_one_is_refused(tmp_path):
    volunteers = Volunteers(tmp_path / "drafts.db")
    volunteers.add("王芳", PIN)
    assert volunteers.sign_in(" 王芳 ", PIN).name == "王芳"
    with pytest.raises(SignInRefused) as refused:
        volunteers.sign_in("王芳", "135790")
    assert refused.value.reason == "wrong"
    with pytest.raises(SignInRefused):
        volunteers.sign_in("李四", PIN)  # no such volunteer: the same answer


def test_repeated_wrong_pins_lock_the_name_even_against_the_right_pin(tmp_path):
    now = [1_000_000.0]
    volunteers = Volunteers(tmp_path / "drafts.db", clock=lambda: now[0])
    volunteers.add("王芳", PIN)
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInRefused) as refused:
            volunteers.sign_in("王芳", "000000")
        assert refused.value.reason == "wrong"
    with pytest.raises(SignInRefused) as refused:
        volunteers.sign_in("王芳", "000000")
    assert refused.value.reason == "locked"
    assert refused.value.until == now[0] + LOCK_FIRST
    with pytest.raises(SignInRefused) as refused:
        volunteers.sign_in("王芳", PIN)
    assert refused.value.reason == "locked"

    # Another desk on the same data folder sees the same lock.
    other_desk = Volunteers(tmp_path / "drafts.db", clock=lambda: now[0])
    assert other_desk.locked_until("王芳") == now[0] + LOCK_FIRST

    now[0] += LOCK_FIRST + 1
    with pytest.raises(SignInRefused) as refused:
        volunteers.sign_in("王芳", "000000")  # one more wrong PIN: locked again, longer
    assert refused.value.until == now[0] + 2 * LOCK_FIRST
    now[0] += 2 * LOCK_FIRST + 1
    assert volunteers.sign_in("王芳", PIN).name == "王芳"
    assert volunteers.locked_until("王芳") is None


def test_unknown_names_are_locked_too(tmp_path):
    volunteers = Volunteers(tmp_path / "drafts.db")
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            volunteers.sign_in("nobody", "111111")
    assert volunteers.locked_until("nobody") is not None


def test_a_new_pin_lifts_the_lock(tmp_path):
    volunteers = Volunteers(tmp_path / "drafts.db")
    volunteers.add("王芳", PIN)
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            volunteers.sign_in("王芳", "000000")
    with pytest.raises(KeyError):
        volunteers.add("王芳", "975310")
    volunteers.add("王芳", "975310", replace=True)
    assert volunteers.sign_in("王芳", "975310").name == "王芳"


def test_pins_are_stored_only_as_salted_hashes(tmp_path):
    volunteers = Volunteers(tmp_path / "drafts.db")
    volunteers.add("王芳", PIN)
    volunteers.add("李明", PIN)
    volunteers.close()
    for path in tmp_path.iterdir():  # the database and its WAL
        assert PIN.encode() not in path.read_bytes(), path.name
    import sqlite3

    hashes = [r[0] for r in sqlite3.connect(tmp_path / "drafts.db").execute(
        "SELECT pin_hash FROM volunteers")]
    assert all(h.startswith("scrypt$") for h in hashes)
    assert hashes[0] != hashes[1]  # same PIN, different salt


@pytest.mark.parametrize("pin", ["1234", "12345a", "1234567890123", ""])
def test_short_or_non_digit_pins_are_refused(tmp_path, pin):
    with pytest.raises(BadPin):
        Volunteers(tmp_path / "drafts.db").add("王芳", pin)


def test_add_volunteer_command_asks_for_the_pin_twice(tmp_path):
    def add(name, typed):
        return subprocess.run(
            [sys.executable, "-m", "screens.cli", "desk", "add-volunteer", name,
             "--data-dir", str(tmp_path)], input=typed, check=False, capture_output=True, text=True)

    added = add("王芳", f"{PIN}\n{PIN}\n")
    assert added.returncode == 0, added.stderr
    assert Volunteers(tmp_path / "drafts.db").sign_in("王芳", PIN).name == "王芳"
    assert add("李明", f"{PIN}\n999999\n").returncode == 1
    assert add("赵六", "12\n12\n").returncode == 1
    assert add("王芳", f"{PIN}\n{PIN}\n").returncode == 1  # already there
    assert Volunteers(tmp_path / "drafts.db").names() == ["王芳"]


async def test_the_desk_refuses_a_wrong_pin_and_opens_on_the_right_one(config):
    Volunteers(config.drafts_db).add("王芳", PIN)
    app = DeskApp(config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"王芳", "enter", *"999999", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.volunteer is None
        assert app.screen.query_one("#message").has_class("problem")
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpQueueScreen) and app.volunteer == "王芳"
