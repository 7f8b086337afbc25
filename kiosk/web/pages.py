"""Turning a template into a response: language, words, CSRF cookie, headers, kind errors."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles

from kiosk.text import LANGUAGES
from kiosk.web import security
from kiosk.web.stores import Stores
from kiosk.web.words import Words

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
LANG_COOKIE = "kiosk_lang"
YEAR = 365 * 24 * 3600


class PageError(Exception):
    """Stop here and show the visitor a kind page with this status.

    `again` is where the page's one button leads (the page to retry, or the draft).
    """

    def __init__(self, status: int, *, again: str | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.again = again


class Pages:
    def __init__(self, stores: Stores, secret: bytes) -> None:
        self.stores = stores
        self.secret = secret
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
            trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        versions = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:10]
                    for p in STATIC.iterdir() if p.is_file()}
        self.env.globals["static"] = lambda name: f"/static/{name}?v={versions[name]}"
        self.env.filters["tel"] = tel_number

    # -- language -------------------------------------------------------------------------

    def language(self, request: Request, fallback: str | None = None) -> str:
        """?lang= first (and remembered), then the cookie, then the draft's, then Chinese."""
        for choice in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                       fallback):
            if choice in LANGUAGES:
                return choice
        return "zh"

    def words(self, lang: str) -> Words:
        return Words(lang, self.stores.texts())

    # -- responses ------------------------------------------------------------------------

    def render(self, request: Request, template: str, context: dict, *, status: int = 200,
               draft_id: str | None = None, lang: str | None = None) -> HTMLResponse:
        lang = lang or self.language(request)
        nonce = security.usable_nonce(request.cookies.get(security.CSRF_COOKIE))
        fresh_nonce = None
        if draft_id is not None and nonce is None:
            nonce = fresh_nonce = security.new_nonce()
        other = "en" if lang == "zh" else "zh"
        query = {**request.query_params, "lang": other}  # keep ?from=check and the like
        html = self.env.get_template(template).render(
            w=self.words(lang), lang=lang,
            switch_url=f"{request.url.path}?{urlencode(query)}",
            csrf=security.csrf_token(self.secret, draft_id, nonce) if draft_id else "",
            csrf_field=security.CSRF_FIELD,
            **context)
        response = HTMLResponse(html, status_code=status)
        response.headers["cache-control"] = "no-store"
        https = request.url.scheme == "https"
        if fresh_nonce:
            response.set_cookie(security.CSRF_COOKIE, fresh_nonce, max_age=8 * 24 * 3600,
                                httponly=True, samesite="lax", secure=https, path="/")
        if request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANG_COOKIE, lang, max_age=YEAR, httponly=True,
                                samesite="lax", secure=https, path="/")
        return response

    def error(self, request: Request, status: int, *, again: str | None = None) -> Response:
        """The kind page for a status: what happened and what to do, never a stack trace."""
        if _wants_json(request):
            return JSONResponse({"saved": False, "status": status}, status_code=status,
                                headers={"cache-control": "no-store"})
        if status in (400, 403, 404, 409, 410, 413, 415, 429, 503):
            known = status
        else:
            known = 404 if status == 405 else 500  # a wrong method is a wrong address to a visitor
        return self.render(request, "error.html",
                           {"kind": known, "again": again}, status=status)

    def json(self, data: dict, status: int = 200) -> JSONResponse:
        return JSONResponse(data, status_code=status, headers={"cache-control": "no-store"})


def tel_number(shown: str) -> str:
    """0574-8888 0000 -> 057488880000: a phone number as a tel: link wants it."""
    kept = "".join(c for c in shown if c.isdigit())
    return f"+{kept}" if shown.strip().startswith("+") else kept


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith("/autosave")


class Static(StaticFiles):
    """Static files; versioned URLs (?v=hash) may be kept by the browser for a year."""

    def file_response(self, full_path, stat_result, scope, status_code=200):
        response = super().file_response(full_path, stat_result, scope, status_code)
        if b"v=" in scope.get("query_string", b""):
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response
