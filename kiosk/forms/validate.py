"""Check one answer against its field: normalise what was typed, or say kindly what to fix.

Every problem says what is wrong and how to put it right, with an example, in both
languages. Nothing here changes what the visitor typed in the draft; the caller decides
whether to store the normalised value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kiosk.forms.definition import Field
from kiosk.text import half_width, neutralise


@dataclass(frozen=True)
class Problem:
    """What is wrong with an answer, in words a visitor understands."""

    code: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Checked:
    value: str            # the normalised answer ("" when empty)
    problem: Problem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


MISSING = Problem(
    "missing",
    "这一项还没有填。请填写后再按“下一步”。",
    "This question has no answer yet. Please answer it, then press Next.",
)

_PHONE = re.compile(r"^1[3-9]\d{9}$")
_NAME_DOTS = str.maketrans({"・": "·", "•": "·", "‧": "·", "．": "·", "｡": "·", "∙": "·", "⋅": "·"})
_DATE_PARTS = re.compile(r"\d+")


def _id_number(text: str) -> Checked:
    from stdnum import exceptions as stdnum_errors  # imported on first use: start-up is faster
    from stdnum.cn import ric

    value = re.sub(r"[\s\-]", "", text).upper()
    if not value:
        return Checked("", MISSING)
    if not re.fullmatch(r"\d{17}[\dX]", value):
        if len(value) != 18:
            return Checked(value, Problem(
                "id_length",
                f"身份证号码应该是18位，您输入了{len(value)}位。请对照身份证再看一遍，"
                "例如：11010519491231002X。",
                f"An ID number has 18 characters; you typed {len(value)}. Please check it "
                "against the card, for example 11010519491231002X.",
            ))
        return Checked(value, Problem(
            "id_format",
            "身份证号码只有数字，最后一位可能是X。请检查有没有多打字母或符号。",
            "An ID number has only digits; the last one may be X. Please check for extra "
            "letters or signs.",
        ))
    # Not ric.validate: it also rejects an area code that did not exist in the birth year,
    # but codes were given when the card was issued, so a Jiangbei (330205, since 1983)
    # resident born in 1950 has a valid number that it would refuse.
    if ric.calc_check_digit(value) != value[-1]:
        return Checked(value, Problem(
            "id_checksum",
            "这个身份证号码有一位不对（最后一位校验不通过）。请对照身份证逐位检查。",
            "One digit of this ID number is wrong (the last, check digit does not "
            "match). Please compare it digit by digit with the card.",
        ))
    try:
        born = ric.get_birth_date(value)
        if born > dt.date.today():
            raise stdnum_errors.InvalidComponent()  # nobody is born in the future
    except stdnum_errors.ValidationError:
        return Checked(value, Problem(
            "id_birth_date",
            "身份证号码第7到14位是出生日期，这里的日期不对。请对照身份证检查这几位。",
            "Digits 7 to 14 of an ID number are the birth date, and this date is not "
            "right. Please check those digits against the card.",
        ))
    return Checked(value, None)


def _phone(text: str) -> Checked:
    value = re.sub(r"[\s\-()（）]", "", text)
    value = re.sub(r"^(\+86|0086)", "", value)
    if not value:
        return Checked("", MISSING)
    if not _PHONE.fullmatch(value):
        return Checked(value, Problem(
            "phone",
            "手机号码是1开头的11位数字，例如：138 0000 0000。请再检查一下。",
            "A mobile number has 11 digits and starts with 1, like 138 0000 0000. "
            "Please check it.",
        ))
    return Checked(value, None)


def _name(text: str) -> Checked:
    value = " ".join(text.translate(_NAME_DOTS).split())
    if not value:
        return Checked("", MISSING)
    if any(ch.isdigit() for ch in value):
        return Checked(value, Problem(
            "name_digits",
            "姓名里不能有数字。请按身份证上的写，例如：张三。",
            "A name has no digits. Please write it as on the ID card, for example Zhang San.",
        ))
    allowed = all(
        ch.isalpha() or ch in " ·'-" for ch in value
    )
    if not allowed:
        return Checked(value, Problem(
            "name_signs",
            "姓名里只能有汉字、字母和间隔号“·”。请去掉其他符号，例如：阿依古丽·买买提。",
            "A name may have only characters, letters and the middle dot “·”. Please "
            "remove other signs, for example Ayiguli·Maimaiti.",
        ))
    if len(value) < 2 or len(value) > 40:
        return Checked(value, Problem(
            "name_length",
            "姓名应该是2到40个字。请按身份证上的写，例如：张三。",
            "A name has 2 to 40 characters. Please write it as on the ID card, for "
            "example Zhang San.",
        ))
    return Checked(value, None)


def parse_date(text: str) -> dt.date | None:
    """Read a date however it was written: 1950-1-1, 1950.1.1, 1950年1月1日, 19500101."""
    parts = _DATE_PARTS.findall(text)
    if len(parts) == 1 and len(parts[0]) == 8:
        parts = [parts[0][:4], parts[0][4:6], parts[0][6:]]
    if len(parts) != 3 or len(parts[0]) != 4:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _date(text: str, field: Field) -> Checked:
    if not text.strip():
        return Checked("", MISSING)
    date = parse_date(text)
    if date is None:
        example_zh = field.example.get("zh") or "1950年1月1日"
        example_en = field.example.get("en") or "1 January 1950"
        return Checked(text.strip(), Problem(
            "date",
            f"这个日期不对。请选好年、月、日，例如：{example_zh}。",
            "This is not a real date. Please choose the year, month and day, for "
            f"example {example_en}.",
        ))
    low = field.minimum or 1900
    high = field.maximum or dt.date.today().year + 2
    if not low <= date.year <= high:
        return Checked(date.isoformat(), Problem(
            "date_range",
            f"年份应该在{low}年到{high}年之间。请再选一下年份。",
            f"The year should be between {low} and {high}. Please choose the year again.",
        ))
    return Checked(date.isoformat(), None)


def _choice(text: str, field: Field) -> Checked:
    value = text.strip()
    if not value:
        return Checked("", MISSING)
    if field.choice(value) is None:
        return Checked(value, Problem(
            "choice",
            "请从列出的选项中选一个：按选项前面的数字，或直接点选项。",
            "Please choose one of the options: press its number, or tap it.",
        ))
    return Checked(value, None)


def _number(text: str, field: Field) -> Checked:
    value = re.sub(r"[\s,，]", "", text)
    if not value:
        return Checked("", MISSING)
    low, high = field.minimum, field.maximum
    span_zh = f"{low}到{high}之间的" if low is not None and high is not None else ""
    span_en = f" from {low} to {high}" if low is not None and high is not None else ""
    # Length first: int() of thousands of pasted digits is slow and, past 4,300, refused.
    if not re.fullmatch(r"\d{1,15}", value) or (low is not None and int(value) < low) or (
        high is not None and int(value) > high
    ):
        return Checked(value, Problem(
            "number",
            f"这里请只填{span_zh}整数，例如：{low if low is not None else 3}。",
            f"Please enter a whole number{span_en} here, for example "
            f"{low if low is not None else 3}.",
        ))
    return Checked(str(int(value)), None)


def _credit_code(text: str) -> Checked:
    from stdnum.cn import uscc

    value = re.sub(r"[\s\-]", "", text).upper()
    if not value:
        return Checked("", MISSING)
    if not uscc.is_valid(value):
        return Checked(value, Problem(
            "credit_code",
            "统一社会信用代码是18位数字和大写字母，在营业执照上。请对照执照逐位检查，"
            "例如：91330205MA2AAAAA0X。",
            "The unified social credit code has 18 digits and capital letters and is on "
            "the business licence. Please compare it character by character.",
        ))
    return Checked(value, None)


def _text(text: str, field: Field) -> Checked:
    value = text.strip()
    if not value:
        return Checked("", MISSING)
    if len(value) > field.max_length:
        return Checked(value, Problem(
            "too_long",
            f"这里最多写{field.max_length}个字，现在有{len(value)}个。请删短一些。",
            f"This takes at most {field.max_length} characters; there are {len(value)}. "
            "Please shorten it.",
        ))
    return Checked(value, None)


def check(field: Field, typed: str) -> Checked:
    """Normalise and check one answer. An empty answer to an optional field is fine."""
    text = half_width(neutralise(typed or ""))
    if field.type == "id_number":
        result = _id_number(text)
    elif field.type == "phone":
        result = _phone(text)
    elif field.type == "name":
        result = _name(text)
    elif field.type == "date":
        result = _date(text, field)
    elif field.type in ("choice", "yes_no"):
        result = _choice(text, field)
    elif field.type == "number":
        result = _number(text, field)
    elif field.type == "credit_code":
        result = _credit_code(text)
    else:
        result = _text(text, field)
    if result.problem is MISSING and not field.required:
        return Checked("", None)
    return result


def id_number_is_valid(value: str) -> bool:
    """The same test the ID question applies, for code that derives answers from it."""
    return _id_number(value).ok
