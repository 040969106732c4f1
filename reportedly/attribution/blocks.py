"""Cutting plain text into paragraphs (blank-line blocks) and parsing them."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.tokens import Doc

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


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``start..end`` without the spaces at either end; None when nothing else is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
