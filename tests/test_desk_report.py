"""The hall's day in figures, on a prepared day whose every number is known."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys

from textual.widgets import DataTable

from kiosk.catalogue import Catalogue
from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.report import report_for
from kiosk.submissions import Submissions
from kiosk.window import DONE, RECEIVED, WindowQueue
from screens.desk.app import DeskApp
from screens.desk.report import ReportScreen
from tests.identities import FAKE_NAME, FAKE_PHONE
from tests.test_desk_console import SIZE, sign_in, wait_for
from tests.test_desk_window import fill_every_question

DAY = dt.date.today() - dt.timedelta(days=10)


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute, second)).timestamp()


def prepare_the_day(config) -> dict[str, str]:
    """Five drafts started on DAY, one the day before and one the day after, with help
    requests and failed searches around them."""
    now = [at(DAY, 9)]
    clock = lambda: now[0]
    path = config.drafts_db
    store = DraftStore(path, clock=clock)
    catalogue = Catalogue(config.catalogue)
    submissions = Submissions(path, clock=clock)
    window = WindowQueue(path, clock=clock)
    help_requests = HelpRequests(path, clock=clock)

    now[0] = at(DAY - dt.timedelta(days=1), 16)
    before = store.create("senior-card")
    fill_every_question(store, catalogue, before.id)
    store.issue_token(before.id)  # moved to a phone the day before: not counted
    help_requests.ask("kiosk-9")  # asked the day before: not counted

    now[0] = at(DAY, 9)
    submitted = store.create("senior-card")
    fill_every_question(store, catalogue, submitted.id)
    store.issue_token(submitted.id)
    submissions.submit(submitted.id)
    submissions.submit(before.id)  # started the day before, submitted on DAY
    now[0] = at(DAY, 15)
    window.set_status(submitted.id, DONE)
    window.set_status(before.id, RECEIVED)

    now[0] = at(DAY, 10)
    complete = store.create("senior-card")  # every answer given, never submitted
    fill_every_question(store, catalogue, complete.id)
    store.set_step(complete.id, "check")

    for hour in (11, 12):  # two left at the ID number, one of them after a phone link
        now[0] = at(DAY, hour)
        left = store.create("senior-card")
        store.save_value(left.id, "name", FAKE_NAME)
        store.save_value(left.id, "phone", FAKE_PHONE)
        store.set_step(left.id, "id_number")
        if hour == 12:
            store.issue_token(left.id)

    now[0] = at(DAY, 13)
    other = store.create("residence-permit")  # left before the first question

    now[0] = at(DAY + dt.timedelta(days=1), 9)
    store.create("senior-card")  # the next day: not counted

    for kiosk, asked, accepted_after, end in (
        ("kiosk-1", at(DAY, 9, 0), 30, "close"),
        ("kiosk-2", at(DAY, 10, 0), 90, None),      # still being helped
        ("kiosk-3", at(DAY, 11, 0), None, "cancel"),
        ("kiosk-4", at(DAY, 14, 0), 200, "close"),
    ):
        now[0] = asked
        request = help_requests.ask(kiosk)
        if accepted_after is not None:
            now[0] = asked + accepted_after
            help_requests.accept(request.id, "王芳")
        now[0] += 60
        if end == "close":
            help_requests.close_request(request.id, "solved")
        elif end == "cancel":
            help_requests.cancel(request.id)

    # The search helper's table: what was searched for and found nothing, by day.
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE IF NOT EXISTS search_misses (day TEXT, query TEXT, count INTEGER,"
               " PRIMARY KEY (day, query))")
    db.executemany("INSERT INTO search_misses VALUES (?, ?, ?)", [
        (DAY.isoformat(), "老年金", 3),
        (DAY.isoformat(), "办证 13800000000", 1),   # a phone number typed by mistake
        (DAY.isoformat(), "狗证", 2),
        ((DAY - dt.timedelta(days=1)).isoformat(), "昨天的词", 9),
    ])
    db.commit()
    db.close()
    return {"other": other.id}


EXPECTED = {
    "day": DAY.isoformat(),
    "drafts": {"started": 5, "finished": 2, "moved_to_phone": 2, "submitted": 2,
               "done_at_window": 1},
    "help_requests": {"asked": 4, "accepted": 3, "cancelled": 1, "still_open": 1,
                      "median_wait_seconds": 90.0},
    "abandoned": [
        {"service_id": "senior-card", "service": {"zh": "办老年卡", "en": "Get a senior card"},
         "count": 3,
         "steps": [{"step": "id_number",
                    "label": {"zh": "您的身份证号码是多少？",
                              "en": "What is your ID card number?"}, "count": 2},
                   {"step": "check", "label": {"zh": "核对信息", "en": "Check your answers"},
                    "count": 1}]},
        {"service_id": "residence-permit", "count": 1,
         "steps": [{"step": None, "label": {"zh": "还没有回答问题",
                                            "en": "Before the first question"}, "count": 1}]},
    ],
    "searches_without_results": [{"query": "老年金", "count": 3}, {"query": "狗证", "count": 2},
                                 {"query": "办证 ###", "count": 1}],
}


def without_service_names(figures: dict) -> dict:
    """The residence-permit's catalogue name is its own business; compare the rest."""
    out = json.loads(json.dumps(figures, ensure_ascii=False))
    for row in out["abandoned"]:
        if row["service_id"] != "senior-card":
            row.pop("service")
    return out


def test_the_days_figures_count_exactly_what_happened_that_day(config):
    prepare_the_day(config)
    figures = report_for(config.drafts_db, DAY, Catalogue(config.catalogue))
    assert without_service_names(figures) == EXPECTED


def test_the_report_holds_no_personal_data(config):
    prepare_the_day(config)
    text = json.dumps(report_for(config.drafts_db, DAY, Catalogue(config.catalogue)),
                      ensure_ascii=False)
    for personal in (FAKE_NAME, FAKE_PHONE, "王芳", "kiosk-1"):
        assert personal not in text


def test_a_day_with_no_data_folder_yet_is_all_zeros(tmp_path):
    figures = report_for(tmp_path / "none" / "drafts.db", DAY)
    assert figures["drafts"]["started"] == 0 and figures["abandoned"] == []
    assert figures["help_requests"]["median_wait_seconds"] is None


def test_report_command_prints_the_same_figures_as_json(config):
    prepare_the_day(config)
    done = subprocess.run(
        [sys.executable, "-m", "screens.cli", "report", "--day", DAY.isoformat(), "--json",
         "--data-dir", str(config.data_dir)], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert without_service_names(json.loads(done.stdout)) == EXPECTED


async def test_the_report_screen_shows_the_days_figures_at_80x24(config):
    prepare_the_day(config)
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        for _ in range(10):
            await pilot.press("left")
        screen = app.screen
        await wait_for(pilot, lambda: screen.figures is not None
                       and screen.figures["day"] == DAY.isoformat(), timeout=5)
        await pilot.pause()
        drafts_line = str(screen.query_one("#drafts-line").render())
        assert "开始填表 5" in drafts_line and "提交 2" in drafts_line
        assert "1:30" in str(screen.query_one("#help-line").render())
        abandoned = screen.query_one("#abandoned", DataTable)
        assert str(abandoned.get_cell("senior-card", "count")) == "3"
        assert str(screen.query_one("#searches", DataTable).get_row_at(0)[0]) == "老年金"
        for widget in (abandoned, screen.query_one("#searches"), screen.query_one(".keys")):
            assert widget.region.right <= 80 and widget.region.bottom <= 24
