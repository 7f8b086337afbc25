"""A visit to the kiosk, as a 75-year-old makes it: the colours and text size they pick last
until the visit ends; what they told one form is offered, with their consent, to the next, and
forgotten when they go; a quiet kiosk asks whether they need more time before it starts over
(the draft kept); the question is read aloud; and no key leaves the kiosk but the staff PIN."""

from __future__ import annotations

import shutil
import wave
from dataclasses import replace

import pytest
from textual.command import CommandPalette

from kiosk import staff
from kiosk.config import Config
from screens.app import KioskApp
from screens.display_modal import DisplayModal
from screens.form_session import FormSession
from screens.form_step import FormStepScreen
from screens.groups import GroupsScreen
from screens.help_modal import HelpModal
from screens.idle_modal import IdleModal
from screens.resume import ResumeScreen
from screens.staff_menu import StaffMenu, StaffPinModal
from screens.welcome import WelcomeScreen
from screens.widgets.big_text import BigText
from screens.widgets.question_header import QuestionHeader
from screens.widgets.top_bar import TopBar
from screens.widgets.typed_code import TypedCode
from tests.conftest import KIOSK_NAME, Visitor
from tests.identities import FAKE_NAME, fake_id

SERVICE = "senior-card"
OTHER_SERVICE = "high-age-allowance"  # also asks name, ID number and phone


