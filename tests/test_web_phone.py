"""The phone page, driven through Starlette's TestClient against a small test catalogue.

The catalogue is built here from YAML fixtures, so these tests do not depend on the real
services' exact questions.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import shutil
import subprocess
import threading
import time
import warnings
from pathlib import Path

import httpx
import pytest
from PIL import ExifTags, Image

with warnings.catch_warnings():  # Starlette would rather have httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from kiosk import handoff
from kiosk.catalogue.build import build
from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.submissions import Submissions
from kiosk.uploads import MAX_BYTES, UploadStore
from kiosk.web.server import RedactTokens, create_app, free_port, start_in_background
from tests.identities import fake_id

FIXTURES = {
    "forms/general-appointment.yaml": """
id: general-appointment
title: {zh: 预约办理, en: Book a visit}
fields:
  - id: name
    type: name
    label: {zh: 您叫什么名字？, en: "What is your name?"}
""",
    "forms/lists.yaml": """
subdistricts:
  - {value: north, zh: 北街街道, en: North Street}
  - {value: south, zh: 南街街道, en: South Street}
""",
    "forms/card.yaml": """
id: card
title: {zh: 老年卡申请, en: Senior card application}
fields:
  - id: name
    type: name
    label: {zh: 您叫什么名字？, en: "What is your name?"}
    hint: {zh: 和身份证上的一样，例如：张三, en: "As on your ID card, for example Zhang San"}
  - id: id_number
    type: id_number
    label: {zh: 您的身份证号码是多少？, en: "What is your ID card number?"}
    hint: {zh: 18位，最后一位可能是X, en: "18 characters; the last may be X"}
  - id: sex
    type: choice
    label: {zh: 您的性别, en: Your sex}
    choices: [{value: male, zh: 男, en: Male}, {value: female, zh: 女, en: Female}]
    derived_from: id_number
  - id: birth_date
    type: date
    label: {zh: 您的出生日期, en: Your date of birth}
    derived_from: id_number
  - id: phone
    type: phone
    label: {zh: 您的手机号码是多少？, en: "What is your mobile number?"}
    hint: {zh: 例如：138 0000 0000, en: "For example: 138 0000 0000"}
  - id: subdistrict
    type: choice
    choices_from: subdistricts
    label: {zh: 您住在哪个街道？, en: "Which subdistrict do you live in?"}
  - id: has_agent
    type: yes_no
    label: {zh: 有人代您办理吗？, en: "Is someone applying for you?"}
  - id: agent_name
    type: name
    when: {field: has_agent, equals: "yes"}
    label: {zh: 代办人叫什么名字？, en: "What is the agent's name?"}
  - id: collect_day
    type: date
    min: 2020
    max: 2040
    label: {zh: 您想哪一天来取卡？, en: "Which day will you collect the card?"}
    hint: {zh: 选年、月、日, en: "Choose the year, month and day"}
  - id: note
    type: text
    required: false
    max_length: 50
    label: {zh: 还有什么要说的吗？, en: "Anything else?"}
""",
    "catalogue/services.yaml": """
services:
  - id: card-service
    name: {zh: 申领老年人优待证, en: Apply for a senior citizen card}
    plain: {zh: 办老年卡, en: Get a senior card}
    department: {zh: 区卫健局, en: District Health Commission}
    place: {zh: 区政务服务中心一楼 3号窗口, en: "Service Centre, floor 1, window 3"}
    time_limit: {zh: 当场办结, en: Done while you wait}
    fee: {zh: 免费, en: Free}
    form: card
    materials:
      - {id: id-card, name: {zh: 本人居民身份证原件, en: Your resident ID card}, required: true}
      - {id: photo, name: {zh: 近期一寸免冠照片1张, en: One recent passport-size photo}, required: false}
""",
    "catalogue/groups.yaml": """
groups:
  - id: personal
    name: {zh: 个人办事, en: Personal}
    scenarios:
      - id: old-age
        name: {zh: 我老了, en: Getting older}
        services: [card-service]
