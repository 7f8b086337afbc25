"""Answers between the draft and the page: read from a posted form, shown back to the visitor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kiosk.forms import Field, check
from kiosk.forms.validate import parse_date
from kiosk.text import mask_id_number, neutralise
from kiosk.web.words import MONTHS_EN

MAX_TYPED = 2000  # far beyond any field; a longer post is not a visitor typing
DATE_PARTS = ("year", "month", "day")


class Unreadable(ValueError):
    """The posted form is not something our page could have sent."""


def typed_answer(field: Field, form: Mapping[str, str]) -> str:
    """What the visitor gave for `field`, as one string (dates as year-month-day)."""
    if field.type == "date":
        parts = [str(form.get(k, "")).strip() for k in DATE_PARTS]
        if any(len(p) > 4 for p in parts):
            raise Unreadable("date part")
        if not any(parts):
            return ""
        if all(p.isdigit() for p in parts):
            return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        return "-".join(parts)  # a partial date is kept as chosen so far: "1950-3-"
    typed = form.get("answer", "")
    if not isinstance(typed, str) or len(typed) > MAX_TYPED:
        raise Unreadable("answer")
    return typed


def value_to_keep(field: Field, typed: str) -> str:
    """The tidy form of a good answer; otherwise what was typed, made safe, so nothing is lost."""
    result = check(field, typed)
    if result.ok:
        return result.value
    return neutralise(typed).strip()


def date_parts(value: str) -> tuple[str, str, str]:
    """The year, month and day a stored date shows in its three selects ("" when unset)."""
    date = parse_date(value) if value else None
    if date:
        return str(date.year), str(date.month), str(date.day)
    parts = (value.split("-") + ["", "", ""])[:3]
    return tuple(str(int(p)) if p.isdigit() else "" for p in parts)  # type: ignore[return-value]


def year_options(field: Field, today: dt.date | None = None) -> list[int]:
    """The years a date's select offers: newest first for dates in the past (birth dates)."""
    this_year = (today or dt.date.today()).year
    low = field.minimum or 1900
    high = field.maximum or this_year + 2
    years = list(range(low, high + 1))
    return years[::-1] if high <= this_year else years


def format_date(date: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"
    return f"{date.year}年{date.month}月{date.day}日"


def format_moment(moment: float, lang: str) -> str:
    """A date and time on this machine's clock: 2026年12月3日 14:05, 3 December 2026, 14:05."""
    when = dt.datetime.fromtimestamp(moment)
    day = format_date(when.date(), lang)
    return f"{day} {when:%H:%M}" if lang == "zh" else f"{day}, {when:%H:%M}"


def shown(field: Field, value: str, lang: str, *, mask: bool = True) -> str:
    """An answer as the check page shows it; ID numbers masked unless `mask` is False."""
    if not value:
        return ""
    if field.type in ("choice", "yes_no"):
        choice = field.choice(value)
        return choice.text(lang) if choice else value
    if field.type == "date":
        date = parse_date(value)
        return format_date(date, lang) if date else value
    if field.type == "id_number":
        return mask_id_number(value) if mask else value
    if field.type == "phone" and len(value) == 11 and value.isdigit():
        return f"{value[:3]} {value[3:7]} {value[7:]}"
    return value
