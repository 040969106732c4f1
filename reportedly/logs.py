"""Logging for the command line: one handler on the ``reportedly`` logger, its level set by -v/-q.

The library only logs (``logging.getLogger(__name__)``) and never configures: a program that
imports reportedly decides what it wants to see. The command line shows warnings by default
(an input that was skipped), info with ``-v`` (progress), debug with ``-vv`` (each step's
time), and only errors with ``-q``.
"""
from __future__ import annotations

import logging
import sys
import time

LOGGER = "reportedly"


class _Stderr(logging.StreamHandler):
    """A handler writing to whatever ``sys.stderr`` is when a record is emitted.

    A plain StreamHandler keeps the stream it was given; tests (and programs that redirect
    stderr after start-up) replace ``sys.stderr`` and would lose the messages.
    """

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def level_for(verbose: int, quiet: bool) -> int:
    """The logging level for ``-v`` given ``verbose`` times, or ``-q``."""
    if quiet:
        return logging.ERROR
    return {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)


def configure(verbose: int = 0, quiet: bool = False) -> None:
    """Send the ``reportedly`` logger's records to stderr as ``reportedly: message``."""
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(handler)  # main() may run more than once in a process (tests)
    handler = _Stderr()
    handler.setFormatter(logging.Formatter("reportedly: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level_for(verbose, quiet))
    logger.propagate = False


class Laps:
    """Debug-level timing of the steps of one job: ``laps.done("spacy")`` after each step logs
    ``<job>: spacy 12.3 ms``, the time since the previous step ended (or since the start).

    Costs one ``isEnabledFor`` check a step when debug is off.
    """

    def __init__(self, logger: logging.Logger, job: str):
        self.logger = logger
        self.job = job
        self.enabled = logger.isEnabledFor(logging.DEBUG)
        self.last = time.perf_counter() if self.enabled else 0.0

    def done(self, step: str) -> None:
        """Log how long ``step``, just finished, took."""
        if not self.enabled:
            return
        now = time.perf_counter()
        self.logger.debug("%s: %s %.1f ms", self.job, step, (now - self.last) * 1000)
        self.last = now
