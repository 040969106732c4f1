"""Ingesting inputs into the store: read, skip what is known, analyse on a process pool, write.

Design:
- One writer (this process) and ``workers`` analysis processes (reportedly.workers). SQLite has one writer anyway;
  analysis (spaCy) is the cost, so that is what is spread over the cores.
- Every article is committed in its own transaction, keyed by its content hash. A run killed at
  any point (even ``kill -9``) loses only articles not yet committed, and the next run skips
  every hash already stored, so it continues where the last one stopped.
- A bad input (unreadable, not English, ...) is recorded in ``failures`` and the run goes on.
"""
from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from ..ingest import Loaded, ReadOptions, iter_articles
from ..model import Article
from ..serialize import analysis_dict
from ..workers import analyzer, map_batches
from .write import content_hash, known_hashes, record_failure, store_document

PARQUET_SUFFIX = ".parquet"


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


# Articles a worker takes at a time (see reportedly.parallel.BATCH).
BATCH = 2


def _analyse(tasks: Sequence[tuple[str | None, Article | Loaded]]) -> list[tuple[str | None, dict, str | None]]:
    out = []
    for hash, item in tasks:
        if hash is None:
            # An input that could not be read travels through the pool too, so that only the main
            # thread ever touches the database (Pool.imap pulls tasks in a thread of its own).
            out.append((None, {"id": item.id, "article": None, "errors": [item.error or "unreadable"]}, None))
            continue
        # The analyzer loads on the first article: a run with nothing new never loads spaCy.
        analysis = next(analyzer().analyze_many([item]))
        out.append((hash, analysis_dict(analysis), item.source_path))
    return out


def ingest_paths(
    db: sqlite3.Connection,
    paths: Sequence[str],
    options: ReadOptions = ReadOptions(),
    *,
    workers: int = 2,
    progress: bool = False,
    on_stored: Callable[[str], None] | None = None,
    read: Callable[[Sequence[str], ReadOptions], Iterable[Loaded]] = iter_articles,
) -> IngestReport:
    """Read, analyse and store every article in ``paths``; Parquet files from ``batch`` are loaded as is.

    ``read`` turns the other paths into articles (``reportedly.fetch`` passes one that fetches URLs too).
    """
    report = IngestReport()
    parquet = [p for p in paths if p.lower().endswith(PARQUET_SUFFIX)]
    others = [p for p in paths if not p.lower().endswith(PARQUET_SUFFIX)]
    seen = known_hashes(db)
    bar = _progress_bar(progress)
    try:
        for path in parquet:
            from ..corpus.batch import read_batch_parquet

            for hash, doc, source in read_batch_parquet(path):
                _write(db, report, hash, doc, source, seen, on_stored)
                bar.update(1)
        if others:
            tasks = _pending(read(others, options), seen, report, bar)
            for hash, doc, source in _run(tasks, workers):
                _write(db, report, hash, doc, source, seen, on_stored)
                bar.update(1)
    finally:
        bar.close()
    return report


def _write(db, report: IngestReport, hash: str, doc: dict, source: str | None, seen: set, on_stored) -> None:
    if doc.get("errors") or doc.get("article") is None:
        message = "; ".join(doc.get("errors") or ["no article"])
        record_failure(db, doc["id"], message, source)
        report.failed += 1
        report.errors.append(message if message.startswith(doc["id"]) else f"{doc['id']}: {message}")
        return
    if store_document(db, doc, hash, source) is None:
        report.skipped += 1
    else:
        report.stored += 1
        if on_stored:
            on_stored(doc["id"])
    seen.add(hash)


def _pending(loaded: Iterable[Loaded], seen: set, report: IngestReport, bar) -> Iterator[tuple[str | None, Article | Loaded]]:
    dispatched: set[str] = set()
    for item in loaded:
        if item.article is None:
            yield None, item
            continue
        hash = content_hash(item.article)
        if hash in seen or hash in dispatched:
            report.skipped += 1
            bar.update(1)
            continue
        dispatched.add(hash)
        yield hash, item.article


def _run(tasks: Iterator[tuple], workers: int) -> Iterator[tuple[str | None, dict, str | None]]:
    return map_batches(_analyse, tasks, workers=workers, batch=BATCH)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)
