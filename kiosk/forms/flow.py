"""Which questions a visitor is asked, in which order, given the answers so far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.forms.definition import Field, Form
from kiosk.forms.derive import derive
from kiosk.forms.validate import Problem, check


@dataclass(frozen=True)
class Flow:
    form: Form

    def is_asked(self, field: Field, values: Mapping[str, str]) -> bool:
        """Derived fields are not asked when their source tells them; conditions must hold."""
        if field.when and not field.when.holds(values):
            return False
        if field.derived_from:
            source_value = values.get(field.derived_from, "")
            if derive(field, source_value):
                return False
            if not source_value and self.form.field(field.derived_from).required:
                # The source question comes first and must be answered; it will tell us.
                return False
        return True

    def steps(self, values: Mapping[str, str]) -> list[Field]:
        """The questions to ask, in order, for these answers."""
        return [f for f in self.form.fields if self.is_asked(f, values)]

    def derived_values(self, values: Mapping[str, str]) -> dict[str, str]:
        """Values filled from other answers (birth date and sex from the ID number)."""
        out: dict[str, str] = {}
        for field in self.form.fields:
            if field.derived_from:
                value = derive(field, values.get(field.derived_from, ""))
                if value:
                    out[field.id] = value
        return out

    def position(self, field_id: str, values: Mapping[str, str]) -> tuple[int, int]:
        """(step number from 1, number of steps) for a field, as shown "Step 2 of 6"."""
        steps = self.steps(values)
        ids = [f.id for f in steps]
        index = ids.index(field_id) if field_id in ids else 0
        return index + 1, len(steps)

    def next_field(self, field_id: str | None, values: Mapping[str, str]) -> Field | None:
        steps = self.steps(values)
        if field_id is None:
            return steps[0] if steps else None
        ids = [f.id for f in steps]
        if field_id not in ids:
            return steps[0] if steps else None
        index = ids.index(field_id)
        return steps[index + 1] if index + 1 < len(steps) else None

    def previous_field(self, field_id: str, values: Mapping[str, str]) -> Field | None:
        steps = self.steps(values)
        ids = [f.id for f in steps]
        if field_id not in ids:
            return None
        index = ids.index(field_id)
        return steps[index - 1] if index > 0 else None

    def problems(self, values: Mapping[str, str]) -> dict[str, Problem]:
        """Every asked question whose answer is missing or wrong, for "check your answers"."""
        found: dict[str, Problem] = {}
        for field in self.steps(values):
            result = check(field, values.get(field.id, ""))
            if result.problem:
                found[field.id] = result.problem
        return found

    def answers(self, values: Mapping[str, str]) -> dict[str, str]:
        """The answers that count: asked questions plus derived ones, nothing stale."""
        asked = {f.id: values.get(f.id, "") for f in self.steps(values)}
        asked.update(self.derived_values(values))
        return {f.id: asked[f.id] for f in self.form.fields if f.id in asked}
