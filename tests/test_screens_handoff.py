"""The kiosk with the phone and the help desk at work on the same data folder: help that says
who is coming, answers changed elsewhere shown within 2 s and named, Submit with a
reference number, the printed slip, and the status of a submitted form by its code."""

from __future__ import annotations

import pytest
from PIL import Image
from textual.widgets import Digits, Input

from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.submissions import Submissions
from kiosk.uploads import UploadStore
from kiosk.window import WindowQueue
from screens.app import KioskApp
from screens.application_status import ApplicationStatusScreen
from screens.check_answers import CheckAnswersScreen
from screens.finish import FinishScreen
from screens.form_session import FormSession
from screens.form_step import FormStepScreen
from screens.help_modal import HelpModal
from screens.resume import ResumeScreen
from screens.widgets.qr_code import QRCode
from tests.conftest import PUBLIC_URL, answer_for
from tests.test_desk_console import wait_for
from tests.test_slip import decode

SERVICE = "senior-card"
SIZES = [(60, 20), (120, 40)]
PHOTO_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00"
             b"\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00"
             b"\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")


def text_of(widget) -> str:
    return str(widget.render())


def text_at(app: KioskApp, selector: str) -> str:
    """The words of one widget on the current screen; "" while it is being redrawn."""
    return " ".join(text_of(w) for w in app.screen.query(selector))


def screen_text(screen) -> str:
    """Every word shown by the screen's text widgets, in order."""
    return " ".join(text_of(w) for w in screen.query("Static") if w.display and w.region.area)


def start(app: KioskApp, *, filled: bool = False) -> FormSession:
    session = FormSession.start(app.store, app.catalogue, app.catalogue.service(SERVICE),
                                kiosk=app.config.kiosk_name, language="zh")
    if filled:
        fill(session)
    return session


def fill(session: FormSession) -> None:
    """Answer every question asked, as the kiosk asks them (later ones depend on earlier)."""
    for _ in range(3):
        for field in session.steps():
            if field.id not in session.values:
                assert session.answer(field, answer_for(field)) is None, field.id
    assert session.flow.problems(session.values) == {}


async def open_screen(pilot, screen) -> None:
    await pilot.pause()
    pilot.app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()


def assert_everything_fits(screen) -> None:
    """No text or button cut off by the edge of the screen (the QR, when there, scans)."""
    area = screen.region
    for widget in screen.query("Static, Button, Digits"):
        if widget.display and widget.region.area:
            assert area.contains_region(widget.region), widget
    for qr in screen.query(QRCode):
        assert qr.fits or not qr.display


# -- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_help_names_the_volunteer_once_the_desk_accepts_and_says_when_it_is_closed(
        config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        session = start(app)
        await open_screen(pilot, FormStepScreen(session, "name"))
        await pilot.press("f1")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, HelpModal)
        assert "工作人员马上就来" in text_of(modal.query_one("#help-title"))
        assert_everything_fits(modal)

        desk = HelpRequests(config.drafts_db)  # the desk: its own connection
        desk.accept(modal.request_id, "李四")
        await wait_for(pilot, lambda: "李四" in text_at(app, "#help-title"))
        assert text_of(app.screen.query_one("#help-title")) == "志愿者 李四 马上就来"
        assert app.screen.query("#cancel")  # still possible to call it off
        assert_everything_fits(app.screen)

        desk.close_request(modal.request_id, "solved")
        await wait_for(pilot, lambda: bool(app.screen.query("#ok")))
        assert "结束" in text_of(app.screen.query_one("#help-title"))
        assert not app.screen.query("#cancel")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormStepScreen)
        desk.close()


async def test_a_visitor_who_waits_at_the_form_is_told_who_is_coming(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_screen(pilot, FormStepScreen(start(app), "name"))
        await pilot.press("f1")
        await pilot.pause()
        request_id = app.screen.request_id
        await pilot.press("escape")  # "OK, I will wait"
        await pilot.pause()
        assert isinstance(app.screen, FormStepScreen)
        desk = HelpRequests(config.drafts_db)
        desk.accept(request_id, "王芳")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpModal))
        await wait_for(pilot, lambda: "王芳" in text_at(app, "#help-title"))
        await pilot.pause()
        assert await pilot.click("#cancel")
        await pilot.pause()
        assert desk.get(request_id).status == "cancelled"
        desk.close()


