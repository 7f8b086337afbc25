"""Import a hall's official item list (the provincial portal's CSV export shape).

Bad rows are reported with their line number; good rows still load.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("department", "main_item", "name", "itemCode", "taskType", "areaCode", "link")


@dataclass(frozen=True)
class Item:
    line: int
    department: str
    name: str
    item_code: str
    task_type: str
    area_code: str
    link: str

    @property
    def service_id(self) -> str:
        """Short and stable: the same item code always gives the same id."""
        return "item-" + hashlib.sha1(self.item_code.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def read_items(path: Path | str) -> tuple[list[Item], list[RowProblem]]:
    """Every good row of the file, and a problem for every bad one (by line number)."""
    items: list[Item] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("department", "name", "itemCode") if c not in (reader.fieldnames or [])]
        if missing:
            return [], [RowProblem(1, f"the header lacks column(s): {', '.join(missing)}")]
        for row in reader:
            line = reader.line_num
            if None in row:
                problems.append(RowProblem(line, "more cells than the header has columns"))
                continue
            name = (row.get("name") or "").strip()
            code = (row.get("itemCode") or "").strip()
            department = (row.get("department") or "").strip()
            if not name:
                problems.append(RowProblem(line, "the item has no name"))
                continue
            if not code:
                problems.append(RowProblem(line, f"item {name!r} has no itemCode"))
                continue
            if not department:
                problems.append(RowProblem(line, f"item {name!r} has no department"))
                continue
            if code in seen:
                problems.append(RowProblem(line, f"itemCode repeats line {seen[code]}"))
                continue
            seen[code] = line
            items.append(Item(line, department, name, code, (row.get("taskType") or "").strip(),
                              (row.get("areaCode") or "").strip(), (row.get("link") or "").strip()))
    return items, problems
