"""A bounded load test of the web app on loopback: p50/p95 latency of the article page and search.

    python benchmarks/web_load.py --db corpus.db [--requests 400] [--concurrency 8] [--seconds 60]
    python benchmarks/web_load.py --url http://127.0.0.1:8000     # a server already running

With ``--db`` it starts ``reportedly serve --db FILE`` on a free loopback port and stops it at the
end. Article ids come from ``/api/articles``; search terms from a fixed list of news words.
Everything is bounded: at most ``--requests`` requests per kind and ``--seconds`` in all.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import httpx

TERMS = ["minister", "war", "police", "election", "said", "government", "court", "president",
         "military", "officials", "economy", "health", "border", "climate", "ukraine", "attack"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _wait_up(client: httpx.AsyncClient, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if (await client.get("/api/articles?limit=1")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.25)
    raise SystemExit("the server did not come up")


async def _run(url: str, n: int, concurrency: int, seconds: float, seed: int) -> dict:
    rng = random.Random(seed)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        await _wait_up(client, time.monotonic() + 90)
        listed = (await client.get("/api/articles", params={"limit": 1000})).json()["articles"]
        ids = [a["id"] for a in listed]
        if not ids:
            raise SystemExit("the store has no articles")
        plan = [("article", f"/articles/{rng.choice(ids)}") for _ in range(n)]
        plan += [("search", f"/search?q={rng.choice(TERMS)}") for _ in range(n)]
        rng.shuffle(plan)
        times: dict[str, list[float]] = {"article": [], "search": []}
        failures: dict[str, int] = {"article": 0, "search": 0}
        gate = asyncio.Semaphore(concurrency)
        stop = time.monotonic() + seconds

        async def one(kind: str, path: str) -> None:
            async with gate:
                if time.monotonic() > stop:
                    return
                t0 = time.perf_counter()
                r = await client.get(path)
                elapsed = time.perf_counter() - t0
                if r.status_code == 200:
                    times[kind].append(elapsed * 1000)
                else:
                    failures[kind] += 1

        t0 = time.perf_counter()
        await asyncio.gather(*(one(k, p) for k, p in plan))
        wall = time.perf_counter() - t0
        stats = (await client.get("/api/stats")).json()
    report = {"articles_in_store": stats.get("articles"), "attributions_in_store": stats.get("attributions"),
              "ids_sampled": len(ids), "concurrency": concurrency, "wall_s": round(wall, 2)}
    for kind, values in times.items():
        report[kind] = {
            "requests": len(values), "failures": failures[kind],
            "p50_ms": round(statistics.median(values), 1) if values else None,
            "p95_ms": round(_percentile(values, 0.95), 1) if values else None,
            "max_ms": round(max(values), 1) if values else None,
        }
    report["requests_per_s"] = round(sum(len(v) for v in times.values()) / wall, 1)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", help="a corpus store; a server is started on it")
    target.add_argument("--url", help="a running server")
    parser.add_argument("--requests", type=int, default=400, help="requests per kind (default 400)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60, help="stop sending after this long (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    server = None
    url = args.url
    if args.db:
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        exe = os.path.join(os.path.dirname(sys.executable), "reportedly")
        server = subprocess.Popen([exe, "serve", "--db", args.db, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        report = asyncio.run(_run(url, args.requests, args.concurrency, args.seconds, args.seed))
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
