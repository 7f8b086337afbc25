"""Kill the kiosk with SIGKILL mid-typing; every character it had taken in comes back."""

import json
import subprocess
import sys

import pytest

from kiosk.drafts import DraftStore
from tests.terminal import REPO, KioskTerminal


def new_draft(data_dir, service_id="senior-card"):
    out = subprocess.run(
        [sys.executable, "-m", "screens.cli", "drafts", "new", service_id, "--json",
         "--data-dir", str(data_dir)], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def resume(term: KioskTerminal, code: str) -> None:
    term.wait_for("继续填写")
    term.pump(0.5)  # a new screen ignores digits for its first 0.4 s (typed-on keys)
    term.send("3")
    term.wait_for("请输入8位续填码")  # the resume screen itself, not the welcome button
    term.send(code + "\r")
    term.wait_for("第1步")


@pytest.mark.parametrize("columns,rows", [(60, 20), (120, 40)])
def test_sigkill_while_typing_loses_no_character(tmp_path, columns, rows):
    draft = new_draft(tmp_path)
    code = draft["resume_code"]
    typed = "欧阳·娜娜ab"

    term = KioskTerminal(tmp_path, columns, rows)
    try:
        resume(term, code)
        for char in typed:           # one key at a time, as a finger types
            term.send(char)
            term.pump(0.02)
        term.wait_for(typed.replace(" ", ""))
        term.kill()                  # no grace: the moment it is on screen
    finally:
        term.close()

    store = DraftStore(tmp_path / "drafts.db")
    assert store.find_by_code(code).values.get("name") == typed
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    again = KioskTerminal(tmp_path, columns, rows)
    try:
        resume(again, code)
        again.wait_for(typed)        # back at the same question, every character there
    finally:
        again.close()


def test_restarted_kiosk_opens_the_draft_at_the_step_where_it_was_left(tmp_path):
    draft = new_draft(tmp_path)
    store = DraftStore(tmp_path / "drafts.db")
    store.save_value(draft["id"], "name", "张三")
    store.set_step(draft["id"], "phone")
    term = KioskTerminal(tmp_path)
    try:
        term.wait_for("继续填写")
        term.pump(0.5)  # a new screen ignores digits for its first 0.4 s (typed-on keys)
        term.send("3")
        term.wait_for("请输入8位续填码")  # the resume screen itself, not the welcome button
        term.send(draft["resume_code"] + "\r")
        term.wait_for("您的手机号码是多少？")   # the phone question, not the first one
        assert "第1步" not in term.text()
    finally:
        term.close()