async def open_question(app: KioskApp, pilot, field_id: str = "name",
                        service: str = SERVICE) -> FormStepScreen:
    """A new draft of `service`, opened at one of its questions, as Start would."""
    session = FormSession.start(app.store, app.catalogue, app.catalogue.service(service),
                                kiosk=KIOSK_NAME, language=app.language)
    screen = FormStepScreen(session, field_id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


# -- seeing ----------------------------------------------------------------------------

async def test_the_colours_switch_by_a_key_or_the_display_button_and_last_the_visit(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot, by="taps")
        await visitor.settle()
        assert app.look == "default"
        assert app.screen.styles.background.hex == "#FFFFFF"
        await visitor.press("f5")
        assert app.look == "contrast"
        assert app.screen.styles.background.hex == "#000000"

        await app.push_screen(GroupsScreen())  # the next screen keeps the visitor's choice
        await visitor.settle()
        assert app.screen.styles.background.hex == "#000000"
        await visitor.tap("#display")
        assert isinstance(app.screen, DisplayModal)
        await visitor.press("1")   # dark on white
        await visitor.press("5")   # the largest text
        assert (app.look, app.text_size) == ("default", "extra")
        assert "√" in str(app.screen.query_one("#choice-1").label)  # the choice shows a tick
        await visitor.press("escape")
        assert isinstance(app.screen, GroupsScreen)

        app.set_look("contrast")
        app.end_visit()  # the next visitor starts with the kiosk's own look
        await visitor.settle()
        assert (app.look, app.text_size, app.language) == ("default", "large", "zh")


async def test_the_text_size_decides_how_much_is_drawn_large(config):
    app = KioskApp(config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_question(app, pilot)
        assert screen.query_one("#question", BigText).is_big  # "large", the default
        await pilot.press("f7")                                # extra large
        await pilot.pause()
        assert app.text_size == "extra"
        assert app.screen.query_one("#question", BigText).is_big
        await pilot.press("f7")                                # normal: the question is plain
        await pilot.pause()
        assert app.text_size == "normal"
        assert not app.screen.query_one("#question", BigText).is_big

        await app.switch_screen(ResumeScreen())  # the resume code stays large even so
        await pilot.pause()
        await pilot.press(*"12345678")
        await pilot.pause()
        code = app.screen.query_one("#typed-code", TypedCode)
        assert code.text == "1234 5678" and code.is_big


# -- never ask twice ----------------------------------------------------------------------

async def test_an_answer_given_once_is_offered_again_with_consent_and_forgotten_at_the_end(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await open_question(app, pilot)
        await visitor.type(FAKE_NAME)
        await visitor.press("enter")
        await visitor.type(fake_id())
        await visitor.press("enter")
        assert visitor.screen.field.id == "phone"

        screen = await open_question(app, pilot, service=OTHER_SERVICE)
        offer = screen.query_one("#profile-offer")
        assert FAKE_NAME in str(offer.query_one(".offer-words").render())
        assert not screen.query("#answer")                   # nothing filled in before a yes
        assert "name" not in app.store.get(screen.session.draft_id).values
        await visitor.press("1")                             # "use it"
        assert visitor.screen.field.id == "id_number"
        assert app.store.get(screen.session.draft_id).values["name"] == FAKE_NAME

        words = str(visitor.screen.query_one(".offer-words").render())
        assert fake_id() not in words and fake_id()[-2:] in words  # shown masked
        await visitor.press("2")                             # "type another"
        box = visitor.screen.query_one("#answer")
        assert box.value == "" and box.has_focus

        app.go_home()                                        # what "Done" on the finish screen does
        await visitor.settle()
        assert isinstance(app.screen, WelcomeScreen) and not app.profile
        again = await open_question(app, pilot, service=OTHER_SERVICE)
        assert not again.query("#profile-offer") and again.query("#answer")


# -- time ---------------------------------------------------------------------------------

def test_the_countdown_is_never_shorter_than_20_seconds(monkeypatch, data_dir):
    monkeypatch.setenv("KIOSK_IDLE_COUNTDOWN", "5")
    assert Config.load(data_dir=str(data_dir)).idle_countdown_seconds == 20
    monkeypatch.delenv("KIOSK_IDLE_COUNTDOWN")
    monkeypatch.delenv("KIOSK_IDLE_SECONDS", raising=False)
    assert Config.load(data_dir=str(data_dir)).idle_seconds == 90


async def test_a_quiet_kiosk_asks_for_more_time_then_starts_over_with_the_draft_kept(config):
    app = KioskApp(replace(config, idle_seconds=0.8, idle_countdown_seconds=0.8))
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        app.idle.activity()                      # the tap on Start
        screen = await open_question(app, pilot)
        await visitor.type("张")
        app.profile.remember(screen.field, "张")
        assert app.screen is screen

        await pilot.pause(1.2)
        assert isinstance(app.screen, IdleModal)
        assert str(app.screen.query_one("#idle-countdown").render()).startswith("还剩")
        assert app.screen.query_one("#idle-seconds", BigText).is_big
        await visitor.press("a")                 # any key carries on, and types nothing
        assert app.screen is screen and screen.query_one("#answer").value == "张"

        await pilot.pause(1.2)
        assert isinstance(app.screen, IdleModal)
        await visitor.tap("#idle-title")         # so does a tap anywhere
        assert app.screen is screen

        await pilot.pause(2.4)                   # nobody answers: the visit ends
        assert isinstance(app.screen, WelcomeScreen) and len(app.screen_stack) == 2
        assert not app.profile
        resumed = FormSession.resume(app.store, app.catalogue, screen.session.resume_code)
        assert resumed is not None and resumed.values["name"] == "张"


async def test_a_visitor_waiting_for_a_volunteer_is_not_timed_out(config):
    app = KioskApp(replace(config, idle_seconds=0.6, idle_countdown_seconds=0.3))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.idle.activity()
        await open_question(app, pilot)
        await pilot.press("f1")                  # help is called: "please wait here"
        assert isinstance(app.screen, HelpModal)
        await pilot.pause(1.5)                   # far longer than the quiet spell and countdown
        assert isinstance(app.screen, HelpModal)


# -- hearing --------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
async def test_the_question_hint_and_problem_are_read_aloud_into_a_wav_without_a_speaker(config):
    app = KioskApp(replace(config, speech_output="wav"))
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await open_question(app, pilot, "phone")
        await visitor.type("138")
        await visitor.press("enter")             # a problem: it is read out too
        header = app.screen.query_one(QuestionHeader)
        assert app.screen.query_one("#problem").text.rstrip("。") in header.words_to_read()
        await visitor.press("f6")
        await app.workers.wait_for_complete()
        await visitor.settle()

        spoken = header.last_spoken
        assert spoken is not None and spoken.wav == app.config.speech_wav
        with wave.open(str(spoken.wav)) as audio:
            assert audio.getnframes() > audio.getframerate() // 2   # half a second at least
            samples = audio.readframes(audio.getnframes())
        assert any(samples)                                         # not silence
        status = str(header.query_one("#speech-status").render())
        assert status == app.texts.get("read_aloud_no_speaker", "zh")


async def test_without_espeak_the_read_aloud_button_says_so_kindly(config):
    app = KioskApp(replace(config, espeak="/nonexistent/espeak-ng"))
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot, by="taps")
        await visitor.settle()
        await open_question(app, pilot)
        await visitor.tap("#read-aloud")
        await app.workers.wait_for_complete()
        await visitor.settle()
        status = str(app.screen.query_one("#speech-status").render())
        assert status == app.texts.get("read_aloud_missing", "zh")


# -- the kiosk itself --------------------------------------------------------------------

@pytest.mark.parametrize("chord", ["ctrl+c", "ctrl+q", "ctrl+z", "ctrl+p"])
async def test_a_chord_that_would_leave_or_break_the_kiosk_does_nothing(config, chord):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        screen = await open_question(app, pilot)
        await pilot.press(chord)
        await pilot.pause()
        assert app.return_code is None and app.is_running
        assert app.screen is screen and not isinstance(app.screen, CommandPalette)


async def test_text_cannot_be_selected(config):
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await open_question(app, pilot)
        await pilot.mouse_down(".hint", offset=(0, 0))
        await pilot.hover(".hint", offset=(20, 0))
        await pilot.mouse_up(".hint", offset=(20, 0))
        assert app.screen.get_selected_text() is None and not app.screen.selections


async def test_the_staff_pin_opens_the_staff_menu_whose_first_choice_exits(config, monkeypatch):
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    app = KioskApp(replace(config, staff_pin="2468"))
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await visitor.press("f12", "f12")
        assert isinstance(app.screen, WelcomeScreen)    # twice is not enough
        await visitor.press("f12")
        assert isinstance(app.screen, StaffPinModal)
        await visitor.type("1111")
        await visitor.press("enter")
        assert isinstance(app.screen, StaffPinModal)
        assert app.screen.query_one("#pin-problem").has_class("-shown")
        await visitor.type("2468")
        await visitor.press("enter")
        assert isinstance(app.screen, StaffMenu)
        await visitor.press("1")                        # exit the kiosk
        assert app.return_code == 0


async def test_a_long_tap_on_the_top_bar_and_the_hashed_pin_open_the_staff_menu(config,
                                                                                  monkeypatch):
    monkeypatch.delenv("KIOSK_STAFF_PIN", raising=False)
    monkeypatch.setattr(TopBar, "LONG_TAP", 0.1)
    staff.set_pin(config.data_dir, "5791")
    app = KioskApp(config)
    async with app.run_test(size=(60, 20)) as pilot:
        visitor = Visitor(app, pilot)
        await visitor.settle()
        await pilot.mouse_down(TopBar)
        await pilot.mouse_up(TopBar)                   # a short tap does nothing
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.mouse_down(TopBar)
        await pilot.pause(0.2)
        await pilot.mouse_up(TopBar)
        await visitor.settle()
        assert isinstance(app.screen, StaffPinModal)
        await visitor.type("5791")
        await visitor.press("enter")
        assert isinstance(app.screen, StaffMenu)
        await visitor.press("2")                        # the kiosk's default language
        assert app.defaults.language == "en" and app.language == "en"
        assert staff.load_defaults(config.data_dir).language == "en"
