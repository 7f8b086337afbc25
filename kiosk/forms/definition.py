"""A form as data: the fields it asks, each with its type, texts and rules."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from kiosk.text import Bilingual, pick

FIELD_TYPES = (
    "name", "id_number", "phone", "date", "choice", "yes_no", "text", "number", "credit_code",
)

YES_NO = (
    {"value": "yes", "zh": "是", "en": "Yes"},
    {"value": "no", "zh": "否", "en": "No"},
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: Bilingual

    def text(self, lang: str) -> str:
        return pick(self.label, lang)


@dataclass(frozen=True)
class Condition:
    """Ask a field only when an earlier answer equals a value."""

    field: str
    equals: str

    def holds(self, values: Mapping[str, str]) -> bool:
        return values.get(self.field, "") == self.equals


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Bilingual
    hint: Bilingual = dataclass_field(default_factory=dict)
    example: Bilingual = dataclass_field(default_factory=dict)
    required: bool = True
    choices: tuple[Choice, ...] = ()
    derived_from: str | None = None
    profile: str | None = None
    when: Condition | None = None
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 200

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], lists: Mapping[str, list] | None = None) -> Field:
        kind = data["type"]
        if kind not in FIELD_TYPES:
            raise ValueError(f"field {data.get('id')!r}: unknown type {kind!r}")
        raw_choices: list = list(data.get("choices") or [])
        if data.get("choices_from"):
            raw_choices = list((lists or {})[data["choices_from"]])
        if kind == "yes_no":
            raw_choices = list(YES_NO)
        choices = tuple(
            Choice(str(c["value"]), {"zh": c["zh"], "en": c.get("en") or c["zh"]})
            for c in raw_choices
        )
        if kind == "choice" and not choices:
            raise ValueError(f"field {data['id']!r}: a choice needs choices")
        when = data.get("when")
        return cls(
            id=data["id"],
            type=kind,
            label=data["label"],
            hint=data.get("hint") or {},
            example=data.get("example") or {},
            required=bool(data.get("required", True)),
            choices=choices,
            derived_from=data.get("derived_from"),
            profile=data.get("profile"),
            when=Condition(when["field"], str(when["equals"])) if when else None,
            minimum=data.get("min"),
            maximum=data.get("max"),
            max_length=int(data.get("max_length", 200)),
        )


@dataclass(frozen=True)
class Form:
    id: str
    title: Bilingual
    fields: tuple[Field, ...]

    def field(self, field_id: str) -> Field:
        for item in self.fields:
            if item.id == field_id:
                return item
        raise KeyError(field_id)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], lists: Mapping[str, list] | None = None) -> Form:
        fields = tuple(Field.from_dict(f, lists) for f in data["fields"])
        ids = [f.id for f in fields]
        if len(set(ids)) != len(ids):
            raise ValueError(f"form {data['id']!r}: a field id is used twice")
        seen: set[str] = set()
        for item in fields:
            for ref in filter(None, (item.derived_from, item.when.field if item.when else None)):
                if ref not in seen:
                    raise ValueError(f"form {data['id']!r}: {item.id} refers to later field {ref}")
            seen.add(item.id)
        return cls(id=data["id"], title=data["title"], fields=fields)
