"""The service windows' queue: submitted applications, and what the window says about each.

Staff set an application's status (received, more materials needed and which, done) with
a note the visitor reads on the phone link and at the kiosk. The status is kept on
drafts.status, so everything that reads a draft sees it; every change is also kept in
window_status with its time and the member of staff, newest last.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk import drafts
from kiosk.database import open_shared
from kiosk.text import neutralise

SUBMITTED = "submitted"
RECEIVED = "received"
MORE_MATERIALS_NEEDED = "more_materials_needed"
DONE = "done"
WINDOW_STATUSES = (RECEIVED, MORE_MATERIALS_NEEDED, DONE)
# Every status a submitted application can have; the window queue shows all but DONE.
AFTER_SUBMISSION = (SUBMITTED, *WINDOW_STATUSES)
NOTE_LENGTH = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS window_status (
    id INTEGER PRIMARY KEY,
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '[]',
    staff TEXT,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS window_status_draft ON window_status(draft_id, id);
"""

_REFERENCE_DAY = re.compile(r"-(\d{8})-")


class NotSubmitted(Exception):
    """Only a submitted application has a window status."""


@dataclass(frozen=True)
class WindowStatus:
    """What the visitor is told: the status, the window's note, since when, what to bring."""

    status: str
    note: str
    updated: float
    materials: tuple[str, ...]  # material ids of the service, when more are needed
    reference: str | None = None

    @property
    def finished(self) -> bool:
        return self.status == DONE


@dataclass(frozen=True)
class Application:
    """One submitted draft as the window's queue lists it."""

    draft_id: str
    reference: str
    service_id: str
    status: str
    kiosk: str | None
    submitted_day: str | None  # YYYY-MM-DD, from the reference number
    updated: float


def reference_day(reference: str | None) -> str | None:
    """JB-20261203-0042 -> 2026-12-03: the day an application was submitted."""
    found = _REFERENCE_DAY.search(reference or "")
    if not found:
        return None
    day = found.group(1)
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"


def _connect(path: Path | str) -> sqlite3.Connection:
    db = open_shared(path, drafts.SCHEMA, SCHEMA)
    return db


def _latest(db: sqlite3.Connection, draft_id: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM window_status WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                      (draft_id,)).fetchone()


def _status(db: sqlite3.Connection, draft_id: str) -> WindowStatus | None:
    draft = db.execute("SELECT status, reference, updated FROM drafts WHERE id = ?",
                       (draft_id,)).fetchone()
    if draft is None or draft["status"] not in AFTER_SUBMISSION:
        return None
    row = _latest(db, draft_id)
    if row is None or row["status"] != draft["status"]:
        return WindowStatus(draft["status"], "", draft["updated"], (), draft["reference"])
    return WindowStatus(row["status"], row["note"], row["at"],
                        tuple(json.loads(row["materials"])), draft["reference"])


def status_for(store_or_path: object, draft_id: str) -> WindowStatus | None:
    """The window's status of a submitted draft, for the phone page and the kiosk.

    Takes a DraftStore (or anything with a `path`) or the database's path. None when the
    draft is unknown or not submitted.
    """
    path = getattr(store_or_path, "path", store_or_path)
    db = _connect(path)  # type: ignore[arg-type]
    try:
        return _status(db, draft_id)
    finally:
        db.close()


class WindowQueue:
    """Submitted applications and their window status; one instance per thread."""

    def __init__(self, path: Path | str, *, clock=time.time) -> None:
        self._clock = clock
        self._db = _connect(path)

    def close(self) -> None:
        self._db.close()

    def applications(self, *, include_done: bool = False) -> list[Application]:
        """Submitted applications, in the order they were submitted."""
        statuses = AFTER_SUBMISSION if include_done else (SUBMITTED, RECEIVED,
                                                          MORE_MATERIALS_NEEDED)
        marks = ", ".join("?" for _ in statuses)
        rows = self._db.execute(
            f"SELECT id, reference, service_id, status, kiosk, updated FROM drafts"
            f" WHERE status IN ({marks}) ORDER BY reference, created", statuses)
        return [Application(r["id"], r["reference"] or "", r["service_id"], r["status"],
                            r["kiosk"], reference_day(r["reference"]), r["updated"])
                for r in rows]

    def status(self, draft_id: str) -> WindowStatus | None:
        return _status(self._db, draft_id)

    def set_status(self, draft_id: str, status: str, *, note: str = "",
                   materials: tuple[str, ...] | list[str] = (),
                   staff: str | None = None) -> WindowStatus:
        """Record what the window decided, with its note, in one transaction."""
        if status not in WINDOW_STATUSES:
            raise ValueError(f"window status is one of {', '.join(WINDOW_STATUSES)}")
        note = neutralise(note).strip()[:NOTE_LENGTH]
        needed = [neutralise(m) for m in materials] if status == MORE_MATERIALS_NEEDED else []
        if status == MORE_MATERIALS_NEEDED and not (needed or note):
            raise ValueError("say which materials are needed, or write a note")
        db = self._db
        now = self._clock()
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            if row is None:
                raise KeyError(draft_id)
            if row["status"] not in AFTER_SUBMISSION:
                raise NotSubmitted(row["status"])
            db.execute(
                "INSERT INTO window_status (draft_id, status, note, materials, staff, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (draft_id, status, note, json.dumps(needed, ensure_ascii=False), staff, now))
            db.execute("UPDATE drafts SET status = ?, updated = ? WHERE id = ?",
                       (status, now, draft_id))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return _status(db, draft_id)  # type: ignore[return-value]

    def history(self, draft_id: str) -> list[dict]:
        """Every status the window gave this application, oldest first."""
        rows = self._db.execute(
            "SELECT status, note, materials, staff, at FROM window_status WHERE draft_id = ?"
            " ORDER BY id", (draft_id,))
        return [{**dict(r), "materials": json.loads(r["materials"])} for r in rows]

    def uploads(self, draft_id: str) -> list[dict]:
        """The photos sent for an application; empty where the phone page keeps none."""
        if not _has_table(self._db, "uploads"):
            return []
        rows = self._db.execute(
            "SELECT id, material_id, file_name, media_type, width, height, bytes, sha256,"
            " created FROM uploads WHERE draft_id = ? AND removed IS NULL"
            " ORDER BY material_id, created", (draft_id,))
        return [dict(r) for r in rows]

    def since(self, day: dt.date) -> list[dict]:
        """Applications submitted on or after `day`, with every answer, for a back office."""
        out = []
        for app in self.applications(include_done=True):
            if app.submitted_day is None or app.submitted_day < day.isoformat():
                continue
            values = {r["field_id"]: r["value"] for r in self._db.execute(
                "SELECT field_id, value FROM draft_values WHERE draft_id = ?", (app.draft_id,))}
            window = self.status(app.draft_id)
            out.append({
                "id": app.draft_id, "reference": app.reference, "service_id": app.service_id,
                "submitted_day": app.submitted_day, "status": app.status,
                "note": window.note if window else "",
                "materials_needed": list(window.materials) if window else [],
                "status_updated": window.updated if window else app.updated,
                "values": values, "uploads": self.uploads(app.draft_id),
                "window_history": self.history(app.draft_id),
            })
        return out


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      (name,)).fetchone() is not None
