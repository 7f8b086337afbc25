"""The desk console at 80x24: the live help queue, and a volunteer correcting a draft."""

from __future__ import annotations

import time

from rich.cells import cell_len
from textual.widgets import DataTable, Input

from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.volunteers import Volunteers
from screens.desk.app import DeskApp
from screens.desk.base import DeskWords, KeyLine
from screens.desk.draft import DraftScreen
from screens.desk.help_queue import HelpQueueScreen
from tests.identities import fake_id

SIZE = (80, 24)
VOLUNTEER = "王芳"
PIN = "246810"


async def sign_in(app: DeskApp, pilot, name: str = VOLUNTEER) -> None:
    """Sign in as a new volunteer (typing it key by key is tested in test_desk_volunteers)."""
    Volunteers(app.config.drafts_db).add(name, PIN)
    await pilot.pause()
    app.screen.query_one("#name", Input).value = name
    app.screen.query_one("#pin", Input).value = PIN
    app.screen.query_one("#pin", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, HelpQueueScreen), app.screen


async def wait_for(pilot, predicate, timeout: float = 2.0) -> float:
    """Seconds until `predicate()` holds, failing after `timeout`."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, "not within the time"
        await pilot.pause(0.05)
    return time.monotonic() - start


def cell_text(table: DataTable, row: str, column: str) -> str:
    return str(table.get_cell(row, column))


def row_keys(table: DataTable) -> list[str]:
    return [key.value for key in table.rows]


async def test_a_help_request_from_another_kiosk_shows_within_2s_and_is_accepted(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card", kiosk="kiosk-2")
    kiosk = HelpRequests(config.drafts_db)  # another process's connection, as on a kiosk
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        table = app.screen.query_one("#queue", DataTable)
        assert table.row_count == 0
        request = kiosk.ask("kiosk-2", draft_id=draft.id, service_id="senior-card",
                            step="phone")
        await wait_for(pilot, lambda: str(request.id) in row_keys(table))
        assert cell_text(table, str(request.id), "kiosk") == "kiosk-2"
        assert cell_text(table, str(request.id), "service") == "办老年卡"
        assert cell_text(table, str(request.id), "step") == "您的手机号码是多少？"

        await pilot.press("a")
        await pilot.pause()
        assert kiosk.get(request.id).volunteer == VOLUNTEER
        assert kiosk.get(request.id).status == "accepted"

        await pilot.press("c", "1")
        await pilot.pause()
        assert kiosk.get(request.id).status == "closed"
        assert kiosk.get(request.id).outcome == "solved"
        await wait_for(pilot, lambda: table.row_count == 0)


async def test_a_request_taken_by_another_volunteer_is_not_taken_again(config):
    kiosk = HelpRequests(config.drafts_db)
    request = kiosk.ask("kiosk-1")
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        kiosk.accept(request.id, "李明")
        await pilot.press("a")
        await pilot.pause()
        assert kiosk.get(request.id).volunteer == "李明"
        assert "李明" in str(app.screen.query_one("#message").render())


async def test_kiosk_names_and_answers_are_shown_as_typed_never_as_markup_or_escapes(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card")
    store.save_value(draft.id, "name", "[red]x\x1b[2J")
    HelpRequests(config.drafts_db).ask("[bold]k\x1b]0;owned\x07", draft_id=draft.id,
                                       service_id="senior-card", step="name")
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        table = app.screen.query_one("#queue", DataTable)
        key = row_keys(table)[0]
        assert cell_text(table, key, "kiosk") == "[bold]k"
        await pilot.press("enter")  # opens the request's draft
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        answers = app.screen.query_one("#answers", DataTable)
        assert cell_text(answers, "name", "answer") == "[red]x"
        screenshot = app.export_screenshot()
        assert "[red]x" in screenshot and "\x1b" not in screenshot


async def test_a_volunteer_corrects_a_field_and_the_history_names_them(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card", kiosk="kiosk-1")
    store.save_value(draft.id, "name", "张三", source="kiosk")
    store.save_value(draft.id, "phone", "1380000", source="kiosk")  # too short
    store.set_step(draft.id, "phone")
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("o", *draft.resume_code, "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        answers = screen.query_one("#answers", DataTable)
        assert cell_text(answers, "phone", "check").startswith("✗")
        assert "您的手机号码是多少？" in str(screen.query_one("#where").render())

        assert answers.cursor_row == answers.get_row_index("phone")  # where the visitor is
        await pilot.press("e")
        editor = screen.query_one("#editor", Input)
        assert editor.has_focus and editor.value == "1380000"
        await pilot.press(*"1234", "enter")  # still wrong: refused, nothing saved
        await pilot.pause()
        assert store.get(draft.id).values["phone"] == "1380000"
        assert "11" in str(screen.query_one("#detail").render())

        editor.value = ""
        await pilot.press(*"139 0000 0000", "enter")
        await pilot.pause()
        assert store.get(draft.id).values["phone"] == "13900000000"
        last = store.history(draft.id)[-1]
        assert (last.field_id, last.value, last.source, last.actor) == (
            "phone", "13900000000", "desk", VOLUNTEER)
        assert cell_text(answers, "phone", "answer") == "139****0000"
        assert editor.value == "" and not editor.display


async def test_id_numbers_are_masked_except_in_the_field_being_edited(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card")
    number = fake_id()
    store.save_value(draft.id, "id_number", number)
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("o", *draft.resume_code, "enter")
        await pilot.pause()
        answers = app.screen.query_one("#answers", DataTable)
        assert cell_text(answers, "id_number", "answer") == number[:3] + "*" * 13 + number[-2:]
        assert number not in app.export_screenshot()
        answers.move_cursor(row=answers.get_row_index("id_number"))
        await pilot.press("e")
        assert app.screen.query_one("#editor", Input).value == number
        await pilot.press("escape")
        assert app.screen.query_one("#editor", Input).value == ""
        await pilot.press("escape")
        assert isinstance(app.screen, HelpQueueScreen)


async def test_the_desk_follows_the_visitors_typing_on_the_kiosk(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card")
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("o", *draft.resume_code, "enter")
        await pilot.pause()
        answers = app.screen.query_one("#answers", DataTable)
        kiosk = DraftStore(config.drafts_db)
        kiosk.save_value(draft.id, "name", "李四", source="kiosk")
        await wait_for(pilot, lambda: cell_text(answers, "name", "answer") == "李四")


def test_every_line_of_keys_fits_80_columns_in_both_languages():
    import importlib
    import inspect
    import pkgutil

    import screens.desk as package

    checked = 0
    for module_info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"screens.desk.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DeskWords) and cls.KEYS and cls.__module__ == module.__name__:
                for lang in ("zh", "en"):
                    assert cell_len(KeyLine.words(cls.KEYS, lang)) <= 76, (cls, lang)
                checked += 1
    assert checked >= 8


async def test_signing_out_returns_to_the_sign_in_screen_from_anywhere(config):
    from screens.desk.sign_in import SignInScreen

    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.volunteer is None


async def test_a_desk_left_signed_in_signs_itself_out(config):
    from screens.desk.app import IDLE_SIGN_OUT
    from screens.desk.sign_in import SignInScreen

    now = [1_000_000.0]
    app = DeskApp(config, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("w")
        now[0] += IDLE_SIGN_OUT - 10
        app._sign_out_when_idle()
        assert app.volunteer == VOLUNTEER
        now[0] += 20
        app._sign_out_when_idle()
        await pilot.pause()
        assert isinstance(app.screen, SignInScreen) and app.volunteer is None


async def test_f2_switches_every_screen_between_chinese_and_english(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card")
    store.save_value(draft.id, "name", "张三")
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert "Help requests" in str(app.screen.query_one(".title").render())
        await pilot.press("o", *draft.resume_code, "enter")
        await pilot.pause()
        answers = app.screen.query_one("#answers", DataTable)
        assert cell_text(answers, "name", "question") == "What is your name?"
        await pilot.press("f2")
        await pilot.pause()
        answers = app.screen.query_one("#answers", DataTable)
        assert cell_text(answers, "name", "question") == "您叫什么名字？"
        await pilot.press("escape", "w", "f2")
        await pilot.pause()
        assert "Windows" in str(app.screen.query_one("#title").render())
        await pilot.press("escape", "r", "f2")
        await pilot.pause()
        columns = app.screen.query_one("#abandoned", DataTable).ordered_columns
        assert columns[0].label.plain == "没填完就走的事项"  # back to Chinese
