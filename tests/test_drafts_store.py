"""The drafts store keeps every keystroke, durably, with its history."""

import sqlite3

from kiosk.drafts import DraftStore


def test_every_saved_value_is_kept_with_its_history(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card", kiosk="k1")
    for typed in ["张", "张三", "张三丰", "张三"]:
        store.save_value(draft.id, "name", typed)
    assert store.get(draft.id).values == {"name": "张三"}
    assert [c.value for c in store.history(draft.id)] == ["张", "张三", "张三丰", "张三"]


def test_a_second_connection_sees_what_the_first_committed(tmp_path):
    kiosk = DraftStore(tmp_path / "drafts.db")
    draft = kiosk.create("senior-card")
    kiosk.save_value(draft.id, "phone", "1380000")
    kiosk.set_step(draft.id, "phone")
    phone = DraftStore(tmp_path / "drafts.db")
    again = phone.find_by_code(draft.resume_code)
    assert again.values == {"phone": "1380000"} and again.step == "phone"


def test_database_is_in_wal_mode_with_full_sync(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_resume_code_is_found_however_it_is_typed(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card")
    code = draft.resume_code
    full_width = code.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for typed in [code, f"{code[:4]} {code[4:]}", f"{code[:4]}-{code[4:]}", full_width]:
        assert store.find_by_code(typed).id == draft.id
    assert store.find_by_code("0000000") is None


def test_expired_drafts_are_not_found(tmp_path):
    now = [1000.0]
    store = DraftStore(tmp_path / "drafts.db", clock=lambda: now[0])
    draft = store.create("senior-card", lifetime=60)
    token = store.issue_token(draft.id, lifetime=60)
    now[0] += 61
    assert store.find_by_code(draft.resume_code) is None
    assert store.find_by_token(token) is None


def test_phone_tokens_are_stored_only_as_hashes(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card")
    token = store.issue_token(draft.id)
    assert len(token) == 16
    raw = sqlite3.connect(tmp_path / "drafts.db").execute(
        "SELECT group_concat(token_hash) FROM handoff_tokens").fetchone()[0]
    assert token not in raw and token.lower() not in raw
    assert store.find_by_token(token.lower()).id == draft.id


def test_kiosk_and_phone_changes_to_one_draft_are_all_in_the_history(tmp_path):
    kiosk = DraftStore(tmp_path / "drafts.db")
    phone = DraftStore(tmp_path / "drafts.db")
    draft = kiosk.create("senior-card")
    kiosk.save_value(draft.id, "address", "中马街道1号", source="kiosk")
    phone.save_value(draft.id, "address", "中马街道2号", source="phone")
    kiosk.save_value(draft.id, "phone", "13800000000", source="kiosk")
    assert kiosk.get(draft.id).values == {"address": "中马街道2号", "phone": "13800000000"}
    assert [(c.value, c.source) for c in kiosk.history(draft.id)] == [
        ("中马街道1号", "kiosk"), ("中马街道2号", "phone"), ("13800000000", "kiosk")]


def test_data_file_is_readable_by_its_owner_only(tmp_path):
    DraftStore(tmp_path / "data" / "drafts.db")
    assert (tmp_path / "data").stat().st_mode & 0o077 == 0
    assert (tmp_path / "data" / "drafts.db").stat().st_mode & 0o077 == 0


def test_escape_sequences_never_reach_the_store_whoever_sends_them(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card")
    store.save_value(draft.id, "name", "张\x1b]0;PWNED\x07三\x1b[2J", source="phone")
    assert store.get(draft.id).values["name"] == "张三"
    assert store.history(draft.id)[0].value == "张三"


def test_a_submitted_application_keeps_the_answers_it_was_sent_with(tmp_path):
    store = DraftStore(tmp_path / "drafts.db")
    draft = store.create("senior-card")
    assert store.save_value(draft.id, "name", "张三") is True
    store.set_status(draft.id, "submitted", "JB-1")
    assert store.save_value(draft.id, "name", "李四", source="kiosk") is False
    assert store.get(draft.id).values == {"name": "张三"}
