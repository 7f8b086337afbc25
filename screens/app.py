"""The kiosk application: opens the catalogue and the drafts, holds the visitor's language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from kiosk.catalogue import Catalogue
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.text import DEFAULT_LANGUAGE, LANGUAGES
from screens.help_modal import HelpModal
from screens.texts import Texts
from screens.welcome import WelcomeScreen


class KioskApp(App[None]):
    """A visitor can never leave it: quitting, the palette and copy keys do nothing."""

    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "widgets/widgets.tcss"]
    TITLE = "kiosk"
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    AUTO_FOCUS = None  # each screen puts the focus where the visitor acts next
    inherit_bindings = False
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (30, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "stay", show=False, priority=True),
        Binding("ctrl+q", "stay", show=False, priority=True),
        Binding("ctrl+p", "stay", show=False, priority=True),
        Binding("ctrl+z", "stay", show=False, priority=True),
        Binding("f1", "ask_for_help", show=False, priority=True),
        Binding("f2", "switch_language", show=False, priority=True),
    ]

    language: reactive[str] = reactive(DEFAULT_LANGUAGE)

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.catalogue = Catalogue(config.catalogue)
        self.store = DraftStore(config.drafts_db)
        self.help_requests = HelpRequests(config.drafts_db)
        self.texts = Texts(self.catalogue.texts())
        language = config.language if config.language in LANGUAGES else DEFAULT_LANGUAGE
        self.set_reactive(KioskApp.language, language)

    def on_mount(self) -> None:
        self.theme = "textual-light"
        self.push_screen(WelcomeScreen())

    def on_unmount(self) -> None:
        self.store.close()
        self.help_requests.close()

    def t(self, key: str, **values: object) -> str:
        return self.texts.get(key, self.language, **values)

    def action_stay(self) -> None:
        """Bound to the keys that would quit or open menus: the kiosk stays as it is."""

    def action_switch_language(self) -> None:
        self.language = "en" if self.language == "zh" else "zh"

    def action_ask_for_help(self) -> None:
        if isinstance(self.screen, HelpModal):
            return
        context = getattr(self.screen, "help_context", dict)()
        request = self.help_requests.ask(self.config.kiosk_name, **context)
        self.push_screen(HelpModal(request.id))

    def go_home(self) -> None:
        """Back to the welcome screen, closing everything above it."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
