"""The desk's and scripts' commands: start a draft, show it by code, list drafts."""

import json
import subprocess
import sys

from kiosk.drafts import DraftStore


def kiosk(*args, data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args, "--data-dir", str(data_dir),
         "--public-url", "http://10.0.0.9:8765"], capture_output=True, text=True)
    return result


def test_new_draft_prints_its_code_and_phone_link_and_show_finds_it(tmp_path):
    made = kiosk("drafts", "new", "senior-card", "--json", data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    draft = json.loads(made.stdout)
    assert len(draft["resume_code"]) == 8
    assert draft["phone_link"].startswith("HTTP://10.0.0.9:8765/R/")

    store = DraftStore(tmp_path / "drafts.db")
    store.save_value(draft["id"], "name", "张三")
    store.set_step(draft["id"], "name")

    shown = kiosk("drafts", "show", draft["resume_code_display"], "--json", data_dir=tmp_path)
    data = json.loads(shown.stdout)
    assert data["values"] == {"name": "张三"} and data["step"] == "name"
    assert data["service_id"] == "senior-card" and data["status"] == "open"

    listed = json.loads(kiosk("drafts", "list", "--json", data_dir=tmp_path).stdout)
    assert [d["resume_code"] for d in listed] == [draft["resume_code"]]


def test_unknown_service_or_code_is_refused_with_a_reason(tmp_path):
    bad = kiosk("drafts", "new", "no-such-service", "--json", data_dir=tmp_path)
    assert bad.returncode == 1 and "no service" in bad.stderr
    missing = kiosk("drafts", "show", "00000000", "--json", data_dir=tmp_path)
    assert missing.returncode == 1 and "no live draft" in missing.stderr


def test_data_dir_given_before_the_subcommand_is_honoured(tmp_path):
    made = json.loads(kiosk("drafts", "new", "senior-card", "--json", data_dir=tmp_path).stdout)
    before = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--data-dir", str(tmp_path), "drafts", "show",
         made["resume_code"], "--json"], capture_output=True, text=True)
    assert before.returncode == 0 and json.loads(before.stdout)["id"] == made["id"]


def test_files_in_the_data_folder_are_owner_only(tmp_path):
    kiosk("drafts", "new", "senior-card", "--json", data_dir=tmp_path)
    for path in tmp_path.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name
