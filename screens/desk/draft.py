"""One visitor's draft at the desk: where they are, what is missing or wrong, and fixing it.

Answers a volunteer types are checked by kiosk.forms.check, as on the kiosk and the phone,
and saved with source "desk" and the volunteer's name, so the history says who changed
what. ID and phone numbers stay masked except in the field being edited.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Input, Static

from kiosk import handoff
from kiosk.drafts import Draft
from kiosk.forms import Field, Flow, Form, Problem, check
from kiosk.text import pick
from screens.desk.base import DeskScreen
from screens.desk.shown import answer_text, cell, clean, service_title, step_label
from screens.desk.words import status_word

POLL_SECONDS = 1.0


def typed_choice(field: Field, typed: str, lang: str) -> str:
    """A choice typed at the desk: its number in the list, its label, or its value."""
    text = typed.strip()
    if text.isdigit() and 1 <= int(text) <= len(field.choices):
        return field.choices[int(text) - 1].value
    for choice in field.choices:
        if text in (choice.value, choice.text("zh"), choice.text("en")):
            return choice.value
    return text


class DraftScreen(DeskScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", show=False),
        Binding("e", "edit", show=False),
    ]
    KEYS = (("e/Enter", "k_edit"), ("Esc", "k_back"), ("F2", "k_language"))

    def __init__(self, draft_id: str) -> None:
        super().__init__()
        self.draft_id = draft_id
        self.editing: Field | None = None
        self._seen: tuple | None = None
        self._described: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, id="title", classes="title")
        yield Static("", markup=False, id="where")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Static("", markup=False, id="detail")
        yield Input(id="editor", classes="-hidden", max_length=200)
        yield self.key_line()

    def fill(self) -> None:
        table = self.query_one("#answers", DataTable)
        table.add_column(" ", key="mark", width=1)
        table.add_column(self.w("question"), key="question", width=30)
        table.add_column(self.w("answer"), key="answer", width=24)
        table.add_column(self.w("check"), key="check", width=9)
        self._seen = self._described = self.editing = None
        self.load()

    def on_mount(self) -> None:
        # DeskScreen.on_mount fills the screen: Textual calls both handlers.
        self.set_interval(POLL_SECONDS, self.load)

    # -- reading the draft ----------------------------------------------------------------

    def _draft(self) -> Draft | None:
        try:
            return self.desk.store.get(self.draft_id)
        except KeyError:
            return None

    def _form(self, draft: Draft) -> Form | None:
        service = self.desk.catalogue.service(draft.service_id)
        return self.desk.catalogue.form_for(service) if service else None

    def load(self) -> None:
        """Show the draft as it is now; the kiosk or the phone may have changed it."""
        draft = self._draft()
        if draft is None:
            self.query_one("#title", Static).update(self.w("code_unknown"))
            return
        seen = (draft.updated, draft.step, draft.status, self.lang)
        if seen == self._seen:
            return
        self._seen = seen
        form = self._form(draft)
        catalogue, lang = self.desk.catalogue, self.lang
        code = handoff.format_resume_code(draft.resume_code)
        self.query_one("#title", Static).update(
            f"{service_title(catalogue, draft.service_id, lang)} · "
            f"{self.w('draft_code', code=code)} · {status_word(draft.status, lang)}")
        if form is None:
            return
        flow = Flow(form)
        problems = flow.problems(draft.values)
        where = self.w("draft_where",
                       step=step_label(catalogue, draft.service_id, draft.step, lang))
        count = (self.w("problems_count", n=len(problems)) if problems
                 else self.w("no_problems"))
        last = self.desk.store.history(self.draft_id)[-1:]
        who = f" · {self.w('changed_by', who=_who(last[0]))}" if last else ""
        self.query_one("#where", Static).update(f"{where} · {count}{who}")
        self._fill_rows(draft, form, flow, problems)

    def _fill_rows(self, draft: Draft, form: Form, flow: Flow,
                   problems: dict[str, Problem]) -> None:
        table = self.query_one("#answers", DataTable)
        # Keep the volunteer's row; on opening, start where the visitor is.
        keep = self._highlighted_id() if table.row_count else draft.step
        table.clear()
        derived = flow.derived_values(draft.values)
        for field in form.fields:
            asked = flow.is_asked(field, draft.values)
            if not asked and field.id not in derived:
                continue
            value = draft.values.get(field.id, "") if asked else derived[field.id]
            if not asked:
                mark = self.w("derived")
            elif field.id in problems:
                mark = self.w("missing" if problems[field.id].code == "missing" else "wrong")
            else:
                mark = self.w("ok")
            table.add_row(cell("▶" if field.id == draft.step else ""),
                          cell(pick(field.label, self.lang)),
                          cell(answer_text(field, value, self.lang)),
                          cell(mark, "bold" if field.id in problems else ""),
                          key=field.id)
        if keep and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        if self._described is None:
            self._describe()

    def _highlighted_id(self) -> str | None:
        table = self.query_one("#answers", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _highlighted_field(self) -> Field | None:
        draft, field_id = self._draft(), self._highlighted_id()
        form = self._form(draft) if draft else None
        if form is None or field_id is None:
            return None
        return form.field(field_id)

    @on(DataTable.RowHighlighted, "#answers")
    def _moved(self) -> None:
        # A rebuilt table highlights the same row again: keep what was said about it.
        if self._highlighted_id() != self._described:
            self._describe()

    def _describe(self) -> None:
        """Under the table: what is wrong with the highlighted answer, or how to answer it."""
        if self.editing is not None:
            return
        field, draft = self._highlighted_field(), self._draft()
        if field is None or draft is None:
            return
        self._described = field.id
        form = self._form(draft)
        problem = Flow(form).problems(draft.values).get(field.id) if form else None
        if problem is not None:
            self._say(problem.text(self.lang), problem=True)
        else:
            self._say(pick(field.hint, self.lang))

    def _say(self, text: str, *, problem: bool = False) -> None:
        detail = self.query_one("#detail", Static)
        detail.update(clean(text))
        detail.set_class(problem, "problem")

    # -- correcting a field ---------------------------------------------------------------

    @on(DataTable.RowSelected, "#answers")
    def action_edit(self) -> None:
        draft, field = self._draft(), self._highlighted_field()
        if draft is None or field is None:
            return
        if not draft.editable:
            self._say(self.w("not_editable"), problem=True)
            return
        form = self._form(draft)
        if form is None or not Flow(form).is_asked(field, draft.values):
            self._say(self.w("derived_not_editable"), problem=True)
            return
        self.editing = field
        editor = self.query_one("#editor", Input)
        editor.value = clean(draft.values.get(field.id, ""))
        editor.remove_class("-hidden")
        editor.focus()
        prompt = self.w("edit_prompt", label=pick(field.label, self.lang))
        if field.choices:
            listed = " ".join(f"{n}={c.text(self.lang)}" for n, c in
                              enumerate(field.choices[:12], 1))
            prompt = f"{prompt} · {self.w('choices', list=listed)}"
        self._say(prompt)

    @on(Input.Submitted, "#editor")
    def _save(self, event: Input.Submitted) -> None:
        field = self.editing
        if field is None:
            return
        typed = typed_choice(field, event.value, self.lang) if field.choices else event.value
        result = check(field, typed)
        if result.problem is not None:
            self._say(result.problem.text(self.lang), problem=True)
            return
        name = self.desk.volunteer or "desk"
        self.desk.store.save_value(self.draft_id, field.id, result.value, source="desk",
                                   actor=name)
        self._stop_editing()
        self.load()
        self._say(self.w("saved", label=pick(field.label, self.lang), name=name))

    def _stop_editing(self) -> None:
        self.editing = None
        editor = self.query_one("#editor", Input)
        editor.value = ""  # the unmasked answer does not stay on screen
        editor.add_class("-hidden")
        self.query_one("#answers", DataTable).focus()

    def action_back(self) -> None:
        if self.editing is not None:
            self._stop_editing()
            self._describe()
            return
        self.app.pop_screen()


def _who(change) -> str:
    """Who made a change, as the desk reads it: "desk 王芳", "phone", "kiosk"."""
    return clean(f"{change.source} {change.actor}" if change.actor else change.source)
