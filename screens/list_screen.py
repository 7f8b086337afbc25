"""A screen that is a title and a numbered list: groups, scenarios, services."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from screens.base import KioskScreen
from screens.widgets.action_bar import ActionBar
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar


class ListScreen(KioskScreen):
    """Subclasses give the title, the options and what a pick opens."""

    CSS_PATH = "lists.tcss"

    def where(self) -> str:
        raise NotImplementedError

    def heading(self) -> str:
        raise NotImplementedError

    def options(self) -> list[Option]:
        raise NotImplementedError

    def picked(self, value: str) -> None:
        raise NotImplementedError

    def choices(self, options: list[Option]) -> NumberedChoices:
        return NumberedChoices(options, previous_label=self.t("previous_page"),
                               next_label=self.t("next_page"), page_label=self.t("page_of"),
                               id="list")

    def compose(self) -> ComposeResult:
        yield TopBar(self.where())
        yield Plain(self.heading(), classes="screen-title")
        yield Plain(self.t("pick_hint"), classes="hint")
        yield self.choices(self.options())
        with ActionBar():
            yield self.back_button()
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    @on(NumberedChoices.Picked)
    def _picked(self, event: NumberedChoices.Picked) -> None:
        self.picked(event.value)
