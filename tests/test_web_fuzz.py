"""The phone server fuzzed over every route, form post and upload: only kind 4xx pages,
never a 500, and a refused request writes nothing."""

from __future__ import annotations

import sqlite3
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import Config
from kiosk.drafts import DraftStore
from kiosk.web.server import create_app
from tests.test_web_phone import build_test_catalogue, csrf_of

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

FIELDS = ["name", "id_number", "phone", "subdistrict", "collect_day", "note", "sex", "nope",
          "..%2F..%2Fetc", "%00", "q" * 300]
SUFFIXES = ["", "/q/{f}", "/q/{f}/autosave", "/materials", "/materials/id-card",
            "/materials/../../x", "/materials/id-card/{u}/remove", "/photos/{u}", "/check",
            "/submit", "/receipt", "/%2e%2e/%2e%2e/etc/passwd", "/q/{f}/%ff"]
ODD_TEXT = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["\x1b[2J", "\x00", "<script>alert(1)</script>", "'; DROP TABLE drafts;--",
                     "😀" * 500, "字" * 70_000, "../../etc/passwd", "\ud800".encode("utf-8",
                     "surrogatepass").decode("utf-8", "replace")]),
)
FILE_NAMES = st.one_of(st.text(max_size=80), st.sampled_from(
    ["../../evil.jpg", "/etc/passwd", "a\x00.jpg", "CON", "x" * 5000, "照片.jpg", ""]))
FILE_BODIES = st.one_of(st.binary(max_size=2000), st.sampled_from(
    [b"\xff\xd8\xff\xe0" + b"\x00" * 100, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, b"GIF89a",
     b"<svg onload=alert(1)>"]))


@pytest.fixture(scope="module")
def phone(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    config = Config.load(data_dir=str(folder / "data"),
                         catalogue=str(build_test_catalogue(folder)), host="127.0.0.1",
                         port=8765, public_url="http://192.168.1.23:8765")
    store = DraftStore(config.ensure_data_dir() / "drafts.db")
    draft = store.create("card-service", kiosk="kiosk-1")
    token = store.issue_token(draft.id)
    with TestClient(create_app(config), follow_redirects=False,
                    raise_server_exceptions=False) as client:
        yield client, token, config


def _snapshot(config: Config) -> tuple:
    db = sqlite3.connect(config.drafts_db)
    try:
        return (db.execute("SELECT COUNT(*) FROM draft_history").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM uploads").fetchone()[0]
                if db.execute("SELECT name FROM sqlite_master WHERE name='uploads'").fetchone()
                else 0,
                sorted(p.name for p in (config.data_dir / "uploads").rglob("*"))
                if (config.data_dir / "uploads").exists() else [])
    finally:
        db.close()


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]),
       suffix=st.sampled_from(SUFFIXES), field=st.sampled_from(FIELDS),
       token_kind=st.sampled_from(["good", "lower", "unknown", "odd"]),
       data=st.dictionaries(st.sampled_from(["answer", "action", "year", "month", "day",
                                             "csrf", "lang", "x"]), ODD_TEXT, max_size=4))
def test_any_request_without_a_valid_csrf_token_gets_a_4xx_page_and_writes_nothing(
        phone, method, suffix, field, token_kind, data):
    client, token, config = phone
    chosen = {"good": token, "lower": token.lower(), "unknown": "A" * 16,
              "odd": "..%2F" + token}[token_kind]
    path = "/r/" + chosen + suffix.format(f=field, u="0" * 32)
    before = _snapshot(config)
    response = client.request(method, path, data=data if method == "POST" else None)
    assert response.status_code < 500, (method, path, response.status_code)
    if method == "POST":
        assert response.status_code >= 400  # no valid CSRF token: refused
        assert _snapshot(config) == before


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=FILE_NAMES, body=FILE_BODIES,
       kind=st.sampled_from(["image/jpeg", "image/png", "text/html", "application/x-msdownload",
                             "", "image/svg+xml"]))
def test_odd_uploads_with_a_valid_token_are_refused_kindly_and_leave_nothing(
        phone, name, body, kind):
    client, token, config = phone
    page = client.get(f"/r/{token}/materials/id-card")
    before = _snapshot(config)
    response = client.post(f"/r/{token}/materials/id-card", data={"csrf": csrf_of(page.text)},
                           files={"photo": (name, body, kind)})
    if name and body:
        assert 400 <= response.status_code < 500, response.status_code
        assert "<html" in response.text.lower()  # a page a person can read, not a trace
    else:  # no name or no bytes is what a browser sends when no photo was chosen
        assert response.status_code in (303, 400)
    assert _snapshot(config) == before


def test_broken_multipart_and_huge_bodies_are_refused_and_write_nothing(phone):
    client, token, config = phone
    before = _snapshot(config)
    page = client.get(f"/r/{token}/materials/id-card")
    csrf = csrf_of(page.text)
    broken = client.post(f"/r/{token}/materials/id-card",
                         content=b"--xyz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                         + csrf.encode() + b"\r\n--xyz\r\nContent-Disp",
                         headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert broken.status_code in (303, 400)  # read as "no photo chosen"
    huge = client.post(f"/r/{token}/q/name", content=b"answer=" + b"a" * 5_000_000,
                       headers={"content-type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 413
    no_boundary = client.post(f"/r/{token}/materials/id-card", content=b"abc",
                              headers={"content-type": "multipart/form-data"})
    assert 400 <= no_boundary.status_code < 500
    assert _snapshot(config) == before
