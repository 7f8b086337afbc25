"""Forget drafts that nobody finished: their answers, history, links and photos, for good.

Deleted rows are overwritten (secure_delete) and the write-ahead log is emptied, so nothing
of a purged draft stays readable in the database files or the data folder.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

DEFAULT_DAYS = 30.0
# Applications in these states are the window's business; they are never purged here.
KEPT_STATUSES = ("submitted", "received", "more_materials_needed")


def purge(data_dir: Path, *, days: float = DEFAULT_DAYS, now: float | None = None) -> list[str]:
    """Delete drafts untouched for `days` (or past their expiry) that no window is handling.

    Returns the ids of the drafts removed.
    """
    db_path = Path(data_dir) / "drafts.db"
    if not db_path.exists():
        return []
    moment = time.time() if now is None else now
    cutoff = moment - days * 24 * 3600
    db = sqlite3.connect(db_path, timeout=10.0, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA secure_delete=ON")
        db.execute("PRAGMA busy_timeout=10000")
        marks = ",".join("?" * len(KEPT_STATUSES))
        db.execute("BEGIN IMMEDIATE")
        rows = db.execute(
            f"SELECT id, resume_code FROM drafts WHERE status NOT IN ({marks})"
            " AND (updated < ? OR expires < ?)", (*KEPT_STATUSES, cutoff, moment)).fetchall()
        ids = [row[0] for row in rows]
        codes = [row[1] for row in rows]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for draft_id in ids:
            # Tables that other parts add: remove what they hold of this draft, too.
            for table in sorted(tables - {"drafts", "help_requests"}):
                columns = {c[1] for c in db.execute(f"PRAGMA table_info({table})")}
                if "draft_id" in columns:
                    db.execute(f"DELETE FROM {table} WHERE draft_id = ?", (draft_id,))
            if "help_requests" in tables:
                db.execute("UPDATE help_requests SET draft_id = NULL WHERE draft_id = ?",
                           (draft_id,))
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    for code in codes:  # the printed slip's picture carries the code and the QR
        (Path(data_dir) / "slips" / f"{code}.png").unlink(missing_ok=True)
    uploads = Path(data_dir) / "uploads"
    for draft_id in ids:
        folder = uploads / draft_id
        if folder.is_dir() and folder.parent == uploads:
            shutil.rmtree(folder)
    return ids
