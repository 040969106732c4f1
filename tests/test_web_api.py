"""The HTTP API: every endpoint, good and bad input, the error contract and the JSON twins."""
from __future__ import annotations

import io

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from reportedly.web import create_app  # noqa: E402
from web_support import HOSTILE, assert_error_shape  # noqa: E402

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(analyzer):
    app = create_app(analyzer=analyzer, max_bytes=200_000)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def example(client, example_text):
    r = client.post("/api/analyze", json={"text": example_text, "name": "belarus-military-letter.txt"})
    assert r.status_code == 200, r.text
    return r.json()


def test_analyze_text_returns_schema_json(example):
    import json

    import jsonschema

    from reportedly.serialize import SCHEMA

    from pathlib import Path

    import reportedly

    schema = json.loads((Path(reportedly.__file__).parent / "schema" / "reportedly-1.schema.json").read_text())
    jsonschema.validate(example, schema)
    assert example["schema"] == SCHEMA
    assert example["id"].startswith("belarus-military-letter-")
    assert any(a["source"] and a["source"]["text"] == "Lukashenko" for a in example["attributions"])


def test_analyze_html(client):
    html = "<html><head><title>Bridge</title></head><body><article><p>Officials said the bridge would reopen on Monday, according to a statement from the city.</p></article></body></html>"
    r = client.post("/api/analyze", json={"html": html})
    assert r.status_code == 200, r.text
    assert "bridge would reopen" in r.json()["article"]["text"]


@pytest.mark.parametrize("name,ctype", [("note.txt", "text/plain"), ("page.html", "text/html")])
def test_analyze_upload(client, name, ctype):
    body = "Officials said the bridge would reopen on Monday."
    if name.endswith(".html"):
        body = f"<html><body><article><p>{body} The mayor said it was safe.</p></article></body></html>"
    r = client.post("/api/analyze", files={"file": (name, io.BytesIO(body.encode()), ctype)})
    assert r.status_code == 200, r.text
    assert r.json()["id"].startswith(name.split(".")[0] + "-")


def test_read_back_and_list(client, example):
    r = client.get(f"/api/articles/{example['id']}")
    assert r.status_code == 200 and r.json() == example
    listed = client.get("/api/articles").json()
    assert listed["ok"] and example["id"] in [a["id"] for a in listed["articles"]]


@pytest.mark.parametrize(
    "kwargs,status",
    [
        ({"content": b""}, 400),
        ({"content": b"", "headers": {"content-type": "application/json"}}, 400),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"json": ["a list"]}, 400),
        ({"json": {}}, 400),
        ({"json": {"text": 5}}, 400),
        ({"json": {"text": "a", "html": "b"}}, 400),
        ({"json": {"text": "   "}}, 400),
        ({"content": b"text=hello", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
        ({"files": {"file": ("x.pdf", b"%PDF-1.4", "application/pdf")}}, 400),
        ({"files": {"file": ("x.txt", b"\xff\xfe\xfa bad", "text/plain")}}, 400),
        ({"files": {"other": ("x.txt", b"hello", "text/plain")}}, 400),
        ({"json": {"text": "Le gouvernement a déclaré lundi que le pont serait rouvert. Les habitants sont contents et la ville aussi."}}, 422),
    ],
)
def test_analyze_bad_input(client, kwargs, status):
    assert_error_shape(client.post("/api/analyze", **kwargs), status)


def test_huge_body_declared(client):
    assert_error_shape(client.post("/api/analyze", json={"text": "word " * 100_000}), 413)


def test_huge_body_chunked(client):
    def chunks():
        for _ in range(50):
            yield b"x" * 10_000

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert_error_shape(r, 413)


def test_unknown_ids(client):
    assert_error_shape(client.get("/api/articles/nope"), 404)
    assert_error_shape(client.get("/articles/nope.json"), 404)
    assert_error_shape(client.get("/articles/nope", headers={"accept": "application/json"}), 404)
    assert_error_shape(client.get("/api/no-such-endpoint"), 404)
    assert_error_shape(client.get("/api/analyze"), 405)


def test_browser_gets_error_page(client):
    r = client.get("/articles/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and "no article with id" in r.text and r.headers["content-type"].startswith("text/html")


def test_json_twins_match(client, example):
    page = client.get(f"/articles/{example['id']}")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = client.get(f"/articles/{example['id']}.json").json()
    assert twin == client.get(f"/articles/{example['id']}", headers={"accept": "application/json"}).json()
    assert twin["analysis"] == example
    assert [s["text"] for s in twin["segments"]] and "".join(s["text"] for s in twin["segments"]) == example["article"]["text"]
    assert client.get("/.json").json()["ok"]
    assert client.get("/", headers={"accept": "application/json"}).json()["recent"]


def test_form_analyze_redirects_to_article(client, example_text):
    r = client.post("/analyze", data={"text": example_text}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/article-")
    page = client.get(r.headers["location"])
    assert 'class="hl-source' in page.text and "hl-cue" in page.text and "hl-content" in page.text
    r = client.post("/analyze", data={"text": ""}, headers={"accept": "application/json"})
    assert_error_shape(r, 400)
    assert_error_shape(client.post("/analyze", data={"path": "x"}, headers={"accept": "application/json"}), 404)


def test_form_upload_and_odd_fields(client):
    files = {"file": ("bridge.txt", b"Officials said the bridge would reopen on Monday.", "text/plain")}
    r = client.post("/analyze", files=files, data={"text": ""}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/bridge-")
    r = client.post("/analyze", files={"text": ("x.txt", b"hello", "text/plain")}, headers={"accept": "application/json"})
    assert_error_shape(r, 400)


def test_hostile_article_is_escaped(client):
    r = client.post("/api/analyze", json={"text": HOSTILE})
    page = client.get(f"/articles/{r.json()['id']}").text
    assert "<script>window" not in page and "&lt;script&gt;window.__pwned" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "<b>bridge" not in page
    # The JSON island the page script reads cannot close its <script> element either.
    assert "</script>window" not in page


def test_headers_and_docs(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/analyze" in spec["paths"] and "/api/articles/{article_id}" in spec["paths"]
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_serve_command_binds_loopback_by_default(monkeypatch):
    import uvicorn

    from reportedly import cli

    seen = {}
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: seen.update(config=self.config))
    monkeypatch.setattr("reportedly.web.library.Library.warm_up", lambda self: None)
    assert cli.main(["serve", "--port", "8765"]) == 0
    assert seen["config"].host == "127.0.0.1" and seen["config"].port == 8765
    assert seen["config"].timeout_graceful_shutdown == cli.SHUTDOWN_SECONDS


def test_serve_with_a_missing_store(tmp_path, capsys):
    from reportedly import cli

    assert cli.main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "missing.db" in capsys.readouterr().err
