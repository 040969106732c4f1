"""Analysis off the request path: one worker process, a bounded queue, a time cap per article.

spaCy is CPU-bound and holds the interpreter lock for most of its work, so an analysis run in a
thread of the server slows every page the server answers meanwhile (a 100 KB paste made a stored
article page take 19.7 s). The worker is a separate process: page reads never wait for it, and
the server process keeps its core for them.

- **Queue.** At most ``queue`` analyses are accepted at once (one running, the rest waiting);
  one more is refused at once with 503 ("busy"), not kept waiting.
- **Time cap.** An analysis (its wait in the queue included) that takes longer than ``seconds``
  is answered 408 and the worker process is stopped and replaced: an analysis cannot be
  interrupted any other way, and a runaway input must not hold the worker for the next person.
- **Size cap.** Articles over ``max_chars`` characters are refused (413) before they reach the
  queue.

The worker is forked from the server, so it inherits an analyzer given to ``create_app`` (tests
pass stand-ins) and loads the real pipeline itself otherwise, once, on its first article.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import time
from dataclasses import dataclass

from ..budget import DEFAULT_TIME_LIMIT
from .. import errors
from ..errors import InputError, ReportedlyError

# Defaults of ``reportedly serve``: how many analyses may be queued (running included), how long
# one may take, and the largest article text analysed. A 300 KB article takes minutes on one core.
QUEUE = 4
SECONDS = 300.0
MAX_CHARS = 1_000_000


class BusyError(ReportedlyError):
    """Every analysis slot is taken: try again in a moment."""

    status = 503


class TimedOutError(ReportedlyError):
    """The analysis took longer than the server allows for one article."""

    status = 408


@dataclass(frozen=True)
class Job:
    """What the worker reads and analyses: pasted ``text``, ``html`` (str or bytes), or a read ``article``."""

    id: str
    text: str | None = None
    html: str | bytes | None = None
    article: object | None = None


def _serve(conn, analyzer, time_limit: float | None = DEFAULT_TIME_LIMIT) -> None:
    """The worker's loop: read a job, answer (True, analysis dict) or (False, (status, message))."""
    # A forked child holds every descriptor the server had open: its listening socket, client
    # connections, pipes to other programs. Kept open here they would outlive the server's own
    # close (a client waiting for EOF would wait for this process), so all but the pipe go.
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, _max_fd())
    from ..ingest import read_article
    from ..ingest.html import read_html
    from ..serialize import analysis_dict

    if analyzer is None:  # loaded once, at start: the first request does not wait for it
        from ..pipeline import Analyzer

        analyzer = Analyzer(time_limit=time_limit)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            if job.article is not None:
                article = job.article
            elif job.text is not None:
                article = read_article(job.text, job.id)
            else:
                article = read_html(job.html, job.id)
            conn.send((True, analysis_dict(analyzer.analyze(article))))
        except ReportedlyError as exc:
            conn.send((False, (exc.status, str(exc), type(exc).__name__)))
        except Exception as exc:  # a bug: the server answers 500 and the worker goes on
            conn.send((False, (500, f"internal error while analysing {job.id}: {type(exc).__name__}", None)))


class AnalysisWorker:
    """Runs analyses in a child process, one at a time, with a bounded queue and a time cap."""

    def __init__(self, analyzer=None, *, queue: int = QUEUE, seconds: float = SECONDS, max_chars: int = MAX_CHARS,
                 time_limit: float | None = DEFAULT_TIME_LIMIT):
        self.analyzer = analyzer
        self.time_limit = time_limit  # the Analyzer's own budget per article, when the worker loads it
        self.seconds = seconds
        self.max_chars = max_chars
        self.queue = queue
        self._slots = threading.BoundedSemaphore(queue)
        self._turn = threading.Lock()
        self._process = None
        self._conn = None

    def run(self, job: Job) -> dict:
        """The analysis dict of ``job``; BusyError (503), TimedOutError (408), or the reader's
        and analyser's own errors (400, 413, 422)."""
        size = len(job.text) if job.text is not None else len(job.html) if job.html is not None else 0
        if size > self.max_chars:
            raise _too_large(size, self.max_chars)
        if not self._slots.acquire(blocking=False):
            raise BusyError(f"the server is analysing {self.queue} articles already; try again in a minute")
        try:
            deadline = time.monotonic() + self.seconds
            if not self._turn.acquire(timeout=self.seconds):
                raise TimedOutError(f"the analysis waited more than {self.seconds:g} s for its turn; try again later")
            try:
                return self._ask(job, deadline)
            finally:
                self._turn.release()
        finally:
            self._slots.release()

    def _ask(self, job: Job, deadline: float) -> dict:
        conn = self._start()
        conn.send(job)
        if not conn.poll(max(0.0, deadline - time.monotonic())):
            self.stop()  # the only way to interrupt it; the next job starts a fresh worker
            raise TimedOutError(
                f"the analysis of {job.id} took more than {self.seconds:g} s, the limit of this server; "
                "send a shorter article or analyse it with `reportedly analyze FILE`"
            )
        try:
            ok, payload = conn.recv()
        except EOFError:
            self.stop()
            raise ReportedlyError(f"the analysis worker stopped while analysing {job.id}") from None
        if ok:
            return payload
        raise _error(*payload)

    def start(self) -> None:
        """Start the worker process now (it loads the model at once)."""
        self._start()

    def _start(self):
        if self._process is None or not self._process.is_alive():
            # fork: the worker starts at once with the modules (and an injected analyzer) loaded.
            context = multiprocessing.get_context("fork")
            parent, child = context.Pipe()
            self._process = context.Process(target=_serve, args=(child, self.analyzer, self.time_limit), daemon=True, name="reportedly-analysis")
            self._process.start()
            child.close()
            self._conn = parent
        return self._conn

    def stop(self) -> None:
        """Stop the worker process (a new one starts with the next job)."""
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _error(status: int, message: str, name: str | None) -> ReportedlyError:
    """The worker's error as the parent raises it: the same class of ``reportedly.errors`` where
    there is one (callers tell an article over its budget from one too large), with its status."""
    known = getattr(errors, name or "", None)
    if isinstance(known, type) and issubclass(known, ReportedlyError):
        try:
            error = known(message)
        except TypeError:  # a class that is not built from its message alone
            error = None
        if error is not None:
            error.status = status
            return error
    error = InputError(message) if 400 <= status < 500 else ReportedlyError(message)
    error.status = status
    return error


def _max_fd() -> int:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if 0 < soft < 1 << 20 else 4096


def _too_large(size: int, limit: int) -> ReportedlyError:
    from ..errors import TooLargeError

    return TooLargeError(f"the article is {size:,} characters; this server analyses at most {limit:,} per article")
