"""Resume codes a visitor can read aloud, and unguessable tokens for the phone link."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets

RESUME_CODE_DIGITS = 8
TOKEN_BYTES = 10  # 80 random bits, 16 base32 characters


def new_resume_code() -> str:
    """Eight digits: easy to read aloud, to type on a keypad, and to say to a volunteer."""
    return "".join(secrets.choice("0123456789") for _ in range(RESUME_CODE_DIGITS))


def format_resume_code(code: str) -> str:
    """As shown on screen and slips: two groups of four (1234 5678)."""
    return f"{code[:4]} {code[4:]}" if len(code) == RESUME_CODE_DIGITS else code


def clean_resume_code(typed: str) -> str:
    """Digits only, so "1234 5678", "１２３４-５６７８" and "12345678" are the same code."""
    import unicodedata

    return re.sub(r"\D", "", unicodedata.normalize("NFKC", typed))


def new_token() -> str:
    """A random token in upper-case base32, so the QR can use its compact alphanumeric mode."""
    return base64.b32encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii").rstrip("=")


def token_hash(token: str) -> str:
    """What is stored instead of the token: a leaked database gives no working link."""
    return hashlib.sha256(token.strip().upper().encode("ascii", "ignore")).hexdigest()


def phone_url(public_url: str, token: str) -> str:
    """The link the QR carries. Upper case throughout keeps the QR small (alphanumeric mode);
    the server reads the path without regard to case."""
    from urllib.parse import urlsplit

    base = public_url.rstrip("/")
    if urlsplit(base).path:  # a path behind a proxy may be case-sensitive: leave it be
        return f"{base}/r/{token}"
    return f"{base}/R/{token}".upper()
