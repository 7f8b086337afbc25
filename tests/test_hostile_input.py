"""Whatever is typed or pasted: never a crash, always a kind message, nothing raw on screen."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.forms import Form, check
from kiosk.forms.definition import FIELD_TYPES
from kiosk.text import neutralise

ESCAPES = ["\x1b[2J", "\x1b]0;owned\x07", "\x1b[31m", "\x9b6n", "\x1bP+q\x1b\\", "\x1b]52;c;AAAA\x07",
           "\x00", "\u202e", "\ufe0f", "\u0301", "\ud800"]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(ESCAPES + ["张", "三", "1", "X", "·", "😀", "👨‍👩‍👧", " "]),
             max_size=60).map("".join),
    st.builds(lambda a, b: a * b, st.sampled_from(["好", "1", "\x1b[0m", "😀"]),
              st.integers(0, 10_000)),
)

FORM = Form.from_dict({
    "id": "all", "title": {"zh": "全部", "en": "All"},
    "fields": [
        {"id": kind, "type": kind, "label": {"zh": kind}, "min": 0, "max": 9999,
         **({"choices": [{"value": "a", "zh": "甲", "en": "A"}]} if kind == "choice" else {})}
        for kind in FIELD_TYPES
    ],
})


def is_safe_for_a_terminal(text: str) -> bool:
    return not any(
        unicodedata.category(ch) in ("Cc", "Cs") or ch == "\x1b" for ch in text)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(FIELD_TYPES), typed=hostile_text)
def test_every_field_type_answers_any_input_with_a_value_or_a_kind_message(kind, typed):
    result = check(FORM.field(kind), typed)
    assert is_safe_for_a_terminal(result.value)
    if result.problem is not None:
        assert result.problem.zh.strip() and result.problem.en.strip()
        assert is_safe_for_a_terminal(result.problem.zh + result.problem.en)


@settings(max_examples=500, deadline=None)
@given(hostile_text)
def test_neutralised_text_has_no_escape_or_control_characters(typed):
    cleaned = neutralise(typed)
    assert is_safe_for_a_terminal(cleaned)
    assert neutralise(cleaned) == cleaned


def test_printable_text_survives_neutralising_unchanged():
    for text in ["阿依古丽·买买提", "Zoë O'Brien", "👨‍👩‍👧 一家人", "中马街道 12 号 3-401"]:
        assert neutralise(text) == text


def test_thousands_of_pasted_digits_in_a_number_get_a_message_not_a_crash():
    assert check(FORM.field("number"), "9" * 5000).problem.code == "number"
