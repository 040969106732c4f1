"""Fetched pages in the store: the versions of one URL, linked, and each URL's validators.

A page fetched again that changed is stored as a new article (its content hash differs) whose
``previous`` is the latest earlier article read from the same final URL. ``fetch_state`` keeps
the ETag and Last-Modified of every URL fetched, so the next run sends a conditional GET.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class FetchState:
    """What the last fetch of a URL told us: its validators, status and time (ISO 8601 UTC)."""

    url: str
    checked_at: str
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None


def has_fetch_tables(db: sqlite3.Connection) -> bool:
    """True when the store has migration m005 (a store opened read-only may predate it)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fetch_state'").fetchone() is not None


def load_states(db: sqlite3.Connection) -> dict[str, FetchState]:
    """The fetch state of every URL fetched into this store, by URL."""
    if not has_fetch_tables(db):
        return {}
    rows = db.execute("SELECT url, checked_at, etag, last_modified, status FROM fetch_state")
    return {row[0]: FetchState(*row) for row in rows}


def save_states(db: sqlite3.Connection, states: Iterable[FetchState]) -> None:
    """Record the states in one transaction (a URL's newer state replaces its older one)."""
    states = list(states)
    if not states:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(
            "INSERT OR REPLACE INTO fetch_state (url, checked_at, etag, last_modified, status) VALUES (?, ?, ?, ?, ?)",
            [(s.url, s.checked_at, s.etag, s.last_modified, s.status) for s in states],
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def link_version(db: sqlite3.Connection, rowid: int, doc: dict) -> None:
    """Mark article ``rowid`` as fetched from its final URL and link it to the earlier version.

    Called inside the transaction that inserts the article, so a version is never left unlinked.
    """
    fetch = (doc.get("article") or {}).get("fetch")
    if not fetch or not fetch.get("url"):
        return
    previous = db.execute(
        "SELECT rowid FROM articles WHERE fetched_url = ? AND rowid <> ? ORDER BY rowid DESC LIMIT 1",
        (fetch["url"], rowid),
    ).fetchone()
    db.execute("UPDATE articles SET fetched_url = ?, previous = ? WHERE rowid = ?",
               (fetch["url"], previous[0] if previous else None, rowid))


def article_versions(db: sqlite3.Connection, id: str) -> list[dict]:
    """Every stored version of the page article ``id`` was fetched from, oldest first.

    Each is {"id", "fetched_at", "sha256", "previous"}; empty for an article not fetched from
    the web (or a store from before fetching existed).
    """
    if not has_fetch_tables(db):
        return []
    rows = db.execute(
        """SELECT a.id, a.document, p.id FROM articles a LEFT JOIN articles p ON p.rowid = a.previous
           WHERE a.fetched_url = (SELECT fetched_url FROM articles WHERE id = ?) ORDER BY a.rowid""",
        (id,),
    ).fetchall()
    versions = []
    for version_id, document, previous in rows:
        fetch = json.loads(zlib.decompress(document))["article"].get("fetch") or {}
        versions.append({"id": version_id, "fetched_at": fetch.get("fetched_at"),
                         "sha256": fetch.get("sha256"), "previous": previous})
    return versions
