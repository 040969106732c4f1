"""Small readings of the spaCy parse shared by the extractors: a verb's subject, a token range.

A cue verb often has no subject of its own: "Lukashenko had held a meeting … and had pledged
support", "…, adding that …", "Trump took to Twitter to accuse …". Its subject is the one of the
verb it hangs on, through coordination, adverbial clauses, open complements and participles.
"""
from __future__ import annotations

import weakref

from spacy.attrs import HEAD, IS_PUNCT, IS_QUOTE, IS_SPACE
from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
INHERITING_DEPS = ("advcl", "conj", "xcomp", "acl")


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from the verb it hangs on when it has none."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if verb.dep_ not in INHERITING_DEPS or verb.head is verb:
            return None
        verb = verb.head
        seen += 1
    return None


def trim(tokens: list[Token], quotes_too: bool = False) -> tuple[int, int] | None:
    """Character range (in the doc) of ``tokens`` without leading/trailing punctuation and spaces.

    Quote marks are kept by default (a content keeps its quotes); a source drops them.
    """
    tokens = [t for t in tokens if not t.is_space]
    lo, hi = 0, len(tokens)
    # Indexes, not slicing: a run of thousands of marks must not be copied once per mark.
    while lo < hi and tokens[lo].is_punct and (quotes_too or not tokens[lo].is_quote):
        lo += 1
    while hi > lo and tokens[hi - 1].is_punct and (quotes_too or not tokens[hi - 1].is_quote):
        hi -= 1
    if lo == hi:
        return None
    return tokens[lo].idx, tokens[hi - 1].idx + len(tokens[hi - 1])


def trim_subtree(token: Token, quotes_too: bool = False) -> tuple[int, int] | None:
    """``trim(list(token.subtree), quotes_too)`` without listing the subtree.

    Listing the subtree of every cue's complement is quadratic in a chain of nested clauses
    ("said said said …" parses as one). A projective subtree is the tokens from its first to
    its last, in order, and its trimmed ends are looked up in arrays made once per Doc; a
    subtree with crossing arcs is listed as before (its tokens do not come in order).
    """
    index = _trim_index(token.doc)
    if not index.projective[token.i]:
        return trim(list(token.subtree), quotes_too)
    return trim_range(token.doc, index.left[token.i], index.right[token.i] + 1, quotes_too)


def trim_range(doc: Doc, start: int, end: int, quotes_too: bool = False) -> tuple[int, int] | None:
    """``trim(list(doc[start:end]), quotes_too)``, in constant time."""
    start, end = max(0, start), min(end, len(doc))
    if start >= end:
        return None
    index = _trim_index(doc)
    first, last = index.next_kept[quotes_too][start], index.last_kept[quotes_too][end - 1]
    if first >= end or last < start:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


class _TrimIndex:
    """Per Doc: each token's subtree edges and whether it is projective, and the nearest token a
    trim keeps on either side of each token."""

    def __init__(self, doc: Doc):
        n = len(doc)
        rows = doc.to_array([IS_SPACE, IS_PUNCT, IS_QUOTE]).tolist() if n else []
        heads = [i + off for i, off in enumerate(doc.to_array(HEAD).astype("int64").tolist())] if n else []
        children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(heads):
            if h != i:
                children[h].append(i)
        order = [i for i, h in enumerate(heads) if h == i]
        for node in order:  # grows while iterating: every token after its head
            order.extend(children[node])
        sizes, self.left, self.right = [1] * n, list(range(n)), list(range(n))
        for node in reversed(order):  # children before their heads
            h = heads[node]
            if h != node:
                sizes[h] += sizes[node]
                self.left[h], self.right[h] = min(self.left[h], self.left[node]), max(self.right[h], self.right[node])
        # A subtree is projective when it and every subtree in it cover their span without gaps.
        self.projective = [sizes[i] == self.right[i] - self.left[i] + 1 for i in range(n)]
        for node in reversed(order):
            h = heads[node]
            if h != node and not self.projective[node]:
                self.projective[h] = False
        self.next_kept: dict[bool, list[int]] = {}
        self.last_kept: dict[bool, list[int]] = {}
        for quotes_too in (False, True):
            kept = [not space and not (punct and (quotes_too or not quote)) for space, punct, quote in rows]
            nxt, last = [n] * n, [-1] * n
            following, previous = n, -1
            for i in range(n - 1, -1, -1):
                if kept[i]:
                    following = i
                nxt[i] = following
            for i in range(n):
                if kept[i]:
                    previous = i
                last[i] = previous
            self.next_kept[quotes_too], self.last_kept[quotes_too] = nxt, last


# Kept beside the Doc, not in its user_data, which spaCy serialises (with msgpack) when a Doc
# crosses processes. Only the last few Docs' indexes are kept: the extractors trim within one
# paragraph at a time, and an index per Doc kept as long as the Docs (through provenance) took
# about 1.2 KB a paragraph: 23 MB of a 1 MB article of 20,000 short paragraphs.
_RECENT = 8
_INDEXES: "weakref.WeakKeyDictionary[Doc, _TrimIndex]" = weakref.WeakKeyDictionary()


def _trim_index(doc: Doc) -> _TrimIndex:
    index = _INDEXES.get(doc)
    if index is None:
        if len(_INDEXES) >= _RECENT:
            _INDEXES.clear()
        index = _INDEXES[doc] = _TrimIndex(doc)
    return index
