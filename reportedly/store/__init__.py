"""The corpus store: one SQLite file holding every analysis, its article, speakers and quotes.

``open_store`` is the only way in, and it keeps two promises:

- **Reads never write.** ``readonly=True`` (every read command, ``serve``) opens the file with
  SQLite's ``mode=ro``: no migration, no journal-mode change, no table created. A store on a
  folder this user cannot write (an archive, a read-only mount) is opened ``immutable``, since
  SQLite cannot make its WAL side files there.
- **Only our own files are written.** A file is a reportedly store when its header carries our
  ``application_id`` (or, for stores made before the mark, our ``migrations`` table). Anything
  else (another application's SQLite file, a file that is not SQLite) is refused before a single
  byte is written. An empty file, or a new one whose first write was killed (nothing in it was
  ever committed), is an empty database that ``ingest`` makes a store of. A store made by an
  older reportedly is not migrated behind the user's back: ``upgrade_store`` (``reportedly
  upgrade``) copies it to a backup first.

Writers get WAL (readers never block the single writer, and a killed writer loses nothing
committed) and foreign keys on. Rows become objects only in this package.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from ..errors import NotFoundError, ReportedlyError
from .migrations import APPLICATION_ID, MIGRATIONS, applied, migrate

DEFAULT_DB = "reportedly.db"


class StoreError(ReportedlyError):
    """The store cannot be used: missing, not a reportedly store, of another version, or damaged.

    503 on the web: the service is there, its data is not usable now.
    """

    status = 503


def open_store(path: str | Path = DEFAULT_DB, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the reportedly store at ``path``.

    ``readonly=True``: a read-only connection that never writes to the file; raises StoreError
    when the file is missing, is not a reportedly store, or needs ``reportedly upgrade``.
    Otherwise a writer's connection, creating the store when the file is missing or empty
    (``create=False`` raises StoreError instead). The connection is in autocommit mode: writers
    open their own transactions (``BEGIN``), so that each article is committed on its own.
    """
    path = Path(path)
    if readonly:
        db = _open_reader(path)
        try:
            _check_version(db, path, _identify(db, path))
        except BaseException:
            db.close()
            raise
        return db
    kind = "missing"
    if _never_committed(path):
        kind = "empty"  # the writer's connection rolls the journal back: nothing is lost
    elif path.exists():
        with closing(_open_reader(path)) as ro:
            kind = _identify(ro, path)
            if kind == "ours":
                _check_version(ro, path, kind)
    if kind == "missing" and not create:
        raise _missing(path)
    return _open_writer(path)


def _unusable(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    return StoreError(
        f"{path}: not a usable SQLite database ({exc}); `reportedly check --db {path}` tells how to repair it"
    )


def upgrade_store(path: str | Path) -> tuple[list[str], Path | None]:
    """Apply the migrations a store made by an older reportedly lacks, after copying it.

    Returns (names applied, backup path); ([], None) when the store is up to date. The backup
    (``FILE.before-<first migration>.bak``, numbered if that exists) is a consistent copy made
    with SQLite's backup API, so it is usable even when a reader had the store open.
    """
    path = Path(path)
    if not path.exists():
        raise _missing(path)
    with closing(_open_reader(path)) as ro:
        if _identify(ro, path) != "ours":
            raise StoreError(f"{path}: an empty database, not a reportedly store; nothing to upgrade")
        pending = pending_migrations(ro, path)
        if not pending:
            return [], None
        backup = _free_name(path.with_name(f"{path.name}.before-{pending[0]}.bak"))
        try:
            with closing(sqlite3.connect(backup)) as copy:
                ro.backup(copy)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot write the backup {backup} ({exc}); nothing was changed") from exc
    _open_writer(path).close()  # applies the pending migrations, all in one transaction
    return pending, backup


def pending_migrations(db: sqlite3.Connection, path: str | Path = "the store") -> list[str]:
    """Names of the migrations this reportedly knows and the store lacks; StoreError for a newer store."""
    done = applied(db)
    known = [m.__name__ for m in MIGRATIONS]
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"{path} was written by a newer reportedly (schema {', '.join(unknown)}); upgrade reportedly to read it"
        )
    return [name for name in known if name not in done]


