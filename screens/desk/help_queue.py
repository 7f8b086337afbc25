"""The live queue of help requests from every kiosk in the hall, oldest first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from kiosk.help_requests import HelpRequest
from screens.desk.base import DeskScreen
from screens.desk.code_dialog import CodeDialog
from screens.desk.outcome_dialog import OutcomeDialog
from screens.desk.shown import cell, clean, service_title, step_label, wait_text

POLL_SECONDS = 1.0


class HelpQueueScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", show=False),
        Binding("c", "close_request", show=False),
        Binding("o", "open_by_code", show=False),
        Binding("w", "window", show=False),
        Binding("r", "report", show=False),
        Binding("s", "sign_out", show=False),
    ]
    KEYS = (("a", "k_accept"), ("c", "k_close"), ("Enter", "k_open"), ("o", "k_code"),
            ("w", "k_window"), ("r", "k_report"), ("F2", "k_language"), ("s", "k_sign_out"))

    def compose(self) -> ComposeResult:
        yield Static(self._title(), markup=False, classes="title")
        yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static("", markup=False, id="message")
        yield self.key_line()

    def _title(self) -> str:
        return f"{self.w('queue_title')} · {self.w('signed_in_as', name=self.desk.volunteer)}"

    def fill(self) -> None:
        table = self.query_one("#queue", DataTable)
        table.add_column(self.w("wait"), key="wait", width=5)
        table.add_column(self.w("kiosk"), key="kiosk", width=10)
        table.add_column(self.w("service"), key="service", width=20)
        table.add_column(self.w("step"), key="step", width=16)
        table.add_column(self.w("state"), key="state", width=12)
        self.refresh_queue()

    def on_mount(self) -> None:
        # DeskScreen.on_mount fills the screen: Textual calls both handlers.
        self.set_interval(POLL_SECONDS, self.refresh_queue)

    # -- the queue ------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        """Bring the table in line with the database, keeping the volunteer's place in it."""
        table = self.query_one("#queue", DataTable)
        requests = self.desk.help_requests.open_requests()
        now = self.desk.clock()
        wanted = {str(r.id): r for r in requests}
        for key in [k.value for k in table.rows if k.value not in wanted]:
            table.remove_row(key)
        for request in requests:
            key = str(request.id)
            cells = self._cells(request, now)
            if key in table.rows:
                for column, value in zip(("wait", "kiosk", "service", "step", "state"), cells):
                    table.update_cell(key, column, value)
            else:
                table.add_row(*cells, key=key)
        message = self.query_one("#message", Static)
        if not requests and not message.has_class("problem"):
            self._say(self.w("no_requests"))
            message.add_class("-idle")
        elif requests and message.has_class("-idle"):
            self._say("")

    def _cells(self, request: HelpRequest, now: float) -> list[Text]:
        catalogue, lang = self.desk.catalogue, self.lang
        if request.status == "accepted":
            state = cell(self.w("coming", name=clean(request.volunteer)), "bold")
        else:
            state = cell(self.w("waiting"), "bold reverse")
        return [cell(wait_text(now - request.created)), cell(request.kiosk),
                cell(service_title(catalogue, request.service_id, lang)),
                cell(step_label(catalogue, request.service_id, request.step, lang)), state]

    def _selected(self) -> HelpRequest | None:
        table = self.query_one("#queue", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        try:
            return self.desk.help_requests.get(int(key))
        except (KeyError, TypeError, ValueError):
            return None

    def _say(self, text: str, *, problem: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(problem, "problem")
        message.remove_class("-idle")

    # -- what the volunteer does ----------------------------------------------------------

    def action_accept(self) -> None:
        request = self._selected()
        if request is None:
            return
        name = self.desk.volunteer or ""
        self.desk.help_requests.accept(request.id, name)
        now = self.desk.help_requests.get(request.id)
        if now.volunteer != name:
            self._say(self.w("accepted_by_other", name=clean(now.volunteer)), problem=True)
        else:
            self._say(self.w("accepted", kiosk=clean(request.kiosk), name=name))
        self.refresh_queue()

    def action_close_request(self) -> None:
        request = self._selected()
        if request is None:
            return

        def closed(outcome: str | None) -> None:
            if outcome:
                self.desk.help_requests.close_request(request.id, outcome)
                self._say(self.w("closed", kiosk=clean(request.kiosk)))
                self.refresh_queue()

        self.app.push_screen(OutcomeDialog(), closed)

    @on(DataTable.RowSelected, "#queue")
    def _open_request(self) -> None:
        request = self._selected()
        if request is None:
            return
        if not request.draft_id:
            self._say(self.w("no_draft_yet"), problem=True)
            return
        self._open_draft(request.draft_id)

    def _open_draft(self, draft_id: str) -> None:
        from screens.desk.draft import DraftScreen

        self.app.push_screen(DraftScreen(draft_id))

    def action_open_by_code(self) -> None:
        def found(draft_id: str | None) -> None:
            if draft_id:
                self._open_draft(draft_id)

        self.app.push_screen(CodeDialog(), found)

    def action_window(self) -> None:
        from screens.desk.window_queue import WindowQueueScreen

        self.app.push_screen(WindowQueueScreen())

    def action_report(self) -> None:
        from screens.desk.report import ReportScreen

        self.app.push_screen(ReportScreen())

    def action_sign_out(self) -> None:
        self.desk.sign_out()
