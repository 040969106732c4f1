"""Checking a store (``reportedly check``) and rebuilding what can be rebuilt (``--repair``).

The check reads only. It runs SQLite's own ``integrity_check`` and then the store's invariants:
every row points to rows that exist, the kept counts match the rows, the clusters cover every
statement, and both full-text indexes hold one entry per row. Each problem comes with its
repair: derived data (indexes, counts, clusters) is rebuilt from the rows by ``--repair``;
damage to the rows themselves can only be undone from a backup.
"""
from __future__ import annotations

import json
import re
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import open_store

# Rows sampled to see that the search index finds them (the counts below cannot see an entry
# indexed under the wrong words).
SAMPLE = 20


@dataclass(frozen=True)
class Finding:
    """One problem found in a store and how to repair it."""

    problem: str
    repair: str


def restore_advice(path: str | Path) -> str:
    """What to do when the rows themselves are damaged."""
    return (
        f"restore the latest backup (`reportedly upgrade` keeps {Path(path).name}.before-*.bak), or salvage "
        f"what SQLite can read: `sqlite3 {path} .recover | sqlite3 NEW.db`, then "
        "`reportedly check --db NEW.db --repair`, and ingest the inputs again (stored articles are skipped)"
    )


def check_store(path: str | Path) -> list[Finding]:
    """Every problem of the store at ``path``, each with its repair; [] for a healthy store.

    Raises StoreError when the file cannot be opened as a store at all.
    """
    db = open_store(path, readonly=True)
    try:
        integrity = _run(db, path, "the SQLite integrity check", _integrity)
        if integrity:  # the other checks would only read damaged pages again
            return integrity
        repair = f"`reportedly check --db {path} --repair` rebuilds it from the rows"
        findings = []
        for what, check in (
            ("the references between rows", _orphans),
            ("the kept counts", _counts),
            ("the clusters", _clusters),
            ("the search indexes", _indexes),
        ):
            try:
                findings += [Finding(problem, repair) for problem in check(db)]
            except sqlite3.DatabaseError as exc:
                findings.append(Finding(f"{what} cannot be read ({exc})", f"{repair}; if that fails too, {restore_advice(path)}"))
        return findings
    finally:
        db.close()


def _run(db, path, what: str, check) -> list[Finding]:
    try:
        return [Finding(problem, restore_advice(path)) for problem in check(db)]
    except sqlite3.DatabaseError as exc:
        return [Finding(f"{what} could not read the file ({exc})", restore_advice(path))]


def _integrity(db) -> list[str]:
    rows = [row[0] for row in db.execute("PRAGMA integrity_check(10)")]
    return [] if rows == ["ok"] else [f"SQLite integrity check: {'; '.join(rows)}"]


def _orphans(db) -> list[str]:
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in db.execute("PRAGMA foreign_key_check"):
        counts[table, parent] = counts.get((table, parent), 0) + 1
    return [f"{n} rows of {table} point to a missing row of {parent}" for (table, parent), n in sorted(counts.items())]


def _counts(db) -> list[str]:
    out = []
    n = db.execute(
        """SELECT COUNT(*) FROM articles ar
           WHERE n_attributions <> (SELECT COUNT(*) FROM attributions a WHERE a.article = ar.rowid)"""
    ).fetchone()[0]
    if n:
        out.append(f"{n} articles have an attribution count that does not match their attributions")
    n = db.execute(
        """SELECT COUNT(*) FROM speakers s
           WHERE statements <> (SELECT COUNT(*) FROM attributions a WHERE a.speaker = s.rowid)
              OR articles <> (SELECT COUNT(DISTINCT a.article) FROM attributions a WHERE a.speaker = s.rowid)"""
    ).fetchone()[0]
    if n:
        out.append(f"{n} speakers have statement or article counts that do not match their attributions")
    n = db.execute(
        """SELECT COUNT(*) FROM speaker_aliases s
           WHERE statements <> (SELECT COUNT(*) FROM attributions a WHERE a.alias = s.rowid)"""
    ).fetchone()[0]
    if n:
        out.append(f"{n} speaker aliases have statement counts that do not match their attributions")
    n = db.execute(
        "SELECT COUNT(*) FROM attributions a JOIN speaker_aliases s ON s.rowid = a.alias WHERE a.speaker IS NOT s.speaker"
    ).fetchone()[0]
    if n:
        out.append(f"{n} attributions point to another speaker than their alias's")
    kept, rows = db.execute(
        """SELECT (SELECT COALESCE(SUM(statements), 0) FROM outlet_speakers),
                  (SELECT COUNT(*) FROM attributions a JOIN articles ar ON ar.rowid = a.article
                   WHERE ar.outlet_id IS NOT NULL AND a.speaker IS NOT NULL)"""
    ).fetchone()
    if kept != rows:
        out.append(f"the counts of who each outlet quotes hold {kept} statements for {rows} attributions")
    return out


