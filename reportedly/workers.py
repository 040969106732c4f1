"""Worker processes for analysis: the one pool that ``analyze``, ``ingest`` and the attribution
batch (``eval``, ``train``) share, and the one analyzer of each process.

- **One analyzer per process.** ``analyzer()`` loads spaCy and the extractor on first use and
  keeps them for the life of the process (a worker, or the server): loading takes seconds, an
  article a fraction of one.
- **Fork, load after.** Workers are forked, so they start at once with the modules this process
  imported; each imports spaCy and loads its own model on its first task. The CLI's process never
  imports spaCy (it reads inputs and writes analyses): importing it there first would not make
  the workers start sooner (the two imports run side by side, as long as one), and it held
  40 MB more. (Loading the model before forking would share its pages, but the parent's copy is
  dead weight once the workers run, and two loads run in parallel on two cores cost no more
  wall time than one.)
- **Loaded, then frozen.** What the analyzer loaded lives as long as the process and is left out
  of the garbage collector's full collections (``gc.freeze``); a library user's own Analyzer
  leaves their process's collector alone.
- **Batches in order.** Items go to the workers in batches (a worker parses a batch's paragraphs
  in one ``nlp.pipe`` stream) and the results come back in input order. With one worker, or
  one batch, everything runs in this process: starting workers would only add their start-up.
"""
from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .budget import DEFAULT_TIME_LIMIT

DEFAULT_WORKERS = 2
T = TypeVar("T")
R = TypeVar("R")


@functools.lru_cache(maxsize=None)
def analyzer(extractor: str = "hybrid", time_limit: float | None = DEFAULT_TIME_LIMIT):
    """This process's Analyzer for ``extractor`` and ``time_limit``, made on first use."""
    from .pipeline import Analyzer, default_extractor

    loaded = Analyzer(extractor=default_extractor(extractor), time_limit=time_limit)
    _freeze_loaded()
    return loaded


def _freeze_loaded() -> None:
    """Leave everything this process loaded so far (modules, the spaCy pipeline, the models) out
    of the garbage collector's full collections.

    Those live as long as the process, and a full collection walked all of them: about 80 ms
    each with spaCy imported, several times per 84 PolNeAR dev articles in the attribution and
    provenance steps alone (a tenth of their time). Garbage is collected first, so none of it is
    kept; a frozen object is still freed when nothing refers to it (only a cycle of frozen
    objects would wait for ``gc.unfreeze``).
    """
    gc.collect()
    gc.freeze()


def map_batches(work: Callable[[Sequence[T]], Sequence[R]], items: Iterable[T], *, workers: int = DEFAULT_WORKERS,
                batch: int = 1) -> Iterator[R]:
    """``work`` over ``items`` in lists of ``batch``, on ``workers`` processes; each result in input order.

    ``work`` takes a list of items and returns one result per item; it must be picklable (a
    module-level function or a ``functools.partial`` of one). Items are read lazily, so a stream
    of any length can be mapped.
    """
    batches = _batched(iter(items), max(1, batch))
    head = list(itertools.islice(batches, 2))
    if not head:
        return
    batches = itertools.chain(head, batches)
    if workers <= 1 or len(head) < 2:
        for chunk in batches:
            yield from work(chunk)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for results in pool.imap(work, batches):
            yield from results


def _batched(items: Iterator[T], size: int) -> Iterator[list[T]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk
