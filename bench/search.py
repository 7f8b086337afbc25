"""Search cost per keystroke against a plain substring scan (real and 5,000-item catalogues)."""

from __future__ import annotations

from kiosk.catalogue import Catalogue
from kiosk.config import DEFAULT_CATALOGUE
from kiosk.search.bench import measure as measure_search
from kiosk.search.bench import report


def measure() -> list[str]:
    return [report(measure_search(Catalogue(DEFAULT_CATALOGUE)))]