def _clusters(db) -> list[str]:
    from .derived import clusters_pending, identities_pending

    out = []
    pending = clusters_pending(db)
    if pending:
        out.append(f"{pending} attributions were stored after the last clustering (clusters pending)")
    pending = identities_pending(db)
    if pending:
        out.append(f"{pending} attributions were stored after speakers were last identified (identities pending)")
    # A cluster is named by its smallest member, which belongs to it, and has two members or more.
    bad = db.execute(
        """SELECT COUNT(*) FROM (SELECT cluster FROM attributions WHERE cluster IS NOT NULL GROUP BY cluster
           HAVING COUNT(*) < 2 OR MIN(rowid) <> cluster)"""
    ).fetchone()[0]
    if bad:
        out.append(f"{bad} clusters are inconsistent (a single member, or not named by their first member)")
    return out


_WORD = re.compile(r"\w+")


def _indexes(db) -> list[str]:
    out = []
    for index, table, in_index in (("contents_fts", "attributions", "what was said"), ("articles_fts", "articles", "article text")):
        rows = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        indexed = fts_rows(db, index)
        if indexed != rows:
            out.append(f"the search index of {in_index} ({index}) holds {indexed} entries for {rows} rows of {table}")
    lost = 0
    n = db.execute("SELECT COUNT(*) FROM attributions").fetchone()[0]
    step = max(1, n // SAMPLE)
    for rowid, content in db.execute("SELECT rowid, content FROM attributions WHERE rowid % ? = 0 LIMIT ?", (step, SAMPLE)).fetchall():
        words = _WORD.findall(content)
        if words and not db.execute(
            "SELECT 1 FROM contents_fts WHERE contents_fts MATCH ? AND rowid = ?", ('"' + " ".join(words[:3]) + '"', rowid)
        ).fetchone():
            lost += 1
    if lost:
        out.append(f"{lost} of the sampled attributions are not found by searching their own words (contents_fts)")
    return out


def fts_rows(db: sqlite3.Connection, index: str) -> int:
    """Rows an FTS5 index holds, read from its averages record (the row with id 1 of ``<index>_data``).

    FTS5 keeps this total itself; for an external-content or contentless index it is the only
    count that comes from the index rather than from the table it indexes.
    """
    row = db.execute(f"SELECT block FROM {index}_data WHERE id = 1").fetchone()
    return _varint(row[0]) if row and row[0] else 0


def _varint(data: bytes) -> int:
    """SQLite's variable-length integer: 7 bits a byte, high bit set on all but the last (the 9th has 8)."""
    value = 0
    for i, byte in enumerate(data[:9]):
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            break
    return value


def repair_store(path: str | Path) -> list[str]:
    """Rebuild what derives from the rows: drop rows whose parent is gone, recount, re-index,
    re-cluster. Returns what was done. Damaged rows are beyond it (see ``restore_advice``)."""
    from .derived import cluster_store
    from .identities import apply_identities

    db = open_store(path, create=False)
    done = []
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            dropped = db.execute("DELETE FROM citations WHERE attribution NOT IN (SELECT rowid FROM attributions) OR article NOT IN (SELECT rowid FROM articles)").rowcount
            dropped += db.execute("DELETE FROM attributions WHERE article NOT IN (SELECT rowid FROM articles)").rowcount
            if dropped:
                done.append(f"removed {dropped} rows whose article or attribution is gone")
            db.execute("UPDATE articles SET n_attributions = (SELECT COUNT(*) FROM attributions a WHERE a.article = articles.rowid)")
            # Deciding the identities again also recounts every speaker and alias.
            apply_identities(db)
            done.append("recounted attributions per article and statements per speaker; decided speaker identities")
            db.execute("INSERT INTO contents_fts(contents_fts) VALUES ('rebuild')")
            # articles_fts keeps no copy of the text (contentless): it is refilled from the documents.
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
            unreadable = 0
            for rowid, document in db.execute("SELECT rowid, document FROM articles").fetchall():
                try:
                    text = json.loads(zlib.decompress(document))["article"]["text"]
                except (zlib.error, ValueError, KeyError, TypeError):
                    unreadable += 1
                    continue
                db.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", (rowid, text))
            done.append("rebuilt both search indexes" + (f" ({unreadable} article documents unreadable, left out)" if unreadable else ""))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        done.append(f"re-clustered statements: {cluster_store(db)} clusters")
    finally:
        db.close()
    return done
