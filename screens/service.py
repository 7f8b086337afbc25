"""One service: its names, what to bring, where, how long, the fee, and a big Start."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button

from kiosk.catalogue import Service
from kiosk.text import pick
from screens.base import KioskScreen
from screens.form_session import FormSession
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar


class ServiceScreen(KioskScreen):
    CSS_PATH = "service.tcss"

    def __init__(self, service: Service, session: FormSession | None = None) -> None:
        super().__init__()
        self.service = service
        self.session = session

    def help_context(self) -> dict:
        draft_id = self.session.draft_id if self.session else None
        return {"service_id": self.service.id, "draft_id": draft_id, "step": "service"}

    def compose(self) -> ComposeResult:
        lang = self.lang
        service = self.service
        code = self.t("resume_code_short", code=self.session.code_display) if self.session else ""
        yield TopBar(self.t("service_where"), code)
        with VerticalScroll(id="service-body"):
            yield Plain(service.title(lang), classes="screen-title")
            official = pick(service.name, lang)
            if official != service.title(lang):
                yield Plain(self.t("official_name", name=official), classes="official-name")
            yield from self._facts()
        with ActionBar():
            yield self.back_button()
            start = "continue_form" if self.session else "start"
            yield ActionButton(self.t(start), "Enter", id="start", classes="primary")
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def _facts(self) -> ComposeResult:
        lang = self.lang
        materials = self.kiosk.catalogue.materials(self.service.id)
        if materials:
            yield Plain(self.t("bring_title"), classes="fact-title")
            for material in materials:
                note = "" if material.required else self.t("if_you_have")
                yield Plain(f"• {pick(material.name, lang)}{note}", classes="material")
        for key, text in (("where_title", self.service.place),
                          ("time_title", self.service.time_limit),
                          ("fee_title", self.service.fee)):
            if pick(text, lang):
                yield Plain(f"{self.t(key)}{pick(text, lang)}", classes="fact")

    def focus_start(self) -> None:
        for start in self.query("#start"):  # none while the screen is being closed
            start.focus()

    async def on_screen_resume(self) -> None:
        """Back from the form: show its resume code and "Continue" instead of "Start"."""
        if self.session is not None and not self.query("TopBar #code"):
            await self.recompose()
            self.focus_start()

    def action_go_on(self) -> None:
        self._start()

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        from screens.check_answers import CheckAnswersScreen
        from screens.form_step import FormStepScreen

        kiosk = self.kiosk
        if self.session is None:
            earlier = kiosk.visit_sessions.get(self.service.id)
            if earlier is not None and kiosk.store.get(earlier.draft_id).editable:
                self.session = earlier
            else:
                self.session = FormSession.start(kiosk.store, kiosk.catalogue, self.service,
                                                 kiosk=kiosk.config.kiosk_name,
                                                 language=self.lang)
                kiosk.visit_sessions[self.service.id] = self.session
        field = self.session.where_to_resume()
        if field is None:
            self.app.push_screen(CheckAnswersScreen(self.session))
        else:
            self.app.push_screen(FormStepScreen(self.session, field.id))
