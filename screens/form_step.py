"""One question of the form: where you are, the question, the hint, the answer, Back / Next."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Button, Input

from kiosk.forms import Problem, check
from kiosk.text import pick
from screens.answer_text import hint_text
from screens.base import KioskScreen
from screens.follow_draft import FollowsDraft
from screens.form_session import FormSession
from screens.profile_step import OffersProfile
from screens.widgets.action_bar import ActionBar
from screens.widgets.action_button import ActionButton
from screens.widgets.date_answer import DateAnswer
from screens.widgets.notice import Notice
from screens.widgets.numbered_choices import NumberedChoices, Option
from screens.widgets.plain import Plain
from screens.widgets.question_header import QuestionHeader
from screens.widgets.top_bar import TopBar

CHOICE_TYPES = ("choice", "yes_no")
SHORT_ANSWER = 60  # names, numbers and codes: room for spaces and slips, not for a flood


class FormStepScreen(OffersProfile, FollowsDraft, KioskScreen):
    CSS_PATH = "form_step.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f3", "phone", show=False)]

    problem: reactive[Problem | None] = reactive(None, init=False)

    def __init__(self, session: FormSession, field_id: str, *, back_to_check: bool = False,
                 show_problem: bool = False) -> None:
        super().__init__()
        self.session = session
        self.field = session.form.field(field_id)
        self.back_to_check = back_to_check
        self.raw = session.values.get(field_id, "")
        if show_problem:
            self.set_reactive(FormStepScreen.problem, check(self.field, self.raw).problem)

    def help_context(self) -> dict:
        return {"draft_id": self.session.draft_id, "service_id": self.session.service.id,
                "step": self.field.id}

    # -- drawing ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        session, field, lang = self.session, self.field, self.lang
        number, total = session.position(field.id)
        where = self.t("step_of", number=number, total=total)
        yield TopBar(f"{where} · {session.service.title(lang)}",
                     self.t("resume_code_short", code=session.code_display))
        with Vertical(id="question-area"):
            yield QuestionHeader(pick(field.label, lang), hint_text(field, lang, self.t("for_example")),
                                 read_label=self.t("read_aloud"))
            yield Notice(self._problem_text(), id="problem", classes="problem")
            yield from self._answer()
            yield self.change_notice()
            yield Plain(self._next_up(), classes="next-up")
        with ActionBar():
            yield ActionButton(self.t("back"), "Esc", id="back", classes="quiet")
            yield ActionButton(self.t("next"), "Enter", id="next", classes="primary")
            yield self.help_button()
            yield ActionButton(self.t("phone_short"), "F3", id="phone", classes="quiet")
            yield self.display_button()
            yield self.language_button()

    def _answer(self) -> ComposeResult:
        field, lang = self.field, self.lang
        offer = self.profile_offer()  # given earlier in this visit: offered, not filled in
        if offer is not None:
            yield offer
        elif field.type in CHOICE_TYPES:
            yield NumberedChoices(
                [Option(c.value, c.text(lang), chosen=c.value == self.raw) for c in field.choices],
                previous_label=self.t("previous_page"), next_label=self.t("next_page"),
                page_label=self.t("page_of"), id="answer-choices")
        elif field.type == "date":
            yield DateAnswer(self.raw, id="answer-date",
                             labels=(self.t("date_year"), self.t("date_month"), self.t("date_day")))
        else:
            yield Input(self.raw, id="answer", classes=f"answer-{field.type}", select_on_focus=False,
                        max_length=field.max_length if field.type == "text" else SHORT_ANSWER)

    def _problem_text(self) -> str:
        return self.problem.text(self.lang) if self.problem else ""

    def _next_up(self) -> str:
        after = None if self.back_to_check else self.session.upcoming(self.field.id)
        if after is None:
            return self.t("next_is_check")
        return self.t("next_is", question=pick(after.label, self.lang))

    def watch_problem(self) -> None:
        self.query_one("#problem", Notice).text = self._problem_text()

    def answer_on_screen(self) -> str | None:
        return self.field.id

    async def show_outside_changes(self, replaced: set[str]) -> None:
        """The phone or a volunteer changed this very answer: show theirs in the box."""
        if self.field.id in replaced:
            self.raw = self.session.values.get(self.field.id, "")
            self.set_reactive(FormStepScreen.problem, None)
            await self.recompose()
            self.focus_start()

    def on_mount(self) -> None:
        self.session.show_step(self.field.id)

    def focus_start(self) -> None:
        if self.focus_offer():
            return
        if self.field.type in CHOICE_TYPES:
            # Only a given answer is focused: a yellow first option would look already chosen.
            chosen = self.query(".-chosen")
            if chosen:
                chosen.first().focus()
        elif self.field.type == "date":
            self.query_one(DateAnswer).focus_first_empty()
        else:
            answer = self.query_one("#answer", Input)
            answer.focus()
            answer.cursor_position = len(answer.value)

    # -- what the visitor does ----------------------------------------------------------

    @on(Input.Changed, "#answer")
    def _typed(self, event: Input.Changed) -> None:
        self.raw = event.value
        self.session.type(self.field.id, event.value)

    @on(DateAnswer.Changed)
    def _date_typed(self, event: DateAnswer.Changed) -> None:
        self.raw = event.value
        self.session.type(self.field.id, event.value)

    @on(NumberedChoices.Picked, "#answer-choices")
    def _chosen(self, event: NumberedChoices.Picked) -> None:
        self.raw = event.value
        self.go_next()

    @on(Input.Submitted, "#answer")
    @on(DateAnswer.Submitted)
    @on(Button.Pressed, "#next")
    def _next(self) -> None:
        self.go_next()

    @on(Button.Pressed, "#phone")
    def _phone(self) -> None:
        self.action_phone()

    def action_go_on(self) -> None:
        self.go_next()

    def action_phone(self) -> None:
        from screens.phone_modal import PhoneModal

        self.app.push_screen(PhoneModal(self.session))

    def go_next(self) -> None:
        if self.offer_pending():  # the visitor says "use it" or "type another" first
            self.focus_offer()
            return
        problem = self.session.answer(self.field, self.raw)
        if problem is not None:
            self.problem = problem
            return
        self.remember_answer()
        after = None if self.back_to_check else self.session.next_field(self.field.id)
        self._open(after.id if after else None)

    def action_go_back(self) -> None:
        if self.back_to_check:
            self._open(None)
            return
        before = self.session.previous_field(self.field.id)
        if before is not None:
            self._open(before.id)
            return
        from screens.service import ServiceScreen

        below = self.app.screen_stack[-2]
        if isinstance(below, ServiceScreen) and below.service.id == self.session.service.id:
            self.app.pop_screen()
        else:
            self.app.switch_screen(ServiceScreen(self.session.service, self.session))

    def _open(self, field_id: str | None) -> None:
        """Show another question, or "check your answers" when `field_id` is None."""
        from screens.check_answers import CheckAnswersScreen

        if field_id is None:
            self.app.switch_screen(CheckAnswersScreen(self.session))
        else:
            self.app.switch_screen(FormStepScreen(self.session, field_id))
