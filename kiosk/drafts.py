"""The drafts store: every answer saved the moment it changes, with its whole history.

One SQLite database in the data folder, shared by the kiosk, the phone page and the desk.
WAL with synchronous=FULL: a committed keystroke survives a kill or a power cut.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk import handoff
from kiosk.database import open_shared
from kiosk.text import neutralise

SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL,
    resume_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'open',
    step TEXT,
    kiosk TEXT,
    language TEXT NOT NULL DEFAULT 'zh',
    reference TEXT,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS draft_values (
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    field_id TEXT NOT NULL,
    value TEXT NOT NULL,
    updated REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (draft_id, field_id)
);
CREATE TABLE IF NOT EXISTS draft_history (
    id INTEGER PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    field_id TEXT NOT NULL,
    value TEXT NOT NULL,
    at REAL NOT NULL,
    source TEXT NOT NULL,
    actor TEXT
);
CREATE INDEX IF NOT EXISTS draft_history_draft ON draft_history(draft_id, id);
CREATE TABLE IF NOT EXISTS handoff_tokens (
    token_hash TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    created REAL NOT NULL,
    expires REAL NOT NULL
);
"""

DRAFT_LIFETIME = 30 * 24 * 3600.0   # an unfinished draft, and its resume code, last this long
LINK_LIFETIME = 7 * 24 * 3600.0     # a phone link, less easily kept private, expires sooner


@dataclass(frozen=True)
class Draft:
    id: str
    service_id: str
    resume_code: str
    status: str
    step: str | None
    kiosk: str | None
    language: str
    reference: str | None
    created: float
    updated: float
    expires: float
    values: dict[str, str]

    @property
    def editable(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class Change:
    field_id: str
    value: str
    at: float
    source: str
    actor: str | None


class DraftStore:
    """Opens (and creates) the drafts database; one instance per process or thread."""

    def __init__(self, path: Path | str, *, clock=time.time) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._clock = clock
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one short transaction a save.
        self._db = open_shared(self.path, SCHEMA)
        try:
            self.path.chmod(0o600)
        except OSError:
            pass

    def close(self) -> None:
        self._db.close()

    # -- drafts ---------------------------------------------------------------------------

    def create(self, service_id: str, *, kiosk: str | None = None, language: str = "zh",
               lifetime: float = DRAFT_LIFETIME) -> Draft:
        """A new, empty draft with a fresh resume code."""
        now = self._clock()
        draft_id = uuid.uuid4().hex
        for _ in range(20):
            code = handoff.new_resume_code()
            try:
                self._db.execute(
                    "INSERT INTO drafts (id, service_id, resume_code, kiosk, language, created,"
                    " updated, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (draft_id, service_id, code, kiosk, language, now, now, now + lifetime),
                )
                break
            except sqlite3.IntegrityError:
                continue  # that code is taken; draw again
        else:
            raise RuntimeError("no free resume code")
        return self.get(draft_id)

    def get(self, draft_id: str) -> Draft:
        row = self._db.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise KeyError(draft_id)
        values = {
            r["field_id"]: r["value"]
            for r in self._db.execute(
                "SELECT field_id, value FROM draft_values WHERE draft_id = ?", (draft_id,))
        }
        return Draft(values=values, **dict(row))

    def find_by_code(self, typed_code: str) -> Draft | None:
        """The live draft with this resume code, however the code was typed; None otherwise."""
        code = handoff.clean_resume_code(typed_code)
        row = self._db.execute(
            "SELECT id FROM drafts WHERE resume_code = ? AND expires > ?", (code, self._clock())
        ).fetchone()
        return self.get(row["id"]) if row else None

    def all(self) -> list[Draft]:
        rows = self._db.execute("SELECT id FROM drafts ORDER BY updated DESC").fetchall()
        return [self.get(r["id"]) for r in rows]

    # -- answers --------------------------------------------------------------------------

    def save_value(self, draft_id: str, field_id: str, value: str, *, source: str = "kiosk",
                   actor: str | None = None) -> bool:
        """Save one answer now, durably, and record the change in the history.

        Returns False, and changes nothing, when the draft was submitted or is gone.

        Unchanged values are not written again, so repeated saves cost nothing. Escape
        sequences and control characters are dropped first: whatever a phone or a paste
        sends, no screen that shows the draft can be made to run it.
        """
        value = neutralise(value)
        now = self._clock()
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            status = db.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if status is None or status[0] != "open":
                # Submitted (or gone): the answers are the window's now and stay as sent.
                db.execute("COMMIT")
                return False
            row = db.execute(
                "SELECT value FROM draft_values WHERE draft_id = ? AND field_id = ?",
                (draft_id, field_id),
            ).fetchone()
            if row is not None and row[0] == value:
                db.execute("COMMIT")
                return True
            db.execute(
                "INSERT INTO draft_values (draft_id, field_id, value, updated, source)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (draft_id, field_id) DO UPDATE SET"
                " value = excluded.value, updated = excluded.updated, source = excluded.source",
                (draft_id, field_id, value, now, source),
            )
            db.execute(
                "INSERT INTO draft_history (draft_id, field_id, value, at, source, actor)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (draft_id, field_id, value, now, source, actor),
            )
            db.execute("UPDATE drafts SET updated = ? WHERE id = ?", (now, draft_id))
            db.execute("COMMIT")
            return True
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def set_step(self, draft_id: str, step: str | None) -> None:
        """Remember where the visitor is, so a resumed draft opens at the same question."""
        self._db.execute("UPDATE drafts SET step = ?, updated = ? WHERE id = ?",
                         (step, self._clock(), draft_id))

    def set_status(self, draft_id: str, status: str, reference: str | None = None) -> None:
        self._db.execute(
            "UPDATE drafts SET status = ?, reference = COALESCE(?, reference), updated = ?"
            " WHERE id = ?", (status, reference, self._clock(), draft_id))

    def history(self, draft_id: str) -> list[Change]:
        rows = self._db.execute(
            "SELECT field_id, value, at, source, actor FROM draft_history WHERE draft_id = ?"
            " ORDER BY id", (draft_id,))
        return [Change(**dict(r)) for r in rows]

    def changed_since(self, draft_id: str, since: float) -> Iterator[Change]:
        """Changes after a moment, so a screen can show what the phone or a volunteer did."""
        rows = self._db.execute(
            "SELECT field_id, value, at, source, actor FROM draft_history"
            " WHERE draft_id = ? AND at > ? ORDER BY id", (draft_id, since))
        return (Change(**dict(r)) for r in rows)

    # -- phone links ----------------------------------------------------------------------

    def issue_token(self, draft_id: str, lifetime: float = LINK_LIFETIME) -> str:
        """A new phone-link token for this draft; only its hash is stored."""
        token = handoff.new_token()
        now = self._clock()
        self._db.execute(
            "INSERT INTO handoff_tokens (token_hash, draft_id, created, expires)"
            " VALUES (?, ?, ?, ?)", (handoff.token_hash(token), draft_id, now, now + lifetime))
        return token

    def find_by_token(self, token: str) -> Draft | None:
        """The draft a phone link opens, or None when unknown or expired."""
        row = self._db.execute(
            "SELECT draft_id FROM handoff_tokens WHERE token_hash = ? AND expires > ?",
            (handoff.token_hash(token), self._clock()),
        ).fetchone()
        return self.get(row["draft_id"]) if row else None
