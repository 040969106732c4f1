"""Limits that keep spaCy's cost linear in the article: what each Doc is handed.

Two inputs make spaCy superlinear, and neither occurs in ordinary prose:
- **One huge paragraph.** Over 1,000,000 characters spaCy refuses it outright; well below that,
  one paragraph is one parse tree forest whose sentences (and so the extractor's per-sentence
  and per-paragraph work) grow with it. A paragraph over ``MAX_BLOCK_CHARS`` is parsed in
  pieces, cut at the safest point before the limit: a line break, else a sentence end, else a
  space, else anywhere. The largest PolNeAR paragraph has 16,172 characters (train; dev 7,118),
  the real-world gold's about 1,000: far from the limit.
- **Long runs of punctuation** (a thousand opening brackets, straight quote marks or exclamation marks in a row). spaCy's tokenizer peels prefixes and
  suffixes one at a time, searching the rest of the chunk each time: quadratic in the run (4,000
  "(" take 3 s, 16,000 about 50 s); and a token per mark makes a megabyte of them a million
  tokens. Such runs are read as tokens of ``MAX_MARK_RUN`` marks. No PolNeAR or real-world text
  has a run of more than 7.

Every piece is its own block ``(offset, doc)``, so the extractor contract and the offsets into
the article are unchanged. What was cut is said in the analysis's ``notes``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc

MAX_BLOCK_CHARS = 10_000
MAX_MARK_RUN = 32
BATCH_CHARS = 30_000
_NO_TENSOR = numpy.zeros((0,), dtype="float32")
_MARK_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_MARK_RUN + 1))
# A sentence end: terminal punctuation, closing marks, then a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s")


@dataclass(frozen=True)
class Bounded:
    """The blocks of text handed to spaCy for some paragraphs, and what the limits changed."""

    blocks: tuple[tuple[int, int], ...]  # (start, end) in the article, in order
    split: tuple[tuple[int, int, int], ...] = ()  # (start, end, pieces) of each paragraph parsed in pieces


def split_paragraph(text: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most ``limit`` characters, cut at safe points, trimmed."""
    pieces = []
    # A cut falls in the second half of the window, so each one advances by at least half the
    # limit and splitting stays linear.
    minimum = max(1, limit // 2)
    while end - start > limit:
        cut = _cut_point(text, start, start + limit, start + minimum)
        pieces.append(_trim(text, start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append(_trim(text, start, end))
    return [p for p in pieces if p[1] > p[0]]


def _cut_point(text: str, start: int, stop: int, earliest: int) -> int:
    """Where to end a piece that starts at ``start`` and may not reach past ``stop``."""
    line = text.rfind("\n", earliest, stop)
    if line != -1:
        return line
    last = None
    for match in _SENTENCE_END.finditer(text, earliest, stop):
        last = match.end() - 1
    if last is not None:
        return last
    for i in range(stop - 1, earliest - 1, -1):
        if text[i].isspace():
            return i
    return stop


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def bound_paragraphs(text: str, paragraphs: Iterable[tuple[int, int]], limit: int = MAX_BLOCK_CHARS) -> Bounded:
    """The blocks to parse for ``paragraphs`` of ``text``: each one, or its pieces when over ``limit``."""
    blocks: list[tuple[int, int]] = []
    split = []
    for start, end in paragraphs:
        if end - start <= limit:
            blocks.append((start, end))
            continue
        pieces = split_paragraph(text, start, end, limit)
        blocks.extend(pieces)
        split.append((start, end, len(pieces)))
    return Bounded(tuple(blocks), tuple(split))


def tokenizer_input(nlp, text: str) -> str | Doc:
    """``text`` itself, or, when it holds a run of marks over ``MAX_MARK_RUN``, its Doc (the same
    text, the same offsets) for ``nlp.pipe`` to annotate, with each such run made tokens of
    ``MAX_MARK_RUN`` marks.

    A mark a token would make such a run as many tokens as characters, and every step's cost
    goes by tokens: a megabyte of "(" took minutes to parse where a megabyte of prose takes
    half a minute. No run that long is language (PolNeAR's and the real-world pages' longest
    has 7 marks), so nothing is lost by reading it in pieces.
    """
    if _MARK_RUN.search(text) is None:
        return text
    docs = []
    pos = 0
    for match in _MARK_RUN.finditer(text):
        if match.start() > pos:
            docs.append(nlp.make_doc(text[pos : match.start()]))
        cuts = [*range(match.start(), match.end(), MAX_MARK_RUN), match.end()]
        words = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        spaces = [False] * len(words)
        pos = match.end()
        if text.startswith(" ", pos):  # a space after the run is its last token's, as spaCy does
            spaces[-1] = True
            pos += 1
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


def longest_mark_run(text: str) -> int:
    """Length of the longest run of marks (punctuation, symbols) in ``text``."""
    return max((m.end() - m.start() for m in _MARK_RUN.finditer(text)), default=0)


def parse_bounded(nlp, text: str, ranges: Sequence[tuple[int, int]]) -> Iterator[tuple[int, Doc]]:
    """``(offset, doc)`` for each range of ``text``, tokenised safely (see ``tokenizer_input``).

    Memory stays proportional to the text. A batch holds about ``BATCH_CHARS`` characters of long
    paragraphs (a 200 KB paragraph parsed as one batch of 20 pieces peaked at 645 MB, in batches
    of 3 at 110 MB), and each Doc's tensor (the tok2vec output, which nothing after the pipeline
    reads) is dropped: it keeps its whole batch's activations alive, 290 MB for that paragraph.
    """
    longest = max((b - a for a, b in ranges), default=1)
    batch_size = max(1, min(64, BATCH_CHARS // max(1, longest)))
    inputs = (tokenizer_input(nlp, text[a:b]) for a, b in ranges)
    for (start, _end), doc in zip(ranges, nlp.pipe(inputs, batch_size=batch_size)):
        doc.tensor = _NO_TENSOR
        yield start, doc


def limit_notes(text: str, bounded: Bounded) -> list[str]:
    """What the limits changed, in words, for the analysis's ``notes`` (one line per kind)."""
    notes = []
    if bounded.split:
        where = ", ".join(f"{a:,}–{b:,}" for a, b, _n in bounded.split[:3])
        more = f" and {len(bounded.split) - 3} more" if len(bounded.split) > 3 else ""
        pieces = sum(n for _a, _b, n in bounded.split)
        notes.append(
            f"{len(bounded.split)} paragraph(s) over {MAX_BLOCK_CHARS:,} characters (at {where}{more}) were "
            f"parsed in {pieces} pieces cut at line breaks, sentence ends or spaces; nothing is found across a cut"
        )
    runs = [longest_mark_run(text[a:b]) for a, b in bounded.blocks]
    if any(runs):
        notes.append(
            f"runs of punctuation marks over {MAX_MARK_RUN} (the longest {max(runs):,}) were read as tokens "
            f"of {MAX_MARK_RUN} marks"
        )
    return notes