""",
}

SERVICE = "card-service"
ID_NUMBER = fake_id("19500101", "123")  # serial 123: odd, so male; born 1 January 1950
GOOD_ANSWERS = {  # field -> what the visitor posts, in the order asked
    "name": {"answer": "张三"},
    "id_number": {"answer": ID_NUMBER},
    "phone": {"answer": "138 0000 0000"},
    "subdistrict": {"answer": "north"},
    "has_agent": {"answer": "no"},
    "collect_day": {"year": "2030", "month": "3", "day": "9"},
    "note": {"answer": ""},
}


def build_test_catalogue(folder: Path) -> Path:
    """A catalogue.db built by the real builder from the small fixtures above."""
    assets = folder / "assets"
    for name, text in FIXTURES.items():
        path = assets / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip(), encoding="utf-8")
    output = folder / "catalogue.db"
    build(assets, output)
    return output


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def photo_bytes(kind: str = "JPEG", size=(64, 48), orientation: int | None = None) -> bytes:
    """A real photo with the metadata a phone camera writes: maker, GPS position."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestPhone"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 27.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (106.0, 38.0, 24.0)
    out = io.BytesIO()
    image.save(out, kind, exif=exif)
    return out.getvalue()


@pytest.fixture(scope="session")
def catalogue_db(tmp_path_factory) -> Path:
    return build_test_catalogue(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture
def config(tmp_path, catalogue_db) -> Config:
    return Config.load(data_dir=str(tmp_path / "data"), catalogue=str(catalogue_db),
                       host="127.0.0.1", port=8765, public_url="http://192.168.1.23:8765")


@pytest.fixture
def client(config):
    with TestClient(create_app(config), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def store(config) -> DraftStore:
    return DraftStore(config.ensure_data_dir() / "drafts.db")


@pytest.fixture
def draft(store):
    """A draft started at a kiosk, and the token its QR code carries."""
    created = store.create(SERVICE, kiosk="kiosk-1")
    return created, store.issue_token(created.id)


def answer(client, token: str, field: str, data: dict, **extra) -> httpx.Response:
    """Open a question page, then post an answer to it as the browser would."""
    page = client.get(f"/r/{token}/q/{field}")
    return client.post(f"/r/{token}/q/{field}",
                       data={"csrf": csrf_of(page.text), "action": "next", **data, **extra})


def answer_everything(client, token: str) -> None:
    for field, data in GOOD_ANSWERS.items():
        response = answer(client, token, field, data)
        assert response.status_code == 303, (field, response.text[:500])


# -- opening a link ---------------------------------------------------------------------------


def test_the_qr_link_opens_the_draft_in_upper_and_lower_case(client, draft, config):
    _, token = draft
    url = handoff.phone_url(config.public_url, token)
    assert "/R/" in url
    for path in (f"/R/{token}", f"/r/{token}", f"/r/{token.lower()}", f"/R/{token.lower()}"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "办老年卡" in page.text and "开始填写" in page.text
    question = client.get(f"/R/{token.lower()}/q/name")
    assert question.status_code == 200 and "您叫什么名字？" in question.text


def test_unknown_and_malformed_tokens_get_a_kind_404(client):
    for path in ("/r/ABCDEFGHJKMNPQRS", "/r/short", "/r/../../etc/passwd", "/r/%00",
                 "/r/ABCDEFGHJKMNPQRS/q/name", "/nothing-here"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "找不到这个链接" in page.text and "Traceback" not in page.text


def test_an_expired_link_gets_a_kind_410(config, catalogue_db):
    now = [time.time()]
    store = DraftStore(config.ensure_data_dir() / "drafts.db", clock=lambda: now[0])
    created = store.create(SERVICE, lifetime=3600)
    token = store.issue_token(created.id, lifetime=60)
    with TestClient(create_app(config, clock=lambda: now[0])) as client:
        assert client.get(f"/r/{token}").status_code == 200
        now[0] += 61
        page = client.get(f"/r/{token}")
    assert page.status_code == 410
    assert "已经过期" in page.text and "续填码" in page.text


def test_without_a_catalogue_the_page_says_not_available(tmp_path, store):
    config = Config.load(data_dir=str(tmp_path / "data"), catalogue=str(tmp_path / "none.db"))
    token = store.issue_token(store.create(SERVICE).id)
    with TestClient(create_app(config)) as client:
        page = client.get(f"/r/{token}")
    assert page.status_code == 503 and "暂时用不了" in page.text


# -- answering --------------------------------------------------------------------------------


def test_questions_come_in_form_order_and_derived_ones_are_not_asked(client, draft, store):
    created, token = draft
    assert answer(client, token, "name", {"answer": "张三"}).headers["location"] == \
        f"/r/{token}/q/id_number"
    page = client.get(f"/r/{token}/q/id_number")
    assert "第2步，共7步" in page.text  # sex and birth date will come from the ID: never counted
    # sex and birth date follow from the ID number: the next question is the phone
    assert answer(client, token, "id_number", {"answer": ID_NUMBER}).headers["location"] == \
        f"/r/{token}/q/phone"
    assert "第3步，共7步" in client.get(f"/r/{token}/q/phone").text
    assert client.get(f"/r/{token}/q/sex").status_code == 303  # not asked: back to the start
    saved = store.get(created.id).values
    assert saved == {"name": "张三", "id_number": ID_NUMBER}
    assert {c.source for c in store.history(created.id)} == {"phone"}


def test_a_wrong_answer_comes_back_with_the_problem_and_what_was_typed(client, draft, store):
    created, token = draft
    response = answer(client, token, "phone", {"answer": "138 0000"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/r/{token}/q/phone?error=1"
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert 'value="1380000"' in page.text or 'value="138 0000"' in page.text
    assert "手机号码是1开头的11位数字" in page.text  # kiosk.forms.check's own words
    assert 'class="error-summary"' in page.text and 'aria-invalid="true"' in page.text
    assert store.get(created.id).values["phone"] == "138 0000"  # kept, though not yet right
    good = answer(client, token, "phone", {"answer": "138-0000-0000"})
    assert good.headers["location"] == f"/r/{token}/q/subdistrict"
    assert store.get(created.id).values["phone"] == "13800000000"


def test_an_empty_required_answer_says_what_to_do(client, draft):
    _, token = draft
    response = answer(client, token, "name", {"answer": "   "})
    page = client.get(response.headers["location"])
    assert "这一项还没有填" in page.text


def test_back_keeps_what_was_typed_without_checking_it(client, draft, store):
    created, token = draft
    answer(client, token, "id_number", {"answer": ID_NUMBER})
    response = answer(client, token, "phone", {"answer": "12"}, action="back")
    assert response.headers["location"] == f"/r/{token}/q/id_number"
    assert store.get(created.id).values["phone"] == "12"
    first = answer(client, token, "name", {"answer": "张"}, action="back")
    assert first.headers["location"] == f"/r/{token}"


def test_dates_are_chosen_as_year_month_and_day(client, draft, store):
    created, token = draft
    page = client.get(f"/r/{token}/q/collect_day")
    for name in ("year", "month", "day"):
        assert f'<select name="{name}"' in page.text
    assert '<option value="2040">' in page.text and '<option value="2019">' not in page.text
    partial = answer(client, token, "collect_day", {"year": "2030", "month": "2", "day": ""})
    again = client.get(partial.headers["location"])
    assert again.status_code == 200 and "这个日期不对" in again.text
    assert '<option value="2030" selected>' in again.text  # the choices made so far stay
    assert '<option value="2" selected>' in again.text
    impossible = answer(client, token, "collect_day", {"year": "2030", "month": "2", "day": "30"})
    assert "error=1" in impossible.headers["location"]
    answer(client, token, "collect_day", {"year": "2030", "month": "3", "day": "9"})
    assert store.get(created.id).values["collect_day"] == "2030-03-09"


def test_choices_are_big_radio_buttons_and_refuse_made_up_values(client, draft):
    _, token = draft
    page = client.get(f"/r/{token}/q/subdistrict")
    assert page.text.count('type="radio" name="answer"') == 2 and "北街街道" in page.text
    made_up = answer(client, token, "subdistrict", {"answer": "atlantis"})
    assert "error=1" in made_up.headers["location"]
    answer(client, token, "has_agent", {"answer": "yes"})
    assert client.get(f"/r/{token}/q/agent_name").status_code == 200  # asked when "yes"
    assert answer(client, token, "has_agent", {"answer": "no"}).headers["location"] == \
        f"/r/{token}/q/collect_day"


def test_id_numbers_are_masked_everywhere_but_their_own_question(client, draft):
    _, token = draft
    answer_everything(client, token)
    own = client.get(f"/r/{token}/q/id_number")
    assert ID_NUMBER in own.text
    check = client.get(f"/r/{token}/check")
    assert ID_NUMBER not in check.text
    assert ID_NUMBER[:3] + "*" * 13 + ID_NUMBER[-2:] in check.text
    assert "1950年1月1日" in check.text and "根据身份证号码自动填写" in check.text


def test_english_is_chosen_by_link_and_remembered(client, draft):
    _, token = draft
    english = client.get(f"/r/{token}?lang=en")
    assert "Get a senior card" in english.text and 'lang="en"' in english.text
    assert client.cookies.get("kiosk_lang") == "en"
    later = client.get(f"/r/{token}/q/phone")
    assert "What is your mobile number?" in later.text and "Step 3 of 7" in later.text
    back = client.get(f"/r/{token}/q/phone?lang=zh")
    assert "您的手机号码是多少？" in back.text


def test_autosave_keeps_each_answer_as_it_changes(client, draft, store):
    created, token = draft
    csrf = csrf_of(client.get(f"/r/{token}/q/name").text)
    for typed in ("张", "张三"):
        saved = client.post(f"/r/{token}/q/name/autosave", data={"csrf": csrf, "answer": typed})
        assert saved.status_code == 200 and saved.json() == {"saved": True, "was": typed}
    assert store.get(created.id).values["name"] == "张三"
    assert [c.value for c in store.history(created.id)] == ["张", "张三"]
    refused = client.post(f"/r/{token}/q/name/autosave", data={"answer": "李四"})
    assert refused.status_code == 403 and refused.json()["saved"] is False


# -- CSRF -------------------------------------------------------------------------------------


def test_posts_without_a_valid_csrf_token_are_refused_and_change_nothing(client, draft, store,
                                                                         config):
    created, token = draft
    other = store.create(SERVICE)
    other_token = store.issue_token(other.id)
    good = csrf_of(client.get(f"/r/{token}/q/name").text)
    other_csrf = csrf_of(client.get(f"/r/{other_token}/q/name").text)
    attempts = [
        ({"answer": "坏人"}, {}),                                   # no token
        ({"answer": "坏人", "csrf": "0" * 40}, {}),                 # a made-up token
        ({"answer": "坏人", "csrf": other_csrf}, {}),               # another draft's token
        ({"answer": "坏人", "csrf": good}, {"origin": "http://evil.example"}),
        ({"answer": "坏人", "csrf": good}, {"sec-fetch-site": "cross-site"}),
    ]
    for data, headers in attempts:
        refused = client.post(f"/r/{token}/q/name", data=data, headers=headers)
        assert refused.status_code == 403, (data, headers)
        assert "请重新打开这一页" in refused.text
        assert f'href="/r/{token}/q/name"' in refused.text
    # a stranger's browser has no cookie at all
    with TestClient(create_app(config), follow_redirects=False) as stranger:
        assert stranger.post(f"/r/{token}/q/name",
                             data={"answer": "坏人", "csrf": good}).status_code == 403
    for path in ("/submit", "/materials/id-card"):
        assert client.post(f"/r/{token}{path}", data={"x": "1"}).status_code == 403
    assert store.get(created.id).values == {} and store.get(created.id).status == "open"
    # Origin: null is what a no-referrer page sends with its own forms: allowed with the token
    ok = client.post(f"/r/{token}/q/name", data={"answer": "张三", "csrf": good},
                     headers={"origin": "null"})
    assert ok.status_code == 303 and store.get(created.id).values == {"name": "张三"}


# -- photos -----------------------------------------------------------------------------------


def upload(client, token: str, material: str, content: bytes, name="photo.jpg",
           kind="image/jpeg") -> httpx.Response:
    page = client.get(f"/r/{token}/materials/{material}")
    return client.post(f"/r/{token}/materials/{material}", data={"csrf": csrf_of(page.text)},
                       files={"photo": (name, content, kind)})


@pytest.mark.parametrize("kind", ["JPEG", "PNG"])
def test_a_photo_is_kept_under_a_server_name_without_its_exif(client, draft, config, kind):
    created, token = draft
    original = photo_bytes(kind)
    assert b"TestPhone" in original and Image.open(io.BytesIO(original)).getexif()
    response = upload(client, token, "id-card", original, name="../../我的身份证.jpg")
    assert response.status_code == 303
    assert response.headers["location"] == f"/r/{token}/materials/id-card?added=1"
    uploads = UploadStore(config.drafts_db, config.data_dir / "uploads")
    [kept] = uploads.for_draft(created.id)
    assert kept.material_id == "id-card" and kept.source == "phone"
    path = uploads.path(kept)
    assert path.parent.parent == config.data_dir / "uploads"
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", path.name) and "身份证" not in str(path)
    stored = path.read_bytes()
    assert b"TestPhone" not in stored and b"Exif" not in stored
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.size == (64, 48)
        assert not image.getexif() and ExifTags.IFD.GPSInfo not in image.getexif()
    page = client.get(response.headers["location"])
    assert "照片已经收到了" in page.text and f"/r/{token}/photos/{kept.id}" in page.text
    served = client.get(f"/r/{token}/photos/{kept.id}")
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert served.content == stored
    check = client.get(f"/r/{token}/check")
    assert "已拍 1 张" in check.text


def test_a_sideways_photo_is_turned_upright(client, draft, config):
    created, token = draft
    upload(client, token, "id-card", photo_bytes("JPEG", (64, 48), orientation=6))
    [kept] = UploadStore(config.drafts_db, config.data_dir / "uploads").for_draft(created.id)
    assert (kept.width, kept.height) == (48, 64)


def test_a_file_that_only_claims_to_be_a_photo_is_refused(client, draft, config):
    created, token = draft
    for content in (b"%PDF-1.4 not a photo at all" * 20, b"\xff\xd8\xff\xe0" + b"\0" * 100,
                    b"GIF89a" + b"\0" * 50):
        refused = upload(client, token, "id-card", content, name="photo.jpg")
        assert refused.status_code == 415, content[:10]
        assert "这不是一张照片" in refused.text
    assert UploadStore(config.drafts_db, config.data_dir / "uploads").for_draft(created.id) == []
    leftovers = list((config.data_dir / "uploads").rglob("*")) if (
        config.data_dir / "uploads").exists() else []
    assert [p for p in leftovers if p.is_file()] == []


def test_an_oversize_upload_is_refused_with_413(client, draft, config):
    created, token = draft
    too_big = b"\xff\xd8\xff" + b"\0" * (MAX_BYTES + 1000)
    refused = upload(client, token, "id-card", too_big)
    assert refused.status_code == 413 and "这张照片太大了" in refused.text
    assert UploadStore(config.drafts_db, config.data_dir / "uploads").for_draft(created.id) == []


def test_an_ordinary_form_post_may_not_be_large(client, draft):
    _, token = draft
    csrf = csrf_of(client.get(f"/r/{token}/q/note").text)
    refused = client.post(f"/r/{token}/q/note", data={"csrf": csrf, "answer": "字" * 40000})
    assert refused.status_code == 413


def test_a_photo_can_be_taken_back(client, draft, config):
    created, token = draft
    upload(client, token, "photo", photo_bytes())
    uploads = UploadStore(config.drafts_db, config.data_dir / "uploads")
    [kept] = uploads.for_draft(created.id)
    page = client.get(f"/r/{token}/materials/photo")
    removed = client.post(f"/r/{token}/materials/photo/{kept.id}/remove",
                          data={"csrf": csrf_of(page.text)})
    assert removed.status_code == 303
    assert uploads.for_draft(created.id) == [] and not uploads.path(kept).exists()
    assert client.get(f"/r/{token}/photos/{kept.id}").status_code == 404


def test_photos_of_one_draft_cannot_be_seen_through_another(client, draft, store, config):
    created, token = draft
    upload(client, token, "id-card", photo_bytes())
    [kept] = UploadStore(config.drafts_db, config.data_dir / "uploads").for_draft(created.id)
    other_token = store.issue_token(store.create(SERVICE).id)
    assert client.get(f"/r/{other_token}/photos/{kept.id}").status_code == 404


# -- submitting -------------------------------------------------------------------------------


def test_submit_gives_a_reference_and_the_link_turns_read_only(client, draft, store):
    created, token = draft
    answer_everything(client, token)
    check = client.get(f"/r/{token}/check")
    assert check.status_code == 200 and "确认无误，提交" in check.text
    submitted = client.post(f"/r/{token}/submit", data={"csrf": csrf_of(check.text)})
    assert submitted.headers["location"] == f"/r/{token}/receipt"
    after = store.get(created.id)
    today = dt.date.today().strftime("%Y%m%d")
    assert after.status == "submitted" and after.reference == f"JB-{today}-0001"
    assert after.values["sex"] == "male" and after.values["birth_date"] == "1950-01-01"
    receipt = client.get(f"/r/{token}/receipt")
    receipt_text = re.sub(r"<[^>]+>", "", receipt.text)
    for words in ("提交成功", after.reference, "区政务服务中心一楼 3号窗口", "当场办结",
                  "本人居民身份证原件", "138****0000"):
        assert words in receipt_text, words
    assert ID_NUMBER not in receipt.text
    status = client.get(f"/r/{token}")
    assert after.reference in re.sub(r"<[^>]+>", "", status.text) and "已提交，等待窗口受理" in status.text
    assert "<form" not in status.text
    assert client.get(f"/r/{token}/q/name").headers["location"] == f"/r/{token}"
    late = client.post(f"/r/{token}/q/name", data={"csrf": csrf_of(check.text),
                                                    "answer": "李四"})
    assert late.status_code == 409 and store.get(created.id).values["name"] == "张三"
    twice = client.post(f"/r/{token}/submit", data={"csrf": csrf_of(check.text)})
    assert twice.headers["location"] == f"/r/{token}/receipt"
    assert store.get(created.id).reference == after.reference
    english = client.get(f"/r/{token}/receipt?lang=en")
    assert "Submitted" in english.text and "Service Centre, floor 1, window 3" in english.text


def test_submit_with_answers_missing_goes_back_to_the_check_page(client, draft, store):
    created, token = draft
    answer(client, token, "name", {"answer": "张三"})
    check = client.get(f"/r/{token}/check")
    assert "确认无误，提交" not in check.text and "要改正" in check.text
    csrf = csrf_of(client.get(f"/r/{token}/q/name").text)
    refused = client.post(f"/r/{token}/submit", data={"csrf": csrf})
    assert refused.headers["location"] == f"/r/{token}/check?error=1"
    assert store.get(created.id).status == "open"


def test_changing_an_answer_from_the_check_page_returns_there(client, draft):
    _, token = draft
    answer_everything(client, token)
    page = client.get(f"/r/{token}/q/phone?from=check")
    assert 'name="from" value="check"' in page.text and "保存，回到检查页" in page.text
    response = client.post(f"/r/{token}/q/phone", data={
        "csrf": csrf_of(page.text), "answer": "13900000000", "from": "check"})
    assert response.headers["location"] == f"/r/{token}/check"


def test_reference_numbers_count_up_per_day(config, store):
    day = dt.datetime(2026, 12, 3, 10, 0).timestamp()
    submissions = Submissions(config.drafts_db, clock=lambda: day)
    references = [submissions.submit(store.create(SERVICE).id).reference for _ in range(3)]
    assert references == ["JB-20261203-0001", "JB-20261203-0002", "JB-20261203-0003"]


# -- the kiosk and the phone at once --------------------------------------------------------


def test_kiosk_and_phone_editing_one_draft_lose_nothing(client, draft, config):
    created, token = draft
    kiosk = DraftStore(config.drafts_db)
    csrf = csrf_of(client.get(f"/r/{token}/q/name").text)
    rounds = 25
    failures: list[BaseException] = []

    def kiosk_typing() -> None:
        try:
            for i in range(rounds):
                kiosk.save_value(created.id, "note", f"kiosk {i}", source="kiosk")
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    typist = threading.Thread(target=kiosk_typing)
    typist.start()
    for i in range(rounds):
        saved = client.post(f"/r/{token}/q/phone/autosave",
                            data={"csrf": csrf, "answer": f"1380000{i:04d}"})
        assert saved.status_code == 200
    typist.join()
    assert not failures
    values = kiosk.get(created.id).values
    assert values["note"] == f"kiosk {rounds - 1}" and values["phone"] == f"1380000{rounds - 1:04d}"
    history = kiosk.history(created.id)
    assert len([c for c in history if c.source == "kiosk"]) == rounds
    assert len([c for c in history if c.source == "phone"]) == rounds

    # one field, both sides: the latest wins, the history keeps both
    kiosk.save_value(created.id, "name", "王五", source="kiosk")
    answer(client, token, "name", {"answer": "张三"})
    assert kiosk.get(created.id).values["name"] == "张三"
    kiosk.save_value(created.id, "name", "张三丰", source="kiosk")
    assert kiosk.get(created.id).values["name"] == "张三丰"
    names = [(c.value, c.source) for c in kiosk.history(created.id) if c.field_id == "name"]
    assert names == [("王五", "kiosk"), ("张三", "phone"), ("张三丰", "kiosk")]


def test_a_stale_phone_page_does_not_undo_a_newer_kiosk_change(client, draft, config):
    created, token = draft
    kiosk = DraftStore(config.drafts_db)
    kiosk.save_value(created.id, "phone", "13800000000", source="kiosk")
    page = client.get(f"/r/{token}/q/phone")  # the phone shows 13800000000
    kiosk.save_value(created.id, "phone", "13911112222", source="kiosk")  # changed at the kiosk
    # the visitor presses Next without touching the answer
    client.post(f"/r/{token}/q/phone", data={"csrf": csrf_of(page.text),
                                             "answer": "13800000000", "was": "13800000000"})
    assert kiosk.get(created.id).values["phone"] == "13911112222"


# -- bad requests -----------------------------------------------------------------------------


def test_bad_requests_get_clear_4xx_pages_never_a_500(client, draft, store):
    created, token = draft
    csrf = csrf_of(client.get(f"/r/{token}/q/name").text)
    cases = [
        ("post", f"/r/{token}/q/name", {"content": b"\xff\xfe garbage",
                                        "headers": {"content-type": "application/json"}}),
        ("post", f"/r/{token}/q/name", {"content": b"--x\r\nbroken",
                                        "headers": {"content-type":
                                                    "multipart/form-data; boundary=x"}}),
        ("post", f"/r/{token}/q/no_such_field", {"data": {"csrf": csrf, "answer": "1"}}),
        ("post", f"/r/{token}/materials/..%2F..%2Fetc", {"data": {"csrf": csrf}}),
        ("get", f"/r/{token}/materials/../../../etc/passwd", {}),
        ("get", f"/r/{token}/photos/..%2Fdrafts.db", {}),
        ("get", f"/r/{token}/photos/{'0' * 32}", {}),
        ("post", f"/r/{token}/q/collect_day", {"data": {"csrf": csrf, "year": "2" * 50}}),
        ("get", f"/r/{token}/submit", {}),
        ("post", f"/r/{token}/materials/id-card",
         {"data": {"csrf": csrf}, "files": [("photo", ("a.jpg", b"1", "image/jpeg")),
                                            ("photo", ("b.jpg", b"2", "image/jpeg"))]}),
    ]
    for method, path, kwargs in cases:
        response = getattr(client, method)(path, **kwargs)
        assert 400 <= response.status_code < 500, (path, response.status_code)
        print(method, path[-30:], response.status_code)
        assert "Traceback" not in response.text and "<!doctype html>" in response.text
    assert store.get(created.id).values == {}


def test_every_response_carries_the_security_headers(client, draft):
    _, token = draft
    page = client.get(f"/r/{token}")
    for response in (page, client.get("/r/ABCDEFGHJKMNPQRS"), client.get(
            re.search(r'href="(/static/phone.css[^"]*)"', page.text).group(1))):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    assert "<script>" not in page.text and " style=" not in page.text and "onclick" not in page.text
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_the_page_works_without_javascript_using_plain_forms(client, draft):
    _, token = draft
    page = client.get(f"/r/{token}/q/name")
    form = re.search(r'<form method="post" action="([^"]+)"', page.text)
    assert form and form.group(1) == f"/r/{token}/q/name"
    assert 'name="action" value="next"' in page.text and 'name="action" value="back"' in page.text
    upload_page = client.get(f"/r/{token}/materials/id-card")
    assert 'enctype="multipart/form-data"' in upload_page.text
    assert 'accept="image/*" capture' in upload_page.text
    assert "上传这张照片" in upload_page.text  # the button that JavaScript would hide


def test_logs_carry_no_tokens_and_no_client_addresses():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("192.168.1.50:5555", "GET", "/R/ABCDEFGHJKMNPQRS/q/name?lang=en",
                                "1.1", 200), None)
    RedactTokens().filter(record)
    line = record.getMessage()
    assert "ABCDEFGHJKMNPQRS" not in line and "192.168.1.50" not in line
    assert "/q/name" in line and "200" in line


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_page_colours_have_seven_to_one_contrast():
    css = (Path(__file__).parent.parent / "kiosk/web/static/phone.css").read_text()
    colour = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [("ink", "paper"), ("quiet", "paper"), ("blue", "paper"), ("red", "paper"),
             ("green", "paper"), ("ink", "selected"), ("ink", "tint"), ("quiet", "tint"),
             ("paper", "blue")]
    for text, background in pairs:
        light, dark = sorted((_luminance(colour[text]), _luminance(colour[background])),
                             reverse=True)
        ratio = (light + 0.05) / (dark + 0.05)
        assert ratio >= 7, (text, background, round(ratio, 2))
    assert re.search(r"html \{ font-size: 24px", css)  # 18 pt


def test_the_server_runs_in_the_background_without_printing(config, capfd, draft):
    _, token = draft
    port = free_port()
    quiet = Config(**{**config.__dict__, "port": port})
    background = start_in_background(quiet)
    try:
        assert background.wait_started(10)
        response = httpx.get(f"http://127.0.0.1:{port}/R/{token}")
        assert response.status_code == 200 and "办老年卡" in response.text
    finally:
        background.stop()
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    log = (config.data_dir / "phone-server.log").read_text()
    assert "GET /r/" in log.replace("/R/", "/r/") and token not in log


def test_https_is_served_when_certificate_files_are_configured(config, tmp_path, monkeypatch,
                                                                draft):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    _, token = draft
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    monkeypatch.setenv("KIOSK_TLS_CERT", str(cert))
    monkeypatch.setenv("KIOSK_TLS_KEY", str(key))
    port = free_port()
    background = start_in_background(Config(**{**config.__dict__, "port": port}))
    try:
        assert background.wait_started(10)
        page = httpx.get(f"https://127.0.0.1:{port}/R/{token}", verify=False)
    finally:
        background.stop()
    assert page.status_code == 200 and "办老年卡" in page.text
    assert page.headers["strict-transport-security"].startswith("max-age=")
    assert "secure" in page.headers["set-cookie"].lower()


def test_a_half_configured_certificate_leaves_the_kiosk_running(config, monkeypatch, capfd):
    monkeypatch.setenv("KIOSK_TLS_CERT", "/nonexistent/cert.pem")
    monkeypatch.delenv("KIOSK_TLS_KEY", raising=False)
    background = start_in_background(Config(**{**config.__dict__, "port": free_port()}))
    assert background.wait_started(2) is False
    background.stop()
    assert capfd.readouterr() == ("", "")
    assert "KIOSK_TLS_KEY" in (config.data_dir / "phone-server.log").read_text()


def test_a_service_no_longer_in_the_catalogue_still_opens_with_the_general_form(client,
                                                                               store):
    token = store.issue_token(store.create("an-item-since-removed").id)
    page = client.get(f"/r/{token}")
    assert page.status_code == 200 and "预约办理" in page.text
    assert "您叫什么名字？" in client.get(f"/r/{token}/q/name").text


def test_an_unexpected_failure_shows_a_kind_page_and_logs_no_token(client, draft, monkeypatch,
                                                                    caplog):
    _, token = draft

    def broken(*args, **kwargs):
        raise RuntimeError(f"disk on fire near {token}")

    monkeypatch.setattr("kiosk.web.routes.overview.materials_of", broken)
    with caplog.at_level(logging.ERROR, logger="kiosk.web"):
        page = client.get(f"/r/{token}")
    assert page.status_code == 500 and "出了点问题" in page.text and "Traceback" not in page.text
    assert page.headers["content-security-policy"]
    assert "RuntimeError" in caplog.text and token not in caplog.text
