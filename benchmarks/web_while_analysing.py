"""Page loads while a long article is analysed: p50/p95 of `/` and a stored article page.

    python benchmarks/web_while_analysing.py --db corpus.db [--kb 300] [--requests 20]

Starts ``reportedly serve --db FILE`` (the real pipeline, in its analysis worker) on a free
loopback port, times ``--requests`` loads of each page with nothing running (baseline), then
posts an article of ``--kb`` kilobytes of PolNeAR text to ``/api/analyze`` and times the same
loads while it is analysed. Prints both tables and how the analysis ended (200, or 408 at the
server's time cap).
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

_ROOT = Path(__file__).resolve().parents[1]
DATA = next((p / "shared" / "polnear" / "data" for p in (_ROOT.parent, _ROOT.parent.parent) if (p / "shared" / "polnear").is_dir()),
            _ROOT.parent / "shared" / "polnear" / "data")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _article(kb: int) -> str:
    parts, size = [], 0
    for path in sorted((DATA / "train" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        size += len(text.encode())
        if size >= kb * 1000:
            break
    return "\n\n".join(parts)[: kb * 1000]


def _time(client: httpx.Client, routes: list[str], n: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {r: [] for r in routes}
    for _ in range(n):
        for route in routes:
            start = time.perf_counter()
            status = client.get(route).status_code
            times[route].append(time.perf_counter() - start)
            assert status == 200, (route, status)
    return times


def _table(title: str, times: dict[str, list[float]]) -> None:
    print(title)
    for route, values in times.items():
        print(f"  {route[:60]:<60} p50 {_pct(values, .5) * 1000:7.1f} ms   p95 {_pct(values, .95) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--kb", type=int, default=300)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--wait", type=float, default=330, help="seconds to wait for the analysis to end")
    args = parser.parse_args()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen([sys.executable, "-m", "reportedly.cli", "serve", "--db", args.db, "--port", str(port),
                               "--max-bytes", "5000000"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if client.get("/api/articles?limit=1").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("the server did not come up")
                time.sleep(0.25)
            article = client.get("/api/articles?limit=1").json()["stored"][0]["id"]
            routes = ["/", f"/articles/{article}"]
            time.sleep(20)  # the worker loads the model at start: let it finish first
            _table("baseline (nothing analysed)", _time(client, routes, args.requests))
            text = _article(args.kb)
            outcome: dict = {}

            def analyse() -> None:
                start = time.perf_counter()
                with httpx.Client(base_url=base, timeout=args.wait + 60) as c:
                    try:
                        outcome["status"] = c.post("/api/analyze", json={"text": text}).status_code
                    except httpx.HTTPError as exc:
                        outcome["status"] = type(exc).__name__
                outcome["seconds"] = time.perf_counter() - start

            worker = threading.Thread(target=analyse, daemon=True)
            worker.start()
            time.sleep(2)
            during = _time(client, routes, args.requests)
            still = worker.is_alive()
            _table(f"while analysing a {len(text.encode()) / 1000:.0f} KB article (still running after: {still})", during)
            worker.join(args.wait)
            print(f"analysis: {outcome.get('status', 'still running')} after {outcome.get('seconds', args.wait):.1f} s")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
