"""Analysis off the request path: pages answer while an article is analysed; queue, time and size
caps give 503, 408 and 413 in the one error shape. A stand-in analyser burns CPU in the worker
process (no model), as a 300 KB article does with the real one."""
from __future__ import annotations

import socket
import threading
import time

import importlib.util
from pathlib import Path

import httpx
import pytest

from web_support import assert_error_shape

_spec = importlib.util.spec_from_file_location("store_faults", Path(__file__).resolve().parents[1] / "benchmarks" / "store_faults.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


class SlowAnalyzer(bench.EchoAnalyzer):
    """Echoes the article after ``seconds`` of pure-Python work (holding its process's GIL)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def analyze(self, article):
        end = time.monotonic() + self.seconds
        n = 0
        while time.monotonic() < end:
            n += sum(i * i for i in range(2000))
        return super().analyze(article)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def serve(tmp_path):
    import uvicorn

    from reportedly.web import create_app
    from reportedly.web.store import StoreReader

    servers = []

    def start(analyzer, **options):
        path = bench.build_store(tmp_path / f"s{len(servers)}.db", bench.corpus_docs(20))
        app = create_app(store=StoreReader(path), analyzer=analyzer, **options)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}", path

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)


def _p95(times: list[float]) -> float:
    return sorted(times)[int(0.95 * (len(times) - 1))]


@pytest.mark.slow  # the stand-in analysis runs 12 s so that 40 page loads fall inside it
def test_pages_answer_while_an_article_is_analysed(serve):
    base, path = serve(SlowAnalyzer(12))
    from reportedly.store import open_store

    article = open_store(path, readonly=True).execute("SELECT id FROM articles LIMIT 1").fetchone()[0]
    done = {}

    def analyse():
        with httpx.Client(timeout=60) as c:
            done["response"] = c.post(base + "/api/analyze", json={"text": "The mayor said the bridge would open. " * 7000})

    worker = threading.Thread(target=analyse)
    worker.start()
    time.sleep(1.0)  # the worker process is busy now
    timings = {"/": [], f"/articles/{article}": []}
    with httpx.Client(timeout=30) as c:
        for _ in range(20):
            for route in timings:
                start = time.perf_counter()
                assert c.get(base + route).status_code == 200
                timings[route].append(time.perf_counter() - start)
    assert worker.is_alive(), "the analysis ended before the pages were timed"
    worker.join(60)
    assert done["response"].status_code == 200
    for route, times in timings.items():
        print(f"{route}: p95 {_p95(times) * 1000:.1f} ms while analysing")
        # The target is 200 ms (docs/web.md has the figures); the bound leaves room for a
        # loaded test machine, and a page that waited for the analysis would take seconds.
        assert _p95(times) < 1.0, (route, times)


def test_queue_time_and_size_caps(serve):
    base, _ = serve(SlowAnalyzer(3), analysis_queue=1, analysis_seconds=1.5, max_chars=5_000)
    with httpx.Client(timeout=30) as c:
        assert_error_shape(c.post(base + "/api/analyze", json={"text": "The mayor said so. " * 1000}), 413)
        results = {}

        def first():
            with httpx.Client(timeout=30) as c1:
                results["first"] = c1.post(base + "/api/analyze", json={"text": "The mayor said the bridge would open."})

        t = threading.Thread(target=first)
        t.start()
        time.sleep(0.5)
        assert_error_shape(c.post(base + "/api/analyze", json={"text": "Officials said the road is closed."}), 503)
        t.join(30)
        body = assert_error_shape(results["first"], 408)
        assert "took more than 1.5 s" in body["error"]
        # The worker was replaced: the next analysis runs (and is cut off) in a fresh process.
        assert_error_shape(c.post(base + "/api/analyze", json={"text": "Officials said the road is closed."}), 408)


def test_a_failed_form_post_keeps_the_pasted_text(serve):
    base, _ = serve(bench.EchoAnalyzer(), max_chars=100)
    text = "The mayor said the bridge would open on Monday, officials said. " * 5
    with httpx.Client(timeout=30) as c:
        page = c.post(base + "/analyze", data={"text": text}, headers={"accept": "text/html"})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "at most 100" in page.text and text.strip() in page.text


def test_saved_analyses_are_in_the_store_and_the_recent_list(tmp_path):
    from fastapi.testclient import TestClient

    from reportedly.store import open_store
    from reportedly.web import create_app
    from reportedly.web.saving import StoreSaver
    from reportedly.web.store import StoreReader

    path = bench.build_store(tmp_path / "save.db", bench.corpus_docs(3))
    app = create_app(store=StoreReader(path), analyzer=bench.EchoAnalyzer(), save=StoreSaver(path))
    with TestClient(app) as client:
        done = client.post("/api/analyze", json={"text": "Officials said the new bridge would open on Monday morning."}).json()
        assert open_store(path, readonly=True).execute("SELECT COUNT(*) FROM articles WHERE id = ?", (done["id"],)).fetchone()[0] == 1
        home = client.get("/.json").json()
        assert home["recent"][0]["id"] == done["id"] and len(home["recent"]) == 4
        assert client.get(f"/articles/{done['id']}").status_code == 200


def test_an_oversize_form_post_answers_a_page_to_a_browser():
    from fastapi.testclient import TestClient

    from reportedly.web import create_app

    with TestClient(create_app(analyzer=bench.EchoAnalyzer(), max_bytes=1_000)) as client:
        page = client.post("/analyze", data={"text": "x" * 5_000}, headers={"accept": "text/html"})
        assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
        assert "over the limit of 1,000 bytes" in page.text
        assert_error_shape(client.post("/analyze", data={"text": "x" * 5_000}), 413)
