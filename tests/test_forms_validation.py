"""What a visitor sees when an answer is typed the way people really type."""

import pytest
from stdnum.cn import ric

from kiosk.forms import Flow, Form, check
from tests.identities import fake_id

FORM = Form.from_dict({
    "id": "t", "title": {"zh": "测试", "en": "Test"},
    "fields": [
        {"id": "name", "type": "name", "label": {"zh": "姓名"}},
        {"id": "id_number", "type": "id_number", "label": {"zh": "身份证"}},
        {"id": "sex", "type": "choice", "label": {"zh": "性别"}, "derived_from": "id_number",
         "choices": [{"value": "male", "zh": "男", "en": "Male"},
                     {"value": "female", "zh": "女", "en": "Female"}]},
        {"id": "birth_date", "type": "date", "label": {"zh": "出生日期"},
         "derived_from": "id_number"},
        {"id": "phone", "type": "phone", "label": {"zh": "手机"}},
        {"id": "has_agent", "type": "yes_no", "label": {"zh": "有人代办吗"}},
        {"id": "agent_name", "type": "name", "label": {"zh": "代办人"},
         "when": {"field": "has_agent", "equals": "yes"}},
        {"id": "note", "type": "text", "label": {"zh": "备注"}, "required": False,
         "max_length": 20},
        {"id": "code", "type": "credit_code", "label": {"zh": "信用代码"}, "required": False},
    ],
})




def field(field_id):
    return FORM.field(field_id)


@pytest.mark.parametrize("typed", [
    fake_id(), fake_id().lower(), " " + fake_id() + " ",
    fake_id().translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")),
])
def test_id_number_typed_with_full_width_digits_spaces_or_lower_x_is_accepted(typed):
    result = check(field("id_number"), typed)
    assert result.ok and result.value == fake_id()


def test_lower_case_x_in_id_number_is_read_as_x():
    # serial 002 ends in X for this birth date
    number = fake_id("19491231", "002", "110105")
    assert number.endswith("X")
    assert check(field("id_number"), number.lower()).value == number


def test_wrong_check_digit_says_which_part_is_wrong_and_keeps_the_number():
    wrong = fake_id()[:-1] + ("1" if fake_id()[-1] != "1" else "2")
    result = check(field("id_number"), wrong)
    assert result.problem.code == "id_checksum"
    assert result.value == wrong
    assert "逐位" in result.problem.zh and "digit by digit" in result.problem.en


def test_short_id_number_says_how_many_digits_were_typed():
    result = check(field("id_number"), "1101051950")
    assert "10位" in result.problem.zh and "you typed 10" in result.problem.en


@pytest.mark.parametrize("typed", ["138 0000 0000", "138-0000-0000", "+86 13800000000",
                                   "１３８００００００００", "(138)0000-0000"])
def test_phone_with_spaces_dashes_country_code_or_full_width_digits_is_accepted(typed):
    assert check(field("phone"), typed).value == "13800000000"


def test_bad_phone_message_gives_an_example():
    problem = check(field("phone"), "2380000000").problem
    assert "138 0000 0000" in problem.zh and "138 0000 0000" in problem.en


@pytest.mark.parametrize("typed,expected", [
    ("阿依古丽·买买提", "阿依古丽·买买提"), ("阿依古丽・买买提", "阿依古丽·买买提"),
    ("阿依古丽•买买提", "阿依古丽·买买提"), ("  张三 ", "张三"), ("Zhang San", "Zhang San"),
])
def test_names_with_middle_dots_and_spaces_are_accepted(typed, expected):
    result = check(field("name"), typed)
    assert result.ok and result.value == expected


@pytest.mark.parametrize("typed,code", [("张3", "name_digits"), ("张三😀", "name_signs"),
                                        ("张", "name_length"), ("张" * 41, "name_length")])
def test_names_that_cannot_be_right_get_a_reason(typed, code):
    assert check(field("name"), typed).problem.code == code