# -- changes made on the phone or at the desk ---------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_an_answer_given_on_the_phone_shows_on_the_kiosk_within_2s_with_a_notice(
        config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        session = start(app)
        await open_screen(pilot, FormStepScreen(session, "name"))
        phone = DraftStore(config.drafts_db)  # the phone page's own connection
        phone.save_value(session.draft_id, "name", "王小明", source="phone")
        phone.save_value(session.draft_id, "phone", "13812345678", source="phone")
        waited = await wait_for(pilot, lambda: [i.value for i in app.screen.query("#answer")]
                                == ["王小明"])
        assert waited < 2.0
        await pilot.pause()
        notice = app.screen.query_one("#draft-changes")
        assert notice.message == "※ 您在手机上填了：“您叫什么名字？”、“您的手机号码是多少？”"
        assert notice.region.height and app.screen.region.contains_region(notice.region)
        assert session.values["phone"] == "13812345678"
        # The kiosk did not write the phone's answers again: the history says where each came from.
        assert [(c.field_id, c.source) for c in app.store.history(session.draft_id)] == [
            ("name", "phone"), ("phone", "phone")]
        assert_everything_fits(app.screen)
        phone.close()


async def test_a_volunteers_change_is_named_on_check_answers(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        session = start(app, filled=True)
        await open_screen(pilot, CheckAnswersScreen(session))
        desk = DraftStore(config.drafts_db)
        desk.save_value(session.draft_id, "phone", "13900001111", source="desk", actor="李四")
        def listed() -> str:
            return " ".join(o.label for c in app.screen.query("#answers") for o in c.options)

        waited = await wait_for(pilot, lambda: "139****1111" in listed())
        assert waited < 2.0
        assert app.screen.query_one("#draft-changes").message == "※ 志愿者李四改了：“您的手机号码是多少？”"
        history = app.store.history(session.draft_id)
        assert (history[-1].source, history[-1].actor) == ("desk", "李四")
        assert_everything_fits(app.screen)
        desk.close()


async def test_what_the_visitor_is_typing_is_kept_when_the_desk_changes_that_field(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        session = start(app)
        await open_screen(pilot, FormStepScreen(session, "name"))
        await pilot.press(*"张三")
        await pilot.pause()
        desk = DraftStore(config.drafts_db)
        desk.save_value(session.draft_id, "name", "李四", source="desk", actor="王芳")
        notice = app.screen.query_one("#draft-changes")
        await wait_for(pilot, lambda: bool(notice.text))
        assert app.screen.query_one("#answer", Input).value == "张三"
        assert notice.message == "※ 志愿者王芳改了：“您叫什么名字？”；您正在填的“您叫什么名字？”保留您输入的。"
        await pilot.press("丰")
        await pilot.pause()
        assert app.store.get(session.draft_id).values["name"] == "张三丰"  # the latest wins
        values = [c.value for c in app.store.history(session.draft_id)]
        assert "李四" in values  # and the volunteer's stays in the history
        desk.close()


# -- finish: materials, submit, print -------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_submit_on_the_finish_screen_gives_a_reference_and_the_status(config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        session = start(app, filled=True)
        await open_screen(pilot, FinishScreen(session))
        screen = app.screen
        assert "".join(str(d.value) for d in screen.query(Digits)) == session.resume_code
        assert "没拍：本人居民身份证原件" in screen_text(screen)
        assert_everything_fits(screen)

        uploads = UploadStore(config.drafts_db, config.data_dir / "uploads")
        uploads.add(session.draft_id, "id-card", PHOTO_PNG, source="phone")
        await wait_for(pilot, lambda: "已拍1张：本人居民身份证原件" in screen_text(app.screen))

        await pilot.click("#submit")
        await pilot.pause()
        draft = app.store.get(session.draft_id)
        assert draft.status == "submitted" and draft.reference.startswith("JB-")
        shown = screen_text(app.screen)
        assert draft.reference in text_of(app.screen.query_one("#reference"))
        assert "已提交，等待窗口受理" in app.screen.query_one("#status").message
        assert "区政务服务中心一楼" in shown and "办理时限" in shown
        assert draft.values["birth_date"] and draft.values["sex"]  # derived, for the window
        assert_everything_fits(app.screen)
        # The phone's Submit uses the same counter: the next one gets the next number.
        other = start(app, filled=True)
        number = Submissions(config.drafts_db).submit(other.draft_id).reference
        assert int(number[-4:]) == int(draft.reference[-4:]) + 1

        WindowQueue(config.drafts_db).set_status(session.draft_id, "received")
        await wait_for(pilot, lambda: any("窗口已受理" in n.message for n in app.screen.query("#status")))
        uploads.close()


async def test_print_writes_a_slip_whose_qr_scans_and_the_screen_says_where(
        config, monkeypatch):
    monkeypatch.delenv("KIOSK_PRINTER", raising=False)
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        session = start(app, filled=True)
        await open_screen(pilot, FinishScreen(session))
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = config.data_dir / "slips" / f"{session.resume_code}.png"
        assert path.exists()
        assert decode(Image.open(path)) == [app.screen.query_one(QRCode).payload]
        assert app.screen.query_one(QRCode).payload == session.phone_url(PUBLIC_URL)
        assert str(path) in text_of(app.screen.query_one("#slip")).replace("\n", "")
        slip = app.screen.query_one("#slip")
        assert app.screen.query_one("#beside-qr").region.contains_region(slip.region)


# -- a submitted form, opened by its code --------------------------------------------------


async def type_code(pilot, code: str) -> None:
    await open_screen(pilot, ResumeScreen())
    await pilot.press(*code, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_the_code_of_a_submitted_form_shows_its_status_not_the_form(config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        session = start(app, filled=True)
        reference = Submissions(config.drafts_db).submit(session.draft_id).reference
        WindowQueue(config.drafts_db).set_status(
            session.draft_id, "more_materials_needed", materials=["residence-permit"],
            note="请带居住证原件来12号窗口")
        await type_code(pilot, session.resume_code)
        screen = app.screen
        assert isinstance(screen, ApplicationStatusScreen)
        shown = screen_text(screen)
        assert "已经提交了" in shown and reference in shown
        status = screen.query_one("#status")
        assert status.message.startswith("⚠ 还需要补充材料（") and "日）" in status.message
        assert "请补充：非本地户籍的提供浙江省居住证" in shown
        assert "窗口留言：请带居住证原件来12号窗口" in shown
        assert_everything_fits(screen)

        WindowQueue(config.drafts_db).set_status(session.draft_id, "done")
        await wait_for(pilot, lambda: any(n.message.startswith("√ 已办结（")
                                          for n in app.screen.query("#status")), timeout=3.0)
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.screen_stack) == 2  # home


async def test_an_open_forms_code_still_opens_the_form(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        session = start(app)
        await type_code(pilot, session.resume_code)
        assert isinstance(app.screen, FormStepScreen)


async def test_a_form_submitted_on_the_phone_leaves_the_kiosks_form_for_its_status(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        session = start(app, filled=True)
        await open_screen(pilot, CheckAnswersScreen(session))
        reference = Submissions(config.drafts_db).submit(session.draft_id).reference
        await wait_for(pilot, lambda: isinstance(app.screen, FinishScreen) and bool(
            app.screen.query("#reference")))
        await pilot.pause()
        assert reference in text_at(app, "#reference")
        assert not app.screen.query("#submit")


async def test_kiosk_and_desk_help_then_a_volunteers_correction_shows_on_the_kiosk(
        config, monkeypatch):
    """Issue 6, end to end: two apps on one data folder, as in the hall."""
    from textual.widgets import DataTable

    from screens import follow_draft
    from screens.desk.app import DeskApp
    from tests.test_desk_console import VOLUNTEER, row_keys, sign_in

    # The visitor typed the phone number, then called for help and waited: a while ago, in
    # the hall; a fraction of a second here.
    monkeypatch.setattr(follow_draft, "TYPING_SECONDS", 0.2)

    kiosk, desk = KioskApp(config), DeskApp(config)
    async with desk.run_test(size=(80, 24)) as desk_pilot:
        await sign_in(desk, desk_pilot)
        async with kiosk.run_test(size=(60, 20)) as pilot:
            session = start(kiosk)
            session.answer(session.form.field("name"), "张三")
            session.type("phone", "1380000")
            await open_screen(pilot, FormStepScreen(session, "phone"))
            await pilot.press("f1")
            await pilot.pause()
            request_id = kiosk.screen.request_id
            queue = desk.screen.query_one("#queue", DataTable)
            assert await wait_for(desk_pilot, lambda: str(request_id) in row_keys(queue)) < 2.0
            await desk_pilot.press("a")
            await wait_for(pilot, lambda: VOLUNTEER in text_at(kiosk, "#help-title"))
            await pilot.pause()
            await pilot.press("escape")  # the visitor waits at the form
            await pilot.pause()
            assert isinstance(kiosk.screen, FormStepScreen)

            await desk_pilot.press("o", *session.resume_code, "enter")
            await desk_pilot.pause()
            await desk_pilot.press("e")
            editor = desk.screen.query_one("#editor", Input)
            editor.value = ""
            await desk_pilot.press(*"13900001111", "enter")
            await desk_pilot.pause()
            waited = await wait_for(pilot, lambda: [i.value for i in kiosk.screen.query("#answer")]
                                    == ["13900001111"])
            assert waited < 2.0
            await pilot.pause()
            assert kiosk.screen.query_one("#draft-changes").message == (
                f"※ 志愿者{VOLUNTEER}改了：“您的手机号码是多少？”")
            last = kiosk.store.history(session.draft_id)[-1]
            assert (last.value, last.source, last.actor) == ("13900001111", "desk", VOLUNTEER)
