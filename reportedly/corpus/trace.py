"""Tracing a statement through the corpus: every appearance, earliest seen first.

We say "earliest seen", never "origin": the store only knows the articles it holds, and an
earlier appearance may simply not be in it. Wire copies (one agency story run by several
outlets, or the same body under several mastheads) are grouped so that they count as one
source of the statement, not as independent confirmations.
"""
from __future__ import annotations

import functools
import re
import sqlite3

from ..errors import InputError
from ..store.queries import decode_document, fts_query
from .clusters import match_kind, word_diff
from .text import canonical

CANDIDATES = 500
# Articles opened (decompressed) to find a statement in their text: the earliest ones.
TEXT_CANDIDATES = 50


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
            kind = _match_query(query_words, canon.split())
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
    return _timeline(db, text, matched, _in_article_text(db, text, query_words, matched, limit))


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
    pattern = _phrase_pattern(query_words)
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
        start, end = _sentence(body, hit.start(), hit.end())
        speaker = db.execute(
            """SELECT s.name, s.type, a.cue FROM attributions a LEFT JOIN speakers s ON s.rowid = a.speaker
               WHERE a.article = ? AND a.content_start <= ? AND a.content_end >= ? AND a.speaker IS NOT NULL
               ORDER BY a.content_end - a.content_start LIMIT 1""",
            (rowid, hit.start(), hit.end()),
        ).fetchone()
        found.append({
            "attribution": None, "article": row["id"], "outlet": row["outlet"], "published": row["published"],
            "title": row["title"], "wire": row["wire"], "body_key": row["body_key"],
            "speaker": speaker["name"] if speaker else None, "speaker_type": speaker["type"] if speaker else None,
            "kind": None, "cue": speaker["cue"] if speaker else None, "wording": body[start:end], "cluster": None,
            "match": "text",
        })
    return found


def _phrase_pattern(words: list[str]) -> re.Pattern:
    # Canonical words back to a pattern over the original text: any punctuation or space between
    # words. (Words whose apostrophe canonical() dropped, "its" for "it's", may be missed; the
    # FTS match still found the article, and such a miss only drops the text appearance.)
    return re.compile(r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"\b", re.I)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or quote) around ``start..end``."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "? ", "! ", "\n")) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = left + 1 if left != -1 else 0
    while left < start and text[left].isspace():
        left += 1
    return left, right


def _match_query(query: list[str], content: list[str]) -> str | None:
    return _match_words(tuple(query), tuple(content))


@functools.lru_cache(maxsize=4096)  # copies share contents: verify each distinct one once
def _match_words(query: tuple[str, ...], content: tuple[str, ...]) -> str | None:
    if query == content:
        return "same"
    if len(query) < len(content) and _contains(content, query):
        return "partial"
    return match_kind(list(query), list(content))


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _timeline(db: sqlite3.Connection, text: str, matched: dict[int, str], in_text: list[dict]) -> dict:
    if not matched and not in_text:
        return {"query": text, "appearances": [], "outlets": [], "origins": 0, "earliest_seen": None}
    marks = ",".join("?" * len(matched))
    rows = [dict(r) for r in db.execute(
        f"""SELECT a.rowid AS attribution, ar.id AS article, ar.outlet, ar.published, ar.title, ar.wire,
                   ar.body_key, s.name AS speaker, s.type AS speaker_type, a.kind, a.cue, a.content AS wording,
                   a.cluster
            FROM attributions a JOIN articles ar ON ar.rowid = a.article
            LEFT JOIN speakers s ON s.rowid = a.speaker
            WHERE a.rowid IN ({marks})
            ORDER BY ar.published IS NULL, ar.published, ar.id, a.content_start""",
        list(matched),
    )] if matched else []
    for row in rows:
        row["match"] = matched[row["attribution"]]
    rows += in_text
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["article"]))
    reference = rows[0]["wording"]
    for row in rows:
        row["diff"] = word_diff(reference, row["wording"])
        # An agency credit makes copies of one story; otherwise equal body openings do.
        row["origin"] = f"wire:{row['wire']}" if row["wire"] else f"copy:{row['body_key'] or row['article']}"
        del row["body_key"]
    outlets = []
    for row in rows:
        if row["outlet"] not in outlets:
            outlets.append(row["outlet"])
    return {
        "query": text,
        "appearances": rows,
        "outlets": outlets,
        "origins": len({row["origin"] for row in rows}),
        "earliest_seen": {k: rows[0][k] for k in ("article", "outlet", "published", "speaker")},
    }
