"""analyze URL, ingest FEED and watch end to end against a local server (needs the spaCy model)."""
from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import jsonschema
import pytest

from fetch_server import LocalServer, Reply, article_page, rss, no_proxy  # noqa: F401 - autouse
from reportedly.cli import main

pytestmark = pytest.mark.model

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "reportedly" / "schema" / "reportedly-1.schema.json").read_text())
BRIDGE = ["The transport chief said on Monday that the old bridge would reopen next week after repairs.",
          "\u201cWe are confident the work is done,\u201d she told reporters at the town hall."]
BUDGET = ["The mayor said the city budget would grow by four percent next year to pay for schools.",
          "\u201cThis is the plan we promised,\u201d he said. Critics said it left too little for roads."]
QUICK = ["--delay", "0", "--retries", "1"]


@pytest.fixture
def server():
    with LocalServer() as s:
        s.routes["/news/bridge"] = Reply(body=article_page("Bridge to reopen", BRIDGE))
        s.routes["/news/budget"] = Reply(body=article_page("Budget grows", BUDGET))
        yield s


def with_etag(server, path: str, body: str, etag: str):
    """Serve ``body`` at ``path`` with ``etag``, answering 304 to a request that has it."""
    def page(handler):
        if handler.headers.get("If-None-Match") == etag:
            handler._reply(Reply(304, content_type=None, headers={"ETag": etag}))
        else:
            ctype = "application/rss+xml" if body.startswith("<?xml") else "text/html; charset=utf-8"
            handler._reply(Reply(body=body, content_type=ctype, headers={"ETag": etag}))
    server.routes[path] = page


def documents(db: Path) -> list[dict]:
    with sqlite3.connect(db) as con:
        return [json.loads(zlib.decompress(row[0])) for row in con.execute("SELECT document FROM articles ORDER BY rowid")]


def test_analyze_url_records_the_fetch(server, tmp_path, capsys):
    url = server.url("/news/bridge")
    assert main(["analyze", url, "--format", "jsonl", "--workers", "1", "--archive", str(tmp_path / "a"), *QUICK]) == 0
    [doc] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    jsonschema.validate(doc, SCHEMA)
    fetch = doc["article"]["fetch"]
    assert fetch["url"] == url and fetch["status"] == 200 and len(fetch["sha256"]) == 64
    assert fetch["archive"]["file"] == next((tmp_path / "a").glob("*.warc.gz")).name
    assert any(a["cue"] and a["cue"]["text"] == "said" for a in doc["attributions"])


def test_analyze_mixes_urls_and_paths_one_message_per_failure(server, tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Officials said the harbor would close for the storm on Friday evening.\n")
    missing = server.url("/news/missing")
    code = main(["analyze", missing, str(note), server.url("/news/budget"), "--format", "jsonl", "--workers", "1", "--no-archive", *QUICK])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [missing, "note", server.url("/news/budget")]
    assert err.strip() == f"reportedly: {missing}: HTTP 404 Not Found"


def test_ingest_feed_twice_stores_once(server, tmp_path, capsys):
    feed = rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT"), ("Budget", "/news/budget", "Wed, 01 May 2024 10:00:00 GMT")])
    with_etag(server, "/feed.xml", feed, '"f1"')
    db = tmp_path / "c.db"
    args = ["ingest", server.url("/feed.xml"), "--db", str(db), "--workers", "1", "--quiet", *QUICK]
    assert main(args) == 0
    assert "stored 2, already there 0, failed 0" in capsys.readouterr().err
    assert main(args) == 0
    assert "stored 0, already there 1, failed 0" in capsys.readouterr().err  # the feed answered 304
    assert server.requests[-1].path == "/feed.xml" and server.requests[-1].headers["if-none-match"] == '"f1"'
    # The archive sits beside the store.
    assert list((tmp_path / "c-archive").glob("*.warc.gz"))


def test_watch_stores_new_versions_and_survives_restarts(server, tmp_path, capsys):
    db = tmp_path / "w.db"
    url = server.url("/news/bridge")
    with_etag(server, "/news/bridge", article_page("Bridge to reopen", BRIDGE), '"v1"')
    args = ["watch", url, "--db", str(db), "--once", "--no-cluster", *QUICK]
    assert main(args) == 0
    assert "poll 1: stored 1, already there 0" in capsys.readouterr().err
    # A new process: the store remembers the ETag, the page is unchanged.
    assert main(args) == 0
    assert "stored 0, already there 1 (1 not modified" in capsys.readouterr().err
    # The page changes: a new version, linked to the old one.
    with_etag(server, "/news/bridge", article_page("Bridge to reopen", BRIDGE[:1] + ["The works will end on Tuesday, the council said."]), '"v2"')
    assert main(["watch", url, "--db", str(db), "--iterations", "1", "--every", "1s", *QUICK]) == 0
    assert "stored 1" in capsys.readouterr().err
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, fetched_url, previous FROM articles ORDER BY rowid").fetchall()
    assert [r[1] for r in rows] == [url, url] and rows[0][2] is None and rows[1][2] == 1
    assert rows[1][0].startswith(url + "~")


def test_the_archive_reingests_to_the_same_analyses(server, tmp_path, capsys):
    server.routes["/feed.xml"] = Reply(body=rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT"),
                                                 ("Budget", "/news/budget", "Wed, 01 May 2024 10:00:00 GMT")]),
                                       content_type="application/rss+xml")
    live_db, archived_db = tmp_path / "live.db", tmp_path / "again.db"
    assert main(["ingest", server.url("/feed.xml"), "--db", str(live_db), "--workers", "1", "--quiet", "--no-cluster",
                 "--archive", str(tmp_path / "warc"), *QUICK]) == 0
    [warc] = list((tmp_path / "warc").glob("*.warc.gz"))
    assert main(["ingest", str(warc), "--db", str(archived_db), "--workers", "1", "--quiet", "--no-cluster"]) == 0
    capsys.readouterr()

    def comparable(doc):
        return {k: v for k, v in doc.items() if k != "id"}

    live, again = documents(live_db), documents(archived_db)
    assert len(live) == 2 and [comparable(d) for d in again] == [comparable(d) for d in live]


def test_watch_polls_sleeps_and_polls_again(server, tmp_path):
    from reportedly.fetch import FetchOptions, WebOptions
    from reportedly.fetch.watch import watch
    from reportedly.ingest import ReadOptions

    with_etag(server, "/news/bridge", article_page("Bridge to reopen", BRIDGE), '"v1"')
    lines, waits = [], []
    code = watch(tmp_path / "w.db", [server.url("/news/bridge")], ReadOptions(), WebOptions(fetch=FetchOptions(delay=0)),
                 every=900, iterations=2, cluster=False, log=lines.append, sleep=waits.append)
    assert code == 0 and waits == [900]
    assert "poll 1: stored 1" in lines[0] and "poll 2: stored 0, already there 1 (1 not modified" in lines[1]
