"""After submission the same phone link shows what the window says: status, time, note, and
which materials are still needed; the visitor can then add those photos, nothing else."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from kiosk.submissions import Submissions
from kiosk.uploads import UploadStore
from kiosk.web.server import create_app
from kiosk.web.stores import Stores
from kiosk.window import DONE, MORE_MATERIALS_NEEDED, RECEIVED, WindowQueue, status_for
from tests.test_web_phone import (  # noqa: F401 - fixtures, used by name
    SERVICE,
    answer_everything,
    catalogue_db,
    config,
    csrf_of,
    photo_bytes,
    store,
    upload,
)

SUBMITTED_AT = dt.datetime(2026, 11, 20, 9, 0).timestamp()
ASKED_AT = dt.datetime(2026, 11, 20, 14, 5).timestamp()
DONE_AT = dt.datetime(2026, 11, 23, 16, 30).timestamp()


class Clock:
    """The phone page's clock, moved on by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(SUBMITTED_AT)


@pytest.fixture
def client(config, clock):  # noqa: F811 - this module's own, on a clock it controls
    with TestClient(create_app(config, clock=clock), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def submitted(client, store, clock):  # noqa: F811
    """A draft started at a kiosk, then answered, photographed and submitted on the phone."""
    draft = store.create(SERVICE, kiosk="kiosk-1")
    token = store.issue_token(draft.id)
    answer_everything(client, token)
    clock.now -= 60
    assert upload(client, token, "id-card", photo_bytes()).status_code == 303
    clock.now += 60
    check = client.get(f"/r/{token}/check")
    sent = client.post(f"/r/{token}/submit", data={"csrf": csrf_of(check.text)})
    assert sent.headers["location"] == f"/r/{token}/receipt"
    assert store.get(draft.id).status == "submitted"
    return draft.id, token, csrf_of(check.text)


def window(config, at: float) -> WindowQueue:  # noqa: F811
    """The window's side, as the desk console uses it, on its own clock."""
    return WindowQueue(config.drafts_db, clock=lambda: at)


def text_of(html: str) -> str:
    """What the visitor reads: the page without its tags, spaces squeezed."""
    body = html.split("<body>", 1)[-1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body))


def test_the_link_shows_each_status_the_window_gives_with_its_time_and_note(
        client, config, submitted, store, clock):  # noqa: F811
    draft_id, token, _ = submitted
    reference = store.get(draft_id).reference
    page = text_of(client.get(f"/r/{token}").text)
    assert "已提交，等待窗口受理" in page and reference in page
    assert "更新时间：2026年11月20日 09:00" in page

    window(config, ASKED_AT).set_status(
        draft_id, MORE_MATERIALS_NEEDED, note="照片不清楚，请补拍一张一寸照片", materials=["photo"],
        staff="3号窗口")
    for path in ("", "/receipt"):
        response = client.get(f"/r/{token}{path}")
        assert response.status_code == 200, path
        page = text_of(response.text)
        for words in ("还需要补充材料", "更新时间：2026年11月20日 14:05", "窗口留言",
                      "照片不清楚，请补拍一张一寸照片", "请补充这些材料", "近期一寸免冠照片1张",
                      "原件请带到", "区政务服务中心一楼 3号窗口", reference):
            assert words in page, (path, words)
        assert "提交成功" not in page  # that was then; the window has spoken since
        assert f'href="/r/{token}/materials/photo"' in response.text
    english = text_of(client.get(f"/r/{token}?lang=en").text)
    for words in ("More documents needed", "Since 20 November 2026, 14:05",
                  "One recent passport-size photo", "Service Centre, floor 1, window 3"):
        assert words in english, words

    window(config, DONE_AT).set_status(draft_id, DONE, note="已办好，请到12号窗口取证")
    done_words = {
        "zh": ("✓ 已办结", "窗口已经办完了您的申请", "更新时间：2026年11月23日 16:30",
               "已办好，请到12号窗口取证"),
        "en": ("✓ Finished", "The window has finished your application",
               "Since 23 November 2026, 16:30"),
    }
    for lang, words in done_words.items():
        page = text_of(client.get(f"/r/{token}?lang={lang}").text)
        for word in words:
            assert word in page, (lang, word)
        assert "More documents needed" not in page and "还需要补充材料" not in page
    assert status_for(store, draft_id).status == DONE


