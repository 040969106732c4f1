"""The corpus store as the web app reads it (``reportedly serve --db FILE``).

A thin adapter over ``reportedly.store.queries``: it owns the connections and nothing else.
SQLite connections must not be shared between threads while in use, and the app serves
requests from a thread pool, so each thread gets its own read-only connection. The file is
opened read-write once at start so that pending migrations are applied.
"""
from __future__ import annotations

import threading
from pathlib import Path


class StoreReader:
    """Read access to one store file, a connection per thread."""

    def __init__(self, path: str | Path):
        from ..store import open_store

        self.path = Path(path)
        open_store(self.path, create=False).close()  # raises StoreError for a missing or bad file
        self._local = threading.local()

    @property
    def db(self):
        db = getattr(self._local, "db", None)
        if db is None:
            from ..store import open_store

            db = self._local.db = open_store(self.path, create=False, readonly=True)
        return db

    def _q(self):
        from ..store import queries

        return queries

    def analysis(self, article_id: str) -> dict:
        """The stored analysis dict; the store's NotFoundError when it is not there."""
        return self._q().get_article(self.db, article_id)

    def articles(self, *, limit: int = 50, offset: int = 0) -> list[dict]:
        return self._q().list_articles(self.db, limit=limit, offset=offset)

    def speakers(self, *, type: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        return self._q().list_speakers(self.db, type=type, limit=limit, offset=offset)

    def statements(self, name: str, *, limit: int = 200, offset: int = 0) -> list[dict]:
        return self._q().speaker_statements(self.db, name, limit=limit, offset=offset)

    def search(self, text: str, *, limit: int = 50, phrase: bool = False) -> list[dict]:
        return self._q().search_contents(self.db, text, limit=limit, phrase=phrase)

    def versions(self, article_id: str) -> list[dict]:
        """Every stored fetch of the page ``article_id`` was read from, oldest first."""
        from ..store.fetched import article_versions

        return article_versions(self.db, article_id)

    def citation_graph(self, *, min_count: int = 1) -> list[dict]:
        return self._q().citation_graph(self.db, min_count=min_count)

    def stats(self) -> dict:
        return self._q().store_stats(self.db)

    def trace(self, text: str) -> dict:
        """Where the statement ``text`` appeared across the corpus, earliest seen first."""
        from ..corpus.trace import trace_statement

        return trace_statement(self.db, text)


def open_store(path: str) -> StoreReader:
    """The store at ``path`` for the web app; StoreError when it is missing or not a store."""
    return StoreReader(path)
