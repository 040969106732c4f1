"""A "Name, title" line over quote paragraphs: the quotes are that person's.

Vox pops, testimonials and round-ups ("We asked five gardeners …") set each speaker's name on a
line of its own, often with a role and a colon, and the quote below it:

    Uli Lorimer, Director of Horticulture at Native Plant Trust:

    “December is a time of reflection …”

The name is the source; there is no cue. Every quote that opens one of the paragraphs right
under the line is an attribution of its own (a quote that runs over paragraphs is one), up to the
first paragraph that does not open with a quote mark. A name line is a capitalised name of two to
four words (two names joined by "and" too), then nothing, a role after a comma, or "of"/"at" an
organisation; it ends with a colon, or the article has two such lines over quotes: a name alone
over a quote, once, may be a caption or a byline. Where the parse has named entities, the name
must hold a person or an organisation.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Attribution, Span
from . import Block
from .blocks import block_ranges
from .quotes import Quote

_PARTICLE = r"(?:de|da|del|der|van|von|al|bin|la|le)"
_WORD = r"[A-Z][\w'’\-]*\.?"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|{_PARTICLE})){{1,3}}"
_HEADER = re.compile(
    rf"(?P<name>{_NAME}(?:[ \t]+and[ \t]+{_NAME})?)"
    rf"(?P<tail>,[ \t]+[^\n]{{1,150}}?|[ \t]+(?:of|at|from)[ \t]+[A-Z][^\n]{{0,150}}?)?[ \t]*(?P<colon>:)?[ \t]*")
_MAX_WORDS = 25
_OPENING = "“\"‘«"


def read_headers(text: str, blocks: Sequence[Block], quotes: Sequence[Quote]) -> list[Attribution]:
    """The quotes under name lines, each attributed to the line's name."""
    paragraphs = block_ranges(blocks)
    starts = {q.start: q for q in quotes}
    found: list[tuple[bool, list[Attribution]]] = []
    for index, (start, end) in enumerate(paragraphs):
        match = _name_line(text, start, end)
        if match is None or not _names_someone(blocks[index][1], match):
            continue
        source = Span.of(text, start + match.start("name"), start + match.end("name"))
        under = []
        following = index + 1
        while following < len(paragraphs):
            p_start, p_end = paragraphs[following]
            quote = starts.get(p_start)
            if quote is None or text[p_start] not in _OPENING:
                break
            under.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)), source, None,
                                     origin="layout"))
            # The next paragraph after the quote's last piece.
            following = next((k for k in range(following, len(paragraphs)) if paragraphs[k][0] >= quote.end),
                             len(paragraphs))
        if under:
            found.append((match["colon"] is not None, under))
    if len(found) < 2:
        found = [(colon, under) for colon, under in found if colon]
    return [att for _colon, under in found for att in under]


def _names_someone(doc, match: re.Match) -> bool:
    """Where the parse has named entities, the name must hold a person's or an organisation's
    ("Tips From The Experts:" has the shape of a name and is a heading)."""
    if not doc.has_annotation("ENT_IOB"):
        return True
    return any(ent.label_ in ("PERSON", "ORG") and ent.start_char < match.end("name")
               and match.start("name") < ent.end_char for ent in doc.ents)


def _name_line(text: str, start: int, end: int) -> re.Match | None:
    line = text[start:end]
    if "\n" in line.strip() or len(line.split()) > _MAX_WORDS or line.rstrip()[-1:] in ".?!":
        return None
    return _HEADER.fullmatch(line)
