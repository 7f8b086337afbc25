"""Within one visit, backing out and choosing the same service again reopens the same draft;
when the visit ends, its help request stops calling a volunteer."""

from kiosk.help_requests import HelpRequests
from screens.app import KioskApp
from screens.service import ServiceScreen
from tests.identities import FAKE_PHONE, fake_id


async def test_choosing_the_same_service_again_reopens_the_draft_with_its_answers(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        service = app.catalogue.service("senior-card")
        await app.push_screen(ServiceScreen(service))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for key in "zhao":
            await pilot.press(key)
        await pilot.pause()
        first = app.screen.session.draft_id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await app.push_screen(ServiceScreen(service))  # chosen again from the list
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.draft_id == first
        assert app.screen.session.values.get("name") == "zhao"


async def test_ending_the_visit_withdraws_its_help_request(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        desk = HelpRequests(config.drafts_db)
        assert len(desk.open_requests()) == 1
        app.end_visit()
        await pilot.pause()
        assert desk.open_requests() == []


async def test_digits_typed_on_after_enter_do_not_answer_the_next_question_unseen(
        config, monkeypatch):
    from screens import base
    from screens.form_step import FormStepScreen

    monkeypatch.setattr(base.Settling, "SETTLE_SECONDS", 0.4)  # as on a real kiosk

    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(ServiceScreen(app.catalogue.service("senior-card")))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen.session
        for step in ("name", "id_number", "phone"):
            app.screen.query_one("#answer").value = ""
            for key in {"name": "zhang", "id_number": fake_id(), "phone": FAKE_PHONE}[step]:
                await pilot.press(key)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, FormStepScreen)
        asked = app.screen.field.id
        await pilot.press("1")  # a finger still going, the moment the choice appears
        await pilot.pause()
        assert session.values.get(asked, "") == ""  # the next choice was not answered unseen
        assert app.screen.field.id == asked
        await pilot.pause(0.5)
        await pilot.press("1")  # a deliberate press a moment later does pick
        await pilot.pause()
        assert session.values.get(asked, "") != ""


async def test_a_short_resume_code_says_how_many_digits_it_needs(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for key in "1234567":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in app.screen.query("#problem *"))
        shown += str(app.screen.query_one("#problem").render())
        assert "8位数字" in shown and "7位" in shown
