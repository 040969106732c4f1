"""Contents that run over another speaker's quote and its reporting clause.

A tagger labels a content per cue, and now and then it runs on over the next statement:
"“A,” she says. “B,” she says, and C." gives the first "says" all of A, B and C, and
"“A,” Lee cautions. For example, B, she says." gives the second "says" A as well as B. A quote
followed by its own reporting clause ("“B,” she says") is that clause's statement, so another
content that holds both the quote and its clause is cut where they are:

- a split content (pieces on both sides of its own cue) ends before such a quote after its cue;
- a content wholly before its cue, which goes on past such a quote and clause, starts after them.

Reported speech nested inside a report is left alone: there the inner clause comes before its
content ("the Express reported that officers warned that …") or the outer content ends with the
inner clause ("“…,” the letter said, the Express reported"), so neither case holds.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from .blocks import back_over

_WORD = re.compile(r"\w")
# What may stand between a quote's last word and its reporting clause: the closing mark, a comma.
_CLAUSE_GAP = " \t,—–-\"'”’»"
_QUOTE_OPENERS = "\"“‘'«„"
_QUOTE_CLOSERS = "\"”’'»"


def cut_overreach(text: str, atts: Sequence[Attribution]) -> list[Attribution]:
    """``atts`` with each content cut back from the quotes that other attributions' clauses follow."""
    out = list(atts)
    covering = Intervals((a, b, k) for k, att in enumerate(out) for a, b in att.content.pieces)
    for quoted in atts:
        clause = _trailing_clause(text, quoted)
        if clause is None:
            continue
        quote_start, clause_end = quoted.content.start, clause
        for _a, _b, k in list(covering.overlapping(quoted.cue.start, quoted.cue.start + 1)):
            att = out[k]
            if att is quoted or att.cue is None or att.cue.overlaps(quoted.cue):
                continue
            if not (_holds(att.content, quote_start) and _holds(att.content, quoted.cue.start)):
                continue
            out[k] = _cut(text, att, quote_start, clause_end)
    return out


def _trailing_clause(text: str, att: Attribution) -> int | None:
    """Where the reporting clause after a direct quote ends ("“B,” she says"), or None when
    ``att`` is not a quote followed by its own source and cue."""
    if att.cue is None or att.source is None:
        return None
    content = att.content
    if text[content.start : content.start + 1] not in _QUOTE_OPENERS:
        return None
    first = min(att.cue.start, att.source.start)
    # The quote's piece that the clause follows (the content may go on after the clause: "“B,”
    # she says, and C").
    ends = [b for a, b in content.pieces if b <= first]
    if not ends or text[max(ends) : first].strip(_CLAUSE_GAP):
        return None
    if not any(ch in _QUOTE_CLOSERS for ch in text[max(ends) - 2 : first]):
        return None  # the piece must end its quote: "B,” she says"
    return max(att.cue.end, att.source.end)


def _holds(span: Span, position: int) -> bool:
    return any(a <= position < b for a, b in span.pieces)


def _cut(text: str, att: Attribution, quote_start: int, clause_end: int) -> Attribution:
    pieces = att.content.pieces
    cue = att.cue.start
    before = any(b <= cue for _a, b in pieces)
    after = any(a >= att.cue.end for a, _b in pieces)
    if before and after and quote_start >= att.cue.end:
        kept = [(a, min(b, quote_start)) for a, b in pieces if a < quote_start]
    elif not after and clause_end < att.content.end and _WORD.search(text, clause_end, att.content.end):
        kept = [(max(a, clause_end), b) for a, b in pieces if b > clause_end]
        start = kept[0][0]
        while start < kept[0][1] and not text[start].isalnum() and text[start] not in _QUOTE_OPENERS:
            start += 1
        kept[0] = (start, kept[0][1])
    else:
        return att
    kept = [(a, b) for a, b in kept if b > a]
    if not kept:
        return att
    # Trailing gap characters of a cut piece ("“A,” " before the cut) are not content.
    a, b = kept[-1]
    kept[-1] = (a, back_over(text, b, " \t\n", a))
    return dataclasses.replace(att, content=Span.from_fragments(text, kept))
