"""Check your answers, submit, and the receipt that the same link shows from then on."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.submissions import NotSubmittable
from kiosk.text import neutralise, pick
from kiosk.web.answers import format_moment
from kiosk.web.pages import PageError
from kiosk.web.site import Site, endpoint, redirect
from kiosk.web.summary import answer_rows, material_rows
from kiosk.web.visit import Visit, materials_of, window_status
from kiosk.window import AFTER_SUBMISSION, DONE, MORE_MATERIALS_NEEDED, RECEIVED, SUBMITTED

# kiosk.window's statuses, in the visitor's words (words.py: status_* and lead_*)
STATUS_WORDS = {SUBMITTED: "status_submitted", RECEIVED: "status_received",
                MORE_MATERIALS_NEEDED: "status_more_materials_needed", DONE: "status_done"}


@dataclass(frozen=True)
class NeededMaterial:
    """One material the window asked for: its name, and the photos sent since it asked."""

    id: str
    name: str
    known: bool   # on the service's materials list, so it has an upload page
    new_photos: int


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
    if visit.draft.status in AFTER_SUBMISSION:
        # A second tap on Submit, even after the window acted: the receipt and its status.
        return redirect(f"{visit.base}/receipt")
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
        # The kiosk submitted it meanwhile (and a window may have acted since): not an error.
        if site.stores.drafts().get(visit.draft.id).status in AFTER_SUBMISSION:
            return redirect(f"{visit.base}/receipt")
        raise PageError(409, again=visit.base) from None
    return redirect(f"{visit.base}/receipt")


@endpoint
def receipt(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    if visit.draft.editable:
        return redirect(f"{visit.base}/check")
    return status_page(site, request, visit, just_submitted=True)


def status_page(site: Site, request: Request, visit: Visit, *, just_submitted: bool) -> Response:
    """What a submitted (or otherwise closed) draft shows: read-only, with the window's
    status, its time and note, what it still needs, and what comes next."""
    lang = site.pages.language(request, visit.draft.language)
    service = visit.service
    window = window_status(visit, site.stores)
    status = window.status if window else visit.draft.status
    facts = []
    if service:
        for key, text in (("where", service.place), ("how_long", service.time_limit),
                          ("fee", service.fee), ("department", service.department)):
            if pick(text, lang):
                facts.append((key, pick(text, lang)))
    materials = _materials(site, visit, lang)
    needed = _needed(window, materials, site.stores.uploads().for_draft(visit.draft.id)) \
        if status == MORE_MATERIALS_NEEDED else []
    return site.render(
        request, "receipt.html", visit,
        just_submitted=just_submitted and status == SUBMITTED,
        reference=visit.draft.reference or "",
        state=status if status in STATUS_WORDS else "other",  # not `status`: the HTTP one
        status_key=STATUS_WORDS.get(status, "status_other"),
        status_lead=f"lead_{status}" if status in STATUS_WORDS else "",
        status_time=format_moment(window.updated if window else visit.draft.updated, lang),
        note=neutralise(window.note).strip() if window else "",
        needed=needed,
        bring_to=pick(service.place, lang) if service else "",
        facts=facts, materials=materials,
        rows=answer_rows(visit, lang, read_only=True))


def _needed(window, materials, uploads) -> list[NeededMaterial]:
    """The materials the window asked for, named as the catalogue names them; an id the
    catalogue does not know is shown as the window wrote it."""
    if window is None:
        return []
    names = {m.id: m.name for m in materials}
    needed = []
    for material_id in window.materials:
        new = sum(1 for u in uploads
                  if u.material_id == material_id and u.created >= window.updated)
        known = material_id in names
        needed.append(NeededMaterial(material_id, names[material_id] if known
                                     else neutralise(material_id).strip(), known, new))
    return needed


ROUTES = [
    Route("/r/{token}/check", check_page, methods=["GET"]),
    Route("/r/{token}/submit", submit, methods=["POST"]),
    Route("/r/{token}/receipt", receipt, methods=["GET"]),
]
