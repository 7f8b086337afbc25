"""The hall's day in figures: counts only, never a visitor's name, number or answer."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from kiosk.catalogue import Catalogue
from kiosk.report import report_for
from kiosk.text import pick
from screens.desk.base import DeskScreen
from screens.desk.shown import cell, wait_text


class ReportScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
        Binding("left,[", "day(-1)", show=False, priority=True),
        Binding("right,]", "day(1)", show=False, priority=True),
        Binding("t", "today", show=False),
    ]
    KEYS = (("←→", "k_day"), ("t", "k_today"), ("Esc", "k_back"), ("F2", "k_language"))

    def __init__(self, day: dt.date | None = None) -> None:
        super().__init__()
        self.day = day
        self.figures: dict | None = None

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="title", classes="title")
        yield Static("", markup=False, id="drafts-line")
        yield Static("", markup=False, id="help-line")
        with Horizontal(id="report-tables"):
            yield DataTable(id="abandoned", cursor_type="row")
            yield DataTable(id="searches", cursor_type="row")
        yield self.key_line()

    def fill(self) -> None:
        if self.day is None:
            self.day = dt.date.fromtimestamp(self.desk.clock())
        abandoned = self.query_one("#abandoned", DataTable)
        abandoned.add_column(self.w("r_abandoned"), key="service", width=18)
        abandoned.add_column(self.w("r_count"), key="count", width=3)
        abandoned.add_column(self.w("r_where"), key="steps", width=20)
        searches = self.query_one("#searches", DataTable)
        searches.add_column(self.w("r_misses"), key="query", width=14)
        searches.add_column(self.w("r_count"), key="count", width=3)
        if self.figures and self.figures["day"] == self.day.isoformat():
            self._show(self.figures)
        else:
            self._count()

    def _count(self) -> None:
        assert self.day is not None
        self.query_one("#title", Static).update(
            f"{self.w('report_title', day=self.day.isoformat())} · {self.w('r_loading')}")
        config, day, clock = self.desk.config, self.day, self.desk.clock

        def count() -> None:
            # A catalogue connection of its own: this runs on a worker thread.
            figures = report_for(config.drafts_db, day, Catalogue(config.catalogue),
                                 clock=clock)
            self.app.call_from_thread(self._show, figures)

        self.run_worker(count, thread=True, exclusive=True, group="report")

    def _show(self, figures: dict) -> None:
        if self.day is None or figures["day"] != self.day.isoformat():
            return  # the volunteer moved on to another day meanwhile
        self.figures = figures
        lang = self.lang
        self.query_one("#title", Static).update(self.w("report_title", day=figures["day"]))
        drafts = figures["drafts"]
        self.query_one("#drafts-line", Static).update(" · ".join(
            f"{self.w(word)} {drafts[key]}" for word, key in (
                ("r_started", "started"), ("r_finished", "finished"),
                ("r_moved", "moved_to_phone"), ("r_submitted", "submitted"),
                ("r_done", "done_at_window"))))
        help_figures = figures["help_requests"]
        median = help_figures["median_wait_seconds"]
        self.query_one("#help-line", Static).update(self.w(
            "r_help", asked=help_figures["asked"], accepted=help_figures["accepted"],
            cancelled=help_figures["cancelled"],
            median=wait_text(median) if median is not None else "-"))
        abandoned = self.query_one("#abandoned", DataTable)
        abandoned.clear()
        for row in figures["abandoned"]:
            steps = ", ".join(f"{pick(s['label'], lang)} {s['count']}" for s in row["steps"])
            abandoned.add_row(cell(pick(row["service"], lang)), cell(row["count"]), cell(steps),
                              key=row["service_id"])
        searches = self.query_one("#searches", DataTable)
        searches.clear()
        for row in figures["searches_without_results"]:
            searches.add_row(cell(row["query"]), cell(row["count"]))

    def action_day(self, step: int) -> None:
        assert self.day is not None
        self.day += dt.timedelta(days=step)
        self._count()

    def action_today(self) -> None:
        self.day = dt.date.fromtimestamp(self.desk.clock())
        self._count()

    def action_back(self) -> None:
        self.app.pop_screen()
