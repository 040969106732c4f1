"""Ingest PolNeAR train+dev (924 articles) into a fresh store and print throughput and size.

    .venv/bin/python benchmarks/ingest_polnear.py [--db FILE] [--workers 2]

Prints articles/s (analysis with spaCy on ``--workers`` processes, one SQLite writer), DB bytes
per article, the clustering time, and the trace of "if she gets to pick her judges".
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from reportedly.store.derived import cluster_store
from reportedly.store.trace import trace_statement
from reportedly.store import open_store
from reportedly.store.ingest import ingest_paths
from reportedly.store.queries import store_stats

# ../shared beside the checkout (CI, main); one level further up for git worktrees under wt/.
_ROOT = Path(__file__).resolve().parents[1]
DATA = next(
    (p / "shared" / "polnear" / "data" for p in (_ROOT.parent, _ROOT.parent.parent) if (p / "shared" / "polnear").is_dir()),
    _ROOT.parent / "shared" / "polnear" / "data",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "polnear-bench.db"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    paths = [str(Path(args.data) / part / "text") for part in ("train", "dev")]
    db = open_store(args.db)
    start = time.perf_counter()
    report = ingest_paths(db, paths, workers=args.workers, progress=True)
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    clusters = cluster_store(db)
    cluster_s = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(args.db)
    stats = store_stats(db)
    print(f"cpu cores: {os.cpu_count()}, workers: {args.workers}")
    print(f"ingested {report.stored} articles ({report.failed} failed) in {ingest_s:.1f} s: {report.stored / ingest_s:.2f} articles/s")
    print(f"attributions {stats['attributions']}, speakers {stats['speakers']}")
    print(f"clustering: {clusters} clusters in {cluster_s:.2f} s")
    print(f"db size {size:,} bytes: {size / max(1, stats['articles']):,.0f} bytes/article")
    start = time.perf_counter()
    again = ingest_paths(db, paths, workers=args.workers)
    print(f"re-ingest: stored {again.stored}, skipped {again.skipped} in {time.perf_counter() - start:.1f} s")
    trace = trace_statement(db, "if she gets to pick her judges")
    print(f"trace: {len(trace['appearances'])} appearances, outlets {trace['outlets']}, origins {trace['origins']}")
    for row in trace["appearances"]:
        print(f"  {row['published']}  {row['outlet']:<14} {row['speaker']}: {' '.join(row['wording'].split())[:90]}")


if __name__ == "__main__":
    main()
