"""The front page of a draft: which service, how far along, where to go next."""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from kiosk.web.answers import format_date
from kiosk.web.site import Site, endpoint
from kiosk.web.visit import Visit, materials_of


@endpoint
def home(site: Site, request: Request, form) -> Response:
    """Someone who types the bare address: tell them to scan the kiosk's code."""
    return site.render(request, "home.html")


async def health(request: Request) -> Response:
    return PlainTextResponse("ok", headers={"cache-control": "no-store"})


async def no_icon(request: Request) -> Response:
    """Browsers ask for an icon on their own; there is none, and that is not an error."""
    return Response(status_code=204, headers={"cache-control": "public, max-age=86400"})


@endpoint
def draft_page(site: Site, request: Request, form) -> Response:
    visit = site.visit(request)
    if not visit.draft.editable:
        from kiosk.web.routes.submission import status_page

        return status_page(site, request, visit, just_submitted=False)
    lang = site.pages.language(request, visit.draft.language)
    values = visit.values
    steps = visit.flow.steps(values)
    problems = visit.flow.problems(values)
    answered = [f for f in steps if f.id not in problems and values.get(f.id)]
    next_id = next((f.id for f in steps if f.id in problems), None)
    return site.render(
        request, "overview.html", visit,
        steps=len(steps), done=len(steps) - len(problems),
        started=bool(answered),
        next_address=f"{visit.base}/q/{next_id}" if next_id else f"{visit.base}/check",
        all_answered=next_id is None,
        has_materials=bool(materials_of(visit, site.stores)),
        valid_until=_until(site, visit, lang),
    )


def _until(site: Site, visit: Visit, lang: str) -> str:
    """The last day the link opens: the token's or the draft's end, whichever comes first."""
    ends = [visit.draft.expires, site.stores.token_expiry(visit.token) or visit.draft.expires]
    return format_date(dt.date.fromtimestamp(min(ends)), lang)


ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/healthz", health, methods=["GET"]),
    Route("/favicon.ico", no_icon, methods=["GET"]),
    Route("/r/{token}", draft_page, methods=["GET"]),
]
