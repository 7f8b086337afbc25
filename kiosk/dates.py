"""A moment as a visitor reads it: 2026年12月3日, 3 December 2026.

The words come from the texts table (`date_in_words` and `month_names`), so staff can
change them; only the arithmetic is here.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Words(Protocol):
    """Looks up a text by key in the visitor's language, filling in its {blanks}."""

    def __call__(self, key: str, **values: object) -> str: ...


def date_in_words(moment: float, words: Words) -> str:
    """The day of `moment` on this machine's clock, in the visitor's language."""
    day = dt.datetime.fromtimestamp(moment).date()
    months = [name.strip() for name in words("month_names").split(",")]
    month = months[day.month - 1] if len(months) == 12 else str(day.month)
    return words("date_in_words", year=day.year, month=month, day=day.day)