def test_a_second_submit_after_the_window_acted_shows_the_status(
        client, config, submitted, store):  # noqa: F811
    draft_id, token, csrf = submitted
    reference = store.get(draft_id).reference
    for status, words in ((RECEIVED, "窗口已受理"), (DONE, "已办结")):
        window(config, ASKED_AT).set_status(draft_id, status)
        again = client.post(f"/r/{token}/submit", data={"csrf": csrf})
        assert again.status_code == 303 and again.headers["location"] == f"/r/{token}/receipt"
        receipt = client.get(again.headers["location"])
        assert receipt.status_code == 200 and words in text_of(receipt.text)
        assert store.get(draft_id).status == status and store.get(draft_id).reference == reference


def test_submit_is_not_an_error_when_the_kiosk_submitted_and_the_window_acted_meanwhile(
        client, config, store, monkeypatch):  # noqa: F811
    draft = store.create(SERVICE, kiosk="kiosk-1")
    token = store.issue_token(draft.id)
    answer_everything(client, token)
    csrf = csrf_of(client.get(f"/r/{token}/check").text)
    real = Stores.submissions

    class KioskWasFaster:
        """Between the phone reading the draft and submitting it, the kiosk submitted it and
        the window took it up."""

        def __init__(self, stores):
            self.stores = stores

        def submit(self, draft_id):
            Submissions(config.drafts_db).submit(draft_id)
            window(config, ASKED_AT).set_status(draft_id, RECEIVED)
            return real(self.stores).submit(draft_id)  # raises NotSubmittable: it is received

    monkeypatch.setattr(Stores, "submissions", lambda self: KioskWasFaster(self))
    sent = client.post(f"/r/{token}/submit", data={"csrf": csrf})
    assert sent.status_code == 303 and sent.headers["location"] == f"/r/{token}/receipt"
    assert "窗口已受理" in text_of(client.get(f"/r/{token}/receipt").text)


def test_the_missing_photos_can_be_added_but_the_answers_stay_read_only(
        client, config, submitted, store, clock):  # noqa: F811
    draft_id, token, csrf = submitted
    uploads = UploadStore(config.drafts_db, config.data_dir / "uploads")
    [old] = uploads.for_draft(draft_id)
    # submitted, not yet asked for more: photos are closed
    page = client.get(f"/r/{token}/materials/photo")
    assert page.status_code == 200 and "<form" not in page.text
    refused = client.post(f"/r/{token}/materials/photo", data={"csrf": csrf},
                          files={"photo": ("p.jpg", photo_bytes(), "image/jpeg")})
    assert refused.status_code == 409 and len(uploads.for_draft(draft_id)) == 1

    window(config, ASKED_AT).set_status(draft_id, MORE_MATERIALS_NEEDED, materials=["photo"])
    clock.now = ASKED_AT + 600
    listing = text_of(client.get(f"/r/{token}/materials").text)
    assert "近期一寸免冠照片1张 窗口要求补充" in listing
    assert "还没有补拍" in text_of(client.get(f"/r/{token}").text)
    page = client.get(f"/r/{token}/materials/photo")
    assert "窗口要求补充" in page.text and 'enctype="multipart/form-data"' in page.text
    added = upload(client, token, "photo", photo_bytes())
    assert added.status_code == 303 and added.headers["location"].endswith("?added=1")
    new = next(u for u in uploads.for_draft(draft_id) if u.material_id == "photo")
    assert new.source == "phone" and new.created == ASKED_AT + 600
    assert "✓ 已补拍 1 张" in text_of(client.get(f"/r/{token}").text)

    # a retake of the new photo is fine; what the window already saw stays
    photo_page = client.get(f"/r/{token}/materials/photo").text
    assert f"/{new.id}/remove" in photo_page
    card_page = client.get(f"/r/{token}/materials/id-card").text
    assert f"/{old.id}/remove" not in card_page
    csrf = csrf_of(photo_page)
    kept = client.post(f"/r/{token}/materials/id-card/{old.id}/remove", data={"csrf": csrf})
    assert kept.status_code == 409 and uploads.get(draft_id, old.id) is not None
    gone = client.post(f"/r/{token}/materials/photo/{new.id}/remove", data={"csrf": csrf})
    assert gone.status_code == 303 and uploads.get(draft_id, new.id) is None

    # the answers: still read-only
    assert client.get(f"/r/{token}/q/name").headers["location"] == f"/r/{token}"
    late = client.post(f"/r/{token}/q/name", data={"csrf": csrf, "answer": "李四"})
    assert late.status_code == 409 and store.get(draft_id).values["name"] == "张三"
    assert client.get(f"/r/{token}/check").headers["location"] == f"/r/{token}"

    # once done, photos close again
    window(config, DONE_AT).set_status(draft_id, DONE)
    assert "<form" not in client.get(f"/r/{token}/materials/photo").text
    closed = client.post(f"/r/{token}/materials/photo", data={"csrf": csrf},
                         files={"photo": ("p.jpg", photo_bytes(), "image/jpeg")})
    assert closed.status_code == 409 and store.get(draft_id).status == DONE


