"""Watching feeds and pages: poll, store what is new, sleep, again; state lives in the store.

Everything a poll learns is in the store (articles by content hash, each URL's validators), so a
watch stopped at any moment and started again goes on where it was: nothing is stored twice,
and the first poll after a restart is made of conditional GETs.
"""
from __future__ import annotations

import re
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from ..errors import InputError
from ..ingest import ReadOptions
from .archive import WarcArchive
from .options import WebOptions
from .sources import WebIngestReport, ingest_sources

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds from "90", "30s", "15m", "2h" or "1d"; InputError otherwise."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise InputError(f"{text!r} is not an interval; write it like 30s, 15m, 2h or 1d")
    return float(m.group(1)) * _UNIT[m.group(2).lower()]


def watch(
    db_path: str | Path,
    urls: Sequence[str],
    options: ReadOptions,
    web: WebOptions,
    *,
    every: float,
    iterations: int | None = None,
    workers: int = 1,
    cluster: bool = True,
    log: Callable[[str], None] = print,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll ``urls`` every ``every`` seconds into the store at ``db_path``, ``iterations`` times
    (None: until interrupted). Returns 1 when any poll had a failure, else 0."""
    from ..store import open_store
    from ..store.derived import cluster_store, identify_speakers, identities_pending

    archive = WarcArchive(web.archive_dir, software=f"{web.fetch.user_agent()} (reportedly watch)",
                          user_agent=web.fetch.user_agent()) if web.archive_dir is not None else None
    failed = False
    poll = 0
    try:
        while True:
            poll += 1
            db = open_store(db_path)
            try:
                report = ingest_sources(db, urls, options, web, workers=workers, archive=archive)
                if identities_pending(db):
                    identify_speakers(db)
                clusters = cluster_store(db) if cluster and report.stored else None
            finally:
                db.close()
            failed |= bool(report.failed)
            for error in report.errors:
                log(f"reportedly: {error}")
            log(summary(poll, report, clusters))
            if iterations is not None and poll >= iterations:
                return 1 if failed else 0
            sleep(every)
    finally:
        if archive is not None:
            archive.close()


def summary(poll: int, report: WebIngestReport, clusters: int | None) -> str:
    """One line per poll: when, what was stored, what had not changed, what failed."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    line = (f"{now} poll {poll}: stored {report.stored}, already there {report.skipped} "
            f"({report.not_modified} not modified, {report.unchanged} unchanged in their feed), failed {report.failed}")
    if clusters is not None:
        line += f"; {clusters} statement clusters"
    return line
