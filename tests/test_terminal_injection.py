"""Text a phone sent, however hostile, never reaches the kiosk's terminal as escape codes."""

import pytest

from kiosk.drafts import DraftStore
from tests.terminal import KioskTerminal
from tests.test_crash_recovery import new_draft

HOSTILE = "张\x1b]0;PWNED\x07三\x1b[2J\x1b[31m\x9b6n"


@pytest.mark.parametrize("step,shows", [("name", "第1步"), ("check", "核对")])
def test_hostile_text_from_the_phone_is_shown_harmlessly_on_the_kiosk(tmp_path, step, shows):
    draft = new_draft(tmp_path)
    store = DraftStore(tmp_path / "drafts.db")
    store.set_step(draft["id"], step)
    # Written past the store's own cleaning, as an older or foreign writer might have.
    store._db.execute("INSERT INTO draft_values VALUES (?, 'name', ?, 0, 'phone')",
                      (draft["id"], HOSTILE))
    term = KioskTerminal(tmp_path, 120, 40)  # room for every answer on check-answers
    try:
        term.wait_for("继续填写")
        term.pump(0.5)  # a new screen ignores digits for its first 0.4 s (typed-on keys)
        term.send("3")
        term.wait_for("请输入8位续填码")  # the resume screen itself, not the welcome button
        term.send(draft["resume_code"] + "\r")
        term.wait_for(shows)
        term.pump(1.0)
        assert term.screen.title != "PWNED"      # an OSC title change would have come through
        assert "张" in term.text() and "三" in term.text()
        assert shows in term.text()              # a clear-screen would have wiped it
    finally:
        term.close()
