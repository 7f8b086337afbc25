"""Answers that follow from others, so a visitor is never asked twice (birth date, sex)."""

from __future__ import annotations

from kiosk.forms.definition import Field
from kiosk.forms.validate import id_number_is_valid


def derive(field: Field, source_value: str) -> str | None:
    """The value of `field` implied by its source answer, or None when it cannot be told."""
    if not source_value or not id_number_is_valid(source_value):
        return None
    from stdnum.cn import ric

    if field.type == "date":
        return ric.get_birth_date(source_value).isoformat()
    if field.type == "choice":
        sex = "male" if int(source_value[16]) % 2 else "female"
        return sex if field.choice(sex) else None
    return None
