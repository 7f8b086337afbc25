"""Done: the resume code large, the QR for the phone, and what to do next."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from kiosk.text import pick
from screens.base import KioskScreen
from screens.form_session import FormSession
from screens.widgets.action_button import ActionButton
from screens.widgets.handoff_panel import HandoffPanel


class FinishScreen(KioskScreen):
    CSS_PATH = "handoff.tcss"

    def __init__(self, session: FormSession) -> None:
        super().__init__()
        self.session = session

    def help_context(self) -> dict:
        return {"draft_id": self.session.draft_id, "service_id": self.session.service.id,
                "step": "finish"}

    def compose(self) -> ComposeResult:
        session, lang = self.session, self.lang
        bring = self.t("list_separator").join(
            pick(m.name, lang) for m in session.materials if m.required)
        place = pick(session.service.place, lang)
        lines = []
        if bring:
            lines.append(self.t("finish_bring", materials=bring))
        if place:
            lines.append(self.t("finish_place", place=place))
        lines.append(self.t("finish_phone"))
        actions = Horizontal(
            ActionButton(self.t("done"), "Enter", id="done", classes="primary"),
            self.help_button(), self.language_button(), classes="handoff-actions")
        yield HandoffPanel(session.phone_url(self.kiosk.config.public_url), session.resume_code,
                           title=self.t("finish_title"), code_label=self.t("your_code"), lines=lines, actions=actions,
                           id="finish-panel")

    def focus_start(self) -> None:
        self.query_one("#done", Button).focus()

    def action_go_on(self) -> None:
        self.kiosk.go_home()

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.kiosk.go_home()

    def action_go_back(self) -> None:
        from screens.check_answers import CheckAnswersScreen

        self.app.switch_screen(CheckAnswersScreen(self.session))
