"""Small statistics for side-by-side measurements: median, spread, ratio."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    name: str
    ours: list[float]
    floor: list[float]
    unit: str
    goal: str
    higher_is_better: bool = False

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / statistics.median(self.floor)

    def line(self) -> str:
        def spread(values: list[float]) -> str:
            return f"{statistics.median(values):.4g} {self.unit} [{min(values):.4g}-{max(values):.4g}]"

        return (f"{self.name:34} ratio {self.ratio:5.2f}x  (goal {self.goal})  "
                f"ours {spread(self.ours)}  floor {spread(self.floor)}  n={len(self.ours)}")
