"""The kiosk's own words, looked up by key in the catalogue's texts table (from assets/texts.yaml)."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.text import pick


class Texts:
    """Every UI string in both languages; a missing key shows as itself so it is noticed."""

    def __init__(self, table: Mapping[str, Mapping[str, str]]) -> None:
        self._table = dict(table)

    def __contains__(self, key: str) -> bool:
        return key in self._table

    def get(self, key: str, lang: str, **values: object) -> str:
        entry = self._table.get(key)
        if entry is None:
            return key
        text = pick(entry, lang)
        return text.format(**values) if values else text
