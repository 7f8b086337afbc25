"""Abandoned drafts are forgotten completely: nothing of them stays on the kiosk's disk."""

import io

from PIL import Image

from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.purge import purge
from kiosk.uploads import UploadStore
from tests.identities import fake_id

DAY = 24 * 3600.0


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, "PNG")
    return out.getvalue()


def every_byte_in(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_purge_leaves_nothing_of_an_old_draft_and_keeps_the_rest(tmp_path):
    now = [1_000_000.0]
    store = DraftStore(tmp_path / "drafts.db", clock=lambda: now[0])
    old = store.create("senior-card")
    store.save_value(old.id, "name", "欧阳娜娜")
    store.save_value(old.id, "id_number", fake_id("19440101", "555"))
    store.issue_token(old.id)
    uploads = UploadStore(tmp_path / "drafts.db", tmp_path / "uploads")
    uploads.add(old.id, "id-card", photo())
    help_desk = HelpRequests(tmp_path / "drafts.db", clock=lambda: now[0])
    help_desk.ask("kiosk-1", draft_id=old.id)

    now[0] += 29 * DAY
    recent = store.create("pension-enrolment")
    store.save_value(recent.id, "name", "司马相如")
    submitted = store.create("retirement")
    store.save_value(submitted.id, "name", "诸葛孔明")
    store.set_status(submitted.id, "submitted", "JB-1")

    now[0] += 2 * DAY  # the old draft is now 31 days untouched; the submitted one, 2 days
    removed = purge(tmp_path, days=30, now=now[0])
    assert removed == [old.id]

    raw = every_byte_in(tmp_path)
    assert "欧阳娜娜".encode() not in raw
    assert fake_id("19440101", "555").encode() not in raw
    assert not (tmp_path / "uploads" / old.id).exists()
    assert "诸葛孔明".encode() in raw  # an application at the window is not ours to drop
    assert "司马相如".encode() in raw  # two days old: kept
    assert help_desk.open_requests()[0].draft_id is None
    check = DraftStore(tmp_path / "drafts.db")
    assert check._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.find_by_code(old.resume_code) is None


def test_recent_drafts_are_not_purged(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card")
    store.save_value(draft.id, "name", "张三")
    assert purge(tmp_path, days=30) == []
    assert store.get(draft.id).values == {"name": "张三"}


def test_purge_removes_the_printed_slip_picture_too(tmp_path):
    now = [1_000_000.0]
    store = DraftStore(tmp_path / "drafts.db", clock=lambda: now[0])
    old = store.create("senior-card")
    slips = tmp_path / "slips"
    slips.mkdir()
    (slips / f"{old.resume_code}.png").write_bytes(b"png")
    now[0] += 31 * DAY
    assert purge(tmp_path, days=30, now=now[0]) == [old.id]
    assert not (slips / f"{old.resume_code}.png").exists()
