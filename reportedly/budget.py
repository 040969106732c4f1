"""A time budget per article: past it, the article fails with a clear error and the batch goes on.

The steps of an analysis are linear in the article (benchmarks/hostile.py), but a 5 MB article
of hostile text still takes minutes, and the web server analyses under one lock. The budget is
checked between steps and inside their loops over paragraphs and attributions (``check``), so
an article stops at most one paragraph's or one attribution's work after its time is up.
Python cannot stop a thread from outside, and a process per article would cost more than most
articles' analysis: checking is the cheap way that works in threads and worker processes alike.

The deadline lives in a context variable: each thread (a web request) and each process has its
own, and code that never set one (training, evaluation) never stops.
"""
from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar
from typing import Iterator

from .errors import OverBudgetError

# Seconds one article may take by default in batch runs and the server: the slowest real
# article we know (a long transcript) takes a few seconds, a 1 MB article under a minute.
DEFAULT_TIME_LIMIT = 120.0

_deadline: ContextVar[tuple[float, float, str] | None] = ContextVar("reportedly_deadline", default=None)


@contextlib.contextmanager
def time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Within the block, ``check`` raises OverBudgetError once ``seconds`` have passed (None: never)."""
    if seconds is None:
        yield
        return
    token = _deadline.set((time.monotonic() + seconds, seconds, what))
    try:
        yield
    finally:
        _deadline.reset(token)


def check(step: str) -> None:
    """Raise OverBudgetError when the current article's time is up; ``step`` names where it was."""
    current = _deadline.get()
    if current is None:
        return
    deadline, seconds, what = current
    if time.monotonic() > deadline:
        raise OverBudgetError(
            f"{what}: the analysis took longer than its time budget of {seconds:g} s (stopped in {step}); "
            "the article is left out. Split it, or raise the limit (--time-limit)"
        )
