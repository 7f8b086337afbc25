"""The core of a visit, without the screens: the staff PIN, the kiosk's defaults, the answers
offered again, and the espeak-ng command line."""

from __future__ import annotations

from pathlib import Path

from kiosk import speech, staff
from kiosk.forms import Field
from kiosk.visit_profile import VisitProfile

NAME = Field(id="name", type="name", label={"zh": "姓名"}, profile="name")
AGENT = Field(id="agent_name", type="name", label={"zh": "代办人"})


def test_the_staff_pin_is_kept_only_as_a_salted_hash(data_dir: Path, monkeypatch):
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    assert not staff.pin_is_set(data_dir) and not staff.check_pin("1234", data_dir)
    path = staff.set_pin(data_dir, "246810")
    assert "246810" not in path.read_text() and path.stat().st_mode & 0o077 == 0
    assert staff.check_pin("246810", data_dir)
    assert not staff.check_pin("246811", data_dir) and not staff.check_pin("", data_dir)
    assert staff.check_pin("1357", data_dir, env_pin="1357")       # the environment wins
    assert not staff.check_pin("246810", data_dir, env_pin="1357")


def test_the_kiosk_defaults_survive_a_restart_and_bad_files_are_ignored(data_dir: Path):
    assert staff.load_defaults(data_dir, "en") == staff.KioskDefaults(language="en")
    staff.save_defaults(data_dir, staff.KioskDefaults("en", "contrast", "extra"))
    assert staff.load_defaults(data_dir) == staff.KioskDefaults("en", "contrast", "extra")
    (data_dir / staff.SETTINGS_FILE).write_text('{"theme": "purple", "language": "fr"}')
    assert staff.load_defaults(data_dir) == staff.KioskDefaults()


def test_only_profile_answers_are_offered_and_only_to_an_empty_question():
    profile = VisitProfile()
    profile.remember(NAME, "张三")
    profile.remember(AGENT, "李四")
    assert profile.offer(NAME) == "张三"
    assert profile.offer(NAME, current="王五") is None   # the draft's own answer stays
    assert profile.offer(AGENT) is None
    profile.wipe()
    assert not profile and profile.offer(NAME) is None


def test_espeak_gets_the_mandarin_or_english_voice_and_text_that_looks_like_an_option():
    line = speech.command_line("espeak-ng", "-你好", "zh", Path("/tmp/x.wav"))
    assert line[:3] == ["espeak-ng", "-v", "cmn"] and line[-2:] == ["--", "-你好"]
    assert "-w" in line
    assert speech.command_line("espeak-ng", "Hello", "en")[2] == "en"
    missing = speech.speak("你好", "zh", program="/nonexistent/espeak-ng", wav=Path("/tmp/x.wav"))
    assert missing.problem == "missing" and not missing.played
