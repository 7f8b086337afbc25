"""How an answer is shown back to the visitor (masked, choices by their label)."""

from __future__ import annotations

from kiosk.forms import Field
from kiosk.text import mask_id_number, mask_phone, pick


def shown_answer(field: Field, value: str, lang: str) -> str:
    """An answer as it may appear on screen where others can see it; "" when empty."""
    if not value:
        return ""
    if field.type == "id_number":
        return mask_id_number(value)
    if field.type == "phone":
        return mask_phone(value)
    if field.type in ("choice", "yes_no"):
        choice = field.choice(value)
        return choice.text(lang) if choice else value
    return value


def hint_text(field: Field, lang: str, example_label: str) -> str:
    """The hint under a question, with the field's example when the hint does not give one."""
    hint = pick(field.hint, lang)
    example = pick(field.example, lang)
    if example and example not in hint:
        hint = f"{hint}  {example_label}{example}".strip()
    return hint
