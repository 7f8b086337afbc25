"""Find a service from what a visitor types: Chinese, pinyin, initials, colloquial words.

Public surface: `Searcher(catalogue).search(query, limit=10) -> list[Hit]`.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalogue import Catalogue, Service


@dataclass(frozen=True)
class Hit:
    service: Service
    score: float
    matched: str
    reason: str = ""


class Searcher:
    """Loads the catalogue's services once; `search` is cheap enough for every keystroke."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._services = catalogue.all_services()
        words: dict[str, list[str]] = {}
        for service_id, word in catalogue.connection.execute(
                "SELECT service_id, word FROM words ORDER BY service_id, word"):
            words.setdefault(service_id, []).append(word)
        self._words = words

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        text = "".join(ch for ch in (query or "") if ch.isprintable()).strip().lower()[:50]
        if not text:
            return []
        hits: list[Hit] = []
        for position, service in enumerate(self._services):
            for candidate, score, reason in (
                    (service.name["zh"], 3.0, "name"), (service.plain["zh"], 2.5, "plain"),
                    *((w, 2.0, "word") for w in self._words.get(service.id, []))):
                if candidate and text in candidate.lower():
                    hits.append(Hit(service, score - position * 1e-6, candidate, reason))
                    break
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]


__all__ = ["Hit", "Searcher"]
