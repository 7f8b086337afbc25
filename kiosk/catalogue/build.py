"""Build catalogue.db from the sources in assets/ (YAML written by staff, CSV item lists).

Deterministic: the same sources always give the same rows in the same order, so a test can
tell when the committed database is stale.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import sqlite_utils
import yaml

from kiosk.catalogue.items import Item, RowProblem, read_items
from kiosk.forms.definition import Form

GENERAL_FORM = "general-appointment"


class CatalogueError(ValueError):
    """The sources disagree with each other; the message says where."""


def _texts(prefix: str, value: dict | None) -> dict[str, str]:
    value = value or {}
    return {f"{prefix}_zh": value.get("zh", ""), f"{prefix}_en": value.get("en", "")}


def load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _service_row(position: int, data: dict) -> dict:
    row = {"id": data["id"], "position": position}
    if data.get("bundle"):
        data = {**data, "form": data["id"]}  # a bundle's form is generated under its own id
    for key in ("name", "plain", "department", "place", "time_limit", "fee"):
        row.update(_texts(key, data.get(key)))
    row.update({
        "form_id": data.get("form") or GENERAL_FORM,
        "item_name": data.get("item") or "",
        "item_code": "", "task_type": "", "link": "", "source": "curated",
    })
    return row


def _item_row(position: int, item: Item) -> dict:
    return {
        "id": item.service_id, "position": position,
        "name_zh": item.name, "name_en": "", "plain_zh": "", "plain_en": "",
        "department_zh": item.department, "department_en": "",
        "place_zh": "", "place_en": "", "time_limit_zh": "", "time_limit_en": "",
        "fee_zh": "", "fee_en": "", "form_id": GENERAL_FORM, "item_name": item.name,
        "item_code": item.item_code, "task_type": item.task_type, "link": item.link,
        "source": "items",
    }


def create_schema(db: sqlite_utils.Database) -> None:
    db["groups"].create({"id": str, "position": int, "name_zh": str, "name_en": str},
                        pk="id", if_not_exists=True)
    db["scenarios"].create({"id": str, "group_id": str, "position": int, "name_zh": str,
                            "name_en": str}, pk="id", if_not_exists=True)
    db["scenario_services"].create({"scenario_id": str, "service_id": str, "position": int},
                                   pk=("scenario_id", "service_id"), if_not_exists=True)
    db["services"].create({
        "id": str, "position": int, "name_zh": str, "name_en": str, "plain_zh": str,
        "plain_en": str, "department_zh": str, "department_en": str, "place_zh": str,
        "place_en": str, "time_limit_zh": str, "time_limit_en": str, "fee_zh": str,
        "fee_en": str, "form_id": str, "item_name": str, "item_code": str, "task_type": str,
        "link": str, "source": str,
    }, pk="id", if_not_exists=True)
    db["materials"].create({"service_id": str, "position": int, "id": str, "name_zh": str,
                            "name_en": str, "required": int},
                           pk=("service_id", "id"), if_not_exists=True)
    db["words"].create({"service_id": str, "word": str}, pk=("service_id", "word"),
                       if_not_exists=True)
    db["forms"].create({"id": str, "title_zh": str, "title_en": str, "definition": str},
                       pk="id", if_not_exists=True)
    db["texts"].create({"key": str, "zh": str, "en": str}, pk="key", if_not_exists=True)
    db["bundle_parts"].create({"bundle_id": str, "part_id": str, "position": int},
                              pk=("bundle_id", "part_id"), if_not_exists=True)


def import_items(db: sqlite_utils.Database, csv_path: Path) -> tuple[int, list[RowProblem]]:
    """Add a hall's item list to a catalogue; items a curated service stands for are linked
    to it instead of listed twice. Returns how many items loaded and the bad rows."""
    items, problems = read_items(csv_path)
    curated = {row["item_name"]: row["id"] for row in db.query(
        "SELECT id, item_name FROM services WHERE source = 'curated' AND item_name != ''")}
    start = db.execute("SELECT COALESCE(MAX(position), 0) FROM services").fetchone()[0] + 1
    rows = []
    for offset, item in enumerate(items):
        if item.name in curated:  # linked once; a second item of the same name is listed
            db["services"].update(curated.pop(item.name), {
                "item_code": item.item_code, "task_type": item.task_type, "link": item.link})
            continue
        rows.append(_item_row(start + offset, item))
    db["services"].upsert_all(rows, pk="id")
    return len(items), problems


def _load_forms(assets: Path) -> dict[str, Form]:
    lists_path = assets / "forms" / "lists.yaml"
    lists = load_yaml(lists_path) if lists_path.exists() else {}
    forms: dict[str, Form] = {}
    for path in sorted((assets / "forms").glob("*.yaml")):
        if path.name == "lists.yaml":
            continue
        data = load_yaml(path)
        try:
            forms[data["id"]] = Form.from_dict(data, lists)
        except (KeyError, ValueError) as error:
            raise CatalogueError(f"{path.name}: {error}") from error
    return forms


def _form_json(form: Form) -> str:
    """The form with shared choice lists written out, so each definition stands alone."""
    fields = []
    for f in form.fields:
        item: dict[str, Any] = {"id": f.id, "type": f.type, "label": f.label}
        optional = {
            "hint": f.hint or None, "example": f.example or None,
            "required": None if f.required else False,
            "choices": [{"value": c.value, **c.label} for c in f.choices] or None,
            "derived_from": f.derived_from, "profile": f.profile,
            "when": {"field": f.when.field, "equals": f.when.equals} if f.when else None,
            "min": f.minimum, "max": f.maximum,
            "max_length": f.max_length if f.max_length != 200 else None,
        }
        item.update({k: v for k, v in optional.items() if v is not None})
        if f.type == "yes_no":
            item.pop("choices", None)
        fields.append(item)
    return json.dumps({"id": form.id, "title": form.title, "fields": fields},
                      ensure_ascii=False, sort_keys=True)


# -- "one thing" bundles ----------------------------------------------------------------

SHARED_KEYS = ("type", "choices")  # same id and these the same: the same question


def _same_question(a: dict, b: dict) -> bool:
    return all(a.get(key) == b.get(key) for key in SHARED_KEYS)


def _widen(kept: dict, dropped: dict) -> None:
    """The question kept for two parts is asked whenever either part would ask it."""
    if kept.get("when") and kept["when"] != dropped.get("when"):
        del kept["when"]
    if kept.get("required") is False and dropped.get("required", True):
        del kept["required"]


def _prefixed(part_id: str, field_id: str) -> str:
    return f"{part_id.replace('-', '_')}_{field_id}"


def merge_forms(bundle: dict, parts: list[tuple[dict, dict]]) -> dict:
    """The form of a bundle: the forms of its parts in order, each shared question asked once.

    `parts` holds (service, form as a dict) pairs. A question is shared when an earlier part
    already asks one with the same `profile` (the visitor's own name, ID number, phone,
    address), or with the same id, type and choices; it is then left out (the one kept is
    asked whenever either would be), and the part's later questions that refer to it
    (`when`, `derived_from`) refer to the one kept. Any other question whose id is taken gets
    the part's id in front (`hukou-cancel` + `reason` -> `hukou_cancel_reason`).

    The bundle may also say, in services.yaml:
    - `bundle_answers: {field: value}`: questions the bundle answers itself (in the birth
      bundle every part is for the child). They are not asked; a question that depends on
      one is asked always when the answer matches its `when`, never when it does not.
    - `bundle_skip: [field ids]`: questions not asked because the bundle produces the answer
      (a new company's credit code comes with its licence). Questions that depend on them
      are not asked either.
    - `bundle_choose: true`: the visitor first says whether all parts are wanted, and if not,
      a yes or no for each (the company-listing certificates); asked after the parts' questions.
    """
    fixed = {str(k): str(v) for k, v in (bundle.get("bundle_answers") or {}).items()}
    dropped = set(bundle.get("bundle_skip") or []) | set(fixed)
    fields: list[dict] = []
    by_id: dict[str, dict] = {}
    by_profile: dict[str, str] = {}
    for service, form in parts:
        renamed: dict[str, str] = {}
        gone: set[str] = set(dropped)  # this part's questions that are not asked
        for original in form["fields"]:
            field = json.loads(json.dumps(original))  # a copy we may change
            fid = field["id"]
            when = field.get("when")
            if fid in dropped or (when and when["field"] in gone) or (
                    field.get("derived_from") in gone):
                if when and when["field"] in fixed and fixed[when["field"]] == when["equals"] \
                        and fid not in dropped:
                    del field["when"]  # the bundle's own answer makes it always asked
                else:
                    gone.add(fid)
                    continue
            if field.get("derived_from") in renamed:
                field["derived_from"] = renamed[field["derived_from"]]
            if field.get("when") and field["when"]["field"] in renamed:
                field["when"] = {**field["when"], "field": renamed[field["when"]["field"]]}
            profile = field.get("profile")
            if profile and profile in by_profile:
                renamed[fid] = by_profile[profile]
                continue
            if fid in by_id and _same_question(by_id[fid], field):
                _widen(by_id[fid], field)
                renamed[fid] = fid
                continue
            if fid in by_id:
                new_id = _prefixed(service["id"], fid)
                if new_id in by_id:
                    raise CatalogueError(f"bundle {bundle['id']}: cannot give {fid} of "
                                         f"{service['id']} an id of its own")
                field["id"] = new_id
            renamed[fid] = field["id"]
            by_id[field["id"]] = field
            if profile:
                by_profile[profile] = field["id"]
            fields.append(field)
    if bundle.get("bundle_choose"):  # after what the parts share: which parts
        count = len(parts)
        asked = {"wanted", *("need_" + p["id"].replace("-", "_") for p, _ in parts)}
        if asked & {f["id"] for f in fields}:
            raise CatalogueError(f"bundle {bundle['id']}: a part asks a question named "
                                 "wanted or need_<part>, which the bundle asks itself")
        fields.append({
            "id": "wanted", "type": "choice",
            "label": {"zh": "这些事项您都要办吗？", "en": "Do you need all of these?"},
            "hint": {"zh": f"一共{count}项，大多数人都要，例如：不清楚就选“全部都要”",
                     "en": f"There are {count}; most people need all of them, for example "
                           "choose All of them if you are not sure"},
            "choices": [{"value": "all", "zh": f"全部都要（共{count}项）",
                         "en": f"All of them ({count})"},
                        {"value": "some", "zh": "只要其中几项", "en": "Only some of them"}],
        })
        for service, _ in parts:
            plain = service.get("plain") or service["name"]
            department = service.get("department") or {}
            fields.append({
                "id": "need_" + service["id"].replace("-", "_"), "type": "yes_no",
                "label": {"zh": f"要{plain['zh']}吗？", "en": f"{plain['en']}?"},
                "hint": {"zh": f"由{department.get('zh', '')}出具。要就选“是”，不要就选“否”",
                         "en": f"From the {department.get('en', '')}. Yes if you need it, "
                               "No if not"},
                "when": {"field": "wanted", "equals": "some"},
            })
    return {"id": bundle["id"], "title": bundle["name"], "fields": fields}


def _bundle_materials(bundle: dict, parts: list[dict]) -> list[dict]:
    """The bundle's own materials, then every part's that is not there yet (by id or by
    name). A bundle material may name, in `covers`, part materials it stands for (one ID
    card for every part); those are not added again."""
    materials = []
    seen: set[str] = set()
    for material in bundle.get("materials") or []:
        seen.update((material["id"], material["name"]["zh"], *(material.get("covers") or [])))
        materials.append({k: v for k, v in material.items() if k != "covers"})
    for part in parts:
        for material in part.get("materials") or []:
            if material["id"] in seen or material["name"]["zh"] in seen:
                continue
            seen.update((material["id"], material["name"]["zh"]))
            materials.append(material)
    return materials


def _bundle_forms(services: list[dict], forms: dict[str, Form]) -> dict[str, Form]:
    by_id = {s["id"]: s for s in services}
    made: dict[str, Form] = {}
    for bundle in services:
        part_ids = bundle.get("bundle") or []
        if not part_ids:
            continue
        where = f"services.yaml: bundle {bundle['id']}"
        if bundle.get("form"):
            raise CatalogueError(f"{where} has a form: a bundle's form is made from its parts")
        if bundle["id"] in forms:
            raise CatalogueError(f"{where}: forms/{bundle['id']}.yaml would be replaced")
        parts = []
        for part_id in part_ids:
            part = by_id.get(part_id)
            if part is None:
                raise CatalogueError(f"{where} names unknown service {part_id}")
            if part.get("bundle"):
                raise CatalogueError(f"{where}: part {part_id} is a bundle itself")
            if not part.get("form"):
                raise CatalogueError(f"{where}: part {part_id} has no form of its own")
            parts.append((part, json.loads(_form_json(forms[part["form"]]))))
        merged = merge_forms(bundle, parts)
        try:
            made[bundle["id"]] = Form.from_dict(merged)
        except (KeyError, ValueError) as error:
            raise CatalogueError(f"{where}: {error}") from error
        bundle["materials"] = _bundle_materials(bundle, [p for p, _ in parts])
    return made


def build(assets: Path, output: Path) -> dict[str, Any]:
    """Write a fresh catalogue at `output` from `assets`; returns what was built."""
    forms = _load_forms(assets)
    if GENERAL_FORM not in forms:
        raise CatalogueError(f"forms/{GENERAL_FORM}.yaml is missing: every service needs it")
    services = (load_yaml(assets / "catalogue" / "services.yaml") or {}).get("services", [])
    groups = (load_yaml(assets / "catalogue" / "groups.yaml") or {}).get("groups", [])
    texts_path = assets / "texts.yaml"
    texts = (load_yaml(texts_path) or {}) if texts_path.exists() else {}

    service_ids = [s["id"] for s in services]
    if len(set(service_ids)) != len(service_ids):
        raise CatalogueError("services.yaml: a service id is used twice")
    for s in services:
        if s.get("form") and s["form"] not in forms:
            raise CatalogueError(f"services.yaml: {s['id']} names missing form {s['form']!r}")
    services = [dict(s) for s in services]  # bundles get their materials filled in
    bundle_forms = _bundle_forms(services, forms)
    written = len(forms)
    forms = {**forms, **bundle_forms}

    temporary = output.with_suffix(".building")
    if temporary.exists():
        temporary.unlink()
    db = sqlite_utils.Database(temporary)
    create_schema(db)
    db["forms"].insert_all(
        {"id": f.id, "title_zh": f.title.get("zh", ""), "title_en": f.title.get("en", ""),
          "definition": _form_json(f)} for f in sorted(forms.values(), key=lambda f: f.id))
    db["services"].insert_all(_service_row(i, s) for i, s in enumerate(services, 1))
    db["materials"].insert_all(
        {"service_id": s["id"], "position": i, "id": m["id"],
         "name_zh": m["name"].get("zh", ""), "name_en": m["name"].get("en", ""),
         "required": int(bool(m.get("required", True)))}
        for s in services for i, m in enumerate(s.get("materials") or [], 1))
    db["words"].insert_all(
        {"service_id": s["id"], "word": w}
        for s in services for w in sorted({str(w) for w in s.get("words") or []}))
    known = set(service_ids)
    for g_pos, group in enumerate(groups, 1):
        db["groups"].insert({"id": group["id"], "position": g_pos, **_texts("name", group["name"])})
        for s_pos, scenario in enumerate(group.get("scenarios") or [], 1):
            db["scenarios"].insert({"id": scenario["id"], "group_id": group["id"],
                                    "position": s_pos, **_texts("name", scenario["name"])})
            for position, service_id in enumerate(scenario.get("services") or [], 1):
                if service_id not in known:
                    raise CatalogueError(
                        f"groups.yaml: scenario {scenario['id']} lists unknown service {service_id}")
                db["scenario_services"].insert({"scenario_id": scenario["id"],
                                                "service_id": service_id, "position": position})
    db["bundle_parts"].insert_all(
        {"bundle_id": s["id"], "part_id": part_id, "position": i}
        for s in services for i, part_id in enumerate(s.get("bundle") or [], 1))
    db["texts"].insert_all({"key": key, "zh": value.get("zh", ""), "en": value.get("en", "")}
                           for key, value in sorted(texts.items()))
    problems: list[RowProblem] = []
    loaded = 0
    for csv_path in sorted((assets / "items").glob("*.csv")):
        count, bad = import_items(db, csv_path)
        loaded += count
        problems.extend(bad)
    try:
        from kiosk.search.index import build_index  # the search index is derived data
    except ImportError:
        build_index = None
    if build_index is not None:
        build_index(db)
    db.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.vacuum()
    db.close()
    os.replace(temporary, output)
    return {"forms": written, "bundle_forms": len(bundle_forms), "services": len(services),
            "items": loaded,
            "problems": [str(p) for p in problems]}


def logical_dump(path: Path) -> list[str]:
    """The catalogue's content as SQL lines, independent of page layout: for staleness checks."""
    db = sqlite_utils.Database(path)
    try:
        return list(db.conn.iterdump())
    finally:
        db.close()
