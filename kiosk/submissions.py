"""Submitting a draft: the moment it stops changing and gets the number the window asks for.

Reference numbers count up per day (JB-20261203-0042). Taking the number and closing the
draft happen in one transaction, so a double tap, or the kiosk and the phone submitting at
the same moment, gives one draft one number.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

PREFIX = "JB"

SCHEMA = """
CREATE TABLE IF NOT EXISTS reference_numbers (
    day TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
"""


STATUS_LINK_LIFETIME = 180 * 24 * 3600.0  # a submitted case's link and code show its status this long


class NotSubmittable(Exception):
    """The draft is closed some other way (withdrawn, expired): it cannot be submitted."""


@dataclass(frozen=True)
class Submission:
    reference: str
    already: bool  # True when the draft had been submitted before this call


def format_reference(day: str, number: int, prefix: str = PREFIX) -> str:
    """JB-20261203-0042: the day it was submitted and its place in that day's queue."""
    return f"{prefix}-{day}-{number:04d}"


class Submissions:
    """Closes drafts in the drafts database; one instance per thread, like DraftStore."""

    def __init__(self, path: Path | str, *, clock=time.time, prefix: str = PREFIX) -> None:
        self._clock = clock
        self._prefix = prefix
        self._db = sqlite3.connect(path, timeout=10.0, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def submit(self, draft_id: str) -> Submission:
        """Mark an open draft 'submitted' with a new reference; a submitted one keeps its own."""
        db = self._db
        now = self._clock()
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT status, reference FROM drafts WHERE id = ?",
                             (draft_id,)).fetchone()
            if row is None:
                raise KeyError(draft_id)
            status, reference = row
            if status == "submitted" and reference:
                db.execute("COMMIT")
                return Submission(reference, already=True)
            if status != "open":
                raise NotSubmittable(status)
            day = time.strftime("%Y%m%d", time.localtime(now))
            number = db.execute(
                "INSERT INTO reference_numbers (day, last) VALUES (?, 1) ON CONFLICT (day)"
                " DO UPDATE SET last = last + 1 RETURNING last", (day,)).fetchone()[0]
            reference = format_reference(day, number, self._prefix)
            db.execute(
                "UPDATE drafts SET status = 'submitted', reference = ?, updated = ?,"
                " expires = MAX(expires, ?) WHERE id = ?",
                (reference, now, now + STATUS_LINK_LIFETIME, draft_id))
            # The same link must go on showing the window's status until the case is done.
            db.execute("UPDATE handoff_tokens SET expires = MAX(expires, ?) WHERE draft_id = ?",
                       (now + STATUS_LINK_LIFETIME, draft_id))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return Submission(reference, already=False)
