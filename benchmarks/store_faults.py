"""The store and the server under faults (issue 28): damaged and foreign store files, hostile
HTTP requests, hostile input files, and an ingest killed at random moments.

    .venv/bin/python benchmarks/store_faults.py [--kills 20] [--seed 1]

Needs no spaCy model: the corpus is made of hand-built ``reportedly/1`` documents (a batch
Parquet file for ``ingest``, which loads it without analysis), and the web app gets a stand-in
analyzer. Prints, per group, the cases run and how many ended in a traceback (an exception out
of the CLI's ``main``, the web app or a reader) or an HTTP 500; then, for the kill-and-resume
runs, where each kill landed and whether the resumed store equals the clean one, table by table.
tests/test_store_faults.py runs the same suite in the fast part of the tests and requires zero.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# -- a corpus without the model -----------------------------------------------------------------

QUOTES = [
    "the bridge will reopen on Monday after the repairs are finished",
    "we have no plans to raise taxes on working families this year",
    "the budget gap is larger than anyone in this building expected",
    "our schools need more teachers and fewer tests to do their job",
    "the harbor expansion will create thousands of jobs for the region",
    "nobody told us the airport contract had been signed in secret",
    "the library will stay open on Sundays as long as I am mayor",
    "the hospital cannot take more patients without more nurses",
    "this stadium deal is a gift to the owners paid by the taxpayers",
    "the railway line will be electrified before the end of the decade",
]
SPEAKERS = ["Mayor Ann Lee", "Senator Bo Park", "the governor", "officials", "CNN", "The Washington Post", "she", "a spokesman"]
OUTLETS = ["daily-planet", "evening-star", "morning-post", "wire-news", None]


def corpus_docs(n: int, seed: int = 7) -> list[dict]:
    """``n`` articles quoting a few statements (some reworded) from a few speakers and outlets."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        text, atts = "", []
        for j in range(rng.randint(2, 6)):
            words = rng.choice(QUOTES).split()
            if rng.random() < 0.3:  # a reworded copy: one word dropped
                del words[rng.randrange(len(words))]
            speaker, quote = rng.choice(SPEAKERS), " ".join(words)
            sentence = f"{speaker} said that {quote} on day {i}. "
            start = len(text)
            atts.append({
                "id": f"a{j + 1}", "kind": "indirect",
                "source": {"start": start, "end": start + len(speaker), "text": speaker},
                "cue": {"start": start + len(speaker) + 1, "end": start + len(speaker) + 5, "text": "said"},
                "content": {"start": start + len(speaker) + 11, "end": start + len(speaker) + 11 + len(quote), "text": quote},
            })
            text += sentence
        text = text.strip()
        outlet = OUTLETS[i % len(OUTLETS)]
        docs.append({
            "schema": "reportedly/1", "id": f"{outlet or 'unknown'}_2024-03-{i % 28 + 1:02d}_story-{i}",
            "article": {
                "title": f"Story {i}", "dek": None, "bylines": [], "outlet": outlet, "url": None,
                "published": f"2024-03-{i % 28 + 1:02d}T{i % 24:02d}:00:00" if i % 7 else None, "updated": None,
                "image_credits": [], "language": "en", "paragraphs": [{"start": 0, "end": len(text), "role": "body"}],
                "boilerplate": [], "text": text,
            },
            "attributions": atts, "entities": [], "errors": [],
        })
    return docs


def doc_hash(doc: dict) -> str:
    return hashlib.sha256(doc["article"]["text"].encode()).hexdigest()


