"""The desk console: volunteers answer help requests, windows work through applications.

It opens the same drafts database as the kiosks and the phone page; every screen polls it
about once a second, so what a kiosk or a phone writes shows up here by itself.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from kiosk.catalogue import Catalogue
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.text import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.volunteers import Volunteers
from kiosk.window import WindowQueue
from screens.desk.base import DeskWords
from screens.desk.sign_in import SignInScreen

IDLE_SIGN_OUT = 15 * 60.0  # a desk left signed in signs itself out


class DeskApp(App[None]):
    CSS_PATH: ClassVar[list[str]] = ["desk.tcss"]
    TITLE = "desk"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "switch_language", show=False, priority=True),
        Binding("ctrl+q", "quit", show=False, priority=True),
    ]

    language: reactive[str] = reactive(DEFAULT_LANGUAGE)
    volunteer: reactive[str | None] = reactive(None)

    def __init__(self, config: Config, *, clock=time.time) -> None:
        super().__init__()
        self.config = config
        self.clock = clock
        config.ensure_data_dir()
        self.catalogue = Catalogue(config.catalogue)
        self.store = DraftStore(config.drafts_db)
        self.help_requests = HelpRequests(config.drafts_db)
        self.volunteers = Volunteers(config.drafts_db)
        self.window = WindowQueue(config.drafts_db)
        self.last_key = clock()
        language = config.language if config.language in LANGUAGES else DEFAULT_LANGUAGE
        self.set_reactive(DeskApp.language, language)

    def on_mount(self) -> None:
        self.push_screen(SignInScreen())
        self.set_interval(30, self._sign_out_when_idle)

    def on_unmount(self) -> None:
        for store in (self.store, self.help_requests, self.volunteers, self.window):
            store.close()

    async def on_event(self, event: events.Event) -> None:
        # Every key reaches the app first, even those an input keeps for itself.
        if isinstance(event, events.Key):
            self.last_key = self.clock()
        await super().on_event(event)

    async def action_switch_language(self) -> None:
        self.language = "en" if self.language == "zh" else "zh"
        for screen in self.screen_stack:
            if isinstance(screen, DeskWords):
                await screen.relabel()

    def sign_in(self, name: str) -> None:
        from screens.desk.help_queue import HelpQueueScreen

        self.volunteer = name
        self.last_key = self.clock()
        self.switch_screen(HelpQueueScreen())

    def sign_out(self, notice: str | None = None) -> None:
        self.volunteer = None
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(SignInScreen(notice))

    def _sign_out_when_idle(self) -> None:
        if self.volunteer and self.clock() - self.last_key > IDLE_SIGN_OUT:
            self.sign_out("signed_out_idle")
