"""The hall's day in figures: drafts, help requests, abandoned services, searches that failed.

Counts only: no names, numbers or answers leave this module, and a search typed with
digits in it (a phone or ID number by mistake) is shown with the digits hidden.

What each figure counts, for the day D (local time):
- started: drafts created on D.
- finished: drafts started on D whose form is complete now (every question asked has a
  good answer) or that were submitted.
- moved_to_phone: drafts for which a phone link (a handoff token) was issued on D.
- submitted: applications given a reference number on D.
- done_at_window: applications the window marked done on D.
- abandoned: drafts started on D, not submitted, and untouched for ABANDONED_AFTER, by
  service and by the step the visitor stopped at.
- help requests asked on D; the wait is from asking to a volunteer accepting.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import statistics
import time
from collections import Counter
from pathlib import Path

from kiosk.forms import Flow
from kiosk.text import neutralise
from kiosk.window import AFTER_SUBMISSION, DONE

ABANDONED_AFTER = 30 * 60.0
CHECK_STEP = "check"  # the kiosk's "check your answers" step
CHECK_LABEL = {"zh": "核对信息", "en": "Check your answers"}
NOT_STARTED_LABEL = {"zh": "还没有回答问题", "en": "Before the first question"}
TOP = 10
_DIGITS = re.compile(r"[0-9０-９]{3,}")


def day_bounds(day: dt.date) -> tuple[float, float]:
    """The first and the first-after moments of a local day, as timestamps."""
    start = dt.datetime.combine(day, dt.time.min)
    return start.timestamp(), (start + dt.timedelta(days=1)).timestamp()


def hide_digits(query: str) -> str:
    """A search as the report shows it: runs of three or more digits become ###."""
    return _DIGITS.sub("###", neutralise(query)).strip()


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      (name,)).fetchone() is not None


