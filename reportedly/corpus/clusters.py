"""Clustering the same statement across articles.

Two contents are one statement when, compared word by word after canonicalisation
(case, punctuation and whitespace folded, see ``text.canonical``):
- they are equal;
- one is a partial quote of the other: nearly all of the shorter one's words appear, in order,
  in the longer one (``PARTIAL``), and the shorter one is long enough to mean something
  (``DISTINCT_WORDS``). Short phrases ("the former secretary of
  state", "presumptive Republican nominee Donald Trump") sit inside many unrelated quotes, and
  union-find would chain those quotes into one meaningless cluster;
- or they differ by small wording changes: a similarity ratio of at least ``REWORDED``, both
  again at least ``DISTINCT_WORDS`` long.

Equal contents need only ``MIN_WORDS``: a repeated five-word quote is still worth linking.

Candidate pairs come from shared word 3-gram shingles (an inverted index; shingles shared by
more than ``MAX_POSTING`` contents are too common to say anything and are skipped), and each
candidate pair is verified by the words the two share in order (their longest common
subsequence, rapidfuzz's ``LCSseq``: about 12 times as fast as difflib's matching blocks, and the
same decisions on the PolNeAR store). Groups are the connected components (union-find).
"""
from __future__ import annotations

import difflib
import functools
from collections import defaultdict
from typing import Iterable

from rapidfuzz.distance import LCSseq

from .text import canonical, shingles

MIN_WORDS = 5
DISTINCT_WORDS = 8
PARTIAL = 0.9
REWORDED = 0.75
MAX_POSTING = 200


def match_kind(a: list[str], b: list[str]) -> str | None:
    """"same", "partial" or "reworded" when word lists ``a`` and ``b`` are one statement, else None."""
    if a == b:
        return "same" if len(a) >= MIN_WORDS else None
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < DISTINCT_WORDS:
        return None
    matched = LCSseq.similarity(short, long)  # words in common, in order
    if matched >= PARTIAL * len(short) and len(long) > len(short):
        return "partial"
    if 2 * matched / (len(a) + len(b)) >= REWORDED:
        return "reworded"
    return None


def cluster_statements(items: Iterable[tuple[int, str]]) -> dict[int, int]:
    """Map item id -> cluster id (the smallest member id) for items in clusters of two or more.

    ``items`` are (id, canonical text) pairs.
    """
    words = {id: text.split() for id, text in items}
    words = {id: w for id, w in words.items() if len(w) >= MIN_WORDS}
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for id, w in words.items():
        for shingle in shingles(w):
            postings[shingle].append(id)
    parent = {id: id for id in words}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > MAX_POSTING:
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                ra, rb = find(a), find(b)
                if ra == rb or (a, b) in checked:
                    continue
                checked.add((a, b))
                if match_kind(words[a], words[b]):
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for id in words:
        groups[find(id)].append(id)
    return {id: min(members) for members in groups.values() if len(members) > 1 for id in members}


@functools.lru_cache(maxsize=64)
def _canonical_words(text: str) -> tuple[str, ...]:
    return tuple(canonical(text).split())


@functools.lru_cache(maxsize=4096)  # copies share wordings: a timeline repeats few distinct ones
def word_diff(reference: str, wording: str) -> str:
    """``wording`` with its differences from ``reference`` marked: [-removed-] and {+added+}.

    Both are compared in canonical form, so typography (curly quotes, case) is not a difference.
    """
    a, b = _canonical_words(reference), _canonical_words(wording)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(b[j1:j2])
            continue
        if op in ("delete", "replace"):
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if op in ("insert", "replace"):
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
