"""Quotes that go on: past a full stop, past the cue, over paragraphs, into the next paragraph.

The extractors tag a content within one sentence or one paragraph; a direct quote often goes on.
Each rule here is a convention of news writing:
- a content never stops inside a quote whose marks its cue and source stand outside of: "“A. B,”
  she said" is one statement, not "“A." (a quote cut at its first full stop), and a quote that
  runs over paragraphs, each paragraph reopening the mark and only the last closing it, is one
  statement, whether its cue comes at its start or at its end;
- a split quote, "“A,” she said, “B.”" or "“A,” she said. “B.”", is one statement in two
  pieces, when nothing but the source and the cue stands between the two quotes;
- a follow-on paragraph, one that opens with a quote right after a paragraph whose last quote is
  attributed, and holds no cue of its own, continues that speaker;
- a pull quote, a quote the article repeats verbatim, is one statement: the copy without a cue
  (or with only a layout mark) is dropped where another attribution holds the other copy, and a
  repeated quote is never taken for a follow-on.

A follow-on has no cue, and its ``source`` is the previous attribution's source span: the words
of the article that name who is speaking, even though they stand in the paragraph before. Speaker
resolution reads that span as it read it for the previous quote, so both get the same speaker.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..model import Attribution, Span
from .quotes import Quote

_WORD = re.compile(r"\w+")
# A pull quote repeats at least this many words of the article verbatim.
_MIN_REPEATED_WORDS = 6
# A follow-on quote has a few words and is most of its paragraph ("“Fake news” has become …" is
# a paragraph about a phrase, not a quote going on).
_MIN_FOLLOW_ON_WORDS = 3


def continue_quotes(text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quote],
                    found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with whole quotes as contents, split quotes joined, follow-ons added, pull quotes dropped."""
    atts = list(found)
    atts = [_whole_quotes(text, att, quotes, atts) for att in atts]
    atts = [_split_quote(text, att, quotes, atts) for att in atts]
    atts += _follow_ons(text, paragraphs, quotes, atts)
    return _without_pull_quotes(text, atts)


def _inside(position: int, pieces: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in pieces)


def _overlaps(pieces: Sequence[tuple[int, int]], other: Sequence[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in pieces for c, d in other)


def _marks_of(att: Attribution) -> list[Span]:
    return [span for span in (att.cue, att.source) if span is not None]


def _grown(text: str, att: Attribution, pieces: Sequence[tuple[int, int]]) -> Attribution:
    if not pieces:
        return att
    content = Span.from_fragments(text, list(att.content.pieces) + list(pieces))
    return att if content == att.content else dataclasses.replace(att, content=content)


def _speaks_inside(quote: Quote, att: Attribution, others: Sequence[Attribution]) -> bool:
    """Whether a source or cue stands inside the quote's marks: then the quote is not all one
    speaker's words (a quoted transcript's turns, the article quoting a passage)."""
    if any(_inside(span.start, quote.pieces) for span in _marks_of(att)):
        return True
    return any(other is not att and other.cue is not None and _inside(other.cue.start, quote.pieces)
               for other in others)


def _reaches_into(text: str, pieces: Sequence[tuple[int, int]], quote: Quote) -> bool:
    """Whether ``pieces`` hold a word of the quote (a quote mark alone does not count)."""
    return any(_WORD.search(text, max(a, c), min(b, d)) for a, b in pieces for c, d in quote.pieces if a < d and c < b)


def _whole_quotes(text: str, att: Attribution, quotes: Sequence[Quote], others: Sequence[Attribution]) -> Attribution:
    """The content grown to the whole of every quote it reaches into."""
    pieces = [piece for quote in quotes if _reaches_into(text, att.content.pieces, quote)
              and not _speaks_inside(quote, att, others) for piece in quote.pieces]
    return _grown(text, att, pieces)


def _split_quote(text: str, att: Attribution, quotes: Sequence[Quote], others: Sequence[Attribution]) -> Attribution:
    """The other half of a split quote, "“A,” she said, “B.”", joined to the content.

    Two quotes are halves of one when the content holds one of them, the attribution's cue
    stands between them, and nothing else does: no other words than its source and cue, no
    other attribution's cue or content.
    """
    if att.cue is None:
        return att
    for first, second in zip(quotes, quotes[1:]):
        if not first.end <= att.cue.start < second.start:
            continue
        held = [q for q in (first, second) if _reaches_into(text, att.content.pieces, q)]
        if len(held) != 1:
            return att
        other_half = second if held[0] is first else first
        if _speaks_inside(other_half, att, others):
            return att
        if any(other is not att and (_overlaps(other.content.pieces, other_half.pieces)
                                     or (other.cue is not None and first.end <= other.cue.start < second.start))
               for other in others):
            return att
        gap = text[first.end : second.start]
        if "\n" in gap:
            return att  # a quote in the next paragraph is a follow-on, a statement of its own
        for span in sorted(_marks_of(att), key=lambda s: s.start, reverse=True):
            if first.end <= span.start and span.end <= second.start:
                gap = gap[: span.start - first.end] + " " * len(span.text) + gap[span.end - first.end :]
        if _WORD.search(gap):
            return att
        return _grown(text, att, other_half.pieces)
    return att


def _follow_ons(text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quote],
                found: Sequence[Attribution]) -> list[Attribution]:
    """Attributions of the quote paragraphs that continue the speaker of the paragraph before."""
    opening = {q.start: q for q in quotes}
    made: list[Attribution] = []
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        quote = opening.get(start)
        atts = list(found) + made
        if quote is None or not _most_of(text, quote, start, end):
            continue
        if any(_overlaps(att.content.pieces, quote.pieces) for att in atts):
            continue
        if any(att.cue is not None and start <= att.cue.start < end for att in atts):
            continue
        speaker = _last_quoted(paragraphs[index - 1], quotes, atts)
        if speaker is None or _repeated(text, quote.pieces):
            continue
        made.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)), speaker.source, None,
                                origin="layout"))
    return made