def test_a_note_with_markup_and_escape_sequences_shows_literally(
        client, config, submitted, store):  # noqa: F811
    draft_id, token, _ = submitted
    note = '<script>alert(1)</script><b>户口本</b> & "原件"\x1b[31m 红\x1b]0;title\x07'
    window(config, ASKED_AT).set_status(draft_id, MORE_MATERIALS_NEEDED, note=note,
                                        materials=["photo", '<img src=x onerror="alert(2)">'])
    html = client.get(f"/r/{token}").text
    assert "<script>alert" not in html and "<b>户口本" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;户口本&lt;/b&gt; &amp; " in html
    assert "&lt;img src=x onerror=" in html  # a material the catalogue does not know: as text
    assert "\x1b" not in html and "\x07" not in html and "title" not in text_of(html)
    # a note written by something other than the desk is made safe by the page too
    with sqlite3.connect(config.drafts_db) as db:
        db.execute("UPDATE window_status SET note = ? WHERE draft_id = ?",
                   ("请带\x1b[2J原件\u202e\x00<i>", draft_id))
    html = client.get(f"/r/{token}").text
    assert "请带原件&lt;i&gt;" in html
    assert not any(c in html for c in "\x1b\u202e\x00")


def test_the_footer_says_where_to_get_help_and_offers_no_volunteer_button(client, store):  # noqa: F811
    draft = store.create(SERVICE, kiosk="kiosk-1")
    token = store.issue_token(draft.id)
    for path, lang in ((f"/r/{token}", "zh"), ("/r/ABCDEFGHJKMNPQRS", "zh"), ("/", "en")):
        html = client.get(f"{path}?lang={lang}").text
        footer = html.split('<footer class="help">', 1)[1]
        assert 'href="tel:057488880000"' in footer and "0574-8888 0000" in footer
        assert ("服务台" if lang == "zh" else "help desk") in text_of(footer)
        assert "<form" not in footer and "<button" not in footer
        assert "志愿者" not in html and "volunteer" not in html.lower()


def test_submitted_application_link_outlives_the_seven_day_link_lifetime(tmp_path):
    """The visitor checks weeks later whether it is done: the same link still answers."""
    from kiosk.drafts import DraftStore
    from kiosk.submissions import Submissions

    now = [1_800_000_000.0]
    store = DraftStore(tmp_path / "drafts.db", clock=lambda: now[0])
    draft = store.create("senior-card")
    token = store.issue_token(draft.id)
    Submissions(tmp_path / "drafts.db", clock=lambda: now[0]).submit(draft.id)
    now[0] += 60 * 24 * 3600
    assert store.find_by_token(token).status == "submitted"
    assert store.find_by_code(draft.resume_code).status == "submitted"
