"""One way to open the shared drafts database, so every part of the hall opens it alike.

Kiosks, the phone server and the desk share it on one machine: WAL so readers never wait,
synchronous=FULL so a committed answer survives a power cut, a 10 s busy timeout so a
writer waits its turn instead of failing, and transactions the callers begin themselves.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_shared(path: Path | str, *schemas: str) -> sqlite3.Connection:
    """A connection to the drafts database with the hall's settings, its tables created."""
    db = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=10000")
    for schema in schemas:
        db.executescript(schema)
    return db
