"""Tracing a statement through the store: every appearance, earliest seen first.

The queries live here; matching and the timeline are ``corpus.trace``'s (no SQL there).
"""
from __future__ import annotations

import sqlite3

from ..corpus.text import canonical
from ..corpus.trace import CANDIDATES, TEXT_CANDIDATES, match_query, phrase_pattern, sentence_bounds, timeline
from ..errors import InputError
from .queries import decode_document, fts_query


def trace_statement(db: sqlite3.Connection, text: str, *, limit: int = CANDIDATES) -> dict:
    """The appearances of the statement ``text`` (and of its cluster), as a timeline.

    Returns ``{"query", "appearances": [...], "outlets", "origins", "earliest_seen"}``; each
    appearance has article, outlet, published, speaker, wording, match ("same", "partial",
    "reworded", "cluster", or "text": found in article text outside any matched attribution),
    ``diff`` against the earliest wording and ``origin`` (the wire or copy group it belongs to).
    At most ``limit`` attributions per query are considered, the earliest ones, so a statement
    quoted thousands of times still shows where it was first seen.
    """
    query_words = canonical(text).split()
    if not query_words:
        raise InputError("the statement to trace has no words")
    fts_query(text)  # InputError for a text over the word cap, before any work
    matched: dict[int, str] = {}
    # Seeds, from the cheapest and surest query to the broadest, stopping at the first that finds
    # something: the statement as a phrase (quoted whole or inside a longer quote), then all its
    # words in any order, then any 3-word run of it (reworded). Each candidate is verified.
    queries = [fts_query(text, phrase=True), fts_query(text)]
    if len(query_words) >= 3:
        queries.append(" OR ".join(dict.fromkeys(
            fts_query(" ".join(query_words[i : i + 3]), phrase=True) for i in range(len(query_words) - 2)
        )))
    for fts in queries:
        for rowid, canon in db.execute(
            "SELECT a.rowid, a.canonical FROM contents_fts JOIN attributions a ON a.rowid = contents_fts.rowid "
            "WHERE contents_fts MATCH ? ORDER BY a.published IS NULL, a.published LIMIT ?",
            (fts, limit),
        ):
            kind = match_query(query_words, canon.split())
            if kind:
                matched[rowid] = kind
        if matched:
            break
    clusters = {c for (c,) in db.execute(
        f"SELECT DISTINCT cluster FROM attributions WHERE cluster IS NOT NULL AND rowid IN ({','.join('?' * len(matched))})",
        list(matched),
    )} if matched else set()
    if clusters:
        for (rowid,) in db.execute(
            f"SELECT rowid FROM attributions WHERE cluster IN ({','.join('?' * len(clusters))})", list(clusters)
        ):
            matched.setdefault(rowid, "cluster")
    return timeline(text, _attribution_rows(db, matched) + _in_article_text(db, text, query_words, matched, limit))


def _in_article_text(db: sqlite3.Connection, text: str, query_words: list[str], matched: dict[int, str], limit: int) -> list[dict]:
    """Appearances of the statement in article text that no matched attribution covers.

    The statement is looked up as a phrase; the wording shown is the sentence holding it, and
    the speaker is the one of an attribution whose content holds it (then the attribution was
    not matched because its content is much longer), else unknown: we do not guess a speaker
    from nearby attributions.
    """
    if len(query_words) < 3:
        return []
    covered = {row[0] for row in db.execute(
        f"SELECT DISTINCT article FROM attributions WHERE rowid IN ({','.join('?' * len(matched))})", list(matched)
    )} if matched else set()
    pattern = phrase_pattern(query_words)
    found = []
    # Earliest first, so that the cap on how many documents are opened keeps the earliest ones.
    hits = db.execute(
        f"""SELECT ar.rowid FROM articles_fts JOIN articles ar ON ar.rowid = articles_fts.rowid
            WHERE articles_fts MATCH ? AND ar.rowid NOT IN ({','.join('?' * len(covered))})
            ORDER BY ar.published IS NULL, ar.published LIMIT ?""",
        (fts_query(text, phrase=True), *covered, TEXT_CANDIDATES),
    ).fetchall()
    for (rowid,) in hits:
        row = db.execute(
            "SELECT rowid, id, outlet, published, title, wire, body_key, document FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()
        body = decode_document(row["document"], row["id"])["article"]["text"]
        hit = pattern.search(body)
        if hit is None:
            continue
        start, end = sentence_bounds(body, hit.start(), hit.end())
        speaker = db.execute(
            """SELECT s.name, s.type, a.cue FROM attributions a LEFT JOIN speakers s ON s.rowid = a.speaker
               WHERE a.article = ? AND a.content_start <= ? AND a.content_end >= ? AND s.named = 1
               ORDER BY a.content_end - a.content_start LIMIT 1""",
            (rowid, hit.start(), hit.end()),
        ).fetchone()
        found.append({
            "attribution": None, "article": row["id"], "outlet": row["outlet"], "published": row["published"],
            "title": row["title"], "wire": row["wire"], "body_key": row["body_key"],
            "speaker": speaker["name"] if speaker else None, "speaker_type": speaker["type"] if speaker else None,
            "speaker_named": 1 if speaker else None,
            "kind": None, "cue": speaker["cue"] if speaker else None, "wording": body[start:end], "cluster": None,
            "match": "text",
        })
    return found


def _attribution_rows(db: sqlite3.Connection, matched: dict[int, str]) -> list[dict]:
    if not matched:
        return []
    marks = ",".join("?" * len(matched))
    rows = [dict(r) for r in db.execute(
        f"""SELECT a.rowid AS attribution, ar.id AS article, ar.outlet, ar.published, ar.title, ar.wire,
                   ar.body_key, s.name AS speaker, s.type AS speaker_type, s.named AS speaker_named, a.kind, a.cue,
                   a.content AS wording, a.cluster
            FROM attributions a JOIN articles ar ON ar.rowid = a.article
            LEFT JOIN speakers s ON s.rowid = a.speaker
            WHERE a.rowid IN ({marks})
            ORDER BY ar.published IS NULL, ar.published, ar.id, a.content_start""",
        list(matched),
    )]
    for row in rows:
        row["match"] = matched[row["attribution"]]
    return rows
