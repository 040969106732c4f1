"""Build a large corpus by resampling PolNeAR analyses and time the queries on it.

    .venv/bin/python benchmarks/scale_store.py --source POLNEAR_DB --articles 100000 --db SCALE_DB

The source store comes from benchmarks/ingest_polnear.py (924 analysed PolNeAR articles). The
large corpus is *resampled*: each new article is a copy of a random analysed article with a new
id ("<id>~r<n>") and a new publication date drawn uniformly from 2015-2017; its text,
attributions and speakers are the original's. So it has PolNeAR's shape (sizes, speakers,
quotes) but many exact repeats: trace finds ~100x more copies of every statement than a real
corpus would, which makes the trace timing pessimistic. Clustering is not run at this scale
(see docs/corpus.md); trace does not need it.

Prints: load time, DB size (bytes per article), and p50/p95 latency of search, speaker page
and trace over a fixed set of queries, each run three times in one process (SQLite's page cache
and the OS file cache are warm after the first; trace's own caches are cleared before each call).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import tempfile
import time
import zlib
from pathlib import Path
from datetime import datetime, timedelta

from reportedly.corpus.clusters import word_diff
from reportedly.corpus.trace import match_words
from reportedly.store.trace import trace_statement
from reportedly.store import open_store
from reportedly.store.derived import identify_speakers
from reportedly.store.queries import (count_articles, count_contents, count_speakers, list_articles, list_outlets,
                                      list_speakers, outlet_sources, outlet_summary, search_contents, speaker_statements,
                                      speaker_summary)
from reportedly.store.write import store_documents

SEARCHES = ["second amendment", "pick her judges", "email server", "tax returns", "border wall", "rigged election",
            "crooked hillary", "nuclear", "russia hacking", "make america great again"]
TRACES = ["if she gets to pick her judges", "nothing you can do folks", "make america great again",
          "a basket of deplorables", "we are going to build a wall"]


def resampled(source, n: int, seed: int = 5):
    docs = [json.loads(zlib.decompress(row[0])) for row in source.execute("SELECT document FROM articles")]
    rng = random.Random(seed)
    start = datetime(2015, 1, 1)
    for i in range(n):
        doc = dict(docs[rng.randrange(len(docs))])
        day = start + timedelta(days=rng.randrange(3 * 365), seconds=rng.randrange(86400))
        doc["id"] = f"{doc['id']}~r{i}"
        doc["article"] = {**doc["article"], "published": day.isoformat()}
        yield doc, hashlib.sha256(doc["id"].encode()).hexdigest(), None


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def report(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"{name:<14} n={len(times):<4} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   max {times[-1]:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default=str(Path(tempfile.gettempdir()) / "polnear-bench.db"))
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "scale.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-load", action="store_true", help="time the queries on an existing --db")
    args = parser.parse_args()
    if not args.skip_load:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix):
                os.remove(args.db + suffix)
        source = open_store(args.source, create=False, readonly=True)
        db = open_store(args.db)
        start = time.perf_counter()
        stored, _ = store_documents(db, resampled(source, args.articles), batch=1000)
        load_s = time.perf_counter() - start
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"loaded {stored} resampled articles in {load_s:.1f} s ({stored / load_s:.0f} articles/s, 1000 per transaction)")
        start = time.perf_counter()
        identify_speakers(db)
        print(f"speaker identities decided in {time.perf_counter() - start:.1f} s")
    db = open_store(args.db, create=False)
    articles, attributions = db.execute("SELECT COUNT(*), (SELECT COUNT(*) FROM attributions) FROM articles").fetchone()
    size = os.path.getsize(args.db)
    print(f"articles {articles:,}, attributions {attributions:,}; db {size / 1e6:,.1f} MB = {size / articles:,.0f} bytes/article")
    speakers = [row["name"] for row in list_speakers(db, limit=40)][::2]
    runs = {"search": [], "speaker page": [], "trace": [], "speakers list": [],
            "search page": [], "speaker page+": [], "speakers page": [], "articles page": [], "outlet page": []}
    outlets = [row["outlet"] for row in list_outlets(db)][:7]
    for _ in range(3):
        for q in SEARCHES:
            runs["search"].append(timed(search_contents, db, q, limit=50))
        for name in speakers:
            runs["speaker page"].append(timed(speaker_statements, db, name, limit=50))
        for q in TRACES:
            # Cold in-process caches each time (the verification and diff caches would make
            # repeated runs of the same query look faster than a first visit is).
            word_diff.cache_clear()
            match_words.cache_clear()
            runs["trace"].append(timed(trace_statement, db, q))
        runs["speakers list"].append(timed(list_speakers, db, limit=50))
        # What each web page queries now: a listing and its total (and a speaker's summary).
        for q in SEARCHES:
            runs["search page"].append(timed(lambda: (search_contents(db, q, limit=50), count_contents(db, q))))
        for name in speakers:
            runs["speaker page+"].append(timed(lambda: (speaker_summary(db, name), speaker_statements(db, name, limit=100))))
        runs["speakers page"].append(timed(lambda: (list_speakers(db, name="tr", limit=50), count_speakers(db, name="tr"))))
        for outlet in outlets:
            runs["articles page"].append(timed(lambda: (list_articles(db, outlet=outlet, limit=50), count_articles(db, outlet=outlet))))
            runs["outlet page"].append(timed(lambda: (outlet_summary(db, outlet), outlet_sources(db, outlet))))
    for name, times in runs.items():
        report(name, times)
    result = trace_statement(db, TRACES[0])
    print(f"trace {TRACES[0]!r}: {len(result['appearances'])} appearances, {len(result['outlets'])} outlets")


if __name__ == "__main__":
    main()
