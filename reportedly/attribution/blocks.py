"""Cutting plain text into paragraphs (blank-line blocks) and parsing them."""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator, Sequence

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span as SpacySpan

BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty blank-line-separated block of ``text``, whitespace trimmed."""
    out = []
    pos = 0
    for piece in BLANK_LINE.split(text):
        start = text.index(piece, pos)
        pos = start + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
    return out


def parse_blocks(nlp, texts: Iterable[str], n_process: int = 1, batch_size: int = 64) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, its paragraphs parsed as ``(offset, doc)`` blocks (the extractor contract)."""
    texts = list(texts)
    spans = [paragraph_spans(t) for t in texts]
    flat = [t[a:b] for t, ss in zip(texts, spans) for a, b in ss]
    docs = iter(nlp.pipe(flat, n_process=n_process, batch_size=batch_size))
    for ss in spans:
        yield [(a, next(docs)) for a, _b in ss]


def block_end(offset: int, doc: Doc) -> int:
    """Where the paragraph parsed as ``doc`` ends in the article.

    The same as ``offset + len(doc.text)``, but ``Doc.text`` rebuilds the string from every
    token on each call: in loops over attributions that was most of ``analyze``'s time.
    """
    return offset + (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)


def block_ranges(blocks: Iterable[tuple[int, Doc]]) -> list[tuple[int, int]]:
    """(start, end) in the article of each parsed paragraph."""
    return [(offset, block_end(offset, doc)) for offset, doc in blocks]


def article_lines(text: str, blocks: Iterable[tuple[int, Doc]]) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of the parsed paragraphs: layout is read by line
    (vox pops and transcript turns often come one per line within a paragraph)."""
    return [(start + m.start(), start + m.end()) for start, end in block_ranges(blocks)
            for m in re.finditer(r"[^\n]+", text[start:end]) if m.group().strip()]


def back_over(text: str, end: int, chars: str, floor: int = 0) -> int:
    """``end`` moved back over any of ``chars``, not below ``floor``: where the text before a
    position really ends, without copying the text before it (a copy per quote or per
    attribution made a long article quadratic)."""
    while end > floor and text[end - 1] in chars:
        end -= 1
    return end


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start..end`` without the spaces at either end; None when nothing else is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


# spaCy's strings by their hash, remembered: the store decodes a new str on every lookup, and
# most of a paragraph's tags, labels and words recur. Forgotten past ``_STRINGS_LIMIT``.
_STRING_OF: dict[int, str] = {}
_STRINGS_LIMIT = 200_000


def strings_of(store):
    """A function from a column of hashes (``Doc.to_array``'s) to their strings in ``store``."""
    def strings(hashes: list[int]) -> list[str]:
        if len(_STRING_OF) >= _STRINGS_LIMIT:
            _STRING_OF.clear()
        found = list(map(_STRING_OF.get, hashes))
        if None in found:
            for k in [k for k, text in enumerate(found) if text is None]:
                found[k] = _STRING_OF[hashes[k]] = store[hashes[k]]
        return found
    return strings


def sentence_ranges(doc: Doc, sent_starts: list[int] | None = None) -> list[tuple[int, int]]:
    """The (start, end) token range of each sentence of ``doc``: ``doc.sents`` (raising where it
    raises), read from the SENT_START column (``sent_starts``, when the caller read it already)
    rather than made a Span each."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]
    n = len(doc)
    if not n:
        return []
    if sent_starts is None:
        sent_starts = doc.to_array(SENT_START).tolist()
    starts = [0] + [i for i in range(1, n) if sent_starts[i] == 1]
    return list(zip(starts, starts[1:] + [n]))


class BlockIndex(Sequence):
    """An article's blocks ``(offset, doc)``, indexed by position: the block, the tokens of a span.

    It is a sequence of the blocks itself, so it can be handed wherever blocks are. Looking a
    span up by bisection instead of a scan of the blocks keeps per-attribution lookups from
    making an article of thousands of paragraphs quadratic.
    """

    def __init__(self, blocks: Iterable[tuple[int, Doc]]):
        self.blocks = list(blocks)
        self.starts = [offset for offset, _doc in self.blocks]
        self.ends = [block_end(offset, doc) for offset, doc in self.blocks]
        self._token_starts: dict[int, list[int]] = {}
        self._offsets: dict[int, int] | None = None

    @classmethod
    def of(cls, blocks: Iterable[tuple[int, Doc]]) -> "BlockIndex":
        """``blocks`` itself when it is an index already, else an index of them."""
        return blocks if isinstance(blocks, BlockIndex) else cls(blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, i):
        return self.blocks[i]

    def __iter__(self) -> Iterator[tuple[int, Doc]]:
        return iter(self.blocks)

    def holding(self, start: int, end: int) -> int | None:
        """The index of the block that holds ``start..end`` whole, or None."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i if i >= 0 and end <= self.ends[i] else None

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the blocks that overlap ``[start, end)`` (block start < end, start < block end)."""
        first = bisect.bisect_right(self.ends, start)
        return range(first, max(first, bisect.bisect_left(self.starts, end)))

    def tokens(self, span) -> SpacySpan | None:
        """The tokens of ``span`` (widened to whole tokens); None across paragraphs."""
        i = bisect.bisect_right(self.starts, span.start) - 1
        if i < 0:
            return None
        offset, doc = self.blocks[i]
        if span.end > self.ends[i]:
            return None
        return doc.char_span(span.start - offset, span.end - offset, alignment_mode="expand")

    def words_before(self, mark: int, end: int | None = None) -> tuple[int, SpacySpan] | None:
        """The offset of the block holding the character at ``mark`` and its whole tokens from
        its start to ``end`` (``mark`` by default: the mark itself left out).

        What a lead-in or an introducing clause reads: the words of the paragraph up to a colon,
        a comma or a full stop. None when no block holds ``mark`` or no whole token lies there.
        """
        block = self.holding(mark, mark + 1)
        if block is None:
            return None
        offset, doc = self.blocks[block]
        stop = mark if end is None else end
        words = doc.char_span(doc[0].idx if len(doc) else 0, stop - offset, alignment_mode="contract")
        if words is None or not len(words):
            return None
        return offset, words

    def tokens_starting_in(self, i: int, start: int, end: int) -> range:
        """Indexes of the tokens of block ``i`` that start in ``[start, end)`` (article offsets)."""
        offset, doc = self.blocks[i]
        starts = self._token_starts.get(i)
        if starts is None:  # read as a column: no Token made per word of the paragraph
            starts = self._token_starts[i] = (doc.to_array(IDX) + offset).tolist() if len(doc) else []
        return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))

    def offset_of(self, doc: Doc) -> int | None:
        """The offset of the block whose Doc is ``doc`` (the very object), or None."""
        if self._offsets is None:
            self._offsets = {id(d): offset for offset, d in self.blocks}
        return self._offsets.get(id(doc))
