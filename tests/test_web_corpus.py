"""Corpus pages and API over a small store: speakers, statements, search, trace, graph."""
from __future__ import annotations

import pytest

from fastapi.testclient import TestClient
from reportedly.web import create_app
from reportedly.web.corpus import diff_parts, snippet_parts
from reportedly.web.store import StoreReader
from web_support import assert_error_shape, build_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(analyzer, example_text, tmp_path_factory):
    path = build_store(tmp_path_factory.mktemp("store") / "corpus.db", analyzer, example_text)
    with TestClient(create_app(store=StoreReader(path), analyzer=analyzer)) as c:
        yield c


@pytest.fixture(scope="module")
def bare(analyzer):
    with TestClient(create_app(analyzer=analyzer)) as c:
        yield c


def test_speakers(client):
    data = client.get("/api/speakers").json()
    names = [s["name"] for s in data["speakers"]]
    assert data["ok"] and "Alexander Lukashenko" in names
    assert client.get("/speakers.json").json() == data
    page = client.get("/speakers")
    assert page.status_code == 200 and 'href="/speakers/Alexander%20Lukashenko"' in page.text


def test_one_speaker(client):
    data = client.get("/api/speakers/Alexander Lukashenko").json()
    assert data["statements"] and all(s["speaker"] == "Alexander Lukashenko" for s in data["statements"])
    page = client.get("/speakers/Alexander Lukashenko")
    assert page.status_code == 200 and "we have to be ready" in page.text.lower()
    assert client.get("/speakers/Alexander Lukashenko.json").json()["statements"] == data["statements"]
    assert_error_shape(client.get("/api/speakers/Nobody%20At%20All"), 404)


def test_search(client):
    data = client.get("/api/search", params={"q": "bridge reopen"}).json()
    assert len(data["results"]) >= 2
    page = client.get("/search", params={"q": "bridge reopen"})
    assert page.status_code == 200 and "<mark>" in page.text
    assert client.get("/search.json", params={"q": "bridge reopen"}).json()["results"] == data["results"]
    assert client.get("/search").status_code == 200
    assert_error_shape(client.get("/api/search", params={"q": "!!!"}), 400)
    assert_error_shape(client.get("/api/search"), 422)
    assert_error_shape(client.get("/api/search", params={"q": "bridge", "limit": "lots"}), 422)


def test_trace(client):
    text = "the bridge will reopen on Monday after the repairs are finished"
    data = client.get("/api/trace", params={"text": text}).json()
    outlets = [a["outlet"] for a in data["appearances"]]
    assert outlets[0] == "Daily Planet" and len(outlets) >= 2
    assert any(p["op"] in ("ins", "del") for a in data["appearances"] for p in a["diff_parts"])
    page = client.get("/trace", params={"text": text})
    assert page.status_code == 200 and 'class="timeline"' in page.text and "<ins>" in page.text
    assert_error_shape(client.get("/api/trace", params={"text": "..."}), 400)


def test_graph(client):
    data = client.get("/api/graph").json()
    assert data["ok"] and isinstance(data["edges"], list)
    page = client.get("/graph")
    assert page.status_code == 200
    assert ('<svg class="graph"' in page.text) == bool(data["edges"])
    assert ("Daily Planet", "Reuters") in {(e["citing"], e["cited"]) for e in data["edges"]}


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert stats["ok"] and stats["articles"] == 4


def test_stored_article_page_and_list(client):
    listed = client.get("/api/articles").json()
    assert "wire-1" in [a["id"] for a in listed["articles"]]
    page = client.get("/articles/wire-1")
    assert page.status_code == 200 and "hl-source" in page.text
    assert_error_shape(client.get("/api/articles/not-there"), 404)


@pytest.mark.parametrize("path", ["/api/speakers", "/api/speakers/x", "/api/search?q=x", "/api/trace?text=x", "/api/graph", "/api/stats", "/speakers.json", "/graph.json"])
def test_corpus_needs_a_store(bare, path):
    assert_error_shape(bare.get(path), 404)


def test_missing_store_file(tmp_path):
    from reportedly.errors import ReportedlyError

    with pytest.raises(ReportedlyError):
        StoreReader(tmp_path / "nope.db")


def test_parts():
    assert snippet_parts("a [b] c") == [{"text": "a ", "hit": False}, {"text": "b", "hit": True}, {"text": " c", "hit": False}]
    assert diff_parts("the [-old-] {+new+} text") == [
        {"op": "same", "text": "the"}, {"op": "del", "text": "old"}, {"op": "ins", "text": "new"}, {"op": "same", "text": "text"}]
