"""Queries that found nothing, counted per day, so staff can add the words visitors use.

Nothing personal is kept: only the cleaned query text (truncated, digit runs that could be
an ID or phone number masked) and a count per day; no time of day, no kiosk, no session.
Record a miss when the visitor gives up on a search (leaves it, or confirms it) with no
result, not on every keystroke, or every prefix typed on the way would be counted.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

from kiosk.search.normalise import MAX_QUERY
from kiosk.text import half_width, neutralise

_NUMBER = re.compile(r"\d{4,}")   # could be part of an ID card, phone or account number
_SPACES = re.compile(r"\s+")

SCHEMA = """CREATE TABLE IF NOT EXISTS search_misses (
    day TEXT NOT NULL,
    query TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, query)
)"""


def miss_text(query: object) -> str:
    """The query as it is kept: printable, one line, at most MAX_QUERY characters, long
    digit runs replaced by '#'."""
    if not isinstance(query, str):
        return ""
    text = half_width(neutralise(query[:1000]))
    text = _SPACES.sub(" ", text).strip()
    return _NUMBER.sub("#", text)[:MAX_QUERY].strip()


def _connect(db_path: Path | str) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path, timeout=5)
    connection.execute(SCHEMA)
    return connection


def record_miss(db_path: Path | str, query: str, day: date | None = None) -> bool:
    """Count one search for `query` that found nothing (in `db_path`, the drafts database
    of the data folder). Returns False when there was nothing worth keeping."""
    text = miss_text(query)
    if not text:
        return False
    connection = _connect(db_path)
    try:
        with connection:
            connection.execute(
                "INSERT INTO search_misses (day, query, count) VALUES (?, ?, 1)"
                " ON CONFLICT (day, query) DO UPDATE SET count = count + 1",
                ((day or date.today()).isoformat(), text))
    finally:
        connection.close()
    return True


def top_misses(db_path: Path | str, since: date | None = None, limit: int = 50
               ) -> list[tuple[str, int]]:
    """The queries that found nothing most often (since a day, if given), with counts."""
    if not Path(db_path).exists():
        return []
    connection = _connect(db_path)
    try:
        rows = connection.execute(
            "SELECT query, SUM(count) AS n FROM search_misses WHERE day >= ?"
            " GROUP BY query ORDER BY n DESC, query LIMIT ?",
            ((since or date.min).isoformat(), limit)).fetchall()
    finally:
        connection.close()
    return [(query, count) for query, count in rows]
