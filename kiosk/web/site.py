"""What every phone-page endpoint shares, and the wrapper that makes each one safe to call.

An endpoint is written as a plain function `(site, request, form) -> Response`; `endpoint()`
reads the posted form within limits, runs the function in a worker thread (the databases
block), and turns every failure into a kind page: never a stack trace, never a 500 with a
half-done write behind it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from kiosk.config import Config
from kiosk.text import pick
from kiosk.web import security
from kiosk.web.answers import Unreadable
from kiosk.web.pages import PageError, Pages
from kiosk.web.stores import CatalogueMissing, Stores
from kiosk.web.visit import Visit, open_visit, photos_open

log = logging.getLogger("kiosk.web")

FORM_LIMITS = {"max_files": 0, "max_fields": 20, "max_part_size": 16 * 1024}
UPLOAD_FORM_LIMITS = {"max_files": 1, "max_fields": 10, "max_part_size": 16 * 1024}


class Site:
    """The phone page's shared parts: configuration, databases, templates, signing key."""

    def __init__(self, config: Config, stores: Stores, secret: bytes) -> None:
        self.config = config
        self.stores = stores
        self.secret = secret
        self.pages = Pages(stores, secret)

    def visit(self, request: Request) -> Visit:
        return open_visit(request, self.stores)

    def open_for_changes(self, request: Request, form: FormData | None) -> Visit:
        """The visit of a post that changes the draft: CSRF checked, draft still open."""
        visit = self.visit(request)
        self.require_csrf(request, visit, form)
        if not visit.draft.editable:
            raise PageError(409, again=visit.base)
        return visit

    def open_for_photos(self, request: Request, form: FormData | None) -> Visit:
        """The visit of a post that adds or removes a photo: CSRF checked, and the draft open
        or, after submission, waiting for more materials."""
        visit = self.visit(request)
        self.require_csrf(request, visit, form)
        if not photos_open(visit):
            raise PageError(409, again=visit.base)
        return visit

    def require_csrf(self, request: Request, visit: Visit, form: FormData | None) -> None:
        sent = form.get(security.CSRF_FIELD) if form is not None else None
        good = security.same_origin(request.headers) and security.csrf_ok(
            self.secret, visit.draft.id, request.cookies.get(security.CSRF_COOKIE),
            sent if isinstance(sent, str) else None)
        if not good:
            raise PageError(403, again=_retry_address(request, visit))

    def render(self, request: Request, template: str, visit: Visit | None = None,
               status: int = 200, **context) -> Response:
        lang = self.pages.language(request, visit.draft.language if visit else None)
        if visit is not None:
            context.setdefault("visit", visit)
            # a service listed only in a hall's item file may be gone: the form names it then
            context.setdefault("service_title", visit.service.title(lang) if visit.service
                               else pick(visit.form.title, lang))
        return self.pages.render(request, template, context, status=status,
                                 draft_id=visit.draft.id if visit else None, lang=lang)


def redirect(address: str) -> RedirectResponse:
    """After a post, always a GET (303): reloading never posts twice."""
    return RedirectResponse(address, status_code=303, headers={"cache-control": "no-store"})


def _retry_address(request: Request, visit: Visit) -> str:
    """Where "open it again" leads after a refused post: the page the form was on."""
    rest = request.url.path.split("/")[3:]  # after "", "r", token
    if len(rest) >= 2 and rest[0] in ("q", "materials"):
        return f"{visit.base}/{rest[0]}/{rest[1]}"
    if rest[:1] == ["submit"]:
        return f"{visit.base}/check"
    return visit.base


Handler = Callable[[Site, Request, FormData | None], Response]


def endpoint(handler: Handler | None = None, *, upload: bool = False):
    """Wrap a handler as a Starlette endpoint with form limits and kind error pages."""

    def wrap(function: Handler):
        @functools.wraps(function)
        async def run(request: Request) -> Response:
            site: Site = request.app.state.site
            form = None
            try:
                if request.method == "POST":
                    form = await _read_form(request, upload)
                return await run_in_threadpool(function, site, request, form)
            except PageError as error:
                return site.pages.error(request, error.status, again=error.again)
            except security.BodyTooLarge:
                return site.pages.error(request, 413)
            except CatalogueMissing:
                return site.pages.error(request, 503)
            except Exception as error:  # noqa: BLE001 - a kind page; the log gets no data
                log.error("%s on %s %s", type(error).__name__, request.method,
                          _route_name(request))
                return site.pages.error(request, 500)
            finally:
                if form is not None:
                    await form.close()

        return run

    return wrap(handler) if handler else wrap


async def _read_form(request: Request, upload: bool) -> FormData:
    limits = UPLOAD_FORM_LIMITS if upload else FORM_LIMITS
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise PageError(400)
    try:
        return await request.form(**limits)
    except security.BodyTooLarge:
        raise
    except (HTTPException, Unreadable, ValueError, KeyError, UnicodeError) as error:
        raise PageError(400) from error


def _route_name(request: Request) -> str:
    """The endpoint's name, never the path: paths carry tokens."""
    endpoint_fn = request.scope.get("endpoint")
    return getattr(endpoint_fn, "__name__", "?")
