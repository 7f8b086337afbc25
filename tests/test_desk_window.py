"""The windows' queue: submitted applications get a status and a note the visitor can read."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from textual.widgets import DataTable

from kiosk.catalogue import Catalogue
from kiosk.drafts import DraftStore
from kiosk.forms import Flow
from kiosk.submissions import Submissions
from kiosk.window import (
    DONE,
    MORE_MATERIALS_NEEDED,
    RECEIVED,
    NotSubmitted,
    WindowQueue,
    reference_day,
    status_for,
)
from screens.desk.app import DeskApp
from screens.desk.application import ApplicationScreen
from tests.conftest import answer_for
from tests.test_desk_console import SIZE, VOLUNTEER, cell_text, sign_in, wait_for


def fill_every_question(store: DraftStore, catalogue: Catalogue, draft_id: str) -> None:
    draft = store.get(draft_id)
    flow = Flow(catalogue.form_for(catalogue.service(draft.service_id)))
    for _ in range(3):  # answers can open further questions
        values = store.get(draft_id).values
        for field in flow.steps(values):
            if field.id not in values:
                store.save_value(draft_id, field.id, answer_for(field))
    assert not flow.problems(store.get(draft_id).values)


def submitted_application(config, service_id: str = "senior-card", *, clock=None) -> str:
    kwargs = {"clock": clock} if clock else {}
    store = DraftStore(config.drafts_db, **kwargs)
    draft = store.create(service_id, kiosk="kiosk-1")
    fill_every_question(store, Catalogue(config.catalogue), draft.id)
    Submissions(config.drafts_db, **kwargs).submit(draft.id)
    return draft.id


def a_photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, "PNG")
    return out.getvalue()


def test_more_materials_needed_is_kept_with_its_note_and_read_by_the_phone_page(config):
    draft_id = submitted_application(config)
    store = DraftStore(config.drafts_db)
    assert status_for(store, draft_id).status == "submitted"
    window = WindowQueue(config.drafts_db)
    window.set_status(draft_id, MORE_MATERIALS_NEEDED, note="请带户口本原件\x1b[31m",
                      materials=["residence-permit"], staff="窗口3")

    status = status_for(store, draft_id)  # as the phone page would ask
    assert status.status == MORE_MATERIALS_NEEDED
    assert status.note == "请带户口本原件"
    assert status.materials == ("residence-permit",)
    assert status.updated > 0 and status.reference.startswith("JB-")
    assert status_for(config.drafts_db, draft_id) == status  # by path too
    assert store.get(draft_id).status == MORE_MATERIALS_NEEDED

    window.set_status(draft_id, DONE, note="已办好，请到12号窗口取证")
    assert status_for(store, draft_id).status == DONE
    assert status_for(store, draft_id).materials == ()
    assert [h["status"] for h in window.history(draft_id)] == [MORE_MATERIALS_NEEDED, DONE]


def test_only_submitted_applications_get_a_window_status(config):
    store = DraftStore(config.drafts_db)
    draft = store.create("senior-card")
    window = WindowQueue(config.drafts_db)
    with pytest.raises(NotSubmitted):
        window.set_status(draft.id, RECEIVED)
    assert status_for(store, draft.id) is None
    assert status_for(store, "no-such-draft") is None
    draft_id = submitted_application(config)
    with pytest.raises(ValueError):
        window.set_status(draft_id, MORE_MATERIALS_NEEDED)  # which materials?
    with pytest.raises(ValueError):
        window.set_status(draft_id, "lost")


def test_the_queue_lists_submitted_applications_in_order_and_hides_done_ones(config):
    first, second = submitted_application(config), submitted_application(config)
    DraftStore(config.drafts_db).create("senior-card")  # still being filled: not listed
    window = WindowQueue(config.drafts_db)
    assert [a.draft_id for a in window.applications()] == [first, second]
    window.set_status(first, DONE)
    assert [a.draft_id for a in window.applications()] == [second]
    assert [a.draft_id for a in window.applications(include_done=True)] == [first, second]
    assert reference_day("JB-20261203-0042") == "2026-12-03"


async def test_window_staff_mark_an_application_as_needing_materials(config):
    from kiosk.uploads import UploadStore

    draft_id = submitted_application(config)
    UploadStore(config.drafts_db, config.data_dir / "uploads").add(draft_id, "id-card",
                                                                  a_photo())
    app = DeskApp(config)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        queue = app.screen.query_one("#applications", DataTable)
        await wait_for(pilot, lambda: queue.row_count == 1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationScreen)
        materials = app.screen.query_one("#materials", DataTable)
        assert cell_text(materials, "id-card", "photos").startswith("1 · ")
        answers = app.screen.query_one("#answers", DataTable)
        assert "*" in cell_text(answers, "id_number", "answer")

        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # more materials needed
        await pilot.press("tab", "down", "space")  # the second material: the photo
        await pilot.press("tab", *"请补一寸照片", "enter")
        await pilot.pause()

    status = status_for(config.drafts_db, draft_id)
    assert status.status == MORE_MATERIALS_NEEDED
    assert status.materials == ("photo",)
    assert status.note == "请补一寸照片"
    assert WindowQueue(config.drafts_db).history(draft_id)[-1]["staff"] == VOLUNTEER


def run_kiosk(*args: str, data_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "screens.cli", *args, "--data-dir", str(data_dir)],
        check=False, capture_output=True, text=True)


def test_submissions_export_hands_every_answer_and_status_to_a_back_office(config):
    from kiosk.uploads import UploadStore

    draft_id = submitted_application(config)
    UploadStore(config.drafts_db, config.data_dir / "uploads").add(draft_id, "id-card",
                                                                  a_photo())
    WindowQueue(config.drafts_db).set_status(draft_id, RECEIVED, note="已收到")
    today = dt.date.today()

    done = run_kiosk("submissions", "export", "--since", today.isoformat(), "--json",
                     data_dir=config.data_dir)
    assert done.returncode == 0, done.stderr
    (exported,) = json.loads(done.stdout)
    draft = DraftStore(config.drafts_db).get(draft_id)
    assert exported["id"] == draft_id and exported["reference"] == draft.reference
    assert exported["status"] == RECEIVED and exported["note"] == "已收到"
    assert exported["values"] == draft.values
    assert exported["service"]["zh"] == "申领老年人优待证"
    assert [u["material_id"] for u in exported["uploads"]] == ["id-card"]

    later = (today + dt.timedelta(days=1)).isoformat()
    assert json.loads(run_kiosk("submissions", "export", "--since", later, "--json",
                                data_dir=config.data_dir).stdout) == []
    bad = run_kiosk("submissions", "export", "--since", "yesterday", data_dir=config.data_dir)
    assert bad.returncode == 2 and "2026-12-03" in bad.stderr
