"""Words drawn large from the CJK font: the right size, never wider than asked, wrapped the
way Chinese and English wrap, and plain text (None) when there is no room or no font."""

from __future__ import annotations

import pytest

from kiosk import big_text

pytestmark = pytest.mark.skipif(not big_text.available(), reason="no CJK font installed")


def test_a_chinese_character_is_as_wide_in_cells_as_it_is_tall_in_pixels():
    rows = big_text.glyph("您", 16)
    assert rows is not None and len(rows) == 8
    assert {len(row) for row in rows} == {16}
    assert set("".join(rows)) <= set(" ▀▄█") and "█" in "".join(rows)


def test_the_question_fits_the_width_it_is_given_or_is_not_drawn():
    question = "您叫什么名字？"
    drawn = big_text.render(question, 14, 104)
    assert drawn is not None and len(drawn) == 7
    assert max(len(row) for row in drawn) <= 104
    assert len(big_text.render(question, 14, 60)) == 14          # two lines of 7 rows
    assert big_text.render(question, 14, 60, max_rows=7) is None  # no room: plain text


def test_english_wraps_between_words_and_closing_punctuation_never_starts_a_line():
    lines = big_text.wrap("Do you need more time?", 12, 60)
    assert lines and all(not line.startswith(("?", " ")) for line in lines)
    assert " ".join(lines) == "Do you need more time?"
    assert big_text.wrap("Supercalifragilistic", 16, 20) is None  # one word wider than the room
    assert big_text.wrap("需要更多时间吗？", 12, 48) == ["需要更多", "时间吗？"]  # 4 a line
    # "？" would start the third line: the character before it goes along.
    assert big_text.wrap("需要更多时间？", 12, 36) == ["需要更", "多时", "间？"]


def test_small_glyphs_are_used_for_one_line_only():
    two_lines = "您的身份证号码是多少？"
    assert big_text.render_first_fit(two_lines, (12,), 100, max_rows=20) is None
    assert big_text.render_first_fit("1234 5678", (12, 10), 57, max_rows=7) is not None


def test_without_a_font_nothing_is_drawn(monkeypatch):
    monkeypatch.setenv("KIOSK_BIG_TEXT_FONT", "")
    for cached in (big_text.find_font, big_text._font, big_text.glyph):
        cached.cache_clear()
    try:
        assert big_text.render("您好", 16, 100) is None
    finally:
        monkeypatch.delenv("KIOSK_BIG_TEXT_FONT")
        for cached in (big_text.find_font, big_text._font, big_text.glyph):
            cached.cache_clear()
