"""The corpus store as the web app reads it (``reportedly serve --db FILE``).

A thin adapter over ``reportedly.store.queries``: it owns the connections and the limits, and
nothing else.

- SQLite connections must not be shared between threads while in use, and the app serves
  requests from a thread pool, so each thread gets its own connection, read-only: serving never
  writes to the file (a store needing an upgrade is refused at start).
- Every query runs under a time budget enforced inside SQLite: a progress handler stops it
  when the budget is spent, when the client has gone (``stop``, set by the view) or when the
  server is shutting down (``closing``). A stopped query is a 503, not a busy core.
- Any SQLite error (a damaged page, a lock held too long) becomes StoreError, a 503.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from ..errors import ReportedlyError

# Seconds one request may spend in SQLite (``reportedly serve --query-seconds``).
QUERY_SECONDS = 5.0
# SQLite virtual-machine steps between two looks at the clock (about a millisecond of work).
PROGRESS_STEPS = 10_000


class QueryStopped(ReportedlyError):
    """A query was stopped: over its time budget, its client gone, or the server stopping."""

    status = 503


class StoreReader:
    """Read access to one store file, a connection per thread, each query under a budget."""

    def __init__(self, path: str | Path, *, seconds: float = QUERY_SECONDS):
        from ..store import open_store

        self.path = Path(path)
        self.seconds = seconds
        # Set when the server is asked to stop: queries in flight end at their next step.
        self.closing = threading.Event()
        open_store(self.path, readonly=True).close()  # StoreError now for a missing, foreign or old file
        self._local = threading.local()

    @property
    def db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            from ..store import open_store

            db = self._local.db = open_store(self.path, readonly=True)
        return db

    def run(self, function, *args, stop: threading.Event | None = None, **kwargs):
        """``function(db, *args, **kwargs)`` on this thread's connection, under the time budget."""
        from ..store import StoreError

        deadline = time.monotonic() + self.seconds
        why: list[str] = []

        def check() -> bool:
            if self.closing.is_set():
                why.append("the server is stopping")
            elif stop is not None and stop.is_set():
                why.append("the client went away")
            elif time.monotonic() > deadline:
                why.append(f"it took more than {self.seconds:g} s; narrow the request")
            return bool(why)  # true: SQLite abandons the statement ("interrupted")

        try:
            db = self.db
            db.set_progress_handler(check, PROGRESS_STEPS)
            try:
                return function(db, *args, **kwargs)
            finally:
                db.set_progress_handler(None, 0)
        except sqlite3.OperationalError as exc:
            if why:
                raise QueryStopped(f"the query was stopped: {why[0]}") from exc
            raise StoreError(f"the corpus store could not be read ({exc}); `reportedly check --db FILE` tells more") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the corpus store could not be read ({exc}); `reportedly check --db FILE` tells more") from exc

    def _q(self):
        from ..store import queries

        return queries

    def analysis(self, article_id: str, *, stop=None) -> dict:
        """The stored analysis dict; the store's NotFoundError when it is not there."""
        return self.run(self._q().get_article, article_id, stop=stop)

    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int = 50, offset: int = 0, order: str = "published", stop=None) -> tuple[list[dict], int]:
        """A page of articles, newest (or latest stored) first, and how many match in all."""
        q = self._q()

        def both(db):
            return (q.list_articles(db, outlet=outlet, since=since, until=until, limit=limit, offset=offset, order=order),
                    q.count_articles(db, outlet=outlet, since=since, until=until))

        return self.run(both, stop=stop)

    def speakers(self, *, type: str | None = None, name: str | None = None, include_unnamed: bool = False,
                 limit: int = 50, offset: int = 0, sort: str = "statements", stop=None) -> tuple[list[dict], int]:
        """A page of speakers, most quoted first (or by ``sort``), and how many match in all."""
        q = self._q()

        def both(db):
            return (q.list_speakers(db, type=type, name=name, include_unnamed=include_unnamed, limit=limit, offset=offset, sort=sort),
                    q.count_speakers(db, type=type, name=name, include_unnamed=include_unnamed))

        return self.run(both, stop=stop)

    def speaker(self, name: str, *, type: str | None = None, limit: int = 200, offset: int = 0, stop=None) -> tuple[dict, list[dict]]:
        """Who the speaker is (``speaker_summary``) and a page of their statements, earliest first."""
        q = self._q()

        def both(db):
            return (q.speaker_summary(db, name, type=type),
                    q.speaker_statements(db, name, type=type, limit=limit, offset=offset))

        return self.run(both, stop=stop)

    def outlets(self, *, stop=None) -> list[dict]:
        return self.run(self._q().list_outlets, stop=stop)

    def outlet(self, name: str, *, limit: int = 50, stop=None) -> tuple[dict, list[dict]]:
        """One outlet (``outlet_summary``) and who it cites most."""
        q = self._q()
        return self.run(lambda db: (q.outlet_summary(db, name), q.outlet_sources(db, name, limit=limit)), stop=stop)

    def search(self, text: str, *, limit: int = 50, offset: int = 0, phrase: bool = False, kind: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None,
               speaker_type: str | None = None, stop=None) -> tuple[list[dict], int]:
        """A page of statements matching ``text``, best first, and how many match in all."""
        q = self._q()
        where = dict(kind=kind, outlet=outlet, since=since, until=until, speaker_type=speaker_type)

        def both(db):
            return (q.search_contents(db, text, limit=limit, offset=offset, phrase=phrase, **where),
                    q.count_contents(db, text, phrase=phrase, **where))

        return self.run(both, stop=stop)

    def wire(self, article_id: str, *, stop=None) -> str | None:
        """The news agency whose copy the stored article ``article_id`` is, or None."""
        return self.run(self._q().article_wire, article_id, stop=stop)

    def versions(self, article_id: str, *, stop=None) -> list[dict]:
        """Every stored fetch of the page ``article_id`` was read from, oldest first."""
        from ..store.fetched import article_versions

        return self.run(article_versions, article_id, stop=stop)

    def citation_graph(self, *, min_count: int = 1, stop=None) -> list[dict]:
        return self.run(self._q().citation_graph, min_count=min_count, stop=stop)

    def stats(self, *, stop=None) -> dict:
        return self.run(self._q().store_stats, stop=stop)

    def trace(self, text: str, *, stop=None) -> dict:
        """Where the statement ``text`` appeared across the corpus, earliest seen first."""
        from ..store.trace import trace_statement

        return self.run(trace_statement, text, stop=stop)
