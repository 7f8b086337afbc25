"""A visitor types while the kiosk is killed at random moments, and a phone writes to the
same draft meanwhile. After every restart, every character the kiosk had shown is saved.

Seeded and repeatable. `make test` runs a few kills; `make stress` runs 100 (KIOSK_KILLS).
"""

import os
import random
import threading

from kiosk.drafts import DraftStore
from tests.terminal import KioskTerminal
from tests.test_crash_recovery import new_draft, resume

KILLS = int(os.environ.get("KIOSK_KILLS", "4"))
# Distinct characters, so the tail of the text on screen tells exactly how much was shown.
ALPHABET = [chr(0x4E00 + 37 * i) for i in range(400)]


def shown_prefix(expected: str, screen: str) -> int:
    """How many characters of `expected` the screen shows (it may scroll to the tail)."""
    flat = screen.replace(" ", "").replace("\n", "")
    for length in range(len(expected), 0, -1):
        if expected[max(0, length - 6):length] in flat:
            return length
    return 0


def test_random_kills_while_typing_and_a_phone_writing_lose_nothing(tmp_path):
    rng = random.Random(20261203)
    draft = new_draft(tmp_path)
    code = draft["resume_code"]
    phone_store = DraftStore(tmp_path / "drafts.db")
    phone_values: list[str] = []
    stop = threading.Event()

    def phone_writes() -> None:
        i = 0
        while not stop.is_set():
            value = f"中马街道{i}号"
            phone_store.save_value(draft["id"], "address", value, source="phone")
            phone_values.append(value)
            i += 1
            stop.wait(0.05)

    writer = threading.Thread(target=phone_writes, daemon=True)
    writer.start()
    expected = ""
    try:
        for cycle in range(KILLS):
            term = KioskTerminal(tmp_path)
            try:
                resume(term, code)
                if expected:
                    term.wait_for(expected[-6:])
                for _ in range(rng.randint(1, 4)):
                    expected += ALPHABET[len(expected) % len(ALPHABET)]
                    term.send(expected[-1])
                    term.pump(rng.uniform(0.0, 0.08))
                term.pump(rng.uniform(0.0, 0.05))
                screen = term.text()
                term.kill()
            finally:
                term.close()
            saved = DraftStore(tmp_path / "drafts.db").get(draft["id"]).values.get("name", "")
            shown = shown_prefix(expected, screen)
            assert expected.startswith(saved), f"kill {cycle}: saved text is not what was typed"
            assert len(saved) >= shown, (
                f"kill {cycle}: the screen showed {shown} characters, {len(saved)} were saved")
            expected = saved  # what was typed but never reached the kiosk is typed again
    finally:
        stop.set()
        writer.join()
    store = DraftStore(tmp_path / "drafts.db")
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.get(draft["id"]).values["address"] == phone_values[-1]
    history = [c.value for c in store.history(draft["id"]) if c.field_id == "address"]
    assert history == phone_values