# -- opening ----------------------------------------------------------------------------------

def _open_reader(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise _missing(path)
    if not path.is_file():
        raise StoreError(f"{path}: not a file")
    if _never_committed(path):  # a read-only connection cannot roll its journal back
        raise _empty(path)
    # A URI from the resolved path: '?', '#' and '%' in a file name are escaped, not parsed.
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        db = _connect(uri)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            if os.access(path.parent, os.W_OK):
                raise
            # A WAL store whose folder we cannot write: SQLite cannot create the -wal/-shm
            # files a reader needs. Nobody can be writing there either (a writer needs the same
            # files), so the file is read as immutable: no locks, no side files.
            db.close()
            db = _connect(uri + "&immutable=1")
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _unusable(path, exc) from exc
    return db


def _open_writer(path: Path) -> sqlite3.Connection:
    try:
        db = _connect(str(path))
        db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode keeps every commit atomic and durable across a process kill
        # (only an OS crash may lose the last transactions), at a fraction of FULL's fsyncs.
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot be written as a reportedly store ({exc})") from exc
    return db


def _connect(target: str) -> sqlite3.Connection:
    db = sqlite3.connect(target, uri=target.startswith("file:"), isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout=10000")
    db.row_factory = sqlite3.Row
    return db


def _identify(db: sqlite3.Connection, path: Path) -> str:
    """"ours" or "empty" (a new SQLite file); StoreError for anything else. Reads only."""
    try:
        mark = db.execute("PRAGMA application_id").fetchone()[0]
        if mark == APPLICATION_ID:
            return "ours"
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        if mark == 0 and not tables:
            return "empty"
        # Stores made before the application_id mark: our migrations table says so.
        if mark == 0 and "migrations" in tables and db.execute(
            "SELECT 1 FROM migrations WHERE name = ?", (MIGRATIONS[0].__name__,)
        ).fetchone():
            return "ours"
    except sqlite3.DatabaseError as exc:
        raise _unusable(path, exc) from exc
    owner = f"application_id {mark:#x}" if mark else f"tables {', '.join(tables[:5])}{', ...' if len(tables) > 5 else ''}"
    raise StoreError(
        f"{path}: a SQLite database of another application ({owner}), not a reportedly store; "
        "it was left untouched; give another --db"
    )


def _check_version(db: sqlite3.Connection, path: Path, kind: str) -> None:
    if kind == "empty":
        raise _empty(path)
    try:
        pending = pending_migrations(db, path)
    except sqlite3.DatabaseError as exc:
        raise _unusable(path, exc) from exc
    if pending:
        raise StoreError(
            f"{path} was made by an older reportedly and needs an upgrade ({', '.join(pending)}); "
            f"run `reportedly upgrade --db {path}` (it keeps a copy of the file first)"
        )


# The start of a rollback journal's header (https://www.sqlite.org/fileformat.html, "The
# Rollback Journal"): 8 magic bytes, then big-endian 4-byte numbers, the third of which is the
# size of the database in pages when the transaction began.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def _never_committed(path: Path) -> bool:
    """Whether the file at ``path`` is new and its first transaction was interrupted.

    Its rollback journal says the file had no page when that transaction began, so nothing in
    it was ever committed: it is an empty database. A writer killed inside the first write of a
    new store (``PRAGMA journal_mode=WAL``, before WAL mode takes over) leaves exactly that, and
    SQLite refuses read-only connections to such a file ("attempt to write a readonly
    database"), since only a writer may roll the journal back.
    """
    if not path.is_file():
        return False
    try:
        with open(f"{path}-journal", "rb") as journal:
            header = journal.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[:8] == _JOURNAL_MAGIC and header[16:20] == bytes(4)


def _empty(path: Path) -> StoreError:
    return StoreError(f"{path}: an empty database, not a reportedly store yet; fill it with `reportedly ingest PATH --db {path}`")


def _missing(path: Path) -> StoreError:
    return StoreError(f"{path}: no such database; create one with `reportedly ingest PATH --db {path}`")


def _free_name(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


__all__ = ["DEFAULT_DB", "NotFoundError", "StoreError", "open_store", "pending_migrations", "upgrade_store"]
