"""Small readings of the spaCy parse shared by the extractors: a verb's subject, a token range.

A cue verb often has no subject of its own: "Lukashenko had held a meeting … and had pledged
support", "…, adding that …", "Trump took to Twitter to accuse …". Its subject is the one of the
verb it hangs on, through coordination, adverbial clauses, open complements and participles.
"""
from __future__ import annotations

from spacy.tokens import Token

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
    while tokens and tokens[0].is_punct and (quotes_too or not tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and (quotes_too or not tokens[-1].is_quote):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
