"""Tracing a statement, the part that needs no store: matching a query to a content, finding it
in article text, and laying appearances out as a timeline (``store.trace`` runs the queries).

We say "earliest seen", never "origin": the store only knows the articles it holds, and an
earlier appearance may simply not be in it. Wire copies (one agency story run by several
outlets, or the same body under several mastheads) are grouped so that they count as one
source of the statement, not as independent confirmations.
"""
from __future__ import annotations

import functools
import re

from .clusters import match_kind, word_diff

CANDIDATES = 500
# Articles opened (decompressed) to find a statement in their text: the earliest ones.
TEXT_CANDIDATES = 50


def phrase_pattern(words: list[str]) -> re.Pattern:
    # Canonical words back to a pattern over the original text: any punctuation or space between
    # words. (Words whose apostrophe canonical() dropped, "its" for "it's", may be missed; the
    # FTS match still found the article, and such a miss only drops the text appearance.)
    return re.compile(r"\b" + r"[\W_]+".join(re.escape(w) for w in words) + r"\b", re.I)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or quote) around ``start..end``."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n"))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "? ", "! ", "\n")) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    left = left + 1 if left != -1 else 0
    while left < start and text[left].isspace():
        left += 1
    return left, right


def match_query(query: list[str], content: list[str]) -> str | None:
    return match_words(tuple(query), tuple(content))


@functools.lru_cache(maxsize=4096)  # copies share contents: verify each distinct one once
def match_words(query: tuple[str, ...], content: tuple[str, ...]) -> str | None:
    if query == content:
        return "same"
    if len(query) < len(content) and contains(content, query):
        return "partial"
    return match_kind(list(query), list(content))


def contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def timeline(text: str, rows: list[dict]) -> dict:
    """Appearances (dicts with article, outlet, published, wording, wire, body_key, ...) as the
    trace result: earliest first, each with its ``diff`` from the earliest wording and ``origin``."""
    if not rows:
        return {"query": text, "appearances": [], "outlets": [], "origins": 0, "earliest_seen": None}
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
