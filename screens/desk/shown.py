"""How the desk draws what came from a visitor, a phone or a kiosk: safe, and masked.

Anything typed elsewhere passes through `neutralise` (no escape sequences reach the
terminal) and is drawn as plain text, never parsed as markup (a name "[red]x" shows as
typed): table cells are rich Text, and every Static here is made with markup=False.
"""

from __future__ import annotations

from rich.text import Text

from kiosk.catalogue import Catalogue
from kiosk.forms import Field
from kiosk.text import mask_id_number, mask_phone, neutralise, pick
from screens.desk.words import say

MASKED_TYPES = {"id_number": mask_id_number, "phone": mask_phone}
# Steps a kiosk reports that are not questions of the form.
SCREEN_STEPS = ("check", "finish", "service", "phone")


def clean(value: object) -> str:
    """Visitor text made safe to draw; newlines become spaces so a row stays a row."""
    return " ".join(neutralise(str(value if value is not None else "")).split())


def cell(value: object, style: str = "") -> Text:
    """A table cell that is never read as markup."""
    return Text(clean(value), style=style, no_wrap=True, overflow="ellipsis")


def answer_text(field: Field, value: str, lang: str, *, masked: bool = True) -> str:
    """An answer as the desk shows it: choice labels, and ID and phone numbers masked."""
    value = clean(value)
    if not value:
        return ""
    choice = field.choice(value) if field.choices else None
    if choice is not None:
        return choice.text(lang)
    if masked and field.type in MASKED_TYPES:
        return MASKED_TYPES[field.type](value)
    return value


def wait_text(seconds: float) -> str:
    """A waiting time as 0:42, 12:05 or 1h07."""
    seconds = max(0, int(seconds))
    minutes, secs = divmod(seconds, 60)
    if minutes >= 60:
        return f"{minutes // 60}h{minutes % 60:02d}"
    return f"{minutes}:{secs:02d}"


def service_title(catalogue: Catalogue, service_id: str | None, lang: str) -> str:
    if not service_id:
        return say("no_service", lang)
    service = catalogue.service(service_id)
    return service.title(lang) if service else clean(service_id)


def step_label(catalogue: Catalogue, service_id: str | None, step: str | None,
               lang: str) -> str:
    """A kiosk's step as the desk reads it: the question's label, or the screen's name."""
    if not step:
        return say("step_none", lang)
    service = catalogue.service(service_id) if service_id else None
    if service is not None:
        try:
            return pick(catalogue.form_for(service).field(step).label, lang)
        except KeyError:
            pass
    if step in SCREEN_STEPS:
        return say(f"step_{step}", lang)
    return clean(step)
