"""The entry groups: personal life events, business, and so on."""

from __future__ import annotations

from kiosk.text import pick
from screens.list_screen import ListScreen
from screens.widgets.numbered_choices import Option


class GroupsScreen(ListScreen):
    def where(self) -> str:
        return self.t("welcome_by_life_event")

    def heading(self) -> str:
        return self.t("groups_title")

    def options(self) -> list[Option]:
        return [Option(g.id, pick(g.name, self.lang)) for g in self.kiosk.catalogue.groups()]

    def picked(self, value: str) -> None:
        from screens.scenarios import ScenariosScreen

        group = next(g for g in self.kiosk.catalogue.groups() if g.id == value)
        self.app.push_screen(ScenariosScreen(group))
