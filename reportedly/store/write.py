"""Writing analyses into the store: one transaction per article, keyed by its content hash."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from datetime import datetime, timezone

from ..corpus.speakers import article_names, credit_of, publishing_outlet, settle_outlets
from ..corpus.text import canonical
from ..corpus.wire import body_key, wire_agency
from ..model import Article
from .fetched import link_version
from .identities import alias_and_speaker, outlet_rowid


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


def document_hash(doc: dict) -> str:
    """``content_hash`` of the article a ``reportedly/1`` document was made from."""
    article = doc["article"]
    parts = [article.get("text") or "", article.get("outlet") or "", article.get("url") or "",
             article.get("title") or "", article.get("published") or ""]
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


def _wire(article: dict) -> str | None:
    # The reader's own finding first: it cuts a fused agency off the byline ("Tom Davies
    # Associated Press" -> wire "AP"), so the bylines no longer show it to ``wire_agency``.
    return article.get("wire") or wire_agency(article["text"], article.get("bylines") or ())


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
            source_path, _wire(article), body_key(_body(doc)),
            len(attributions), json.dumps(profile) if profile else None,
            zlib.compress(json.dumps(doc, ensure_ascii=False).encode("utf-8"), 6), _now(),
        ),
    )
    article_rowid = cur.lastrowid
    link_version(db, article_rowid, doc)
    db.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", (article_rowid, article["text"]))
    own = store_credits(db, article_rowid, doc)
    outlet = db.execute("SELECT outlet_id FROM articles WHERE rowid = ?", (article_rowid,)).fetchone()[0]
    speakers_here: set[int] = set()
    for att, (alias, speaker, cited) in zip(attributions, own):
        if speaker is not None:
            db.execute("UPDATE speakers SET statements = statements + 1 WHERE rowid = ?", (speaker,))
            db.execute("UPDATE speaker_aliases SET statements = statements + 1 WHERE rowid = ?", (alias,))
            first = speaker not in speakers_here
            if first:
                speakers_here.add(speaker)
                db.execute("UPDATE speakers SET articles = articles + 1 WHERE rowid = ?", (speaker,))
            if outlet is not None:
                db.execute(
                    "INSERT INTO outlet_speakers (outlet, speaker, statements, articles) VALUES (?, ?, 1, 1) "
                    "ON CONFLICT (outlet, speaker) DO UPDATE SET statements = statements + 1, articles = articles + ?",
                    (outlet, speaker, int(first)),
                )
        content = att["content"]
        cur = db.execute(
            """INSERT INTO attributions (article, att_id, kind, speaker, alias, source, cue, content,
                                         content_start, content_end, canonical, published)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                article_rowid, att["id"], att["kind"], speaker, alias, (att.get("source") or {}).get("text"),
                (att.get("cue") or {}).get("text"), content["text"], content["start"], content["end"],
                canonical(content["text"]), article.get("published"),
            ),
        )
        if cited is not None:
            name, outlet = cited
            db.execute("INSERT INTO citations (article, attribution, cited, cited_outlet) VALUES (?, ?, ?, ?)",
                       (article_rowid, cur.lastrowid, name, outlet))
    return article_rowid


def store_credits(db: sqlite3.Connection, article_rowid: int, doc: dict) -> list[tuple]:
    """Who each attribution of ``doc`` is credited to, as (alias, speaker, cited) rows.

    Also sets the article's canonical outlet. ``cited`` is (outlet name, outlet rowid) when the
    attribution credits another outlet than the article's own (a citation), else None.
    """
    article = doc["article"]
    publishing = publishing_outlet(article.get("outlet"))
    own = outlet_rowid(db, publishing, alias=article.get("outlet")) if publishing else None
    db.execute("UPDATE articles SET outlet_id = ? WHERE rowid = ?", (own, article_rowid))
    names = article_names(doc)
    credits = settle_outlets([credit_of(att, names) for att in doc.get("attributions", [])], publishing)
    out = []
    for credit in credits:
        if credit is None:
            out.append((None, None, None))
            continue
        alias, speaker = alias_and_speaker(db, credit)
        cited = None
        if credit.type == "outlet" and credit.resolved:
            outlet = outlet_rowid(db, credit.name)
            cited = (credit.name, outlet) if outlet != own else None
        out.append((alias, speaker, cited))
    return out


def record_failure(db: sqlite3.Connection, item: str, error: str, source_path: str | None = None) -> None:
    """Remember an input that could not be read or analysed (once per item and message)."""
    db.execute(
        "INSERT OR IGNORE INTO failures (item, source_path, error, at) VALUES (?, ?, ?, ?)",
        (item, source_path, error, _now()),
    )
