"""The volunteers' menu, behind the staff PIN: exit the kiosk, its default language, colours
and text size, and a test of the speaker.

Opened by pressing F12 three times, or by holding a finger on the top bar for two seconds;
never by a chord a visitor might hit.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input

from kiosk import staff
from kiosk.speech import Spoken, speak
from screens.base import KioskModal
from screens.text_size import next_size
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.notice import Notice
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain

LOOKS = ("default", "contrast")


class StaffPinModal(KioskModal):
    CSS_PATH: ClassVar[list[str]] = ["modals.tcss", "visit_modals.tcss"]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="staff-dialog"):
            yield Plain(self.t("staff_pin_title"), classes="dialog-title")
            yield Plain(self.t("staff_pin_question"), classes="dialog-hint")
            yield Notice("", id="pin-problem", classes="problem")
            yield Input("", id="pin", password=True, restrict=r"[0-9]*", max_length=12)
            with ActionBar():
                yield ActionButton(self.t("staff_open"), "Enter", id="open", classes="primary")
                yield ActionButton(self.t("staff_close"), "Esc", id="close", classes="quiet")

    def focus_start(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        kiosk = self.kiosk
        config = kiosk.config
        box = self.query_one("#pin", Input)
        typed, box.value = box.value, ""
        if not staff.pin_is_set(config.data_dir, config.staff_pin):
            self.query_one("#pin-problem", Notice).text = self.t("staff_pin_none")
        elif staff.check_pin(typed, config.data_dir, config.staff_pin):
            kiosk.switch_screen(StaffMenu())
            return
        else:
            self.query_one("#pin-problem", Notice).text = self.t("staff_pin_wrong")
        box.focus()

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class StaffMenu(KioskModal):
    CSS_PATH: ClassVar[list[str]] = ["modals.tcss", "visit_modals.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report = ""

    def compose(self) -> ComposeResult:
        defaults = self.kiosk.defaults
        options = [
            Option("exit", self.t("staff_exit")),
            Option("language", self.t("staff_language",
                                      language=self.t(f"language_{defaults.language}"))),
            Option("theme", self.t("staff_theme", look=self.t(f"look_{defaults.theme}"))),
            Option("text_size", self.t("staff_text_size",
                                       size=self.t(f"size_{defaults.text_size}"))),
            Option("speaker", self.t("staff_speaker")),
        ]
        with Vertical(id="dialog", classes="staff-dialog staff-menu"):
            yield Plain(self.t("staff_title"), classes="dialog-title")
            yield Plain(self.report, id="staff-report", classes="dialog-hint")
            yield NumberedChoices(options, previous_label=self.t("previous_page"),
                                  next_label=self.t("next_page"), page_label=self.t("page_of"),
                                  max_columns=2, big=False, id="staff-choices")
            with ActionBar():
                yield ActionButton(self.t("staff_close"), "Esc", id="close", classes="primary")

    def focus_start(self) -> None:
        self.query_one("#staff-choices", NumberedChoices).focus_first()

    def action_pick(self, number: int) -> None:
        self.query_one("#staff-choices", NumberedChoices).pick_number(number)

    @on(NumberedChoices.Picked)
    async def _picked(self, event: NumberedChoices.Picked) -> None:
        kiosk = self.kiosk
        defaults = kiosk.defaults
        if event.value == "exit":
            kiosk.exit()
            return
        if event.value == "speaker":
            self._test_speaker()
            return
        if event.value == "language":
            defaults = defaults.with_change(language="en" if defaults.language == "zh" else "zh")
        elif event.value == "theme":
            defaults = defaults.with_change(
                theme=LOOKS[(LOOKS.index(defaults.theme) + 1) % len(LOOKS)])
        elif event.value == "text_size":
            defaults = defaults.with_change(text_size=next_size(defaults.text_size))
        kiosk.defaults = defaults
        staff.save_defaults(kiosk.config.data_dir, defaults)
        kiosk.set_look(defaults.theme)  # staff see at once what visitors will get
        kiosk.text_size = defaults.text_size
        kiosk.language = defaults.language
        await self.recompose()
        self.focus_start()

    @work(thread=True, exclusive=True, group="speaker-test")
    def _test_speaker(self) -> None:
        config = self.kiosk.config
        spoken = speak(self.t("staff_speaker_words"), self.lang, program=config.espeak,
                       wav=config.speech_wav, play=None if config.speech_output == "auto" else False)
        self.app.call_from_thread(self._tested, spoken)

    def _tested(self, spoken: Spoken) -> None:
        if spoken.played:
            self.report = self.t("staff_speaker_played")
        elif spoken.wav is not None:
            self.report = self.t("staff_speaker_wav", path=str(spoken.wav))
        elif spoken.problem == "missing":
            self.report = self.t("read_aloud_missing")
        else:
            self.report = self.t("read_aloud_failed")
        self.query_one("#staff-report", Plain).update(self.report)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