class DayReport:
    """Reads the drafts database (never writes it) and the catalogue, if given."""

    def __init__(self, path: Path | str, catalogue=None, *, clock=time.time) -> None:
        # Read-only, so a report can never change the hall's data; no database, no figures.
        where = f"file:{Path(path)}?mode=ro" if Path(path).exists() else "file::memory:"
        self._db = sqlite3.connect(where, uri=True, timeout=10.0, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout=10000")
        self._catalogue = catalogue
        self._clock = clock

    def close(self) -> None:
        self._db.close()

    def figures(self, day: dt.date) -> dict:
        """Every figure of the day, as `kiosk report --json` prints and the desk shows."""
        start, end = day_bounds(day)
        return {
            "day": day.isoformat(),
            "drafts": self._drafts(day, start, end),
            "help_requests": self._help(start, end),
            "abandoned": self._abandoned(start, end),
            "searches_without_results": self._misses(day),
        }

    # -- drafts ---------------------------------------------------------------------------

    def _started(self, start: float, end: float) -> list[sqlite3.Row]:
        if not _has_table(self._db, "drafts"):
            return []
        return self._db.execute(
            "SELECT id, service_id, status, step, updated FROM drafts"
            " WHERE created >= ? AND created < ?", (start, end)).fetchall()

    def _drafts(self, day: dt.date, start: float, end: float) -> dict:
        started = self._started(start, end)
        finished = sum(1 for d in started if self._finished(d))
        moved = submitted = done = 0
        if _has_table(self._db, "handoff_tokens"):
            moved = self._db.execute(
                "SELECT COUNT(DISTINCT draft_id) FROM handoff_tokens"
                " WHERE created >= ? AND created < ?", (start, end)).fetchone()[0]
        if _has_table(self._db, "drafts"):
            submitted = self._db.execute(
                "SELECT COUNT(*) FROM drafts WHERE reference LIKE ?",
                (f"%-{day:%Y%m%d}-%",)).fetchone()[0]
        if _has_table(self._db, "window_status"):
            done = self._db.execute(
                "SELECT COUNT(DISTINCT draft_id) FROM window_status"
                " WHERE status = ? AND at >= ? AND at < ?", (DONE, start, end)).fetchone()[0]
        return {"started": len(started), "finished": finished, "moved_to_phone": moved,
                "submitted": submitted, "done_at_window": done}

    def _values(self, draft_id: str) -> dict[str, str]:
        return {r["field_id"]: r["value"] for r in self._db.execute(
            "SELECT field_id, value FROM draft_values WHERE draft_id = ?", (draft_id,))}

    def _finished(self, draft: sqlite3.Row) -> bool:
        if draft["status"] in AFTER_SUBMISSION:
            return True
        form = self._form(draft["service_id"])
        if form is None:
            return draft["step"] == CHECK_STEP
        return not Flow(form).problems(self._values(draft["id"]))

    def _form(self, service_id: str):
        if self._catalogue is None:
            return None
        service = self._catalogue.service(service_id)
        if service is None:
            return None
        try:
            return self._catalogue.form_for(service)
        except KeyError:
            return None

    # -- abandoned ------------------------------------------------------------------------

    def _abandoned(self, start: float, end: float) -> list[dict]:
        quiet_since = self._clock() - ABANDONED_AFTER
        left = [d for d in self._started(start, end)
                if d["status"] not in AFTER_SUBMISSION and d["updated"] < quiet_since]
        by_service = Counter(d["service_id"] for d in left)
        out = []
        for service_id, count in sorted(by_service.items(), key=lambda i: (-i[1], i[0]))[:TOP]:
            steps = Counter(d["step"] for d in left if d["service_id"] == service_id)
            out.append({
                "service_id": service_id, "service": self._service_name(service_id),
                "count": count,
                "steps": [{"step": step, "label": self._step_label(service_id, step),
                           "count": n}
                          for step, n in sorted(steps.items(),
                                                key=lambda i: (-i[1], i[0] or ""))],
            })
        return out

    def _service_name(self, service_id: str) -> dict[str, str]:
        service = self._catalogue.service(service_id) if self._catalogue else None
        if service is None:
            return {"zh": service_id, "en": service_id}
        return {lang: service.title(lang) for lang in ("zh", "en")}

    def _step_label(self, service_id: str, step: str | None) -> dict[str, str]:
        if not step:
            return dict(NOT_STARTED_LABEL)
        if step == CHECK_STEP:
            return dict(CHECK_LABEL)
        form = self._form(service_id)
        try:
            label = form.field(step).label if form else None
        except KeyError:
            label = None
        if not label:
            return {"zh": step, "en": step}
        return {"zh": label.get("zh", step), "en": label.get("en") or label.get("zh", step)}

    # -- help requests and searches -------------------------------------------------------

    def _help(self, start: float, end: float) -> dict:
        if not _has_table(self._db, "help_requests"):
            rows = []
        else:
            rows = self._db.execute(
                "SELECT status, created, accepted FROM help_requests"
                " WHERE created >= ? AND created < ?", (start, end)).fetchall()
        waits = [r["accepted"] - r["created"] for r in rows if r["accepted"] is not None]
        return {
            "asked": len(rows),
            "accepted": len(waits),
            "cancelled": sum(1 for r in rows if r["status"] == "cancelled"),
            "still_open": sum(1 for r in rows if r["status"] in ("waiting", "accepted")),
            "median_wait_seconds": round(statistics.median(waits), 1) if waits else None,
        }

    def _misses(self, day: dt.date) -> list[dict]:
        if not _has_table(self._db, "search_misses"):
            return []
        rows = self._db.execute(
            "SELECT query, SUM(count) AS n FROM search_misses WHERE day IN (?, ?)"
            " GROUP BY query", (day.isoformat(), f"{day:%Y%m%d}")).fetchall()
        shown: Counter[str] = Counter()
        for r in rows:
            query = hide_digits(r["query"] or "")
            if query:
                shown[query] += int(r["n"] or 0)
        ranked = sorted(shown.items(), key=lambda i: (-i[1], i[0]))[:TOP * 2]
        return [{"query": q, "count": n} for q, n in ranked]


def report_for(path: Path | str, day: dt.date, catalogue=None, *, clock=time.time) -> dict:
    """The figures of one day; a data folder with no database yet gives a day of zeros."""
    report = DayReport(path, catalogue, clock=clock)
    try:
        return report.figures(day)
    finally:
        report.close()
