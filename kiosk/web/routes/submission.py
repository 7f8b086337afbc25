"""Check your answers, submit, and the receipt that the same link shows from then on."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.submissions import NotSubmittable
from kiosk.text import pick
from kiosk.web.pages import PageError
from kiosk.web.site import Site, endpoint, redirect
from kiosk.web.summary import answer_rows, material_rows
from kiosk.web.visit import Visit, materials_of

STATUS_WORDS = {"submitted": "status_submitted", "accepted": "status_accepted",
                "processing": "status_accepted", "done": "status_done",
                "completed": "status_done", "cancelled": "status_cancelled",
                "withdrawn": "status_cancelled"}


def _materials(site: Site, visit: Visit, lang: str):
    return material_rows(materials_of(visit, site.stores),
                         site.stores.uploads().for_draft(visit.draft.id), lang)


@endpoint
def check_page(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    if not visit.draft.editable:
        return redirect(visit.base)
    lang = site.pages.language(request, visit.draft.language)
    rows = answer_rows(visit, lang)
    to_fix = [r for r in rows if r.problem]
    return site.render(request, "check.html", visit, rows=rows, to_fix=to_fix,
                       materials=_materials(site, visit, lang))


@endpoint
def submit(site: Site, request: Request, form: FormData | None) -> Response:
    visit = site.visit(request)
    site.require_csrf(request, visit, form)
    if visit.draft.status == "submitted":
        return redirect(f"{visit.base}/receipt")  # a second tap on Submit: same receipt
    if not visit.draft.editable:
        raise PageError(409, again=visit.base)
    values = visit.values
    if visit.flow.problems(values):
        return redirect(f"{visit.base}/check?error=1")
    drafts = site.stores.drafts()
    # Birth date and sex were never asked; the window still needs them in the draft.
    for field_id, value in visit.flow.derived_values(values).items():
        drafts.save_value(visit.draft.id, field_id, value, source="phone", actor="derived")
    try:
        site.stores.submissions().submit(visit.draft.id)
    except NotSubmittable:
        raise PageError(409, again=visit.base) from None
    return redirect(f"{visit.base}/receipt")


@endpoint
def receipt(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    if visit.draft.editable:
        return redirect(f"{visit.base}/check")
    return status_page(site, request, visit, just_submitted=True)


def status_page(site: Site, request: Request, visit: Visit, *, just_submitted: bool) -> Response:
    """What a submitted (or otherwise closed) draft shows: read-only, with what comes next."""
    lang = site.pages.language(request, visit.draft.language)
    service = visit.service
    facts = []
    if service:
        for key, text in (("where", service.place), ("how_long", service.time_limit),
                          ("fee", service.fee), ("department", service.department)):
            if pick(text, lang):
                facts.append((key, pick(text, lang)))
    return site.render(
        request, "receipt.html", visit, just_submitted=just_submitted,
        reference=visit.draft.reference or "",
        status_key=STATUS_WORDS.get(visit.draft.status, "status_other"),
        facts=facts, materials=_materials(site, visit, lang),
        rows=answer_rows(visit, lang, read_only=True))


ROUTES = [
    Route("/r/{token}/check", check_page, methods=["GET"]),
    Route("/r/{token}/submit", submit, methods=["POST"]),
    Route("/r/{token}/receipt", receipt, methods=["GET"]),
]
