"""One question a page: show it, take the answer, check it the kiosk's way, move on.

Every answer is saved as given, good or not, so nothing typed is ever lost; a wrong answer
brings the same page back with the problem at the field (POST, redirect, GET).

A post carries `was`, the answer as the page showed it. When the visitor left the answer as
it was and the kiosk has changed it since, the kiosk's newer change stands.
"""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.forms import Field, check
from kiosk.text import pick
from kiosk.web.answers import Unreadable, date_parts, typed_answer, value_to_keep, year_options
from kiosk.web.pages import PageError
from kiosk.web.site import Site, endpoint, redirect
from kiosk.web.visit import Visit
from kiosk.web.words import MONTHS_EN

SOURCE = "phone"

INPUTS = {  # type -> (input type, inputmode, autocomplete, autocapitalize)
    "name": ("text", "text", "name", "words"),
    "id_number": ("text", "text", "off", "characters"),
    "phone": ("tel", "tel", "tel-national", "off"),
    "number": ("text", "numeric", "off", "off"),
    "credit_code": ("text", "text", "off", "characters"),
}


def _asked_field(visit: Visit, field_id: str) -> Field | None:
    """The field if it is asked now; raises a 404 for names the form does not have."""
    try:
        field = visit.form.field(field_id)
    except KeyError:
        raise PageError(404, again=visit.base) from None
    asked = {f.id for f in visit.flow.steps(visit.values)}
    return field if field.id in asked else None


@endpoint
def question(site: Site, request: Request, form: FormData | None) -> Response:
    visit = site.visit(request)
    if not visit.draft.editable:
        return redirect(visit.base)
    field = _asked_field(visit, request.path_params["field_id"])
    if field is None:  # derived from another answer, or its condition does not hold
        return redirect(visit.base)
    site.stores.drafts().set_step(visit.draft.id, field.id)
    lang = site.pages.language(request, visit.draft.language)
    values = visit.values
    value = values.get(field.id, "")
    problem = check(field, value).problem if request.query_params.get("error") else None
    number, total = visit.flow.position(field.id, values)
    previous = visit.flow.previous_field(field.id, values)
    from_check = request.query_params.get("from") == "check"
    is_last = visit.flow.next_field(field.id, values) is None
    hint = pick(field.hint, lang)
    example = pick(field.example, lang)
    return site.render(
        request, "question.html", visit,
        field=field, value=value, question=pick(field.label, lang), hint=hint,
        example=example if example and example not in hint else "",
        problem=problem.text(lang) if problem else "",
        number=number, total=total, from_check=from_check, is_last=is_last,
        back_address=f"{visit.base}/q/{previous.id}" if previous else visit.base,
        control=_control(field, value, lang),
    )


def _control(field: Field, value: str, lang: str) -> dict:
    """How the answer is asked for: a text box, big radio buttons, or year/month/day."""
    if field.type in ("choice", "yes_no"):
        return {"kind": "choice", "choices": [(c.value, c.text(lang)) for c in field.choices]}
    if field.type == "date":
        year, month, day = date_parts(value)
        months = [(m, MONTHS_EN[m - 1] if lang == "en" else f"{m}月") for m in range(1, 13)]
        return {"kind": "date", "year": year, "month": month, "day": day,
                "years": year_options(field), "months": months, "days": list(range(1, 32))}
    if field.type == "text":
        return {"kind": "textarea"}
    kind, mode, complete, capitalize = INPUTS.get(field.type, ("text", "text", "off", "off"))
    return {"kind": "input", "type": kind, "inputmode": mode, "autocomplete": complete,
            "autocapitalize": capitalize}


def _save(site: Site, visit: Visit, field: Field, form: FormData) -> tuple[str, str]:
    """Keep the posted answer unless the visitor left it untouched.

    Returns what was posted and the answer the draft holds now.
    """
    try:
        typed = typed_answer(field, form)
    except Unreadable:
        raise PageError(400, again=f"{visit.base}/q/{field.id}") from None
    was = form.get("was")
    current = visit.values.get(field.id, "")
    if isinstance(was, str) and typed == was and current != was:
        return typed, current  # untouched here, changed at the kiosk since: that stands
    kept = value_to_keep(field, typed)
    site.stores.drafts().save_value(visit.draft.id, field.id, kept, source=SOURCE)
    return typed, kept


@endpoint
def answer(site: Site, request: Request, form: FormData | None) -> Response:
    visit = site.open_for_changes(request, form)
    field = _asked_field(visit, request.path_params["field_id"])
    if field is None:
        return redirect(visit.base)
    _, kept = _save(site, visit, field, form)
    values = {**visit.values, field.id: kept}
    from_check = form.get("from") == "check"
    if form.get("action") == "back":
        previous = visit.flow.previous_field(field.id, values)
        return redirect(f"{visit.base}/q/{previous.id}" if previous else visit.base)
    if check(field, kept).problem:
        return redirect(f"{visit.base}/q/{field.id}?error=1" + ("&from=check" if from_check
                                                                  else ""))
    following = None if from_check else visit.flow.next_field(field.id, values)
    return redirect(f"{visit.base}/q/{following.id}" if following else f"{visit.base}/check")


@endpoint
def autosave(site: Site, request: Request, form: FormData | None) -> Response:
    """The page's script saves each answer as it changes; the reply only says it is kept."""
    visit = site.open_for_changes(request, form)
    field = _asked_field(visit, request.path_params["field_id"])
    if field is None:
        return site.pages.json({"saved": False}, status=409)
    typed, _ = _save(site, visit, field, form)
    return site.pages.json({"saved": True, "was": typed})


ROUTES = [
    Route("/r/{token}/q/{field_id}", question, methods=["GET"]),
    Route("/r/{token}/q/{field_id}", answer, methods=["POST"]),
    Route("/r/{token}/q/{field_id}/autosave", autosave, methods=["POST"]),
]
