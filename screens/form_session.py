"""One visitor filling one form: the draft, its answers and the order of questions.

No Textual here: the screens ask this object what to show and tell it what was typed,
and it saves every change to the drafts store the moment it happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from kiosk import handoff
from kiosk.catalogue import Catalogue, Material, Service
from kiosk.drafts import Draft, DraftStore
from kiosk.forms import Field, Flow, Form, Problem, check
from kiosk.text import neutralise

CHECK_STEP = "check"


@dataclass
class FormSession:
    store: DraftStore
    service: Service
    form: Form
    draft_id: str
    resume_code: str
    values: dict[str, str]
    materials: list[Material] = dataclass_field(default_factory=list)
    saved_step: str | None = None
    _phone_token: str | None = None

    @property
    def flow(self) -> Flow:
        return Flow(self.form)

    @classmethod
    def start(cls, store: DraftStore, catalogue: Catalogue, service: Service, *, kiosk: str,
              language: str) -> FormSession:
        """A new draft for `service`, created when the visitor presses Start."""
        draft = store.create(service.id, kiosk=kiosk, language=language)
        return cls._from_draft(store, catalogue, service, draft)

    @classmethod
    def resume(cls, store: DraftStore, catalogue: Catalogue, typed_code: str) -> FormSession | None:
        """The session of a live, open draft with this resume code; None for anything else."""
        draft = store.find_by_code(typed_code)
        if draft is None or not draft.editable:
            return None
        service = catalogue.service(draft.service_id)
        if service is None:
            return None
        return cls._from_draft(store, catalogue, service, draft)

    @classmethod
    def _from_draft(cls, store: DraftStore, catalogue: Catalogue, service: Service,
                    draft: Draft) -> FormSession:
        # Made safe on the way in too: the screen must never run what another writer stored.
        values = {field_id: neutralise(value) for field_id, value in draft.values.items()}
        return cls(store=store, service=service, form=catalogue.form_for(service),
                   draft_id=draft.id, resume_code=draft.resume_code, values=values,
                   materials=catalogue.materials(service.id), saved_step=draft.step)

    # -- what the visitor sees ---------------------------------------------------------

    @property
    def code_display(self) -> str:
        return handoff.format_resume_code(self.resume_code)

    def steps(self) -> list[Field]:
        return self.flow.steps(self.values)

    def will_be_derived(self, item: Field, current: str | None = None) -> bool:
        """A question that an answer still to come (or being typed) will fill, like the sex
        from the ID number: not counted, and not announced as the next question."""
        source = item.derived_from
        if source is None:
            return False
        if source == current:
            return True
        return self.form.field(source).required and not self.values.get(source)

    def position(self, field_id: str) -> tuple[int, int]:
        """("Step 2 of 6"), counted so that the total does not shrink once the ID is given."""
        steps = [f.id for f in self.steps()
                 if f.id == field_id or not self.will_be_derived(f)]
        index = steps.index(field_id) if field_id in steps else 0
        return index + 1, len(steps)

    def upcoming(self, field_id: str) -> Field | None:
        """The question most likely asked after this one, to say what comes next."""
        steps = self.steps()
        ids = [f.id for f in steps]
        later = steps[ids.index(field_id) + 1:] if field_id in ids else []
        return next((f for f in later if not self.will_be_derived(f, field_id)), None)

    def next_field(self, field_id: str) -> Field | None:
        return self.flow.next_field(field_id, self.values)

    def previous_field(self, field_id: str) -> Field | None:
        return self.flow.previous_field(field_id, self.values)

    def problems(self) -> dict[str, Problem]:
        """What is missing or wrong; not what the ID number, once given, will fill in."""
        return {field_id: problem for field_id, problem in self.flow.problems(self.values).items()
                if not self.will_be_derived(self.form.field(field_id))}

    def answers(self) -> dict[str, str]:
        return self.flow.answers(self.values)

    def where_to_resume(self) -> Field | None:
        """The question to open: the saved step, else the first; None means check answers."""
        steps = self.steps()
        if self.saved_step == CHECK_STEP or not steps:
            return None
        for item in steps:
            if item.id == self.saved_step:
                return item
        return steps[0]

    # -- what the visitor does ---------------------------------------------------------

    def type(self, field_id: str, raw: str) -> None:
        """Keep what was typed, exactly (made safe), the moment it changes."""
        value = neutralise(raw)
        self.values[field_id] = value
        self.store.save_value(self.draft_id, field_id, value, source="kiosk")

    def answer(self, item: Field, raw: str) -> Problem | None:
        """Check an answer; a good one is saved in its normalised form, a bad one kept as typed."""
        result = check(item, raw)
        if result.problem is not None:
            self.type(item.id, raw)
            return result.problem
        self.type(item.id, result.value)
        return None

    def show_step(self, step: str) -> None:
        self.saved_step = step
        self.store.set_step(self.draft_id, step)

    def phone_url(self, public_url: str) -> str:
        """The link the QR carries; one token per session, so the QR does not change."""
        if self._phone_token is None:
            self._phone_token = self.store.issue_token(self.draft_id)
        return handoff.phone_url(public_url, self._phone_token)
