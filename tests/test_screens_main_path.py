"""From the welcome screen to the finish screen for the senior card, as a visitor does it:
once only by keys, once only by taps, at the smallest and a large terminal size."""

from __future__ import annotations

import pytest
from textual.widgets import Digits

from kiosk import handoff
from kiosk.forms import check
from screens.app import KioskApp
from screens.check_answers import CheckAnswersScreen
from screens.finish import FinishScreen
from screens.form_step import FormStepScreen
from screens.service import ServiceScreen
from screens.widgets.qr_code import QRCode
from tests.conftest import PUBLIC_URL, Visitor, answer_for

SERVICE = "senior-card"
SIZES = [(60, 20), (120, 40)]


async def fill_the_form(visitor: Visitor) -> dict[str, str]:
    """Answer every question the kiosk asks, by its type; returns what was given."""
    given: dict[str, str] = {}
    for _ in range(40):
        screen = visitor.screen
        if not isinstance(screen, FormStepScreen):
            return given
        value = answer_for(screen.field)
        await visitor.answer(screen.field, value)
        assert visitor.screen is not screen, f"the answer to {screen.field.id} was not taken"
        given[screen.field.id] = value
    raise AssertionError("the form never ended")


def assert_finished(app: KioskApp, given: dict[str, str]) -> None:
    """The draft holds every answer (normalised) and the finish screen shows its code and QR."""
    assert isinstance(app.screen, FinishScreen)
    (draft,) = app.store.all()
    assert draft.service_id == SERVICE
    assert draft.step == "check"
    form = app.catalogue.form_for(app.catalogue.service(SERVICE))
    for field_id, value in given.items():
        assert draft.values[field_id] == check(form.field(field_id), value).value, field_id
    assert {"name", "id_number", "phone"} <= set(given)
    shown_code = "".join(str(d.value) for d in app.screen.query(Digits))
    assert shown_code == draft.resume_code
    payload = app.screen.query_one(QRCode).payload
    assert payload.startswith(PUBLIC_URL.upper() + "/R/")
    assert app.store.find_by_token(payload.rsplit("/", 1)[1]).id == draft.id


@pytest.mark.parametrize("size", SIZES)
async def test_a_visitor_applies_for_a_senior_card_by_keys_alone(config, size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        visitor = Visitor(app, pilot, by="keys")
        await visitor.settle()
        await visitor.press("2")  # search by typing
        await visitor.type("老年卡")
        await visitor.choose(SERVICE)
        assert isinstance(app.screen, ServiceScreen)
        await visitor.go_on("start")
        given = await fill_the_form(visitor)
        assert isinstance(app.screen, CheckAnswersScreen)
        await visitor.go_on("finish")
        assert_finished(app, given)


@pytest.mark.parametrize("size", SIZES)
async def test_a_visitor_applies_for_a_senior_card_by_taps_alone(config, size):
    app = KioskApp(config)
    catalogue = app.catalogue
    group, scenario = next(
        (g, s) for g in catalogue.groups() for s in catalogue.scenarios(g.id)
        if any(x.id == SERVICE for x in catalogue.services_in(s.id)))
    async with app.run_test(size=size) as pilot:
        visitor = Visitor(app, pilot, by="taps")
        await visitor.settle()
        await visitor.choose("by_life_event")
        await visitor.choose(group.id)
        await visitor.choose(scenario.id)
        await visitor.choose(SERVICE)
        assert isinstance(app.screen, ServiceScreen)
        await visitor.go_on("start")
        given = await fill_the_form(visitor)
        assert isinstance(app.screen, CheckAnswersScreen)
        await visitor.go_on("finish")
        assert_finished(app, given)
        await visitor.tap("#done")
        assert type(app.screen).__name__ == "WelcomeScreen"


async def test_every_form_step_shows_where_you_are_and_the_resume_code(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("2")
        await visitor.type("老年卡")
        await visitor.choose(SERVICE)
        await visitor.go_on("start")
        (draft,) = app.store.all()
        code = handoff.format_resume_code(draft.resume_code)
        seen_steps = []
        while isinstance(app.screen, FormStepScreen):
            top = str(app.screen.query_one("#code").render())
            assert code in top
            seen_steps.append(str(app.screen.query_one("#where").render()))
            assert app.store.get(draft.id).step == app.screen.field.id
            await visitor.answer(app.screen.field, answer_for(app.screen.field))
        total = len(seen_steps)
        assert seen_steps[0].startswith("第1步，共")
        # A "no" to the hukou question adds one; the last step always says so.
        assert seen_steps[-1].startswith(f"第{total}步，共{total}步")
        assert app.store.get(draft.id).step == "check"
