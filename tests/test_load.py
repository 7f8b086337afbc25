"""Many phones at once: no errors, and every phone's answer and photo are kept.

`make test` runs 40 phones; `make stress` runs the full 200.
"""

import os
import sqlite3

from tests.phone_load import run_load

PHONES = int(os.environ.get("KIOSK_LOAD_PHONES", "40"))


def test_many_phones_at_once_get_no_errors_and_lose_nothing(tmp_path):
    result, draft_ids = run_load(tmp_path, PHONES)
    print(result.summary())
    assert result.errors == []
    assert len(result.latencies) == PHONES * 8
    db = sqlite3.connect(tmp_path / "drafts.db")
    names = dict(db.execute("SELECT draft_id, value FROM draft_values WHERE field_id = 'name'"))
    assert all(names.get(d) == "张三" for d in draft_ids)
    photos = dict(db.execute("SELECT draft_id, COUNT(*) FROM uploads GROUP BY draft_id"))
    assert all(photos.get(d) == 1 for d in draft_ids)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