def _most_of(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether the quote is at least half the words of the paragraph it opens (and a few words)."""
    first_end = min(end, quote.pieces[0][1])
    quoted = len(_WORD.findall(text, start, first_end))
    return quoted >= _MIN_FOLLOW_ON_WORDS and 2 * quoted >= len(_WORD.findall(text, start, end))


def _last_quoted(paragraph: tuple[int, int], quotes: Sequence[Quote], atts: Sequence[Attribution]) -> Attribution | None:
    """The attribution of the last quote that ends in ``paragraph``, if that quote is attributed."""
    start, end = paragraph
    ending = [q for q in quotes if start < q.end <= end]
    if not ending:
        return None
    last = ending[-1]
    holders = [att for att in atts if _overlaps(att.content.pieces, last.pieces)]
    if not holders:
        return None
    # The innermost holder: "X said Y told him “…”" continues Y.
    return min(holders, key=lambda att: sum(b - a for a, b in att.content.pieces))


def _words(text: str, pieces: Sequence[tuple[int, int]]) -> list[str]:
    return [w.lower() for a, b in pieces for w in _WORD.findall(text, a, b)]


def _repeated(text: str, pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether the article says the words of ``pieces`` again elsewhere, verbatim."""
    words = _words(text, pieces)
    if len(words) < _MIN_REPEATED_WORDS:
        return False
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    return any(not _overlaps([m.span()], pieces) for m in pattern.finditer(text))


def _without_pull_quotes(text: str, atts: list[Attribution]) -> list[Attribution]:
    """The attributions less the cueless copies of quotes another attribution holds elsewhere."""
    keep = []
    for att in atts:
        if att.kind == "direct" and (att.cue is None or not any(ch.isalnum() for ch in att.cue.text)):
            words = _words(text, att.content.pieces)
            if len(words) >= _MIN_REPEATED_WORDS and any(
                    other is not att and other.cue is not None and any(ch.isalnum() for ch in other.cue.text)
                    and not _overlaps(other.content.pieces, att.content.pieces)
                    and _contains_run(_words(text, other.content.pieces), words)
                    for other in atts):
                continue
        keep.append(att)
    return keep


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))
