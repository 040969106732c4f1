"""Browsing a store like datasette, without the model: totals and pages, filters, CSV twins,
names with "/", outlet pages, caps on free text, pages that put nobody's words in a named mouth."""
from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corpus_helpers import make_doc
from reportedly.store import open_store
from reportedly.store.derived import identify_speakers
from reportedly.store.write import store_document
from web_support import assert_error_shape

_spec = importlib.util.spec_from_file_location("store_faults", Path(__file__).resolve().parents[1] / "benchmarks" / "store_faults.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _named(doc, name, type="person"):
    for att in doc["attributions"]:
        att["speaker"] = {"name": name, "type": type}
    return doc


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from reportedly.web import create_app
    from reportedly.web.store import StoreReader

    path = tmp_path_factory.mktemp("browse") / "b.db"
    db = open_store(path)
    docs = [
        _named(make_doc(f"wash-post_2016-0{m}-01_x{m}", "Donald Trump said the wall would be built.",
                        [("Donald Trump", "said", "the wall would be built", "indirect")],
                        outlet="wash-post", published=f"2016-0{m}-01T00:00:00"), "Donald Trump")
        for m in range(1, 8)
    ]
    docs.append(_named(make_doc("ac-dc_2016-02-02", "AC/DC said the tour would go on in May.",
                                [("AC/DC", "said", "the tour would go on in May", "indirect")],
                                outlet="The Washington Post", published="2016-02-02T00:00:00"), "AC/DC", "organization"))
    docs.append(make_doc("nyt_2016-03-03", "He said the wall would be built by Donald Trump soon.",
                         [("He", "said", "the wall would be built by Donald Trump soon", "indirect")],
                         outlet="nyt", published="2016-03-03T00:00:00"))
    for n, doc in enumerate(docs):
        store_document(db, doc, f"h{n}")
    identify_speakers(db)
    db.close()
    with TestClient(create_app(store=StoreReader(path), analyzer=bench.EchoAnalyzer())) as c:
        yield c


def test_totals_and_real_pages(client):
    first = client.get("/speakers/Donald Trump.json", params={"limit": 3}).json()
    assert first["total"] == 7 and len(first["statements"]) == 3 and first["page"]["prev"] is None
    second = client.get(first["page"]["next"], headers={"accept": "application/json"}).json()
    assert second["offset"] == 3 and [s["attribution"] for s in second["statements"]] != [s["attribution"] for s in first["statements"]]
    last = client.get("/speakers/Donald Trump.json", params={"limit": 3, "offset": 6}).json()
    assert len(last["statements"]) == 1 and last["page"]["next"] is None
    found = client.get("/search.json", params={"q": "wall built", "limit": 2}).json()
    assert found["total"] == 8 and len(found["results"]) == 2 and "of 8 statements" in client.get("/search", params={"q": "wall built", "limit": 2}).text


def test_no_named_page_holds_an_unresolved_pronoun(client):
    rows = client.get("/api/speakers/Donald Trump", params={"limit": 100}).json()["statements"]
    assert rows and all(r["source"] != "He" for r in rows)


def test_names_with_a_slash_and_filters(client):
    page = client.get("/speakers/AC%2FDC")
    assert page.status_code == 200 and "the tour would go on in May" in page.text
    assert 'href="/speakers/AC%2FDC"' in client.get("/speakers", params={"name": "ac/"}).text
    assert [s["name"] for s in client.get("/api/speakers", params={"type": "organization"}).json()["speakers"]] == ["AC/DC"]
    only = client.get("/api/search", params={"q": "the", "speaker_type": "organization"}).json()
    assert only["total"] == 1
    dated = client.get("/api/search", params={"q": "wall", "since": "2016-03", "until": "2016-04-01"}).json()
    assert {r["published"][:7] for r in dated["results"]} == {"2016-03", "2016-04"}
    assert client.get("/api/search", params={"q": "wall", "outlet": "The Washington Post"}).json()["total"] == 7
    assert client.get("/api/search", params={"q": "wall", "kind": "direct"}).json()["total"] == 0


def test_articles_and_outlets(client):
    data = client.get("/articles.json", params={"outlet": "wash-post", "limit": 5}).json()
    assert data["total"] == 8 and len(data["articles"]) == 5 and data["articles"][0]["outlet"] == "The Washington Post"
    outlets = client.get("/api/outlets").json()["outlets"]
    post = next(o for o in outlets if o["outlet"] == "The Washington Post")
    assert post["articles"] == 8 and "wash-post" in post["aliases"]
    page = client.get("/outlets/wash-post")
    assert page.status_code == 200 and "Donald Trump" in page.text
    assert_error_shape(client.get("/api/outlets/Nowhere Gazette"), 404)


def test_csv_twins_of_listings(client):
    response = client.get("/speakers.csv", params={"all": "true"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["name"] for r in rows} >= {"Donald Trump", "AC/DC", "he"}
    statements = list(csv.DictReader(io.StringIO(client.get("/search.csv", params={"q": "wall"}).text)))
    assert len(statements) == 8 and "snippet_parts" not in statements[0]


def test_free_text_is_capped_on_pages_and_api(client):
    long = "wall " * 1000
    for route, field in (("/search", "q"), ("/trace", "text"), ("/api/search", "q"), ("/api/trace", "text"),
                         ("/speakers", "name"), ("/articles", "outlet")):
        response = client.get(route, params={field: long}, headers={"accept": "application/json"})
        assert_error_shape(response, 422)
    assert_error_shape(client.get("/api/speakers", params={"sort": "name; DROP TABLE speakers"}), 422)
    assert_error_shape(client.get("/api/search", params={"q": "wall", "since": "yesterday"}), 422)
