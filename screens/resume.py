"""Continue a saved form: type the 8-digit resume code from the slip or the phone.

The code of an application already submitted shows how far the window has got instead.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Button, Input

from kiosk.handoff import RESUME_CODE_DIGITS, clean_resume_code
from kiosk.window import AFTER_SUBMISSION, status_for
from screens.base import KioskScreen
from screens.form_session import FormSession
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.notice import Notice
from screens.widgets.plain import Plain
from screens.widgets.top_bar import TopBar
from screens.widgets.typed_code import TypedCode

CODE_CHARACTERS = r"[0-9０-９ \-]*"


class ResumeScreen(KioskScreen):
    CSS_PATH = "form_step.tcss"

    not_found: reactive[bool] = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield TopBar(self.t("welcome_resume"))
        yield Plain(self.t("resume_question"), classes="question")
        yield Plain(self.t("resume_hint"), classes="hint")
        yield Notice(self._problem_text(), id="problem", classes="problem")
        yield Input(self.typed, id="resume-code", restrict=CODE_CHARACTERS, max_length=12)
        yield TypedCode(self.typed, id="typed-code")
        with ActionBar():
            yield self.back_button()
            yield ActionButton(self.t("open_form"), "Enter", id="open", classes="primary")
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def _problem_text(self) -> str:
        if not self.not_found:
            return ""
        digits = len(clean_resume_code(self.typed))
        if digits != RESUME_CODE_DIGITS:  # say what is wrong, as every other question does
            return self.t("resume_wrong_length", count=digits)
        return self.t("resume_not_found")

    def watch_not_found(self) -> None:
        self.query_one("#problem", Notice).text = self._problem_text()

    @on(Input.Changed, "#resume-code")
    def _typed(self, event: Input.Changed) -> None:
        self.typed = event.value
        self.query_one("#typed-code", TypedCode).show(event.value)

    def action_go_on(self) -> None:
        self._open()

    @on(Input.Submitted, "#resume-code")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        from screens.check_answers import CheckAnswersScreen
        from screens.form_step import FormStepScreen

        kiosk = self.kiosk
        session = FormSession.resume(kiosk.store, kiosk.catalogue, self.typed)
        if session is None and self._show_status():
            return
        if session is None:
            self.not_found = True
            self.watch_not_found()  # the same flag again, with other words maybe
            self.query_one("#resume-code", Input).focus()
            return
        field = session.where_to_resume()
        if field is None:
            self.app.switch_screen(CheckAnswersScreen(session))
        else:
            self.app.switch_screen(FormStepScreen(session, field.id))

    def _show_status(self) -> bool:
        """A submitted application's code opens its status, not the form: it is finished."""
        from screens.application_status import ApplicationStatusScreen

        kiosk = self.kiosk
        draft = kiosk.store.find_by_code(self.typed)
        if draft is None or draft.status not in AFTER_SUBMISSION:
            return False
        service = kiosk.catalogue.service(draft.service_id)
        window = status_for(kiosk.store, draft.id)
        if service is None or window is None:
            return False
        self.app.switch_screen(ApplicationStatusScreen(draft, service, window))
        return True
