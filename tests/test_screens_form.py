"""What a visitor notices while filling a form: problems said at the field, nothing typed is
lost, a saved form comes back by its resume code, and the kiosk can never be quit."""

from __future__ import annotations

from screens.app import KioskApp
from screens.check_answers import CheckAnswersScreen
from screens.form_step import FormStepScreen
from screens.help_modal import HelpModal
from screens.phone_modal import PhoneModal
from screens.resume import ResumeScreen
from screens.widgets.qr_code import QRCode
from tests.conftest import KIOSK_NAME, Visitor, answer_for
from tests.identities import FAKE_NAME, fake_id

SERVICE = "senior-card"


async def start_the_senior_card(visitor: Visitor) -> None:
    await visitor.settle()
    await visitor.press("2")
    await visitor.type("老年卡")
    await visitor.choose(SERVICE)
    await visitor.go_on("start")
    assert isinstance(visitor.screen, FormStepScreen)


async def answer_until(visitor: Visitor, field_id: str) -> None:
    """Answer well every question before `field_id`."""
    while visitor.screen.field.id != field_id:
        await visitor.answer(visitor.screen.field, answer_for(visitor.screen.field))


def shown(widget) -> str:
    return str(widget.render())


async def test_a_wrong_answer_is_explained_at_the_field_and_what_was_typed_stays(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        await answer_until(visitor, "phone")
        await visitor.type("138 0000")
        await visitor.press("enter")

        screen = visitor.screen
        assert isinstance(screen, FormStepScreen) and screen.field.id == "phone"
        problem = screen.query_one("#problem")
        assert problem.has_class("-shown") and problem.region.height > 0
        assert problem.message.startswith("⚠")  # a mark, not colour alone
        assert "11位" in problem.message
        assert screen.query_one("#answer").value == "138 0000"
        (draft,) = app.store.all()
        assert draft.values["phone"] == "138 0000"

        await visitor.type("0000")
        await visitor.press("enter")
        assert visitor.screen.field.id != "phone"
        assert app.store.get(draft.id).values["phone"] == "13800000000"


async def test_every_keystroke_is_saved_as_it_is_typed(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        await visitor.type("张")
        (draft,) = app.store.all()
        assert app.store.get(draft.id).values["name"] == "张"
        await visitor.type("三")
        assert app.store.get(draft.id).values["name"] == FAKE_NAME
        assert [c.value for c in app.store.history(draft.id)] == ["张", FAKE_NAME]


async def test_leaving_and_coming_back_by_code_keeps_the_step_and_every_field(config):
    first = KioskApp(config)
    async with first.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(first, pilot)
        await start_the_senior_card(visitor)
        await answer_until(visitor, "phone")
        await visitor.type("138")  # half typed, then the visitor walks away
        (draft,) = first.store.all()

    code = draft.resume_code
    typed_code = f"{code[:4]} {code[4:]}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    again = KioskApp(config)
    async with again.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(again, pilot)
        await visitor.settle()
        await visitor.press("3")
        assert isinstance(visitor.screen, ResumeScreen)
        await visitor.type(typed_code)
        await visitor.press("enter")

        screen = visitor.screen
        assert isinstance(screen, FormStepScreen) and screen.field.id == "phone"
        assert screen.query_one("#answer").value == "138"
        assert code[:4] in shown(screen.query_one("#code"))
        await visitor.press("escape")  # back one question: the ID number is still there
        assert visitor.screen.field.id == "id_number"
        assert visitor.screen.query_one("#answer").value == fake_id()


async def test_a_wrong_resume_code_gets_a_kind_message_and_nothing_else(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("3")
        await visitor.type("1234 5678")
        await visitor.press("enter")
        assert isinstance(visitor.screen, ResumeScreen)
        problem = visitor.screen.query_one("#problem")
        assert problem.has_class("-shown")
        assert problem.message == "⚠ " + app.texts.get("resume_not_found", "zh")
        assert visitor.screen.query_one("#resume-code").value == "1234 5678"


async def test_a_change_from_check_answers_comes_back_to_check_answers(config):
    app = KioskApp(config)
    async with app.run_test(size=(120, 40)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        while isinstance(visitor.screen, FormStepScreen):
            await visitor.answer(visitor.screen.field, answer_for(visitor.screen.field))
        assert isinstance(visitor.screen, CheckAnswersScreen)
        await visitor.choose("name")
        assert visitor.screen.field.id == "name" and visitor.screen.back_to_check
        await visitor.press("ctrl+u")  # clear the box
        await visitor.type("李四")
        await visitor.press("enter")
        assert isinstance(visitor.screen, CheckAnswersScreen)
        (draft,) = app.store.all()
        assert app.store.get(draft.id).values["name"] == "李四"
        labels = [str(b.label) for b in visitor.screen.query("ChoiceButton")]
        assert any("李四" in label for label in labels)
        assert not any(fake_id() in label for label in labels)  # the ID is masked


async def test_switching_language_keeps_the_answer_being_typed(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        await visitor.type("张")
        await visitor.press("f2")
        question = shown(visitor.screen.query_one(".question"))
        assert question == "What is your name?"
        assert visitor.screen.query_one("#answer").value == "张"
        await visitor.tap("#language")
        assert shown(visitor.screen.query_one(".question")) == "您叫什么名字？"


async def test_help_calls_a_volunteer_to_this_kiosk_and_can_be_cancelled(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot, by="taps")
        await start_the_senior_card(visitor)
        await visitor.tap("#help")
        assert isinstance(visitor.screen, HelpModal)
        (request,) = app.help_requests.open_requests()
        assert (request.kiosk, request.service_id, request.step) == (KIOSK_NAME, SERVICE, "name")
        assert KIOSK_NAME in " ".join(shown(w) for w in visitor.screen.query(".dialog-body"))
        await visitor.tap("#cancel")
        assert isinstance(visitor.screen, FormStepScreen)
        assert app.help_requests.open_requests() == []


async def test_continue_on_the_phone_shows_the_qr_and_code_from_any_step(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        await visitor.press("f3")
        assert isinstance(visitor.screen, PhoneModal)
        (draft,) = app.store.all()
        payload = visitor.screen.query_one(QRCode).payload
        assert app.store.find_by_token(payload.rsplit("/", 1)[1]).id == draft.id
        assert "".join(str(d.value) for d in visitor.screen.query("Digits")) == draft.resume_code
        assert visitor.screen.query_one(QRCode).fits
        await visitor.press("escape")
        assert isinstance(visitor.screen, FormStepScreen)


async def test_quit_and_palette_keys_leave_the_kiosk_as_it_was(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        welcome = visitor.screen
        for key in ("ctrl+c", "ctrl+q", "ctrl+p", "ctrl+z"):
            await visitor.press(key)
            assert app.is_running and visitor.screen is welcome, key
        await start_the_senior_card(visitor)
        await visitor.type("张三")
        step = visitor.screen
        for key in ("ctrl+c", "ctrl+q", "ctrl+p"):  # with the cursor in a text box too
            await visitor.press(key)
            assert app.is_running and visitor.screen is step, key
        assert step.query_one("#answer").value == "张三"
        assert len(app.screen_stack) == len({id(s) for s in app.screen_stack})


async def test_a_long_list_of_choices_turns_pages_and_a_digit_picks_on_the_page_shown(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await start_the_senior_card(visitor)
        await answer_until(visitor, "ethnic_group")
        choices = visitor.screen.query_one("#answer-choices")
        assert choices.pages > 1
        wanted = visitor.screen.field.choices[choices.plan.per_page + 1]  # on page 2
        await visitor.choose(wanted.value)
        (draft,) = app.store.all()
        assert app.store.get(draft.id).values["ethnic_group"] == wanted.value
        assert visitor.screen.field.id != "ethnic_group"


async def test_a_date_is_given_as_year_month_and_day(config):
    app = KioskApp(config)
    service = next(s for s in app.catalogue.all_services()
                   if app.catalogue.form_for(s).id == "general-appointment")
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        from screens.service import ServiceScreen

        await app.push_screen(ServiceScreen(service))
        await visitor.settle()
        await visitor.go_on("start")
        while visitor.screen.field.type != "date":
            await visitor.answer(visitor.screen.field, answer_for(visitor.screen.field))
        date_field = visitor.screen.field
        await visitor.answer(date_field, "2026-5-20")
        (draft,) = app.store.all()
        assert app.store.get(draft.id).values[date_field.id] == "2026-05-20"


async def test_finishing_with_a_missing_answer_opens_that_question_with_its_problem(config):
    app = KioskApp(config)
    store = app.store
    draft = store.create(SERVICE, kiosk="desk")
    store.save_value(draft.id, "name", FAKE_NAME)
    store.set_step(draft.id, "check")
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("3")
        await visitor.type(draft.resume_code)
        await visitor.press("enter")
        assert isinstance(visitor.screen, CheckAnswersScreen)
        assert visitor.screen.query_one(".summary").message.startswith("⚠")
        await visitor.press("enter")  # Finish
        screen = visitor.screen
        assert isinstance(screen, FormStepScreen) and screen.field.id == "id_number"
        assert screen.query_one("#problem").has_class("-shown")
        await visitor.type(fake_id())
        await visitor.press("enter")
        assert isinstance(visitor.screen, CheckAnswersScreen)  # and back to check answers


async def test_search_results_follow_the_typing_and_the_language(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("2")
        await visitor.type("老年")
        labels = [str(b.label) for b in visitor.screen.query("ChoiceButton")]
        assert any("办老年卡" in label for label in labels)
        assert all(label[0] in "123456789" for label in labels)  # numbered
        await visitor.press("f2")
        labels = [str(b.label) for b in visitor.screen.query("ChoiceButton")]
        assert any("Get a senior card" in label for label in labels)
        assert visitor.screen.query_one("#search").value == "老年"


async def test_text_that_looks_like_markup_is_shown_as_typed(config):
    app = KioskApp(config)
    draft = app.store.create(SERVICE, kiosk="desk")
    app.store.save_value(draft.id, "name", "[/b]张[red]")
    app.store.set_step(draft.id, "check")
    async with app.run_test(size=(120, 40)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("3")
        await visitor.type(draft.resume_code)
        await visitor.press("enter")
        assert isinstance(visitor.screen, CheckAnswersScreen)
        labels = [str(b.label) for b in visitor.screen.query("ChoiceButton")]
        assert any("[/b]张[red]" in label for label in labels)
        await visitor.choose("name")
        await visitor.press("enter")
        assert "[/b]张[red]" == visitor.screen.query_one("#answer").value
        assert visitor.screen.query_one("#problem").has_class("-shown")