def write_batch(docs: list[dict], path: Path, *, failures: int = 3) -> Path:
    """A batch ``analyses.parquet`` (the layout ``reportedly batch`` writes) holding ``docs``
    and ``failures`` rows with an error, interleaved."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": d["id"], "hash": doc_hash(d), "source_path": f"in/{d['id']}.txt",
             "document": json.dumps(d, ensure_ascii=False), "error": None} for d in docs]
    for k in range(failures):
        rows.insert(len(rows) * (k + 1) // (failures + 1),
                    {"id": f"bad-{k}", "hash": None, "source_path": f"in/bad-{k}.txt", "document": None, "error": f"bad-{k} is empty"})
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def build_store(path: Path, docs: list[dict]) -> Path:
    """A healthy, clustered store at ``path`` holding ``docs`` and one failure."""
    from reportedly.store.derived import cluster_store, identify_speakers
    from reportedly.store import open_store
    from reportedly.store.write import record_failure, store_documents

    db = open_store(path)
    store_documents(db, [(d, doc_hash(d), None) for d in docs])
    record_failure(db, "broken", "broken is empty")
    identify_speakers(db)
    cluster_store(db)
    db.close()
    return path


# -- comparing stores ---------------------------------------------------------------------------

# Columns that hold the time of writing: they differ between any two runs.
TIME_COLUMNS = {"articles": {"ingested_at"}, "failures": {"at"}, "migrations": {"applied_at"}, "derived": {"at"}}


def dump_store(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows (rowid first, write times left out), and each full-text index's
    content as (term, row, column, position): FTS5's own pages depend on how inserts were
    merged, the index's content does not."""
    db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        virtual = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        out = {}
        for table in tables:
            if table in virtual or any(table.startswith(v + "_") for v in virtual):
                continue
            columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})") if c[1] not in TIME_COLUMNS.get(table, ())]
            out[table] = db.execute(f"SELECT rowid, {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
        for index in virtual:
            db.execute(f"CREATE VIRTUAL TABLE temp.vocab_{index} USING fts5vocab(main, '{index}', 'instance')")
            out[f"{index} (index)"] = db.execute(f"SELECT term, doc, col, offset FROM temp.vocab_{index} ORDER BY 1, 2, 3, 4").fetchall()
        return out
    finally:
        db.close()


def differences(a: dict, b: dict) -> list[str]:
    """Names of the tables whose content differs."""
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


# -- kill and resume ------------------------------------------------------------------------------

def ingest_in_child(batch: Path, db: Path, *, setup=None) -> int:
    """Fork a process that runs ``reportedly ingest BATCH --db DB``; returns its pid.

    ``setup``, when given, is called in the child first (a test plants a fault there)."""
    pid = os.fork()
    if pid == 0:  # the child: no return from here
        code = 70
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            if setup is not None:
                setup()
            from reportedly.cli import main

            code = main(["ingest", str(batch), "--db", str(db), "--quiet"])
        finally:
            os._exit(code)
    return pid


def preload_ingest() -> None:
    """Import what ingest needs in this process, so that each forked child starts at once."""
    import pyarrow.parquet  # noqa: F401

    import reportedly.cli  # noqa: F401
    import reportedly.corpus.batch  # noqa: F401
    import reportedly.corpus.clusters  # noqa: F401
    import reportedly.fetch.sources  # noqa: F401
    import reportedly.store.ingest  # noqa: F401


def exit_status(pid: int) -> int:
    """Wait for the child ``pid``; its exit status, or minus the signal that killed it."""
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _stage(db: Path, articles: int) -> str:
    """Where a kill landed, judged from what the killed run left."""
    if not db.exists() or db.stat().st_size == 0:
        return "before the store"
    try:
        con = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            through = con.execute("SELECT MAX(through) FROM derived").fetchone()[0] or 0
            last = con.execute("SELECT COALESCE(MAX(rowid), 0) FROM attributions").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return "creating the store"
    if stored < articles:
        return "storing articles"
    return "clustering" if through < last else "after clustering"


def kill_and_resume(batch: Path, workdir: Path, *, kills: int = 20, seed: int = 1, articles: int) -> list[dict]:
    """Kill ``ingest`` (SIGKILL, in a child process) at ``kills`` random moments of its run,
    re-run it, and compare each resumed store with the store of one clean run."""
    # So that the kill moments spread over the ingest itself rather than over imports.
    preload_ingest()
    clean = workdir / "clean.db"
    start = time.perf_counter()
    assert exit_status(ingest_in_child(batch, clean)) == 1  # 1: the batch's failure rows
    duration = time.perf_counter() - start
    expected = dump_store(clean)
    rng = random.Random(seed)
    results = []
    for k in range(kills):
        db = workdir / f"killed-{k}.db"
        at = rng.uniform(0, duration)
        pid = ingest_in_child(batch, db)
        time.sleep(at)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        killed = exit_status(pid) == -signal.SIGKILL
        stage = _stage(db, articles) if killed else "finished before the kill"
        resumed = exit_status(ingest_in_child(batch, db))
        differ = differences(expected, dump_store(db))
        results.append({"at": at, "stage": stage, "resume_exit": resumed, "differ": differ})
    return results


# -- damaged and foreign stores ----------------------------------------------------------------

PAGE = 4096


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def damaged_stores(healthy: Path, workdir: Path, *, pages_hit: int | None = None, seed: int = 3) -> list[tuple[str, Path]]:
    """Copies of ``healthy``, each broken in one way: pages zeroed or scrambled, truncated,
    header damage, rows or index entries lost, a foreign or empty file, an old or new schema.
    Every page is zeroed in turn, or only ``pages_hit`` pages spread over the file."""
    rng = random.Random(seed)
    pages = healthy.stat().st_size // PAGE
    hit = range(1, pages) if pages_hit is None else sorted({1 + i * (pages - 2) // max(1, pages_hit - 1) for i in range(pages_hit)})
    few = min(8 if pages_hit is None else max(1, pages_hit // 2), pages - 1)
    variants: list[tuple[str, Path]] = []

    def copy(name: str) -> Path:
        path = workdir / f"{len(variants):02d}-{name}.db"
        shutil.copyfile(healthy, path)
        variants.append((name, path))
        return path

    for page in hit:  # pages past the header, zeroed
        _overwrite(copy(f"page {page + 1} zeroed"), page * PAGE, bytes(PAGE))
    for page in rng.sample(range(1, pages), few):
        _overwrite(copy(f"page {page + 1} scrambled"), page * PAGE, rng.randbytes(PAGE))
    for page in rng.sample(range(1, pages), few):
        _overwrite(copy(f"page {page + 1} bytes flipped"), page * PAGE + rng.randrange(100, PAGE), rng.randbytes(16))
    os.truncate(copy("truncated to half"), pages // 2 * PAGE)
    os.truncate(copy("truncated to one page"), PAGE)
    os.truncate(copy("truncated mid-page"), PAGE + 1234)
    _overwrite(copy("header magic damaged"), 0, b"SQLite format 2\x00")
    _overwrite(copy("header page size damaged"), 16, b"\x00\x03")
    _overwrite(copy("header scrambled"), 0, rng.randbytes(100))

    def edit(name: str, *statements: str) -> None:
        path = copy(name)
        con = sqlite3.connect(path)
        con.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()

    edit("articles deleted under their attributions", "DELETE FROM articles WHERE rowid % 3 = 0")
    edit("search index rows lost", "DELETE FROM contents_fts_data WHERE id > 10")
    edit("search index averages wrong", "UPDATE contents_fts_data SET block = x'05' WHERE id = 1")
    edit("counts wrong", "UPDATE speakers SET statements = statements + 1", "UPDATE articles SET n_attributions = 0")
    edit("clusters pending", "DELETE FROM derived")
    edit("clusters inconsistent", "UPDATE attributions SET cluster = rowid + 1 WHERE cluster IS NOT NULL")
    edit("documents damaged", "UPDATE articles SET document = x'789c0000deadbeef'")
    edit("documents not JSON", "UPDATE articles SET document = x'789c4b4c4a0600024d0127'")
    edit("older schema", "DELETE FROM migrations WHERE name = 'm004_store_mark_and_derived'", "DROP TABLE derived", "PRAGMA application_id = 0")
    edit("newer schema", "INSERT INTO migrations VALUES ('m999_from_the_future', 'later')")
    edit("foreign application id", "PRAGMA application_id = 42")
    edit("foreign tables", "DROP TABLE migrations", "PRAGMA application_id = 0")

    def write(name: str, data: bytes) -> None:
        path = workdir / f"{len(variants):02d}-{name}.db"
        path.write_bytes(data)
        variants.append((name, path))

    write("empty file", b"")
    write("text file", b"id,name\n1,not a database\n" * 50)
    write("random bytes", rng.randbytes(3 * PAGE))
    foreign = workdir / f"{len(variants):02d}-another application's database.db"
    con = sqlite3.connect(foreign)
    con.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
    con.close()
    variants.append(("another application's database", foreign))
    folder = workdir / f"{len(variants):02d}-a folder.db"
    folder.mkdir()
    variants.append(("a folder", folder))
    variants.append(("missing file", workdir / "missing.db"))
    return variants


def read_commands(out: Path) -> list[list[str]]:
    """Every read command of the CLI (``--db`` is added per store)."""
    return [
        ["speakers"], ["speakers", "--all", "--format", "json"], ["speaker", "Mayor Ann Lee", "--format", "csv"],
        ["search", "bridge reopen"], ["search", "the bridge will", "--phrase", "--format", "json"], ["outlets"],
        ["outlet", "daily-planet"], ["articles", "--format", "csv"], ["trace", QUOTES[0]], ["graph", "--format", "graphml"],
        ["failures"], ["export", "--out", str(out)], ["check"],
    ]


WRITE_COMMANDS = [["cluster"], ["check", "--repair"], ["upgrade"]]

# Corpus routes of the web app: each answers 2xx, 404 or 503, never 500.
WEB_ROUTES = [
    "/api/speakers", "/api/speakers/Mayor%20Ann%20Lee", "/api/search?q=bridge", "/api/trace?text=the%20bridge%20will%20reopen",
    "/api/stats", "/api/graph", "/api/articles", "/speakers", "/search?q=bridge", "/trace?text=bridge%20will%20reopen",
    "/graph", "/articles/daily-planet_2024-03-01_story-0",
    "/articles", "/articles.csv?outlet=Daily%20Planet", "/outlets", "/outlets/Daily%20Planet", "/api/outlets",
    "/api/outlets/Daily%20Planet", "/speakers.csv?all=true", "/speakers/Mayor%20Ann%20Lee", "/search.csv?q=bridge&since=2024-03",
]


_PARSER = []


def run_cli(argv: list[str]) -> tuple[int | None, str, str]:
    """``reportedly ARGV`` in this process: (exit status or None for a traceback, stdout, stderr)."""
    from unittest import mock

    from reportedly import cli
    from reportedly.cli import main

    # One argument parser for all the runs: building it is most of a small command's time.
    if not _PARSER:
        _PARSER.append(cli._parser())
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), mock.patch.object(cli, "_parser", lambda: _PARSER[0]):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse
            code = exc.code
        except Exception:  # noqa: BLE001 - counting tracebacks is the point
            import traceback

            traceback.print_exc(file=err)
            code = None
    return code, out.getvalue(), err.getvalue()


class EchoAnalyzer:
    """Stands in for the spaCy pipeline: the article back, with no attributions."""

    def analyze(self, article):
        from reportedly.model import Analysis

        return Analysis(article.id, article)


def web_client(store_path: Path | None):
    """A test client of the app over the store at ``store_path`` (None: no store); the
    StoreError when the store is refused at start, as ``serve`` would refuse it."""
    from fastapi.testclient import TestClient

    from reportedly.web import create_app
    from reportedly.web.store import StoreReader

    store = StoreReader(store_path) if store_path is not None else None
    return TestClient(create_app(store=store, analyzer=EchoAnalyzer(), max_bytes=200_000), raise_server_exceptions=False)


def error_shape_ok(response) -> bool:
    """An error answer carries the one error body, as JSON or as a page."""
    if response.status_code < 400 or response.request.method == "HEAD":
        return True
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        return body.get("ok") is False and body.get("status") == response.status_code and bool(body.get("error"))
    return "text/html" in response.headers.get("content-type", "")


def store_cases(workdir: Path, healthy: Path, *, pages_hit: int | None = None) -> list[dict]:
    """Every read command and web route on every damaged store, then the write commands."""
    from reportedly.store import StoreError

    cases = []
    for name, path in damaged_stores(healthy, workdir, pages_hit=pages_hit):
        before = path.read_bytes() if path.is_file() else None
        for argv in read_commands(workdir / "export"):
            code, _, err = run_cli([*argv, "--db", str(path)])
            cases.append({"group": "damaged store, CLI", "store": name, "case": argv[0], "traceback": code is None or "Traceback" in err,
                          "exit": code, "said": err.strip().splitlines()[-1] if err.strip() else "",
                          "wrote": path.is_file() and path.read_bytes() != before})
        try:
            client = web_client(path)
        except StoreError as exc:
            cases.append({"group": "damaged store, web", "store": name, "case": "serve", "traceback": False, "exit": 2, "said": str(exc)})
        else:
            with client:
                for route in WEB_ROUTES:
                    response = client.get(route)
                    cases.append({"group": "damaged store, web", "store": name, "case": route, "status": response.status_code,
                                  "traceback": response.status_code >= 500 and response.status_code != 503,
                                  "shape_ok": error_shape_ok(response)})
        for argv in WRITE_COMMANDS:
            code, _, err = run_cli([*argv, "--db", str(path)])
            cases.append({"group": "damaged store, write", "store": name, "case": argv[0], "traceback": code is None or "Traceback" in err,
                          "exit": code})
    return cases


def hostile_requests() -> list[tuple[str, str, dict]]:
    """(method, path, httpx keyword arguments) of requests meant to break the server."""
    deep = b"[" * 100_000 + b"]" * 100_000
    out: list[tuple[str, str, dict]] = [
        ("POST", "/api/analyze", {"content": deep, "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}", "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b'{"text": {"a": {"b": "c"}}}', "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b"\xff\xfe{", "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b'{"text": "\\ud83d x"}', "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b'{"text": "' + b"a" * 300_000 + b'"}', "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"json": {"text": "\u2028\u0085\u2029 said the mayor \x00"}}),
        # Nesting kept modest: the HTML reader's time grows with its square (2,000 levels: 5 s).
        ("POST", "/api/analyze", {"json": {"html": "<html><body>" + "<div>" * 200 + "deep" + "</div>" * 200}}),
        ("POST", "/api/analyze", {"json": {"text": "x", "html": "y"}}),
        ("POST", "/api/analyze", {"json": []}),
        ("POST", "/api/analyze", {"json": 1e308}),
        ("POST", "/api/analyze", {"content": b"", "headers": {"content-type": "application/json"}}),
        ("POST", "/api/analyze", {"content": b"text=hi", "headers": {"content-type": "application/x-www-form-urlencoded"}}),
        ("POST", "/api/analyze", {"files": {"file": ("a.bin", b"\x00\x01\x02", "application/octet-stream")}}),
        ("POST", "/api/analyze", {"files": {"file": ("a.txt", b"\xff\xfe\x00", "text/plain")}}),
        ("POST", "/analyze", {"data": {"text": "", "path": "nope"}}),
        ("POST", "/analyze", {"data": {"path": "x" * 5000}}),
        ("POST", "/analyze", {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}}),
        ("GET", "/api/search?q=" + "the%20" * 10_000, {}),
        ("GET", "/search?q=" + "word%20" * 9_000, {}),
        ("GET", "/trace?text=" + "said%20" * 9_000, {}),
        ("GET", "/api/trace?text=" + "a" * 3000, {}),
        ("GET", "/api/search?q=%22%22%22NEAR(*)%20AND%20OR", {}),
        ("GET", "/api/search?q=%00%01", {}),
        ("GET", "/api/search?q=%ED%A0%BD", {}),
        ("GET", "/api/speakers?limit=-1", {}),
        ("GET", "/api/speakers?offset=99999999999999999999999", {}),
        ("GET", "/api/speakers/%2F..%2F..%2Fetc%2Fpasswd", {}),
        ("GET", "/api/articles/..%2F..", {}),
        ("GET", "/api/articles?limit=abc", {}),
        ("GET", "/api/graph?min_count=0", {}),
        ("GET", "/articles/%FF%FE", {}),
        ("GET", "/nowhere", {}),
        ("GET", "/static/../../etc/passwd", {}),
        ("DELETE", "/api/articles", {}),
        ("PUT", "/api/analyze", {}),
        ("OPTIONS", "/api/analyze", {}),
        ("GET", "/api/stats", {"headers": {"accept": "application/json"}}),
        ("GET", "/speakers.json.json", {}),
        ("GET", "/api/search", {}),
    ]
    # HEAD on every GET route answers like the GET, without a body.
    for route in ["/", "/docs", "/openapi.json", "/static/style.css", *WEB_ROUTES]:
        out.append(("HEAD", route, {}))
    return out


def request_cases(healthy: Path) -> list[dict]:
    cases = []
    for store in (healthy, None):
        with web_client(store) as client:
            for method, path, kwargs in hostile_requests():
                response = client.request(method, path, **kwargs)
                head_ok = True
                if method == "HEAD":
                    head_ok = response.status_code == client.get(path).status_code and response.content == b""
                cases.append({"group": "hostile requests" + ("" if store else ", no store"), "case": f"{method} {path[:60]}",
                              "status": response.status_code, "traceback": response.status_code == 500,
                              "shape_ok": error_shape_ok(response) and head_ok})
    return cases


def hostile_inputs() -> list[tuple[str, bytes]]:
    """(file name, bytes) of inputs meant to break the readers."""
    article = "The mayor said on Monday that the bridge would be finished by spring, officials said."
    jsonl = json.dumps({"id": "one", "text": article}) + "\n"
    out = [
        ("empty.txt", b""), ("spaces.txt", b" \n\t\n"), ("nuls.txt", b"\x00" * 10), ("controls.txt", bytes(range(32)) * 10),
        ("latin1.txt", article.replace("said", "d\xe9clar\xe9").encode("latin-1")),
        ("utf16.txt", article.encode("utf-16")), ("utf16-odd.txt", article.encode("utf-16") + b"x"),
        ("utf16-be.txt", codecs_bom("utf-16-be") + article.encode("utf-16-be")),
        ("bom-only.txt", b"\xef\xbb\xbf"), ("lone-surrogate.txt", b"\xed\xa0\xbd said the mayor"),
        ("a.txt", b"a" * 4096), ("long-line.txt", ((article + " ") * 2000).encode()),
        ("utf16.jsonl", jsonl.encode("utf-16")), ("utf16-two.jsonl", (jsonl * 2).encode("utf-16")),
        ("utf16-odd.jsonl", jsonl.encode("utf-16") + b"\x00"), ("utf16-be.jsonl", codecs_bom("utf-16-be") + jsonl.encode("utf-16-be")),
        ("deep.jsonl", b"[" * 100_000 + b"\n"), ("half-emoji.jsonl", b'{"id": "x", "text": "\\ud83d ' + article.encode() + b'"}\n'),
        ("line-seps.jsonl", json.dumps({"id": "x\u2028y", "text": article.replace(" ", "\u2029", 3)}, ensure_ascii=False).encode()),
        ("not-object.jsonl", b"[1, 2]\n\"text\"\nnull\n"), ("crlf.jsonl", jsonl.replace("\n", "\r\n").encode() * 2),
        ("no-text.jsonl", b'{"id": "x", "text": 5}\n{"html": ""}\n'), ("bad-date.jsonl", b'{"text": "a b c", "published": "yesterday-ish"}\n'),
        ("page.html", b"<html><body><p>" + article.encode() + b"</p></body></html>"), ("empty.html", b"<html></html>"),
        ("deep.html", b"<div>" * 200 + article.encode() + b"</div>" * 200), ("binary.html", bytes(range(256)) * 4),
        ("utf16.html", ("<html><body><p>" + article + "</p></body></html>").encode("utf-16")),
        ("entity.rss", b'<?xml version="1.0"?><rss><channel><item><title>&#xD83D;</title><description>' + article.encode() + b"</description></item></channel></rss>"),
        ("empty.rss", b""), ("broken.xml", b"<rss><channel><item>"), ("bad.warc", b"WARC/1.0\r\nbroken\r\n\r\n"), ("empty.warc", b""),
        ("gz.html.gz", b"\x1f\x8b\x08\x00broken"),
    ]
    for name in (b"caf\xe9.txt", b"\xff\xfe.txt", b"new\nline.txt", b"tab\there.txt", b"quote\".txt"):
        out.append((os.fsdecode(name), article.encode()))
    return out


def codecs_bom(encoding: str) -> bytes:
    return {"utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe"}[encoding]


def input_cases(workdir: Path) -> list[dict]:
    """Each hostile input through the readers (``iter_articles``, no analysis): every result must
    be an article or an error message, with ids and messages valid UTF-8."""
    from reportedly.ingest import iter_articles

    folder = workdir / "inputs"
    folder.mkdir()
    cases = []
    for name, data in hostile_inputs():
        path = folder / name
        path.write_bytes(data)
        try:
            loaded = list(iter_articles([str(path)]))
            valid = bool(loaded) and all(
                _utf8(item.id) and (item.article is not None or (item.error and _utf8(item.error)))
                and (item.article is None or _utf8(item.article.text)) for item in loaded
            )
            cases.append({"group": "hostile inputs", "case": name, "traceback": False, "shape_ok": valid,
                          "said": "; ".join(item.error or "article" for item in loaded)[:100]})
        except Exception as exc:  # noqa: BLE001
            cases.append({"group": "hostile inputs", "case": name, "traceback": True, "said": repr(exc)})
        path.unlink()
    return cases


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def run_suite(workdir: Path, *, articles: int = 60, pages_hit: int | None = None) -> list[dict]:
    """The hostile suite (no kills): damaged stores, hostile requests, hostile inputs.
    ``pages_hit``: damage only that many pages of the store (default: every page in turn)."""
    healthy = build_store(workdir / "healthy.db", corpus_docs(articles))
    damaged = workdir / "damaged"
    damaged.mkdir()
    return store_cases(damaged, healthy, pages_hit=pages_hit) + request_cases(healthy) + input_cases(workdir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--articles", type=int, default=300, help="articles in the killed ingest")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=None, help="damage this many pages (default: every page in turn)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        start = time.perf_counter()
        cases = run_suite(workdir, pages_hit=args.pages)
        print(f"hostile suite: {len(cases)} cases in {time.perf_counter() - start:.1f} s")
        print(f"{'group':28} {'cases':>6} {'tracebacks/500s':>16} {'bad shape':>10} {'wrote':>6}")
        for group in dict.fromkeys(c["group"] for c in cases):
            mine = [c for c in cases if c["group"] == group]
            print(f"{group:28} {len(mine):6} {sum(c['traceback'] for c in mine):16} "
                  f"{sum(not c.get('shape_ok', True) for c in mine):10} {sum(bool(c.get('wrote')) for c in mine):6}")
        for case in cases:
            if case["traceback"] or not case.get("shape_ok", True):
                print("  FAILED:", case)
        statuses = Counter((c["group"], c.get("exit", c.get("status"))) for c in cases)
        print("exit statuses / HTTP statuses:", dict(sorted(statuses.items(), key=str)))
        kills = workdir / "kills"
        kills.mkdir()
        batch = write_batch(corpus_docs(args.articles, seed=args.seed), kills / "analyses.parquet")
        start = time.perf_counter()
        results = kill_and_resume(batch, kills, kills=args.kills, seed=args.seed, articles=args.articles)
        equal = sum(not r["differ"] for r in results)
        print(f"\nkill and resume: {equal} of {len(results)} resumed stores equal to the clean one "
              f"({time.perf_counter() - start:.1f} s); kills landed: {dict(Counter(r['stage'] for r in results))}")
        for r in results:
            if r["differ"] or r["resume_exit"] != 1:
                print("  DIFFERS:", r)
        sys.exit(0 if equal == len(results) and not any(c["traceback"] for c in cases) else 1)


if __name__ == "__main__":
    main()
