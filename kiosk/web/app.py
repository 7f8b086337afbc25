"""The phone page as an ASGI application."""

from __future__ import annotations

import re

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import Mount

from kiosk.config import Config
from kiosk.uploads import MAX_BYTES
from kiosk.web import security
from kiosk.web.pages import STATIC, Static
from kiosk.web.routes import all_routes
from kiosk.web.site import Site
from kiosk.web.stores import Stores

FORM_BODY_LIMIT = 64 * 1024
UPLOAD_BODY_LIMIT = MAX_BYTES + 64 * 1024  # one photo and the multipart wrapping around it
_UPLOAD_PATH = re.compile(r"^/r/[^/]+/materials/[^/]+$")


def _body_limit(path: str) -> int:
    return UPLOAD_BODY_LIMIT if _UPLOAD_PATH.match(path) else FORM_BODY_LIMIT


def create_app(config: Config, *, clock=None, https: bool = False) -> Starlette:
    """The phone page for the drafts and catalogue `config` names.

    `clock` replaces time.time in the stores (tests); `https` adds HSTS.
    """
    config.ensure_data_dir()
    stores = Stores(config, clock=clock)
    site = Site(config, stores, security.load_secret(config.data_dir))

    def too_large(scope):
        request = Request(scope)
        return site.pages.error(request, 413)

    async def http_error(request: Request, error: HTTPException):
        return site.pages.error(request, error.status_code)

    async def server_error(request: Request, error: Exception):
        # Only failures outside the endpoints land here (they catch their own), after the
        # header middleware: so the headers go on by hand.
        response = site.pages.error(request, 500)
        response.headers.update(security.HEADERS)
        return response

    app = Starlette(
        routes=[*all_routes(), Mount("/static", Static(directory=STATIC), name="static")],
        middleware=[
            Middleware(security.SecurityHeaders, https=https),
            Middleware(security.LowerCasePrefix),
            Middleware(security.BodyLimit, limit_for=_body_limit, too_large=too_large),
        ],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.site = site
    return app
