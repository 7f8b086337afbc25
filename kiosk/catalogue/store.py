"""Read the built catalogue: entry groups, scenarios, services, materials and forms."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk.forms.definition import Form
from kiosk.text import pick


@dataclass(frozen=True)
class Group:
    id: str
    name: dict[str, str]


@dataclass(frozen=True)
class Scenario:
    id: str
    group_id: str
    name: dict[str, str]


@dataclass(frozen=True)
class Material:
    id: str
    name: dict[str, str]
    required: bool


@dataclass(frozen=True)
class Service:
    id: str
    name: dict[str, str]
    plain: dict[str, str]
    department: dict[str, str]
    place: dict[str, str]
    time_limit: dict[str, str]
    fee: dict[str, str]
    form_id: str
    item_code: str
    source: str

    def title(self, lang: str) -> str:
        """What a visitor calls it, falling back to the official name."""
        return pick(self.plain, lang) or pick(self.name, lang)


def _pair(row: sqlite3.Row, prefix: str) -> dict[str, str]:
    zh = row[f"{prefix}_zh"] or ""
    return {"zh": zh, "en": row[f"{prefix}_en"] or zh}


class Catalogue:
    """Read-only access to catalogue.db. Opening it never writes to the file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise FileNotFoundError(f"no catalogue at {self.path}: run `kiosk catalogue build`")
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self.form = lru_cache(maxsize=64)(self._form)

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db

    def groups(self) -> list[Group]:
        rows = self._db.execute("SELECT * FROM groups ORDER BY position")
        return [Group(r["id"], _pair(r, "name")) for r in rows]

    def scenarios(self, group_id: str) -> list[Scenario]:
        rows = self._db.execute(
            "SELECT * FROM scenarios WHERE group_id = ? ORDER BY position", (group_id,))
        return [Scenario(r["id"], r["group_id"], _pair(r, "name")) for r in rows]

    def services_in(self, scenario_id: str) -> list[Service]:
        rows = self._db.execute(
            "SELECT s.* FROM services s JOIN scenario_services x ON x.service_id = s.id"
            " WHERE x.scenario_id = ? ORDER BY x.position", (scenario_id,))
        return [self._service(r) for r in rows]

    def service(self, service_id: str) -> Service | None:
        row = self._db.execute("SELECT * FROM services WHERE id = ?", (service_id,)).fetchone()
        return self._service(row) if row else None

    def all_services(self) -> list[Service]:
        return [self._service(r) for r in self._db.execute(
            "SELECT * FROM services ORDER BY position")]

    def materials(self, service_id: str) -> list[Material]:
        rows = self._db.execute(
            "SELECT * FROM materials WHERE service_id = ? ORDER BY position", (service_id,))
        return [Material(r["id"], _pair(r, "name"), bool(r["required"])) for r in rows]

    def _form(self, form_id: str) -> Form:
        row = self._db.execute("SELECT definition FROM forms WHERE id = ?", (form_id,)).fetchone()
        if row is None:
            raise KeyError(form_id)
        return Form.from_dict(json.loads(row["definition"]))

    def form_for(self, service: Service) -> Form:
        return self.form(service.form_id)

    def texts(self) -> dict[str, dict[str, str]]:
        return {r["key"]: {"zh": r["zh"], "en": r["en"] or r["zh"]}
                for r in self._db.execute("SELECT * FROM texts")}

    def bundle_parts(self, service_id: str) -> list[Service]:
        """The services a "one thing" bundle does in one application (empty for others)."""
        if not self._has_table("bundle_parts"):
            return []
        rows = self._db.execute(
            "SELECT s.* FROM services s JOIN bundle_parts b ON b.part_id = s.id"
            " WHERE b.bundle_id = ? ORDER BY b.position", (service_id,))
        return [self._service(r) for r in rows]

    def _has_table(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (name,)).fetchone() is not None

    def stats(self) -> dict[str, int]:
        """Counts for `kiosk catalogue stats`. "Placed" means listed in a life-event scenario;
        a full form is a hand-written form other than the general appointment form, a bundle
        form is made by the build from its parts' forms."""
        def count(sql: str, *args: str) -> int:
            return self._db.execute(sql, args).fetchone()[0]

        bundles = "SELECT DISTINCT bundle_id FROM bundle_parts"
        has_bundles = self._has_table("bundle_parts")
        in_group = ("SELECT COUNT(DISTINCT x.service_id) FROM scenario_services x"
                    " JOIN scenarios c ON c.id = x.scenario_id WHERE c.group_id = ?")
        return {
            "entry_groups": count("SELECT COUNT(*) FROM groups"),
            "scenarios": count("SELECT COUNT(*) FROM scenarios"),
            "personal_scenarios": count(
                "SELECT COUNT(*) FROM scenarios WHERE group_id = 'personal'"),
            "business_scenarios": count(
                "SELECT COUNT(*) FROM scenarios WHERE group_id = 'business'"),
            "services": count("SELECT COUNT(*) FROM services"),
            "described_services": count("SELECT COUNT(*) FROM services WHERE source = 'curated'"),
            "placed_services": count("SELECT COUNT(DISTINCT service_id) FROM scenario_services"),
            "personal_items_in_scenarios": count(in_group, "personal"),
            "business_items_in_scenarios": count(in_group, "business"),
            "largest_scenario": count(
                "SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM scenario_services"
                " GROUP BY scenario_id)"),
            "services_linked_to_items": count(
                "SELECT COUNT(*) FROM services WHERE source = 'curated' AND item_name != ''"),
            "imported_items": count("SELECT COUNT(*) FROM services WHERE item_code != ''"),
            "forms": count("SELECT COUNT(*) FROM forms"),
            "full_forms": count(
                "SELECT COUNT(DISTINCT form_id) FROM services WHERE form_id != 'general-appointment'"
                + (f" AND id NOT IN ({bundles})" if has_bundles else "")),
            "bundles": count(f"SELECT COUNT(*) FROM ({bundles})") if has_bundles else 0,
            "bundle_forms": count(
                f"SELECT COUNT(*) FROM forms WHERE id IN ({bundles})") if has_bundles else 0,
            "services_with_full_forms": count(
                "SELECT COUNT(*) FROM services WHERE form_id != 'general-appointment'"),
        }

    def _service(self, r: sqlite3.Row) -> Service:
        return Service(
            id=r["id"], name=_pair(r, "name"), plain=_pair(r, "plain"),
            department=_pair(r, "department"), place=_pair(r, "place"),
            time_limit=_pair(r, "time_limit"), fee=_pair(r, "fee"), form_id=r["form_id"],
            item_code=r["item_code"], source=r["source"],
        )
