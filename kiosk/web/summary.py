"""What the check page, the receipt and the status page list: answers and materials."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalogue import Material
from kiosk.text import mask_phone, pick
from kiosk.uploads import Upload
from kiosk.web.answers import shown
from kiosk.web.visit import Visit


@dataclass(frozen=True)
class AnswerRow:
    field_id: str
    question: str
    answer: str          # "" when there is none
    problem: str         # what to fix, "" when fine
    derived: bool        # filled from another answer: changed there, not here
    required: bool


@dataclass(frozen=True)
class MaterialRow:
    id: str
    name: str
    required: bool
    photos: list[Upload]


def answer_rows(visit: Visit, lang: str, *, read_only: bool = False) -> list[AnswerRow]:
    """Every question that counts, in form order. ID numbers are always masked here; on a
    read-only page phone numbers too, since the page may be shown at a window."""
    values = visit.values
    asked = {f.id for f in visit.flow.steps(values)}
    derived = visit.flow.derived_values(values)
    problems = {} if read_only else visit.flow.problems(values)
    rows = []
    for field in visit.form.fields:
        if field.id in asked:
            value = values.get(field.id, "")
            is_derived = False
        elif field.id in derived:
            value = derived[field.id]
            is_derived = True
        else:
            continue
        text = shown(field, value, lang)
        if read_only and field.type == "phone" and value:
            text = mask_phone(value)
        problem = problems.get(field.id)
        rows.append(AnswerRow(field.id, pick(field.label, lang), text,
                              problem.text(lang) if problem else "", is_derived,
                              field.required))
    return rows


def material_rows(materials: list[Material], uploads: list[Upload],
                  lang: str) -> list[MaterialRow]:
    return [MaterialRow(m.id, pick(m.name, lang), m.required,
                        [u for u in uploads if u.material_id == m.id]) for m in materials]
