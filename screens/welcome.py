"""The first screen: four big numbered ways in, and the language switch."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from screens.base import KioskScreen
from screens.widgets.action_bar import ActionBar
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar

WAYS_IN = ("by_life_event", "search", "resume", "ask_help")


class WelcomeScreen(KioskScreen):
    CSS_PATH = "lists.tcss"

    def compose(self) -> ComposeResult:
        yield TopBar(self.t("hall_name"))
        yield Plain(self.t("welcome_title"), classes="screen-title")
        yield NumberedChoices([Option(way, self.t(f"welcome_{way}")) for way in WAYS_IN],
                              previous_label=self.t("previous_page"),
                              next_label=self.t("next_page"), page_label=self.t("page_of"),
                              max_columns=2, grow=4, id="ways-in")
        with ActionBar():
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def action_go_back(self) -> None:
        """The first screen has nothing behind it."""

    @on(NumberedChoices.Picked)
    def _picked(self, event: NumberedChoices.Picked) -> None:
        from screens.groups import GroupsScreen
        from screens.resume import ResumeScreen
        from screens.search import SearchScreen

        if event.value == "by_life_event":
            self.app.push_screen(GroupsScreen())
        elif event.value == "search":
            self.app.push_screen(SearchScreen())
        elif event.value == "resume":
            self.app.push_screen(ResumeScreen())
        else:
            self.kiosk.action_ask_for_help()
