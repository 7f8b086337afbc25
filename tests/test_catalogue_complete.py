"""The complete catalogue: the counts the district's navigation has (16 personal life events
with at least 191 items, a business life cycle with at least 60), full forms, "one thing"
bundles asking what their parts share once, real item names, both languages everywhere, and
the taps it takes to reach each service."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kiosk.catalogue import Catalogue
from kiosk.catalogue.build import CatalogueError, build, merge_forms
from kiosk.catalogue.taps import list_taps, summary, taps_to_service
from kiosk.forms import Flow, Form, check
from tests.conftest import answer_for

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "assets"
TEXT_KEYS = ("name", "plain", "department", "place", "time_limit", "fee")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Catalogue:
    path = tmp_path_factory.mktemp("complete") / "catalogue.db"
    build(ASSETS, path)
    return Catalogue(path)


@pytest.fixture(scope="module")
def services() -> list[dict]:
    return yaml.safe_load((ASSETS / "catalogue" / "services.yaml").read_text("utf-8"))["services"]


@pytest.fixture(scope="module")
def groups() -> list[dict]:
    return yaml.safe_load((ASSETS / "catalogue" / "groups.yaml").read_text("utf-8"))["groups"]


def placed(catalogue: Catalogue, group_id: str | None = None):
    for group in catalogue.groups():
        if group_id and group.id != group_id:
            continue
        for scenario in catalogue.scenarios(group.id):
            for service in catalogue.services_in(scenario.id):
                yield group, scenario, service


# -- the counts ------------------------------------------------------------------------------

def test_the_counts_of_the_district_navigation(catalogue):
    stats = catalogue.stats()
    assert stats["entry_groups"] >= 7
    assert stats["personal_scenarios"] == 16
    assert stats["personal_items_in_scenarios"] >= 191
    assert stats["business_items_in_scenarios"] >= 60
    assert stats["full_forms"] >= 30
    assert stats["bundles"] >= 4 and stats["bundle_forms"] == stats["bundles"]
    assert stats["largest_scenario"] <= 15, "keep scenarios readable: at most 15 services"


def test_stats_cli_shows_the_new_counts():
    result = subprocess.run([sys.executable, "-m", "kiosk.cli", "catalogue", "stats", "--json"],
                            capture_output=True, text=True, check=True, cwd=REPO)
    stats = json.loads(result.stdout)
    for key in ("personal_scenarios", "personal_items_in_scenarios",
                "business_items_in_scenarios", "bundles", "full_forms",
                "services_with_full_forms"):
        assert key in stats, key


def test_the_business_life_cycle_covers_entry_to_exit(catalogue):
    scenarios = {s.id for s in catalogue.scenarios("business")}
    assert {"start-company", "permits", "tax", "hire", "change-company",
            "close-company"} <= scenarios


# -- every placed item is complete and opens a form --------------------------------------------

def test_every_placed_item_opens_a_form_whose_definition_loads(catalogue):
    seen = set()
    for _, scenario, service in placed(catalogue):
        seen.add(service.id)
        form = catalogue.form_for(service)
        assert form.fields, service.id
        assert Flow(form).steps({}), service.id
    assert len(seen) >= 251


def test_every_placed_item_says_who_where_how_long_and_what_it_costs(catalogue):
    for _, _, service in placed(catalogue):
        for key in TEXT_KEYS:
            text = getattr(service, key)
            assert text["zh"] and text["en"], (service.id, key)
        assert catalogue.materials(service.id), service.id


def test_every_described_service_has_words_people_use(services):
    for service in services:
        words = service.get("words") or []
        assert len(words) >= 2, service["id"]
        assert all(isinstance(w, str) and w.strip() for w in words), service["id"]


def test_the_services_named_in_the_issue_have_full_forms(catalogue):
    for service_id in ["birth-registration", "hukou-transfer", "residence-permit",
                       "disability-card", "subsistence-allowance", "high-age-allowance",
                       "housing-fund-withdrawal", "company-registration",
                       "company-deregistration", "inpatient-reimbursement",
                       "unemployment-benefit"]:
        service = catalogue.service(service_id)
        assert service is not None, service_id
        assert service.form_id == service_id, service_id


def test_company_startup_asks_the_name_and_the_legal_representative(catalogue):
    form = catalogue.form_for(catalogue.service("company-registration"))
    ids = {f.id for f in form.fields}
    assert {"company_name", "legal_rep_name", "legal_rep_id_number", "legal_rep_phone"} <= ids
    assert form.field("legal_rep_id_number").type == "id_number"
    assert form.field("legal_rep_phone").type == "phone"
    closing = catalogue.form_for(catalogue.service("company-deregistration"))
    assert closing.field("credit_code").type == "credit_code"


# -- forms are kind and consistent --------------------------------------------------------------

def _form_files():
    return sorted(p for p in (ASSETS / "forms").glob("*.yaml") if p.name != "lists.yaml")


@pytest.mark.parametrize("path", _form_files(), ids=lambda p: p.stem)
def test_form_questions_follow_the_house_rules(path):
    data = yaml.safe_load(path.read_text("utf-8"))
    lists = yaml.safe_load((ASSETS / "forms" / "lists.yaml").read_text("utf-8"))
    form = Form.from_dict(data, lists)
    own = {f.id: f for f in form.fields}
    for field in form.fields:
        if field.id in ("name", "id_number", "phone"):
            assert field.profile == field.id, (path.stem, field.id)
        if field.id in ("sex", "birth_date") and "id_number" in own:
            assert field.derived_from == "id_number", (path.stem, field.id)
        if path.stem != "general-appointment" and not field.derived_from:
            assert field.hint.get("zh") and field.hint.get("en"), (path.stem, field.id)


def _fill(form: Form, pick_last: bool) -> dict[str, str]:
    """Answer every question asked, as a visitor would, until none is left."""
    values: dict[str, str] = {}
    flow = Flow(form)
    for _ in range(len(form.fields) + 1):
        unanswered = [f for f in flow.steps(values) if f.id not in values]
        if not unanswered:
            return values
        field = unanswered[0]
        answer = answer_for(field)
        if pick_last and field.type == "choice":
            answer = field.choices[-1].value
        elif pick_last and field.type == "yes_no":
            answer = "yes"
        values[field.id] = check(field, answer).value
    raise AssertionError(f"{form.id}: the questions never end")


def test_every_form_can_be_filled_in_whatever_is_chosen(catalogue):
    form_ids = [r[0] for r in catalogue.connection.execute("SELECT id FROM forms")]
    assert len(form_ids) >= 35
    for form_id in form_ids:
        form = catalogue.form(form_id)
        for pick_last in (False, True):
            values = _fill(form, pick_last)
            assert Flow(form).problems(values) == {}, (form_id, pick_last)


# -- "one thing" bundles -----------------------------------------------------------------------

@pytest.mark.parametrize("bundle_id", ["birth-bundle", "retirement-bundle", "after-death-bundle",
                                       "company-startup-bundle", "listing-compliance-bundle"])
def test_a_bundle_asks_name_id_and_phone_once(catalogue, bundle_id):
    parts = catalogue.bundle_parts(bundle_id)
    assert len(parts) >= 2
    form = catalogue.form_for(catalogue.service(bundle_id))
    assert form.id == bundle_id
    for profile in ("name", "id_number", "phone"):
        assert [f.profile for f in form.fields].count(profile) == 1, (bundle_id, profile)
    asked_by_parts = sum(len(catalogue.form_for(p).fields) for p in parts)
    assert len(form.fields) < asked_by_parts
    Flow(form).steps({})  # conditions and derived fields refer to questions that exist


def test_a_bundles_materials_hold_every_parts_materials(services, catalogue):
    by_id = {s["id"]: s for s in services}
    for service in services:
        if not service.get("bundle"):
            continue
        own = service.get("materials") or []
        covered = {m["id"] for m in own} | {c for m in own for c in m.get("covers") or []}
        have = {m.id for m in catalogue.materials(service["id"])}
        for part_id in service["bundle"]:
            for material in by_id[part_id].get("materials") or []:
                assert material["id"] in have or material["id"] in covered, (
                    service["id"], part_id, material["id"])


def test_the_after_death_bundle_asks_about_the_deceased_once(catalogue):
    form = catalogue.form_for(catalogue.service("after-death-bundle"))
    ids = [f.id for f in form.fields]
    assert ids.count("deceased_name") == 1 and ids.count("deceased_id_number") == 1
    assert ids.count("bank_card_number") == 1


def test_the_listing_bundle_is_one_form_for_fourteen_departments(catalogue):
    parts = catalogue.bundle_parts("listing-compliance-bundle")
    assert len(parts) == 14
    assert len({p.department["zh"] for p in parts}) == 14
    form = catalogue.form_for(catalogue.service("listing-compliance-bundle"))
    ids = [f.id for f in form.fields]
    assert ids.count("company_name") == 1 and ids.count("credit_code") == 1
    assert form.field("wanted").type == "choice"
    flow = Flow(form)
    all_of_them = {f.id for f in flow.steps({"wanted": "all"})}
    some = {f.id for f in flow.steps({"wanted": "some"})}
    needs = {f"need_{p.id.replace('-', '_')}" for p in parts}
    assert not needs & all_of_them and needs <= some


def test_bundle_answers_decide_the_questions_that_depend_on_them(catalogue):
    birth = {f.id for f in catalogue.form_for(catalogue.service("birth-bundle")).fields}
    assert "for_whom" not in birth and "member_name" not in birth
    assert "child_id_number" not in birth  # the hukou registration gives the number
    retirement = {f.id for f in catalogue.form_for(catalogue.service("retirement-bundle")).fields}
    assert "withdraw_reason" not in retirement and "rent_monthly" not in retirement
    form = catalogue.form_for(catalogue.service("retirement-bundle"))
    assert form.field("bank").when is None  # the housing fund needs a card whatever


def _part(service_id, *fields):
    return ({"id": service_id, "name": {"zh": service_id, "en": service_id}},
            {"id": service_id, "title": {"zh": "t", "en": "t"}, "fields": list(fields)})


def _field(fid, kind="text", **more):
    return {"id": fid, "type": kind, "label": {"zh": fid, "en": fid}, **more}


def test_merge_shares_by_profile_and_by_id_and_prefixes_clashes():
    bundle = {"id": "b", "name": {"zh": "b", "en": "b"}}
    merged = merge_forms(bundle, [
        _part("first", _field("name", "name", profile="name"), _field("reason"),
              _field("has_agent", "yes_no")),
        _part("second-part", _field("applicant", "name", profile="name"),
              _field("reason", "number"), _field("has_agent", "yes_no"),
              _field("agent", "name", when={"field": "has_agent", "equals": "yes"}),
              _field("detail", when={"field": "reason", "equals": "3"}),
              _field("who", when={"field": "applicant", "equals": "x"})),
    ])
    ids = [f["id"] for f in merged["fields"]]
    assert ids == ["name", "reason", "has_agent", "second_part_reason", "agent", "detail", "who"]
    by_id = {f["id"]: f for f in merged["fields"]}
    assert by_id["detail"]["when"]["field"] == "second_part_reason"
    assert by_id["who"]["when"]["field"] == "name"
    Form.from_dict(merged)


def test_merge_skips_and_fixed_answers():
    bundle = {"id": "b", "name": {"zh": "b", "en": "b"}, "bundle_skip": ["code"],
              "bundle_answers": {"kind": "a"}}
    merged = merge_forms(bundle, [_part(
        "p", _field("kind", "choice", choices=[{"value": "a", "zh": "a", "en": "a"}]),
        _field("code"), _field("for_a", when={"field": "kind", "equals": "a"}),
        _field("for_b", when={"field": "kind", "equals": "b"}),
        _field("after_code", when={"field": "code", "equals": "1"}),
        _field("after_b", when={"field": "for_b", "equals": "1"}))])
    assert [f["id"] for f in merged["fields"]] == ["for_a"]
    assert "when" not in merged["fields"][0]


def test_a_bundle_part_without_a_form_of_its_own_is_refused(tmp_path):
    assets = tmp_path / "assets"
    (assets / "catalogue").mkdir(parents=True)
    (assets / "forms").mkdir()
    (assets / "forms" / "general-appointment.yaml").write_text(
        (ASSETS / "forms" / "general-appointment.yaml").read_text("utf-8"), "utf-8")
    (assets / "catalogue" / "groups.yaml").write_text("groups: []\n", "utf-8")
    (assets / "catalogue" / "services.yaml").write_text(
        "services:\n"
        "  - {id: a, name: {zh: 甲, en: A}}\n"
        "  - {id: b, name: {zh: 乙, en: B}, bundle: [a]}\n", "utf-8")
    with pytest.raises(CatalogueError, match="no form of its own"):
        build(assets, tmp_path / "c.db")


# -- real names, both languages ----------------------------------------------------------------

def test_every_item_name_is_in_the_reference_list(services):
    with open(ASSETS / "items" / "guangan_511602.csv", encoding="utf-8-sig", newline="") as f:
        names = {row["name"] for row in csv.DictReader(f)}
    for service in services:
        if service.get("item"):
            assert service["item"] in names, (service["id"], service["item"])
    assert sum(1 for s in services if s.get("item")) >= 250


def _pairs(value, where):
    """Every {zh, en} pair inside a YAML document, with where it is."""
    if isinstance(value, dict):
        if "zh" in value and not {"value", "id"} & set(value):
            yield where, value
        for key, inner in value.items():
            yield from _pairs(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _pairs(inner, f"{where}[{i}]")


def test_every_text_has_chinese_and_english(services, groups):
    documents = {"services": services, "groups": groups}
    for path in (ASSETS / "forms").glob("*.yaml"):
        documents[path.name] = yaml.safe_load(path.read_text("utf-8"))
    checked = 0
    for name, document in documents.items():
        for where, pair in _pairs(document, name):
            # an unquoted comma or colon in {zh: ..., en: ...} makes an extra key
            assert set(pair) == {"zh", "en"}, (where, pair)
            assert isinstance(pair.get("zh"), str) and pair["zh"].strip(), where
            assert isinstance(pair.get("en"), str) and pair["en"].strip(), where
            checked += 1
        if name.endswith(".yaml"):  # choices: {value, zh, en}
            for field in (document.get("fields") if isinstance(document, dict) and
                          "fields" in document else []):
                for choice in field.get("choices") or []:
                    assert set(choice) == {"value", "zh", "en"}, (name, field["id"], choice)
                    assert choice.get("zh") and choice.get("en"), (name, field["id"])
    lists = yaml.safe_load((ASSETS / "forms" / "lists.yaml").read_text("utf-8"))
    for list_name, items in lists.items():
        for item in items:
            assert set(item) == {"value", "zh", "en"}, (list_name, item)
            assert item.get("zh") and item.get("en"), (list_name, item.get("value"))
    for service in services:
        for key in TEXT_KEYS:
            assert service[key]["zh"] and service[key]["en"], (service["id"], key)
        for material in service.get("materials") or []:
            assert set(material) <= {"id", "name", "required", "covers"}, (service["id"], material)
            assert material["name"]["zh"] and material["name"]["en"], service["id"]
    assert checked > 3000


# -- taps --------------------------------------------------------------------------------------

def test_page_turns_wrap_around():
    assert [list_taps(i, 16, 4) for i in range(16)] == [1] * 4 + [2] * 4 + [3] * 4 + [2] * 4
    assert [list_taps(i, 15, 8) for i in range(15)] == [1] * 8 + [2] * 7
    assert list_taps(0, 1, 4) == 1


def test_taps_are_counted_for_every_placed_service(catalogue):
    stats = catalogue.stats()
    for page_size in (4, 8):
        paths = taps_to_service(catalogue, page_size)
        assert len(paths) == stats["placed_services"]
        assert min(p.taps for p in paths.values()) == 4  # by life event, group, scenario, service
    roomy = taps_to_service(catalogue, 100)
    assert {p.taps for p in roomy.values()} == {4}


def test_taps_summary_reports_the_share_within_the_goal(catalogue):
    result = summary(catalogue, 8)
    assert result["all"]["of"] == catalogue.stats()["placed_services"]
    assert 0 < result["all"]["within_goal"] <= result["all"]["of"]
    assert set(result) >= {"personal", "business", "one-thing"}
