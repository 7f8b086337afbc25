"""The windows' queue: submitted applications, from the kiosks and from phones."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from screens.desk.base import DeskScreen
from screens.desk.shown import cell, service_title
from screens.desk.words import status_word

POLL_SECONDS = 1.0


class WindowQueueScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
        Binding("d", "toggle_done", show=False),
    ]
    KEYS = (("Enter", "k_open"), ("d", "k_all"), ("Esc", "k_back"), ("F2", "k_language"))

    def __init__(self) -> None:
        super().__init__()
        self.include_done = False
        self._seen: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="title", classes="title")
        yield DataTable(id="applications", cursor_type="row", zebra_stripes=True)
        yield Static("", markup=False, id="message")
        yield self.key_line()

    def fill(self) -> None:
        table = self.query_one("#applications", DataTable)
        table.add_column(self.w("reference"), key="reference", width=16)
        table.add_column(self.w("submitted_day"), key="day", width=10)
        table.add_column(self.w("service"), key="service", width=22)
        table.add_column(self.w("state"), key="state", width=12)
        table.add_column(self.w("updated"), key="updated", width=5)
        self.refresh_queue()

    def on_mount(self) -> None:
        # DeskScreen.on_mount fills the screen: Textual calls both handlers.
        self.set_interval(POLL_SECONDS, self.refresh_queue)

    def refresh_queue(self) -> None:
        title = self.w("window_title")
        if self.include_done:
            title = f"{title} {self.w('showing_done')}"
        self.query_one("#title", Static).update(title)
        table = self.query_one("#applications", DataTable)
        applications = self.desk.window.applications(include_done=self.include_done)
        seen = (tuple(applications), self.lang, table.row_count)
        if seen == self._seen:
            return  # unchanged: leave the table, and the scrolling, alone
        keep = (table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
                if table.row_count else None)
        table.clear()
        for app in applications:
            table.add_row(
                cell(app.reference), cell(app.submitted_day or ""),
                cell(service_title(self.desk.catalogue, app.service_id, self.lang)),
                cell(status_word(app.status, self.lang)),
                cell(time.strftime("%H:%M", time.localtime(app.updated))), key=app.draft_id)
        if keep and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        self.query_one("#message", Static).update(
            "" if applications else self.w("no_applications"))
        self._seen = (tuple(applications), self.lang, table.row_count)

    @on(DataTable.RowSelected, "#applications")
    def _open(self, event: DataTable.RowSelected) -> None:
        from screens.desk.application import ApplicationScreen

        if event.row_key.value:
            self.app.push_screen(ApplicationScreen(event.row_key.value))

    def action_toggle_done(self) -> None:
        self.include_done = not self.include_done
        self.refresh_queue()

    def action_back(self) -> None:
        self.app.pop_screen()
