"""The corpus store: one SQLite file holding every analysis, its article, speakers and quotes.

``open_store`` is the only way in: it sets WAL (readers never block the single writer, and a
killed writer loses nothing committed), turns on foreign keys and applies pending migrations.
Rows become objects only in this package.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import NotFoundError, ReportedlyError
from .migrations import migrate

DEFAULT_DB = "reportedly.db"


class StoreError(ReportedlyError):
    """The database cannot be opened or is not a reportedly store."""

    status = 500


def open_store(path: str | Path = DEFAULT_DB, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path`` with the schema up to date.

    The connection is in autocommit mode: writers open their own transactions (``BEGIN``), so
    that each article is committed on its own. ``create=False`` raises StoreError for a missing file.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"{path}: no such database; create one with `reportedly ingest PATH --db {path}`")
    try:
        if readonly:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        else:
            db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode keeps every commit atomic and durable across a process kill
            # (only an OS crash may lose the last transactions), at a fraction of FULL's fsyncs.
            db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        db.row_factory = sqlite3.Row
        if not readonly:
            migrate(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable reportedly database ({exc})") from exc
    return db


__all__ = ["DEFAULT_DB", "NotFoundError", "StoreError", "open_store"]