def test_escape_sequences_pasted_into_a_name_are_dropped():
    assert check(field("name"), "李\x1b[31m四\x1b]0;pwned\x07").value == "李四"


def test_ten_thousand_characters_of_text_are_kept_and_refused_kindly():
    result = check(field("note"), "好" * 10_000)
    assert result.problem.code == "too_long" and len(result.value) == 10_000
    assert "10000" in result.problem.zh


def test_optional_field_may_stay_empty_but_required_may_not():
    assert check(field("note"), "").ok
    assert check(field("phone"), "  ").problem.code == "missing"


def test_credit_code_checksum():
    assert check(field("code"), "91110000802100433B").ok
    assert check(field("code"), "91110000802100433C").problem.code == "credit_code"


def test_birth_date_and_sex_are_taken_from_the_id_number_not_asked():
    flow = Flow(FORM)
    values = {"name": "张三", "id_number": fake_id("19500101", "123")}
    asked = [f.id for f in flow.steps(values)]
    assert "sex" not in asked and "birth_date" not in asked
    assert flow.derived_values(values) == {"sex": "male", "birth_date": "1950-01-01"}


def test_without_a_valid_id_birth_date_and_sex_are_asked():
    asked = [f.id for f in Flow(FORM).steps({"id_number": "123"})]
    assert "sex" in asked and "birth_date" in asked


def test_agent_name_is_asked_only_when_someone_applies_for_the_visitor():
    flow = Flow(FORM)
    base = {"id_number": fake_id()}
    assert "agent_name" not in [f.id for f in flow.steps({**base, "has_agent": "no"})]
    assert "agent_name" in [f.id for f in flow.steps({**base, "has_agent": "yes"})]
    # a stale agent name from an earlier "yes" does not count once the answer is "no"
    answers = flow.answers({**base, "has_agent": "no", "agent_name": "李四"})
    assert "agent_name" not in answers


def test_step_numbers_follow_the_questions_actually_asked():
    flow = Flow(FORM)
    values = {"id_number": fake_id(), "has_agent": "no"}
    assert flow.position("phone", values) == (3, 6)
    assert flow.next_field("has_agent", values).id == "note"
    assert flow.previous_field("phone", values).id == "id_number"


def test_check_answers_lists_what_is_missing_or_wrong():
    problems = Flow(FORM).problems({"name": "张三", "id_number": "1", "has_agent": "no"})
    assert problems["id_number"].code == "id_length"
    assert problems["phone"].code == "missing"
    assert "name" not in problems and "note" not in problems


@pytest.mark.parametrize("typed", ["1950.1.1", "1950年1月1日", "1950-01-01", "1950/1/1",
                                   "19500101", "１９５０．１．１"])
def test_dates_written_in_everyday_ways_are_understood(typed):
    date_field = FORM.field("birth_date")
    assert check(date_field, typed).value == "1950-01-01"


def test_impossible_date_is_refused_with_an_example():
    problem = check(FORM.field("birth_date"), "1950-02-30").problem
    assert problem.code == "date" and "1950年1月1日" in problem.zh


def test_older_jiangbei_residents_id_numbers_are_accepted():
    # 330205 (Jiangbei, Ningbo) exists since 1983; people born before then still carry it.
    assert check(field("id_number"), fake_id("19450312", "031", "330205")).ok


def test_impossible_birth_date_inside_an_id_number_is_named():
    body = "33020519501301123"  # month 13
    number = body + ric.calc_check_digit(body + "0")
    assert check(field("id_number"), number).problem.code == "id_birth_date"


def test_step_count_does_not_jump_when_the_id_number_is_given():
    flow = Flow(FORM)
    before = flow.position("name", {"has_agent": "no"})
    after = flow.position("name", {"has_agent": "no", "id_number": fake_id()})
    assert before == after == (1, 6)
    assert "sex" not in Flow(FORM).problems({"name": "张三"})


def test_an_id_number_born_in_the_future_is_refused():
    assert check(field("id_number"), fake_id("20300315", "123")).problem.code == "id_birth_date"
