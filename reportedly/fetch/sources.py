"""Paths and URLs together: what ``analyze`` reads and what ``ingest`` and ``watch`` store."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..ingest import Loaded, ReadOptions, iter_articles
from ..store.fetched import load_states, save_states
from ..store.ingest import IngestReport, ingest_paths
from .options import WebOptions


def is_url(value: str) -> bool:
    """True for an http(s) URL given where a path could be ("https://…", not "notes/http.txt")."""
    return value.lower().startswith(("http://", "https://"))


def iter_sources(paths: Sequence[str], options: ReadOptions, web: WebOptions) -> Iterator[Loaded]:
    """Every article of ``paths`` in order, URLs fetched (with no store: plain GETs)."""
    if not any(is_url(p) for p in paths):
        yield from iter_articles(paths, options)
        return
    from .reader import WebReader  # httpx is imported only when there is something to fetch

    reader = WebReader(web, options)
    try:
        yield from reader.iter(paths, options)
    finally:
        reader.close()


@dataclass
class WebIngestReport(IngestReport):
    """An ingest run's report, with what the web said: unchanged pages are ``skipped`` too."""

    not_modified: int = 0
    unchanged: int = 0
    archive_files: tuple[str, ...] = ()


def ingest_sources(
    db: sqlite3.Connection,
    paths: Sequence[str],
    options: ReadOptions,
    web: WebOptions,
    *,
    workers: int = 2,
    progress: bool = False,
    archive=None,
    on_stored=None,
) -> WebIngestReport:
    """``ingest_paths`` with URLs fetched; saves what was learnt about each URL once the run is over.

    The states are saved after every article of the run is committed, never before: a run killed
    midway leaves the URLs without new validators, so the next run fetches them in full and the
    store's content hashes skip what was already stored.
    """
    if not any(is_url(p) for p in paths):
        return WebIngestReport(**vars(ingest_paths(db, paths, options, workers=workers, progress=progress,
                                                   on_stored=on_stored)))
    from .reader import WebReader

    reader = WebReader(web, options, known=load_states(db), archive=archive)
    try:
        report = ingest_paths(db, paths, options, workers=workers, progress=progress, read=reader.iter,
                              on_stored=on_stored)
    finally:
        reader.close()
    save_states(db, reader.states)
    files = reader.archive.files if reader.archive is not None else []
    return WebIngestReport(
        stored=report.stored, skipped=report.skipped + reader.not_modified + reader.unchanged,
        failed=report.failed, errors=report.errors, not_modified=reader.not_modified,
        unchanged=reader.unchanged, archive_files=tuple(str(f) for f in files),
    )
