"""What keeps the phone page safe: CSRF tokens, response headers, request size limits.

CSRF: a double-submit cookie bound to the draft. The browser holds a random nonce in an
HttpOnly cookie; every form carries HMAC(secret, draft id, nonce). A post counts only when
the two agree, so another site can neither read nor forge the pair, and a token made for one
draft does not work for another.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "kiosk_csrf"
CSRF_FIELD = "csrf"
_NONCE = re.compile(r"^[A-Za-z0-9_-]{22,64}$")

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "geolocation=(), microphone=(), camera=(), payment=()",
}


def load_secret(folder: Path) -> bytes:
    """The server's signing key, kept in the data folder so tokens survive a restart.

    Falls back to a key for this process only when the folder cannot be written.
    """
    path = folder / "phone-secret.key"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            key = path.read_bytes()
            if len(key) >= 32:
                return key
            raise OSError("short key file") from None
        key = secrets.token_bytes(32)
        with os.fdopen(handle, "wb") as out:
            out.write(key)
            out.flush()
            os.fsync(out.fileno())
        return key
    except OSError:
        return secrets.token_bytes(32)


def new_nonce() -> str:
    return secrets.token_urlsafe(24)


def usable_nonce(value: str | None) -> str | None:
    return value if value and _NONCE.match(value) else None


def csrf_token(secret: bytes, draft_id: str, nonce: str) -> str:
    """What the page's forms carry: tied to this draft and this browser's cookie."""
    message = f"csrf|{draft_id}|{nonce}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:40]


def csrf_ok(secret: bytes, draft_id: str, nonce: str | None, sent: str | None) -> bool:
    nonce = usable_nonce(nonce)
    if not nonce or not sent or len(sent) > 100 or not sent.isascii():
        return False  # compare_digest refuses non-ASCII text with an error, not a False
    return hmac.compare_digest(csrf_token(secret, draft_id, nonce), sent)


def same_origin(headers) -> bool:
    """False only when the browser says the post comes from another site.

    `Origin: null` is what browsers send for form posts under `Referrer-Policy: no-referrer`,
    so it is not held against the visitor; the CSRF token decides then.
    """
    if headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = headers.get("origin")
    if not origin or origin == "null":
        return True
    host = headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.lower()


class SecurityHeaders:
    """Adds the same strict headers to every response, pages, files and errors alike."""

    def __init__(self, app: ASGIApp, *, https: bool = False) -> None:
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in HEADERS.items()]
        if https:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    """The request body went past the limit while it was being read."""


class BodyLimit:
    """Refuses request bodies beyond a limit: by Content-Length at once, else while reading.

    `limit_for(path)` gives the limit of a path, so only the photo upload may be large.
    `too_large(scope)` makes the 413 page.
    """

    def __init__(self, app: ASGIApp, *, limit_for, too_large) -> None:
        self.app = app
        self.limit_for = limit_for
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                too_big = True
            if too_big:
                await self.too_large(scope)(scope, receive, send)
                return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if not started:
                await self.too_large(scope)(scope, receive, send)


class LowerCasePrefix:
    """`/R/TOKEN` (what the QR carries, upper case for its compact mode) is `/r/TOKEN`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/R/"):
            scope = dict(scope)
            scope["path"] = "/r/" + scope["path"][3:]
            raw = scope.get("raw_path")
            if raw and raw.startswith(b"/R/"):
                scope["raw_path"] = b"/r/" + raw[3:]
        await self.app(scope, receive, send)
