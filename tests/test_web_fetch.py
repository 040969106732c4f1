"""The web form and POST /api/analyze with a URL: off unless allowed, no private addresses from a
public server, errors in the one shape, the fetch record and versions on the article page."""
from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from fetch_server import LocalServer, Reply, article_page, no_proxy, rss  # noqa: E402, F401 - no_proxy is autouse
from reportedly.cli_fetch import serve_fetch_policy  # noqa: E402
from reportedly.fetch import FetchOptions  # noqa: E402
from reportedly.web import create_app  # noqa: E402
from reportedly.web.fetching import FetchPolicy  # noqa: E402
from web_support import assert_error_shape  # noqa: E402

LOCAL = FetchPolicy(FetchOptions(delay=0, retries=0, read_timeout=2, total_timeout=4))
PUBLIC = FetchPolicy(FetchOptions(delay=0, retries=0, allow_private=False))
BRIDGE = ["The transport chief said on Monday that the old bridge would reopen next week after repairs.",
          "\u201cWe are confident the work is done,\u201d she told reporters at the town hall."]


@pytest.fixture
def server():
    with LocalServer() as s:
        s.routes["/news/bridge"] = Reply(body=article_page("Bridge to reopen", BRIDGE))
        yield s


def client(fetch=None, **kwargs) -> TestClient:
    return TestClient(create_app(fetch=fetch, **kwargs))


def test_a_server_without_fetching_says_how_to_turn_it_on(server):
    body = assert_error_shape(client().post("/api/analyze", json={"url": server.url("/news/bridge")}), 403)
    assert "--allow-fetch" in body["error"]
    assert server.requests == []


def test_a_public_server_refuses_private_addresses(server):
    body = assert_error_shape(client(PUBLIC).post("/api/analyze", json={"url": server.url("/news/bridge")}), 403)
    assert "private or local address" in body["error"]
    assert server.requests == []


def test_fetch_errors_come_in_the_one_shape(server):
    server.routes["/feed.xml"] = Reply(body=rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT")]),
                                       content_type="application/rss+xml")
    c = client(LOCAL)
    assert_error_shape(c.post("/api/analyze", json={"url": server.url("/news/missing")}), 502)
    assert "not an HTML page but application/rss+xml" in assert_error_shape(c.post("/api/analyze", json={"url": server.url("/feed.xml")}), 400)["error"]
    assert_error_shape(c.post("/api/analyze", json={"url": "file:///etc/passwd"}), 400)
    assert_error_shape(c.post("/api/analyze", json={"url": server.url("/x"), "text": "also"}), 400)
    assert_error_shape(c.post("/api/analyze", json={"url": 42}), 400)


def test_the_form_offers_a_url_only_when_the_server_fetches():
    assert 'name="url"' not in client().get("/").text
    assert 'name="url"' in client(LOCAL).get("/").text


def _serve_args(host: str, *extra: str) -> argparse.Namespace:
    from reportedly.cli import _parser

    return _parser().parse_args(["serve", "--host", host, *extra])


def test_serve_fetches_on_loopback_and_only_public_pages_when_allowed_beyond():
    assert serve_fetch_policy(_serve_args("127.0.0.1")).options.allow_private is True
    assert serve_fetch_policy(_serve_args("localhost", "--no-archive")).archive_dir is None
    assert serve_fetch_policy(_serve_args("0.0.0.0")) is None
    assert serve_fetch_policy(_serve_args("0.0.0.0", "--allow-fetch")).options.allow_private is False
    assert serve_fetch_policy(_serve_args("192.168.1.5", "--allow-fetch", "--db", "x.db")).archive_dir.name == "x-archive"


def _doc(id: str, url: str, text: str, fetched_at: datetime) -> dict:
    return {
        "schema": "reportedly/1", "id": id, "attributions": [], "entities": [], "errors": [], "voice": [], "profile": None,
        "article": {"title": "Bridge", "dek": None, "bylines": [], "outlet": None, "url": url, "published": None,
                    "updated": None, "image_credits": [], "language": "en", "boilerplate": [],
                    "paragraphs": [{"start": 0, "end": len(text), "role": "body"}], "text": text,
                    "fetch": {"requested_url": url, "url": url, "status": 200, "fetched_at": fetched_at.isoformat(),
                              "sha256": "ab" * 32, "content_type": "text/html", "redirects": [],
                              "archive": {"file": "reportedly-x.warc.gz", "record": "<urn:uuid:1>"}}},
    }


def test_the_article_page_shows_the_fetch_and_the_versions(tmp_path):
    from reportedly.store import open_store
    from reportedly.store.write import store_document
    from reportedly.web.store import StoreReader

    url = "https://news.example/bridge"
    day = datetime(2024, 5, 1, tzinfo=timezone.utc)
    db = open_store(tmp_path / "c.db")
    store_document(db, _doc(url, url, "The bridge will reopen on Monday.", day), "h1")
    store_document(db, _doc(url, url, "The bridge will reopen on Tuesday.", day + timedelta(days=1)), "h2")
    db.close()
    c = client(store=StoreReader(tmp_path / "c.db"))
    page = c.get(f"/articles/{url.replace('/', '%2F')}~h2", headers={"accept": "text/html"})
    assert page.status_code == 200, page.text
    assert "Fetched 2024-05-02 00:00:00 UTC · HTTP 200" in page.text and "ab" * 32 in page.text
    assert "reportedly-x.warc.gz" in page.text and "Versions of this page" in page.text
    twin = c.get(f"/articles/{url.replace('/', '%2F')}~h2.json").json()
    assert [v["id"] for v in twin["versions"]] == [url, f"{url}~h2"]
    assert twin["analysis"]["article"]["fetch"]["sha256"] == "ab" * 32


@pytest.mark.model
def test_a_url_is_fetched_analysed_and_shown(server, analyzer):
    c = client(LOCAL, analyzer=analyzer)
    r = c.post("/api/analyze", json={"url": server.url("/news/bridge")})
    assert r.status_code == 200, r.text
    analysis = r.json()
    assert analysis["article"]["fetch"]["url"] == server.url("/news/bridge") and analysis["id"].startswith("bridge-")
    assert analysis["attributions"]
    form = c.post("/analyze", data={"url": server.url("/news/bridge")}, follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"] == f"/articles/{analysis['id']}"
    page = c.get(form.headers["location"], headers={"accept": "text/html"})
    assert server.url("/news/bridge") in page.text and analysis["article"]["fetch"]["sha256"] in page.text
