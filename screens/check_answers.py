"""Check your answers: every answer with a numbered way to change it, then Finish."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button

from kiosk.text import pick
from screens.answer_text import shown_answer
from screens.base import KioskScreen
from screens.follow_draft import FollowsDraft
from screens.form_session import CHECK_STEP, FormSession
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.notice import PROBLEM_MARK, Notice
from screens.widgets.numbered_choices import CHOSEN_MARK, NumberedChoices, Option
from screens.widgets.top_bar import TopBar


class CheckAnswersScreen(FollowsDraft, KioskScreen):
    CSS_PATH = "check_answers.tcss"

    def __init__(self, session: FormSession) -> None:
        super().__init__()
        self.session = session

    def help_context(self) -> dict:
        return {"draft_id": self.session.draft_id, "service_id": self.session.service.id,
                "step": CHECK_STEP}

    def compose(self) -> ComposeResult:
        session = self.session
        problems = session.problems()
        yield TopBar(f"{self.t('check_where')} · {session.service.title(self.lang)}",
                     self.t("resume_code_short", code=session.code_display))
        if problems:
            yield Notice(self.t("check_problems", count=len(problems)),
                         classes="summary -problems")
        else:
            yield Notice(self.t("check_all_good"), mark=CHOSEN_MARK, classes="summary -good")
        yield self.change_notice()
        yield NumberedChoices(self._options(problems), previous_label=self.t("previous_page"),
                              next_label=self.t("next_page"), page_label=self.t("page_of"),
                              max_columns=2, id="answers")
        with ActionBar():
            yield self.back_button()
            yield ActionButton(self.t("finish"), "Enter", id="finish", classes="primary")
            yield self.help_button()
            yield self.display_button()
            yield self.language_button()

    def _options(self, problems: dict) -> list[Option]:
        """One button an answer: the question, then the answer; derived answers open their source."""
        session, lang = self.session, self.lang
        asked = {f.id for f in session.steps()}
        options = []
        for field_id, value in session.answers().items():
            field = session.form.field(field_id)
            if session.will_be_derived(field):
                continue  # filled in from the ID number once that is given
            answer = shown_answer(field, value, lang) or self.t("not_answered")
            if field_id in problems:
                answer = f"{PROBLEM_MARK} {answer}  {self.t('needs_change')}"
            elif field_id not in asked:
                answer = f"{answer}  {self.t('from_id_number')}"
            opens = field_id if field_id in asked else (field.derived_from or field_id)
            joint = "  " if self.app.size.height < 30 else "\n"  # short screens: one line each
            options.append(Option(opens, f"{pick(field.label, lang)}{joint}{answer}"))
        return options

    def on_mount(self) -> None:
        self.session.show_step(CHECK_STEP)

    def focus_start(self) -> None:
        self.query_one("#finish", Button).focus()

    @on(NumberedChoices.Picked)
    def _change(self, event: NumberedChoices.Picked) -> None:
        from screens.form_step import FormStepScreen

        self.app.switch_screen(FormStepScreen(self.session, event.value, back_to_check=True))

    def action_go_on(self) -> None:
        self._finish()

    @on(Button.Pressed, "#finish")
    def _finish(self) -> None:
        from screens.finish import FinishScreen
        from screens.form_step import FormStepScreen

        problems = self.session.problems()
        if problems:
            first = next(iter(problems))
            self.app.switch_screen(FormStepScreen(self.session, first, back_to_check=True,
                                                  show_problem=True))
        else:
            self.app.switch_screen(FinishScreen(self.session))

    def action_go_back(self) -> None:
        from screens.form_step import FormStepScreen

        steps = self.session.steps()
        if steps:
            self.app.switch_screen(FormStepScreen(self.session, steps[-1].id))
