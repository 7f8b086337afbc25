"""The life events of one entry group ("我要退休了")."""

from __future__ import annotations

from kiosk.catalogue import Group
from kiosk.text import pick
from screens.list_screen import ListScreen
from screens.widgets.numbered_choices import Option


class ScenariosScreen(ListScreen):
    def __init__(self, group: Group) -> None:
        super().__init__()
        self.group = group

    def where(self) -> str:
        return pick(self.group.name, self.lang)

    def heading(self) -> str:
        return self.t("scenarios_title")

    def options(self) -> list[Option]:
        return [Option(s.id, pick(s.name, self.lang))
                for s in self.kiosk.catalogue.scenarios(self.group.id)]

    def picked(self, value: str) -> None:
        from screens.services import ServicesScreen

        scenario = next(s for s in self.kiosk.catalogue.scenarios(self.group.id) if s.id == value)
        self.app.push_screen(ServicesScreen(scenario))
