"""Volunteer accounts for the help desk: a name and a personal PIN, and nothing else.

A PIN is kept only as a salted scrypt hash. Wrong PINs are counted per name in the drafts
database, so every desk on the machine shares the count: after MAX_FAILURES in a row the
name is locked for a while, and each further failure doubles the lock, up to LOCK_LONGEST.
An unknown name is counted and locked in the same way, and answered in the same time, so
the desk does not tell which names exist.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.database import open_shared
from kiosk.text import half_width, neutralise

PIN_DIGITS = (6, 12)
MAX_FAILURES = 5
LOCK_FIRST = 5 * 60.0
LOCK_LONGEST = 60 * 60.0
# scrypt at n=2**14, r=8 takes tens of milliseconds and 16 MB: cheap for one sign-in,
# costly for anyone guessing PINs from a copy of the database.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS volunteers (
    name TEXT PRIMARY KEY,
    pin_hash TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS pin_failures (
    name TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure REAL NOT NULL,
    locked_until REAL NOT NULL DEFAULT 0
);
"""


class SignInRefused(Exception):
    """The desk stays signed out; `reason` is "wrong" or "locked" (then `until` says when)."""

    def __init__(self, reason: str, until: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.until = until


class BadPin(ValueError):
    """A new PIN that is not 6 to 12 digits."""


@dataclass(frozen=True)
class Volunteer:
    name: str


def clean_name(typed: str) -> str:
    """A volunteer's name as kept and compared: safe, half-width, single spaces."""
    return " ".join(half_width(neutralise(typed)).split())


def check_new_pin(pin: str) -> str:
    """A PIN volunteers can type on any keypad: digits only, long enough to resist guessing."""
    pin = half_width(pin).strip()
    low, high = PIN_DIGITS
    if not (pin.isdigit() and pin.isascii() and low <= len(pin) <= high):
        raise BadPin(f"a PIN is {low} to {high} digits")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """scrypt$n$r$p$salt$hash, all that is stored of a PIN."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if kind != "scrypt":
        return False
    again = hashlib.scrypt(half_width(pin).strip().encode(), salt=bytes.fromhex(salt),
                           n=int(n), r=int(r), p=int(p), dklen=len(digest) // 2)
    return hmac.compare_digest(again.hex(), digest)


@functools.cache
def _decoy() -> str:
    """A hash of nothing in particular: unknown names are checked against it, as long."""
    return hash_pin("000000", b"decoy-salt-16byt")


class Volunteers:
    """The volunteers' accounts in the drafts database; one instance per thread."""

    def __init__(self, path: Path | str, *, clock=time.time) -> None:
        self._clock = clock
        self._db = open_shared(path, SCHEMA)

    def close(self) -> None:
        self._db.close()

    def add(self, name: str, pin: str, *, replace: bool = False) -> Volunteer:
        """A new volunteer (or, with replace, a new PIN, which also lifts a lock)."""
        name = clean_name(name)
        if not name:
            raise ValueError("a volunteer needs a name")
        stored = hash_pin(check_new_pin(pin))
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            exists = db.execute("SELECT 1 FROM volunteers WHERE name = ?", (name,)).fetchone()
            if exists and not replace:
                raise KeyError(name)
            db.execute(
                "INSERT INTO volunteers (name, pin_hash, created) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET pin_hash = excluded.pin_hash",
                (name, stored, self._clock()))
            db.execute("DELETE FROM pin_failures WHERE name = ?", (name,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return Volunteer(name)

    def names(self) -> list[str]:
        return [r["name"] for r in self._db.execute("SELECT name FROM volunteers ORDER BY name")]

    def locked_until(self, name: str) -> float | None:
        """When a locked name may try again; None when it is not locked."""
        row = self._db.execute("SELECT locked_until FROM pin_failures WHERE name = ?",
                               (clean_name(name),)).fetchone()
        if row and row["locked_until"] > self._clock():
            return row["locked_until"]
        return None

    def sign_in(self, name: str, pin: str) -> Volunteer:
        """The volunteer, when the PIN is right and the name not locked; else SignInRefused."""
        name = clean_name(name)
        until = self.locked_until(name)
        if until is not None:
            raise SignInRefused("locked", until)
        row = self._db.execute("SELECT pin_hash FROM volunteers WHERE name = ?",
                               (name,)).fetchone()
        right = pin_matches(pin, row["pin_hash"] if row else _decoy()) and row is not None
        if right:
            self._db.execute("DELETE FROM pin_failures WHERE name = ?", (name,))
            return Volunteer(name)
        until = self._count_failure(name)
        raise SignInRefused("locked" if until else "wrong", until)

    def _count_failure(self, name: str) -> float | None:
        """One more wrong PIN for this name; the end of the lock it causes, if any."""
        now = self._clock()
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            failures = db.execute(
                "INSERT INTO pin_failures (name, failures, last_failure) VALUES (?, 1, ?)"
                " ON CONFLICT (name) DO UPDATE SET failures = failures + 1,"
                " last_failure = excluded.last_failure RETURNING failures",
                (name, now)).fetchone()[0]
            until = None
            if failures >= MAX_FAILURES:
                lock = min(LOCK_FIRST * 2 ** min(failures - MAX_FAILURES, 8), LOCK_LONGEST)
                until = now + lock
                db.execute("UPDATE pin_failures SET locked_until = ? WHERE name = ?",
                           (until, name))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return until
