"""What one visitor has told the kiosk during this visit (name, ID number, phone, address),
so the next form can offer it again instead of asking twice.

Kept in memory only, never in a database, and wiped when the visit ends.
"""

from __future__ import annotations

from kiosk.forms import Field


class VisitProfile:
    """Answers by their `profile:` key (fields of different forms share a key, not an id)."""

    def __init__(self) -> None:
        self._answers: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._answers)

    def remember(self, field: Field, value: str) -> None:
        """Keep a checked answer of a field that belongs to the visitor's profile."""
        if field.profile and value:
            self._answers[field.profile] = value

    def offer(self, field: Field, current: str = "") -> str | None:
        """The answer to offer for this field: one given earlier in the visit, when the field
        is still empty (a draft that has its own answer keeps it)."""
        if not field.profile or current:
            return None
        return self._answers.get(field.profile)

    def wipe(self) -> None:
        self._answers.clear()
