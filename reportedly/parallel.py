"""Analysing many articles on several processes, results in input order (see reportedly.workers).

Unreadable inputs travel through the pool as well, so the caller sees every input exactly once,
in order.
"""
from __future__ import annotations

import functools
from typing import Iterable, Iterator, Sequence

from .budget import DEFAULT_TIME_LIMIT
from .ingest import Loaded
from .model import Analysis
from .workers import DEFAULT_WORKERS, analyzer, map_batches

__all__ = ["DEFAULT_WORKERS", "analyze_loaded"]

# Articles a worker takes at a time: two keep both workers busy to the end of a run (PolNeAR
# dev, 84 articles: batches of eight left one worker idle at the end, 5.4 against 6.0 articles/s).
# Parsing several articles in one nlp.pipe stream saves nothing measurable: each article's
# paragraphs already make one batch (84 articles as one stream: 10.6 CPU s, one by one 10.7-11.0).
BATCH = 2


def _analyse(items: Sequence[Loaded], extractor: str, time_limit: float | None) -> list[Analysis]:
    out = []
    for item in items:
        if item.article is None:
            out.append(Analysis(item.id, None, errors=(item.error or "unreadable",)))
        else:
            out.extend(analyzer(extractor, time_limit).analyze_many([item.article]))
    return out


def analyze_loaded(items: Iterable[Loaded], *, workers: int = 1, extractor: str = "hybrid",
                   time_limit: float | None = DEFAULT_TIME_LIMIT) -> Iterator[Analysis]:
    """The analysis of every loaded input, in order, on ``workers`` processes.

    A run of one batch is analysed in this process: starting workers would only add their
    start-up time. An article that takes more than ``time_limit`` seconds (None: no limit) is
    reported with its error and the others go on (see reportedly.budget).
    """
    work = functools.partial(_analyse, extractor=extractor, time_limit=time_limit)
    return map_batches(work, items, workers=workers, batch=BATCH)
