"""Analysing many articles on several processes, results in input order.

Each worker process loads spaCy and the extractor once (a fork of this process, so start-up is
cheap) and analyses whole articles; unreadable inputs travel through the pool as well, so the
caller sees every input exactly once, in order.
"""
from __future__ import annotations

import itertools
import multiprocessing
from typing import Iterable, Iterator

from .budget import DEFAULT_TIME_LIMIT
from .ingest import Loaded
from .model import Analysis

DEFAULT_WORKERS = 2

_analyzer = None


def _init_worker(extractor: str, time_limit: float | None = DEFAULT_TIME_LIMIT) -> None:
    global _analyzer
    from .pipeline import Analyzer, default_extractor

    _analyzer = Analyzer(extractor=default_extractor(extractor), time_limit=time_limit)


def _analyse(item: Loaded) -> Analysis:
    if item.article is None:
        return Analysis(item.id, None, errors=(item.error or "unreadable",))
    return next(_analyzer.analyze_many([item.article]))


def analyze_loaded(items: Iterable[Loaded], *, workers: int = 1, extractor: str = "hybrid",
                   time_limit: float | None = DEFAULT_TIME_LIMIT) -> Iterator[Analysis]:
    """The analysis of every loaded input, in order, on ``workers`` processes.

    A single input is analysed in this process: starting workers would only add their
    start-up time. An article that takes more than ``time_limit`` seconds (None: no limit) is
    reported with its error and the others go on (see reportedly.budget).
    """
    items = iter(items)
    head = list(itertools.islice(items, 2))
    if not head:  # nothing to analyse: no reason to load the model
        return
    if workers <= 1 or len(head) < 2:
        _init_worker(extractor, time_limit)
        yield from map(_analyse, itertools.chain(head, items))
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(extractor, time_limit)) as pool:
        yield from pool.imap(_analyse, itertools.chain(head, items), chunksize=2)
