"""Writing analyses into the store: one transaction per article, keyed by its content hash."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from datetime import datetime, timezone

from ..corpus.speakers import same_outlet, speaker_key, speaker_of
from ..corpus.text import canonical
from ..corpus.wire import body_key, wire_agency
from ..model import Article
from .fetched import link_version


def content_hash(article: Article) -> str:
    """sha256 of what was read (text and metadata): the identity that makes re-ingest a no-op."""
    parts = [
        article.text,
        article.outlet or "",
        article.url or "",
        article.title or "",
        article.published.isoformat() if article.published else "",
    ]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def known_hashes(db: sqlite3.Connection) -> set[str]:
    """Hashes of every stored article (to skip them before spending time on analysis)."""
    return {row[0] for row in db.execute("SELECT hash FROM articles")}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _body(doc: dict) -> str:
    article = doc["article"]
    text = article["text"]
    body = [text[p["start"] : p["end"]] for p in article.get("paragraphs", []) if p.get("role", "body") == "body"]
    return "\n".join(body) if body else text


def store_document(db: sqlite3.Connection, doc: dict, hash: str, source_path: str | None = None) -> int | None:
    """Store one ``reportedly/1`` document in one transaction; returns its rowid, None if known.

    An id already taken by a different article gets the hash's first characters appended, so two
    inputs that reuse an id ("stdin", "feed:1") are both kept.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("SELECT 1 FROM articles WHERE hash = ?", (hash,)).fetchone():
            db.execute("ROLLBACK")
            return None
        id = doc["id"]
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (id,)).fetchone():
            id = f"{id}~{hash[:8]}"
            doc = {**doc, "id": id}
        rowid = _insert(db, doc, id, hash, source_path)
        db.execute("COMMIT")
        return rowid
    except BaseException:
        db.execute("ROLLBACK")
        raise


def store_documents(db: sqlite3.Connection, items, *, batch: int = 500) -> tuple[int, int]:
    """Store many (document, hash, source_path) at ``batch`` articles per transaction.

    For bulk loads (Parquet from ``batch``, benchmarks): fewer commits, same rows. A crash loses
    at most the open batch, and a re-run skips what was committed. Returns (stored, skipped).
    """
    stored = skipped = 0
    pending = 0
    db.execute("BEGIN IMMEDIATE")
    try:
        for doc, hash, source_path in items:
            if db.execute("SELECT 1 FROM articles WHERE hash = ?", (hash,)).fetchone():
                skipped += 1
                continue
            id = doc["id"]
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (id,)).fetchone():
                id = f"{id}~{hash[:8]}"
                doc = {**doc, "id": id}
            _insert(db, doc, id, hash, source_path)
            stored += 1
            pending += 1
            if pending >= batch:
                db.execute("COMMIT")
                db.execute("BEGIN IMMEDIATE")
                pending = 0
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return stored, skipped


def _insert(db: sqlite3.Connection, doc: dict, id: str, hash: str, source_path: str | None) -> int:
    article = doc["article"]
    attributions = doc.get("attributions", [])
    profile = doc.get("profile") or doc.get("sourcing_profile")
    cur = db.execute(
        """INSERT INTO articles (id, hash, outlet, published, title, url, source_path, wire, body_key,
                                 n_attributions, profile, document, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            id, hash, article.get("outlet"), article.get("published"), article.get("title"), article.get("url"),
            source_path, wire_agency(article["text"], article.get("bylines") or ()), body_key(_body(doc)),
            len(attributions), json.dumps(profile) if profile else None,
            zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 6), _now(),
        ),
    )
    article_rowid = cur.lastrowid
    link_version(db, article_rowid, doc)
    db.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", (article_rowid, article["text"]))
    speakers_here: set[int] = set()
    for att in attributions:
        found = speaker_of(att)
        speaker = _speaker_rowid(db, *found) if found else None
        if speaker is not None:
            db.execute("UPDATE speakers SET statements = statements + 1 WHERE rowid = ?", (speaker,))
            if speaker not in speakers_here:
                speakers_here.add(speaker)
                db.execute("UPDATE speakers SET articles = articles + 1 WHERE rowid = ?", (speaker,))
        content = att["content"]
        cur = db.execute(
            """INSERT INTO attributions (article, att_id, kind, speaker, source, cue, content,
                                         content_start, content_end, canonical, published)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article_rowid, att["id"], att["kind"], speaker, (att.get("source") or {}).get("text"),
                (att.get("cue") or {}).get("text"), content["text"], content["start"], content["end"],
                canonical(content["text"]), article.get("published"),
            ),
        )
        if found and found[1] == "outlet" and not same_outlet(article.get("outlet"), found[0]):
            db.execute("INSERT INTO citations (article, attribution, cited) VALUES (?, ?, ?)", (article_rowid, cur.lastrowid, found[0]))
    return article_rowid




def _speaker_rowid(db: sqlite3.Connection, name: str, kind: str) -> int:
    key = speaker_key(name, kind)
    row = db.execute("SELECT rowid FROM speakers WHERE key = ?", (key,)).fetchone()
    if row:
        return row[0]
    return db.execute("INSERT INTO speakers (key, name, type) VALUES (?, ?, ?)", (key, name, kind)).lastrowid


def record_failure(db: sqlite3.Connection, item: str, error: str, source_path: str | None = None) -> None:
    """Remember an input that could not be read or analysed (once per item and message)."""
    db.execute(
        "INSERT OR IGNORE INTO failures (item, source_path, error, at) VALUES (?, ?, ?, ?)",
        (item, source_path, error, _now()),
    )
