"""The services of one life event, by the names people use."""

from __future__ import annotations

from kiosk.catalogue import Scenario
from kiosk.text import pick
from screens.list_screen import ListScreen
from screens.widgets.numbered_choices import Option


class ServicesScreen(ListScreen):
    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def where(self) -> str:
        return pick(self.scenario.name, self.lang)

    def heading(self) -> str:
        return self.t("services_title")

    def options(self) -> list[Option]:
        return [Option(s.id, s.title(self.lang))
                for s in self.kiosk.catalogue.services_in(self.scenario.id)]

    def picked(self, value: str) -> None:
        from screens.service import ServiceScreen

        service = self.kiosk.catalogue.service(value)
        if service is not None:
            self.app.push_screen(ServiceScreen(service))
