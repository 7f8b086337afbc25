"""The catalogue: built from assets/ deterministically, importing any hall's item list."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.catalogue import Catalogue
from kiosk.catalogue.build import build, logical_dump
from kiosk.catalogue.items import read_items

REPO = Path(__file__).resolve().parent.parent
ASSETS = REPO / "assets"
HEADER = "department,main_item,name,itemCode,taskType,areaCode,link\n"


@pytest.fixture(scope="module")
def fresh_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("cat") / "catalogue.db"
    build(ASSETS, out)
    return out


def test_committed_catalogue_is_not_stale(fresh_build):
    """Edit assets/ and forget `kiosk catalogue build`, and this fails."""
    assert logical_dump(REPO / "catalogue.db") == logical_dump(fresh_build), (
        "catalogue.db is stale: run `make catalogue` and commit it")


def test_building_twice_gives_the_same_data(fresh_build, tmp_path):
    again = tmp_path / "again.db"
    build(ASSETS, again)
    assert logical_dump(again) == logical_dump(fresh_build)


def test_all_real_items_are_loaded_from_the_reference_list(fresh_build):
    items, problems = read_items(ASSETS / "items" / "guangan_511602.csv")
    assert len(items) == 1135 and problems == []
    catalogue = Catalogue(fresh_build)
    assert catalogue.stats()["imported_items"] == 1135


def test_every_placed_service_opens_a_form(fresh_build):
    catalogue = Catalogue(fresh_build)
    placed = 0
    for group in catalogue.groups():
        for scenario in catalogue.scenarios(group.id):
            for service in catalogue.services_in(scenario.id):
                placed += 1
                assert catalogue.form_for(service).fields, service.id
    assert placed >= 40


def test_full_forms_exist_for_the_services_older_visitors_come_for(fresh_build):
    catalogue = Catalogue(fresh_build)
    for service_id in ["senior-card", "pension-enrolment", "retirement", "medical-e-certificate",
                       "medical-family-sharing", "id-card-replacement", "marriage-appointment",
                       "public-rental-housing"]:
        service = catalogue.service(service_id)
        assert service is not None, service_id
        assert service.form_id != "general-appointment", service_id
        assert catalogue.materials(service_id), service_id
        assert service.place["zh"] and service.time_limit["zh"], service_id


def test_import_reports_bad_rows_by_line_and_loads_the_good_ones(tmp_path):
    csv = tmp_path / "hall.csv"
    csv.write_text(
        HEADER
        + "区民政局,未分类,结婚登记预约,CODE-1,20,330205,http://x\n"     # line 2: good
        + "区民政局,未分类,,CODE-2,20,330205,http://x\n"                # line 3: no name
        + "区民政局,未分类,离婚登记,,20,330205,http://x\n"               # line 4: no code
        + "区民政局,未分类,补领结婚证,CODE-1,20,330205,http://x\n"        # line 5: repeat
        + "区民政局,未分类,收养登记,CODE-5,20,330205,http://x,extra\n"   # line 6: extra cell
        + "区民政局,未分类,婚姻登记档案查询,CODE-7,20,330205,http://x\n",  # line 7: good
        encoding="utf-8")
    db = tmp_path / "catalogue.db"
    shutil.copy(REPO / "catalogue.db", db)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "catalogue", "import-items", str(csv),
         "--catalogue", str(db)], capture_output=True, text=True)
    assert result.returncode == 0
    for line in ("line 3", "line 4", "line 5", "line 6"):
        assert line in result.stderr
    assert "skipped line 2" not in result.stderr and "skipped line 7" not in result.stderr
    names = {s.name["zh"] for s in Catalogue(db).all_services()}
    assert {"婚姻登记档案查询"} <= names


def test_stats_cli_gives_counts_as_json(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kiosk.cli", "catalogue", "stats", "--json"],
                            capture_output=True, text=True, check=True)
    stats = json.loads(result.stdout)
    assert stats["entry_groups"] >= 7 and stats["scenarios"] >= 16
    assert stats["forms"] >= 9 and stats["services"] >= 1135
