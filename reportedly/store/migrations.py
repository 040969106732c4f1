"""The SQLite schema as a list of named migrations, each applied once.

A migration is a function taking the connection; its name and time go in the ``migrations``
table. The migrations a store lacks are applied together in one transaction with their rows, so
a crash leaves the schema as it was or as this reportedly makes it, never in between.
New migrations are appended; applied ones are never edited.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

# PRAGMA application_id of a reportedly store: "rptd" in ASCII. SQLite keeps it in the file
# header, so any tool (``file``, ``sqlite3``) can tell our stores from other SQLite files.
APPLICATION_ID = 0x72707464


def m001_core_tables(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,          -- the article id as read (file name, JSONL id, feed id)
            hash TEXT NOT NULL UNIQUE,        -- sha256 of what was read: re-ingesting it is a no-op
            outlet TEXT,
            published TEXT,                   -- ISO 8601 as in the JSON (offset only if known)
            title TEXT,
            url TEXT,
            source_path TEXT,
            wire TEXT,                        -- news agency whose copy this is (AP, Reuters, ...)
            body_key TEXT,                    -- fingerprint of the body; equal keys = one copy
            n_attributions INTEGER NOT NULL,
            profile TEXT,                     -- the sourcing profile JSON, when the analysis has one
            document BLOB NOT NULL,           -- the reportedly/1 JSON, zlib-compressed
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles(outlet, published);
        CREATE INDEX articles_body_key ON articles(body_key);
        CREATE TABLE speakers (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,         -- normalised name + type: one row per speaker
            name TEXT NOT NULL,
            type TEXT NOT NULL,               -- person, organization, outlet, pronoun, unknown, ...
            statements INTEGER NOT NULL DEFAULT 0,  -- kept up to date on insert: the list stays fast
            articles INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE);
        CREATE INDEX speakers_statements ON speakers(statements DESC);
        CREATE TABLE attributions (
            rowid INTEGER PRIMARY KEY,
            article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            att_id TEXT NOT NULL,             -- a1, a2, ... within the article
            kind TEXT NOT NULL,
            speaker INTEGER REFERENCES speakers(rowid),
            source TEXT,
            cue TEXT,
            content TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            canonical TEXT NOT NULL,          -- content folded for matching (see corpus.canonical)
            cluster INTEGER                   -- same statement across articles (corpus.clusters)
        );
        CREATE INDEX attributions_article ON attributions(article);
        CREATE INDEX attributions_speaker ON attributions(speaker);
        CREATE INDEX attributions_cluster ON attributions(cluster);
        CREATE VIRTUAL TABLE contents_fts USING fts5(
            content, content='attributions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER attributions_ai AFTER INSERT ON attributions BEGIN
            INSERT INTO contents_fts(rowid, content) VALUES (new.rowid, new.content);
        END;
        CREATE TRIGGER attributions_ad AFTER DELETE ON attributions BEGIN
            INSERT INTO contents_fts(contents_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
        END;
        CREATE TABLE citations (              -- outlet-type sources: this article relays that outlet
            article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            attribution INTEGER NOT NULL REFERENCES attributions(rowid) ON DELETE CASCADE,
            cited TEXT NOT NULL
        );
        CREATE INDEX citations_article ON citations(article);
        CREATE TABLE failures (               -- inputs that could not be read or analysed
            item TEXT NOT NULL,
            source_path TEXT,
            error TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (item, error)
        );
        """
    )


def m002_statements_by_speaker_and_date(db: sqlite3.Connection) -> None:
    # A speaker page lists statements earliest first; with the date only on articles, a speaker
    # quoted 100,000 times means sorting them all for every page. A copy of the date on the
    # attribution (written with it, never changed) lets one index answer the page.
    db.executescript(
        """
        ALTER TABLE attributions ADD COLUMN published TEXT;
        UPDATE attributions SET published = (SELECT published FROM articles WHERE rowid = attributions.article);
        CREATE INDEX attributions_speaker_published ON attributions(speaker, published);
        DROP INDEX attributions_speaker;
        """
    )


