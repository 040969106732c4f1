"""Keeping pasted and fetched articles in the store (``reportedly serve --db FILE --save``).

The server reads its store read-only; with ``--save`` it also writes the articles analysed
through the form and the API into it, so their links last across restarts and the store's
listings, search and traces include them. Writes go one at a time through their own
connection, each article in its own transaction like ``reportedly ingest``; identities of new
speakers are provisional until the next writing command decides them again (the store says
so in ``/api/stats``: ``identities_pending``).
"""
from __future__ import annotations

import threading
from contextlib import closing
from pathlib import Path


class StoreSaver:
    """Writes analyses into the store at ``path``, one at a time."""

    def __init__(self, path: str | Path):
        from ..store import open_store

        self.path = Path(path)
        self._lock = threading.Lock()
        open_store(self.path, create=False).close()  # StoreError now: missing, foreign, needs an upgrade, not writable

    def save(self, analysis: dict) -> str:
        """Store ``analysis`` (a ``reportedly/1`` dict) unless it is there; returns its id in the store."""
        from ..store import open_store
        from ..store.write import document_hash, store_document

        digest = document_hash(analysis)
        with self._lock, closing(open_store(self.path, create=False)) as db:
            store_document(db, analysis, digest)
            return db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()[0]
