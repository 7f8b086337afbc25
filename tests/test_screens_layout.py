"""Every screen at the kiosk's real sizes (60x20, 80x24, 120x40, 200x60), in both languages,
both looks and every text size: nothing outside the screen or cut off, no two buttons on top
of each other, every button at least 3 rows tall with its words whole, the question whole.

One app a size walks through all the screens (opened directly, as a visitor would reach
them), so the whole set stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import pytest
from rich.cells import cell_len
from textual.containers import ScrollableContainer
from textual.errors import NoWidget
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from screens.app import KioskApp
from screens.check_answers import CheckAnswersScreen
from screens.display_modal import DisplayModal
from screens.finish import FinishScreen
from screens.form_session import FormSession
from screens.form_step import FormStepScreen
from screens.groups import GroupsScreen
from screens.help_modal import HelpModal
from screens.idle_modal import IdleModal
from screens.phone_modal import PhoneModal
from screens.resume import ResumeScreen
from screens.scenarios import ScenariosScreen
from screens.search import SearchScreen
from screens.service import ServiceScreen
from screens.services import ServicesScreen
from screens.staff_menu import StaffMenu, StaffPinModal
from screens.widgets.action_button import ActionButton
from screens.widgets.numbered_choices import ChoiceButton
from tests.conftest import KIOSK_NAME, answer_for
from tests.identities import FAKE_NAME

SERVICE = "senior-card"
# (size, language, look, text size): every size; both languages and looks at the smallest
# and the usual size.
VARIANTS = [
    ((60, 20), "zh", "default", "large"),
    ((60, 20), "en", "contrast", "extra"),
    ((80, 24), "zh", "contrast", "extra"),
    ((120, 40), "en", "default", "large"),
    ((120, 40), "zh", "contrast", "extra"),
    ((200, 60), "en", "default", "extra"),
]


def in_a_scroll(widget: Widget) -> bool:
    """Inside a container that scrolls: it may reach past the screen, and be scrolled to."""
    return any(isinstance(a, ScrollableContainer) for a in widget.ancestors)


def what_is_wrong(screen: Screen) -> list[str]:
    """Everything a visitor could not see or tap whole on this screen."""
    wrong = []
    whole_screen = screen.region
    shown = []
    for widget in screen.query("*"):
        if not widget.display or in_a_scroll(widget):
            continue
        try:
            clip = screen.find_widget(widget).clip
        except NoWidget:
            continue  # inside a hidden container
        region = widget.region
        if region.area == 0:
            continue
        shown.append(widget)
        if not whole_screen.contains_region(region):
            wrong.append(f"{widget!r} at {region} leaves the screen")
        elif not clip.contains_region(region):
            wrong.append(f"{widget!r} at {region} is cut off by its container ({clip})")
    buttons = [w for w in shown if isinstance(w, Button)]
    for button in buttons:
        if button.region.height < 3:
            wrong.append(f"{button!r} is {button.region.height} rows tall")
        if isinstance(button, ActionButton) and cell_len(str(button.label)) > button.region.width - 2:
            wrong.append(f"{button!r}: {str(button.label)!r} does not fit {button.region.width}")
        if isinstance(button, ChoiceButton):
            lines, room = str(button.label).splitlines(), button.content_region
            # A blank column either side of each line (line-pad), a blank row above and
            # below them (under the frame).
            pad = 2 * button.styles.line_pad
            if len(lines) > room.height - 2 or max(map(cell_len, lines)) > room.width - pad:
                wrong.append(f"{button!r}: {len(lines)} lines do not fit {room.size}")
    for one, other in combinations(buttons, 2):
        if one.region.overlaps(other.region):
            wrong.append(f"{one!r} and {other!r} overlap")
    return wrong


def the_screens(app: KioskApp) -> list[tuple[str, Callable[[], Screen]]]:
    catalogue = app.catalogue
    service = catalogue.service(SERVICE)
    form = catalogue.form_for(service)
    group = catalogue.groups()[0]
    scenario = catalogue.scenarios(group.id)[0]

    def session(values: dict[str, str]) -> FormSession:
        started = FormSession.start(app.store, catalogue, service, kiosk=KIOSK_NAME,
                                    language=app.language)
        for field_id, value in values.items():
            started.type(field_id, value)
        return started

    filled = session({f.id: answer_for(f) for f in form.fields if not f.when})
    half = session({"name": FAKE_NAME, "phone": "138 0000"})

    def offered() -> Screen:
        app.profile.remember(form.field("name"), FAKE_NAME)
        return FormStepScreen(session({}), "name")

    request = app.help_requests.ask(KIOSK_NAME, service_id=SERVICE, step="name")
    return [
        ("groups", GroupsScreen),
        ("scenarios", lambda: ScenariosScreen(group)),
        ("services", lambda: ServicesScreen(scenario)),
        ("search", SearchScreen),
        ("service", lambda: ServiceScreen(service)),
        ("question: name", lambda: FormStepScreen(half, "name")),
        ("question: phone, wrong", lambda: FormStepScreen(half, "phone", show_problem=True)),
        ("question: ethnic group", lambda: FormStepScreen(half, "ethnic_group")),
        ("question: yes or no", lambda: FormStepScreen(half, "hukou_local")),
        ("question: date", lambda: FormStepScreen(half, "birth_date")),
        ("question: offered again", offered),
        ("check answers, to put right", lambda: CheckAnswersScreen(half)),
        ("check answers", lambda: CheckAnswersScreen(filled)),
        ("finish", lambda: FinishScreen(filled)),
        ("resume", ResumeScreen),
        ("help", lambda: HelpModal(request.id)),
        ("phone", lambda: PhoneModal(half)),
        ("display", DisplayModal),
        ("more time?", lambda: IdleModal(30)),
        ("staff PIN", StaffPinModal),
        ("staff menu", StaffMenu),
    ]


@pytest.mark.parametrize(("size", "language", "look", "text_size"), VARIANTS,
                         ids=[f"{w}x{h}-{lang}-{look}-{ts}" for (w, h), lang, look, ts in VARIANTS])
async def test_every_screen_fits_whole(config, size, language, look, text_size):
    app = KioskApp(config)
    async with app.run_test(size=size) as pilot:
        app.language, app.text_size = language, text_size
        app.set_look(look)
        await pilot.pause()
        wrong = {"welcome": what_is_wrong(app.screen)}
        for name, make in the_screens(app):
            await app.push_screen(make())
            await pilot.pause()
            if name == "search":
                await pilot.press(*"老年卡")
                await pilot.pause()
            wrong[name] = what_is_wrong(app.screen)
            await app.pop_screen()
            app.profile.wipe()
        assert {name: found for name, found in wrong.items() if found} == {}
