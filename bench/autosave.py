"""A durable autosave of one field, against a raw sqlite3 upsert with the same durability."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from bench.measure import Comparison
from kiosk.drafts import DraftStore


def _raw_store(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE v (draft TEXT, field TEXT, value TEXT, PRIMARY KEY (draft, field))")
    return db


def measure(rounds: int = 7, saves: int = 300) -> list[Comparison]:
    ours, floor = [], []
    with tempfile.TemporaryDirectory() as folder:
        store = DraftStore(Path(folder) / "drafts.db")
        draft = store.create("senior-card")
        raw = _raw_store(Path(folder) / "raw.db")
        for _ in range(rounds):
            start = time.perf_counter()
            for i in range(saves):  # each keystroke a different value, as typing gives
                store.save_value(draft.id, "name", "张" * (i % 40 + 1) + str(i))
            ours.append((time.perf_counter() - start) / saves * 1e6)
            start = time.perf_counter()
            for i in range(saves):
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("INSERT INTO v VALUES ('d', 'name', ?) ON CONFLICT (draft, field)"
                            " DO UPDATE SET value = excluded.value", ("张" * (i % 40 + 1) + str(i),))
                raw.execute("COMMIT")
            floor.append((time.perf_counter() - start) / saves * 1e6)
        store.close()
        raw.close()
    return [Comparison("durable autosave of one field", ours, floor, "us", "<= 1.5x")]
