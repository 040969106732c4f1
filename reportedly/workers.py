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
- **Freed memory kept.** The networks' activations are arrays of megabytes, made and freed for
  every batch. glibc's allocator hands freed memory back to the system once more than a few
  megabytes of it lie free, and the next batch faults it back in page by page: 300,000 page
  faults, 0.6 s of system time over PolNeAR dev in one process (a twelfth of its time). The
  analyzer's process keeps up to ``KEEP_FREED`` (see ``_keep_freed_memory``).
- **Batches in order.** Items go to the workers in batches (a worker parses a batch's paragraphs
  in one ``nlp.pipe`` stream) and the results come back in input order. With one worker, or
  one batch, everything runs in this process: starting workers would only add their start-up.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import itertools
import multiprocessing
import sys
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from .budget import DEFAULT_TIME_LIMIT

DEFAULT_WORKERS = 2
# glibc's own ceilings for its adaptive thresholds (64-bit): a block over 32 MB is always mapped
# on its own, and the heap is trimmed once twice that lies free at its top.
MMAP_THRESHOLD = 32 << 20
KEEP_FREED = 64 << 20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameter numbers (malloc.h)
T = TypeVar("T")
R = TypeVar("R")


@functools.lru_cache(maxsize=None)
def analyzer(extractor: str = "hybrid", time_limit: float | None = DEFAULT_TIME_LIMIT):
    """This process's Analyzer for ``extractor`` and ``time_limit``, made on first use."""
    from .pipeline import Analyzer, default_extractor

    _keep_freed_memory()
    loaded = Analyzer(extractor=default_extractor(extractor), time_limit=time_limit)
    _freeze_loaded()
    return loaded


def _freeze_loaded() -> None:
    """Leave everything this process loaded so far (modules, the spaCy pipeline, the models) out
    of the garbage collector's full collections.

    Those live as long as the process, and a full collection walked all of them: about 80 ms
    each with spaCy imported, several times per 84 PolNeAR dev articles in the attribution and
    provenance steps alone (a tenth of their time). The young generations are collected first,
    where the loading's garbage is; a full collection there found nothing (0 unreachable of
    108,000 objects) for 67 ms of each worker's start-up. A frozen object is still freed when
    nothing refers to it (only a cycle of frozen objects would wait for ``gc.unfreeze``).
    """
    gc.collect(1)
    gc.freeze()


def _keep_freed_memory() -> None:
    """Let this process's allocator keep up to ``KEEP_FREED`` bytes of freed memory for reuse
    instead of handing it back to the system, where the C library is glibc.

    glibc starts by mapping each block over 128 KB on its own and by trimming the heap once
    256 KB lie free at its top, then raises both thresholds as it sees large blocks freed, but
    trims at twice the largest block so far: a batch whose activations fill 30 MB in blocks of
    a few MB leaves them free at the top, the heap is trimmed, and the next batch faults the
    same pages in again, zero-filled by the kernel. Fixed at glibc's own ceilings, the
    thresholds let a worker reuse its memory: PolNeAR dev in one process, 300,000 -> 73,000
    page faults, 0.6 -> 0.3 s of system time, peak RSS +11 MB (325 -> 335 MB). Setting one
    threshold turns off the adaptation of both (glibc's rule), so both are set.

    Only the analyzer's own process does this (a worker, the server, a one-process CLI run), as
    with the collector; elsewhere (macOS, musl) the allocator is left as it is.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    if mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD):  # 1 on success; musl's is a stub giving 0
        mallopt(_M_TRIM_THRESHOLD, KEEP_FREED)


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
