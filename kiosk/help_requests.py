"""Help requests: a visitor taps Help, the desk sees which kiosk, which service and step.

Kept in the drafts database so kiosks, the desk and the phone server on one machine share it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.database import open_shared

SCHEMA = """
CREATE TABLE IF NOT EXISTS help_requests (
    id INTEGER PRIMARY KEY,
    kiosk TEXT NOT NULL,
    draft_id TEXT,
    service_id TEXT,
    step TEXT,
    status TEXT NOT NULL DEFAULT 'waiting',
    volunteer TEXT,
    outcome TEXT,
    created REAL NOT NULL,
    accepted REAL,
    closed REAL
);
CREATE INDEX IF NOT EXISTS help_requests_status ON help_requests(status, created);
"""


@dataclass(frozen=True)
class HelpRequest:
    id: int
    kiosk: str
    draft_id: str | None
    service_id: str | None
    step: str | None
    status: str          # waiting, accepted, closed, cancelled
    volunteer: str | None
    outcome: str | None
    created: float
    accepted: float | None
    closed: float | None


class HelpRequests:
    def __init__(self, path: Path | str, *, clock=time.time) -> None:
        self._clock = clock
        self._db = open_shared(path, SCHEMA)

    def close(self) -> None:
        self._db.close()

    def ask(self, kiosk: str, *, draft_id: str | None = None, service_id: str | None = None,
            step: str | None = None) -> HelpRequest:
        """Ask for help; a kiosk with a request already open updates that one instead."""
        open_row = self._db.execute(
            "SELECT id FROM help_requests WHERE kiosk = ? AND status IN ('waiting', 'accepted')",
            (kiosk,)).fetchone()
        if open_row:
            self._db.execute(
                "UPDATE help_requests SET draft_id = ?, service_id = ?, step = ? WHERE id = ?",
                (draft_id, service_id, step, open_row["id"]))
            return self.get(open_row["id"])
        cursor = self._db.execute(
            "INSERT INTO help_requests (kiosk, draft_id, service_id, step, created)"
            " VALUES (?, ?, ?, ?, ?)", (kiosk, draft_id, service_id, step, self._clock()))
        return self.get(cursor.lastrowid)

    def get(self, request_id: int) -> HelpRequest:
        row = self._db.execute("SELECT * FROM help_requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            raise KeyError(request_id)
        return HelpRequest(**dict(row))

    def cancel(self, request_id: int) -> None:
        self._db.execute(
            "UPDATE help_requests SET status = 'cancelled', closed = ? WHERE id = ?"
            " AND status IN ('waiting', 'accepted')", (self._clock(), request_id))

    def cancel_for_kiosk(self, kiosk: str) -> None:
        """The visitor at this kiosk is gone: their open request must not send a volunteer
        to the next person."""
        self._db.execute(
            "UPDATE help_requests SET status = 'cancelled', closed = ? WHERE kiosk = ?"
            " AND status IN ('waiting', 'accepted')", (self._clock(), kiosk))

    def accept(self, request_id: int, volunteer: str) -> None:
        self._db.execute(
            "UPDATE help_requests SET status = 'accepted', volunteer = ?, accepted = ?"
            " WHERE id = ? AND status = 'waiting'", (volunteer, self._clock(), request_id))

    def close_request(self, request_id: int, outcome: str) -> None:
        self._db.execute(
            "UPDATE help_requests SET status = 'closed', outcome = ?, closed = ? WHERE id = ?",
            (outcome, self._clock(), request_id))

    def open_requests(self) -> list[HelpRequest]:
        """Waiting and accepted requests, oldest first, as the desk's queue shows them."""
        rows = self._db.execute(
            "SELECT * FROM help_requests WHERE status IN ('waiting', 'accepted') ORDER BY created")
        return [HelpRequest(**dict(r)) for r in rows]