def m003_article_text_index(db: sqlite3.Connection) -> None:
    # Trace also finds a statement in article text where no attribution holds it (the extractor
    # missed or mis-split the quote). Contentless: the index stores no second copy of the text;
    # the text is read back from the document of the few articles that match.
    db.executescript(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            body, content='', tokenize='unicode61 remove_diacritics 2'
        );
        """
    )
    import json
    import zlib

    for rowid, document in db.execute("SELECT rowid, document FROM articles").fetchall():
        text = json.loads(zlib.decompress(document))["article"]["text"]
        db.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", (rowid, text))


def m004_store_mark_and_derived(db: sqlite3.Connection) -> None:
    # The application_id marks the file as ours (see store.open_store). ``derived`` records how
    # far data computed across articles is complete: a clustering covers the attributions up to
    # ``through`` (rowids only grow), written in the same transaction as the clusters, so a
    # crash leaves the clusters marked pending, never silently stale. No row: never computed,
    # so a store upgraded from an older version is re-clustered by its next writing command.
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(
        """
        CREATE TABLE derived (
            name TEXT PRIMARY KEY,            -- what was derived: 'clusters'
            through INTEGER NOT NULL,         -- the last source rowid it covers
            at TEXT NOT NULL
        );
        """
    )


def m005_fetched_pages(db: sqlite3.Connection) -> None:
    # Pages fetched from the web (reportedly.fetch): a page fetched again that changed is a new
    # article row linked to the one it replaces, and each URL keeps its validators (ETag,
    # Last-Modified) so the next fetch is a conditional GET, across runs and restarts.
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN fetched_url TEXT;      -- the final URL a fetched page was read from
        ALTER TABLE articles ADD COLUMN previous INTEGER REFERENCES articles(rowid) ON DELETE SET NULL;
        CREATE INDEX articles_fetched_url ON articles(fetched_url);
        CREATE TABLE fetch_state (
            url TEXT PRIMARY KEY,             -- the URL as requested (a page, a feed, a sitemap)
            etag TEXT,
            last_modified TEXT,
            status INTEGER,                   -- of the last fetch
            checked_at TEXT NOT NULL          -- when it was last fetched, ISO 8601 UTC
        );
        """
    )


