"""The kiosk application: opens the catalogue and the drafts, holds the visit (language, look,
text size, the answers to offer again) and ends it when the visitor is done or gone."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from kiosk.catalogue import Catalogue
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.help_requests import HelpRequests
from kiosk.staff import KioskDefaults, load_defaults
from kiosk.text import DEFAULT_LANGUAGE, LANGUAGES
from kiosk.visit_profile import VisitProfile
from screens.help_modal import HelpModal
from screens.text_size import next_size
from screens.texts import Texts
from screens.themes import DEFAULT_COLOURS, THEMES, theme_name
from screens.visit import IdleWatch, StaffKeys
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
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (90, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "stay", show=False, priority=True),
        Binding("ctrl+q", "stay", show=False, priority=True),
        Binding("ctrl+p", "stay", show=False, priority=True),
        Binding("ctrl+z", "stay", show=False, priority=True),
        Binding("f1", "ask_for_help", show=False, priority=True),
        Binding("f2", "switch_language", show=False, priority=True),
        Binding("f5", "switch_theme", show=False, priority=True),
        Binding("f6", "read_aloud", show=False, priority=True),
        Binding("f7", "next_text_size", show=False, priority=True),
        Binding("f12", "staff_key", show=False, priority=True),
    ]

    language: reactive[str] = reactive(DEFAULT_LANGUAGE)
    text_size: reactive[str] = reactive("large")

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.catalogue = Catalogue(config.catalogue)
        self.store = DraftStore(config.drafts_db)
        self.help_requests = HelpRequests(config.drafts_db)
        self.texts = Texts(self.catalogue.texts())
        language = config.language if config.language in LANGUAGES else DEFAULT_LANGUAGE
        self.defaults: KioskDefaults = load_defaults(config.data_dir, language)
        self.set_reactive(KioskApp.language, self.defaults.language)
        self.set_reactive(KioskApp.text_size, self.defaults.text_size)
        self.profile = VisitProfile()  # in memory only, wiped when the visit ends
        # The forms this visitor started, by service: going back and choosing the same
        # service again reopens that draft instead of starting an empty one.
        self.visit_sessions: dict[str, object] = {}
        self.idle = IdleWatch(self, config.idle_seconds, config.idle_countdown_seconds)
        self.staff_keys = StaffKeys()
        for theme in THEMES.values():
            self.register_theme(theme)
        self.theme = theme_name(self.defaults.theme)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The kiosk's colours, known before any theme is applied (the stylesheets use them)."""
        return {**super().get_theme_variable_defaults(), **DEFAULT_COLOURS}

    def on_mount(self) -> None:
        self.push_screen(WelcomeScreen())
        self.idle.start()

    async def on_event(self, event: events.Event) -> None:
        # Any key or tap, wherever it goes, is a sign the visitor is still here.
        if isinstance(event, (events.Key, events.MouseDown, events.Click)):
            self.idle.activity()
        await super().on_event(event)

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

    @property
    def look(self) -> str:
        """The colours the visitor sees: "default" or "contrast"."""
        return "contrast" if self.theme == theme_name("contrast") else "default"

    def set_look(self, look: str) -> None:
        self.theme = theme_name(look)

    def action_switch_theme(self) -> None:
        self.set_look("default" if self.look == "contrast" else "contrast")

    def action_next_text_size(self) -> None:
        self.text_size = next_size(self.text_size)

    def action_read_aloud(self) -> None:
        from screens.widgets.question_header import QuestionHeader

        for header in self.screen.query(QuestionHeader):
            header.read_aloud()

    def action_show_display(self) -> None:
        from screens.display_modal import DisplayModal

        if not isinstance(self.screen, DisplayModal):
            self.push_screen(DisplayModal())

    def action_staff_key(self) -> None:
        if self.staff_keys.pressed():
            self.open_staff_pin()

    def open_staff_pin(self) -> None:
        from screens.staff_menu import StaffMenu, StaffPinModal

        if not isinstance(self.screen, (StaffPinModal, StaffMenu)):
            self.push_screen(StaffPinModal())

    def go_home(self) -> None:
        """The visitor is done: back to the welcome screen, with nothing of theirs left."""
        self.end_visit()

    def visit_is_blank(self) -> bool:
        """Nothing of a visitor's on screen or in memory: the welcome screen, as it starts."""
        return len(self.screen_stack) <= 2 and not self.profile

    def end_visit(self) -> None:
        """Close everything above the welcome screen, forget the answers to offer again and
        put the kiosk's own language, colours and text size back. Drafts stay saved."""
        self.profile.wipe()
        self.visit_sessions.clear()
        self.help_requests.cancel_for_kiosk(self.config.kiosk_name)
        while len(self.screen_stack) > 2:
            self.pop_screen()
        defaults = self.defaults
        self.set_look(defaults.theme)
        self.text_size = defaults.text_size
        self.language = defaults.language
