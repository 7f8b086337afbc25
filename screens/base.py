"""What every kiosk screen shares: its words in the visitor's language, the keys, Help."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input

from screens.widgets.action_button import ActionButton
from screens.widgets.numbered_choices import NumberedChoices

if TYPE_CHECKING:
    from screens.app import KioskApp

# Plain keys only: a digit picks, Enter goes on, Esc goes back, 0 / PgDn and PgUp turn pages.
SCREEN_BINDINGS = [
    Binding("escape", "go_back", show=False),
    Binding("enter", "go_on", show=False),
    *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
    Binding("0,pagedown", "next_page", show=False),
    Binding("pageup", "previous_page", show=False),
]


class KioskWords:
    """Mixin: words in the current language, and re-drawing when the language changes."""

    @property
    def kiosk(self) -> KioskApp:
        return self.app  # type: ignore[attr-defined, return-value]

    @property
    def lang(self) -> str:
        return self.kiosk.language

    def t(self, key: str, **values: object) -> str:
        return self.kiosk.texts.get(key, self.lang, **values)

    def help_context(self) -> dict[str, Any]:
        """What the help desk is told about where the visitor is."""
        return {}

    def focus_start(self) -> None:
        """Put the focus where the visitor most likely acts next."""
        choices = self._choices()
        if choices is not None:
            choices.focus_first()
            return
        inputs = self.query(Input)  # type: ignore[attr-defined]
        if inputs:
            inputs.first().focus()

    def _choices(self) -> NumberedChoices | None:
        for choices in self.query(NumberedChoices):  # type: ignore[attr-defined]
            if choices.display:
                return choices
        return None

    async def _language_changed(self, _language: str) -> None:
        await self.recompose()  # type: ignore[attr-defined]
        self.call_after_refresh(self.focus_start)  # type: ignore[attr-defined]

    async def _text_size_changed(self, _size: str) -> None:
        """Words drawn large take other room: lay the screen out again."""
        await self._language_changed(_size)

    def _watch_the_visit(self) -> None:
        self.watch(self.app, "language", self._language_changed, init=False)  # type: ignore[attr-defined]
        self.watch(self.app, "text_size", self._text_size_changed, init=False)  # type: ignore[attr-defined]

    def display_button(self) -> ActionButton:
        """Colours and text size; F5 switches the colours at once, F7 the text size."""
        return ActionButton(self.t("display"), "F5", id="display", classes="quiet")

    def help_button(self) -> ActionButton:
        return ActionButton(self.t("help"), "F1", id="help", classes="quiet")

    def language_button(self) -> ActionButton:
        return ActionButton(self.t("other_language"), "F2", id="language", classes="quiet")

    def back_button(self) -> ActionButton:
        return ActionButton(self.t("back"), "Esc", id="back", classes="quiet")


class Settling(KioskWords):
    """What every kiosk screen and dialog does as it appears: watch the visit, put the focus
    where the visitor acts, and let typed-on digits pass."""

    # A digit pressed this soon after a screen appears was meant for the screen before
    # (typing on after Enter, a double tap): it must not answer a question unseen.
    SETTLE_SECONDS: ClassVar[float] = 0.4

    def on_mount(self) -> None:
        self._shown_at = time.monotonic()
        self._watch_the_visit()
        self.focus_start()  # at once: keys typed the moment the screen shows must not be lost

    def on_screen_resume(self) -> None:
        self._shown_at = time.monotonic()

    def settled(self) -> bool:
        return time.monotonic() - getattr(self, "_shown_at", 0.0) >= self.SETTLE_SECONDS


class KioskScreen(Settling, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = SCREEN_BINDINGS

    def action_go_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_go_on(self) -> None:
        """Enter with nothing focused: the screen's main action, if it has one."""

    def action_pick(self, number: int) -> None:
        if not self.settled():
            return
        choices = self._choices()
        if choices is not None:
            choices.pick_number(number)

    def action_next_page(self) -> None:
        choices = self._choices()
        if choices is not None:
            choices.next_page()

    def action_previous_page(self) -> None:
        choices = self._choices()
        if choices is not None:
            choices.previous_page()

    @on(Button.Pressed, "#help")
    def _help(self) -> None:
        self.kiosk.action_ask_for_help()

    @on(Button.Pressed, "#language")
    def _language(self) -> None:
        self.kiosk.action_switch_language()

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.action_go_back()

    @on(Button.Pressed, "#display")
    def _display(self) -> None:
        self.kiosk.action_show_display()


class KioskModal(Settling, ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", show=False)]

    def focus_start(self) -> None:
        buttons = self.query(Button)
        if buttons:
            buttons.first().focus()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#display")
    def _display(self) -> None:
        self.kiosk.action_show_display()

    @on(Button.Pressed, "#help")
    def _help(self) -> None:
        self.kiosk.action_ask_for_help()

    @on(Button.Pressed, "#language")
    def _language(self) -> None:
        self.kiosk.action_switch_language()