def m006_speaker_and_outlet_identities(db: sqlite3.Connection) -> None:
    # One identity per speaker and per outlet across the corpus (store.identities). Each
    # attribution keeps the credit its article gave (``alias``: name or wording, type, resolved or
    # not) and points to the identity decided from all credits; articles and citations point to
    # canonical outlets ("wash-post" and "The Washington Post" are one). Existing rows are
    # credited again from their stored documents: the old speaker rows could not tell a resolved
    # name from a source's wording.
    db.executescript(
        """
        CREATE TABLE speaker_aliases (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,         -- folded name | type | resolved (corpus.identity.alias_key)
            name TEXT NOT NULL,               -- as the article credits it
            type TEXT NOT NULL,               -- as the article typed it
            resolved INTEGER NOT NULL,        -- 1: the article resolved the speaker to this name
            in_full TEXT,                     -- a one-word name: the one full name its article gives ('' none)
            via TEXT,                         -- the pronoun resolved to this name ("he"), when the source was one
            speaker INTEGER REFERENCES speakers(rowid),
            statements INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX speaker_aliases_speaker ON speaker_aliases(speaker);
        ALTER TABLE speakers ADD COLUMN named INTEGER NOT NULL DEFAULT 0;  -- 1: a resolved name, 0: a wording as written
        ALTER TABLE attributions ADD COLUMN alias INTEGER REFERENCES speaker_aliases(rowid);
        CREATE INDEX attributions_alias ON attributions(alias);
        CREATE TABLE outlets (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,         -- folded name without a leading "the"
            name TEXT NOT NULL
        );
        CREATE TABLE outlet_aliases (
            alias TEXT PRIMARY KEY,           -- a slug or name as read, case-folded
            outlet INTEGER NOT NULL REFERENCES outlets(rowid)
        );
        ALTER TABLE articles ADD COLUMN outlet_id INTEGER REFERENCES outlets(rowid);
        CREATE INDEX articles_outlet_id ON articles(outlet_id, published);
        ALTER TABLE citations ADD COLUMN cited_outlet INTEGER REFERENCES outlets(rowid);
        CREATE INDEX citations_cited_outlet ON citations(cited_outlet);
        CREATE TABLE outlet_speakers (        -- who each outlet quotes: counts kept like the speakers'
            outlet INTEGER NOT NULL REFERENCES outlets(rowid),
            speaker INTEGER NOT NULL REFERENCES speakers(rowid),
            statements INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            UNIQUE (outlet, speaker)
        );
        CREATE INDEX outlet_speakers_most ON outlet_speakers(outlet, statements DESC);
        """
    )
    import json
    import zlib

    from .identities import apply_identities
    from .write import store_credits

    db.execute("DELETE FROM citations")
    db.execute("UPDATE attributions SET speaker = NULL")
    db.execute("DELETE FROM speakers")
    for rowid, document in db.execute("SELECT rowid, document FROM articles").fetchall():
        doc = json.loads(zlib.decompress(document))
        atts = db.execute("SELECT rowid FROM attributions WHERE article = ? ORDER BY rowid", (rowid,)).fetchall()
        for (att_rowid,), (alias, speaker, cited) in zip(atts, store_credits(db, rowid, doc)):
            db.execute("UPDATE attributions SET alias = ?, speaker = ? WHERE rowid = ?", (alias, speaker, att_rowid))
            if cited is not None:
                db.execute("INSERT INTO citations (article, attribution, cited, cited_outlet) VALUES (?, ?, ?, ?)",
                           (rowid, att_rowid, cited[0], cited[1]))
    apply_identities(db)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_core_tables,
    m002_statements_by_speaker_and_date,
    m003_article_text_index,
    m004_store_mark_and_derived,
    m005_fetched_pages,
    m006_speaker_and_outlet_identities,
]


def applied(db: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied, in order (reads only: none for a new file)."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone():
        return []
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet applied, all in one transaction; returns the names applied now."""
    # One transaction for all, not one each: a schema between two migrations is one that no
    # reportedly ever made, and once committed it reads as a store of an older reportedly. (A
    # kill while ingest made a new store left m001-m003 committed: the next ingest refused the
    # store as needing `reportedly upgrade`, so it was never resumed.) executescript commits any
    # open transaction, so the DDL runs statement by statement inside ours (_NoScript). The
    # bookkeeping table is made in it too: a failed first migration leaves the file as it was.
    if not _pending(db):
        return []  # an up-to-date store: no write lock taken
    db.execute("BEGIN IMMEDIATE")
    try:
        pending = _pending(db)  # again under the lock: another writer may have migrated meanwhile
        db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        for migration in pending:
            _run_in_transaction(db, migration)
            db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (migration.__name__, now))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return [migration.__name__ for migration in pending]


def _pending(db: sqlite3.Connection) -> list[Callable[[sqlite3.Connection], None]]:
    done = applied(db)
    return [migration for migration in MIGRATIONS if migration.__name__ not in done]


class _NoScript:
    """A connection stand-in whose ``executescript`` runs statements one by one (no implicit COMMIT)."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def executescript(self, script: str) -> None:
        for statement in _statements(script):
            self._db.execute(statement)

    def execute(self, *args):
        return self._db.execute(*args)


def _run_in_transaction(db: sqlite3.Connection, migration) -> None:
    migration(_NoScript(db))


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (triggers contain ';' inside BEGIN ... END)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
