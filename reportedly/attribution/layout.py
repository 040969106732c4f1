"""Attributions marked by layout instead of a verb, and the layout that only looks like speech.

Vox pops, testimonials, fact-check columns and embedded posts sign a quote: "“…” ― Sonya
Herridge", a line "- Bernie Sanders." under the quote, "— Name (@handle) date" after a post.
The dash is the cue, the name the source. Neither the CRFs (PolNeAR train has 11 dash cues) nor
the verb rules know the form. To keep ordinary prose out, a signed text must be a whole quote,
mark to mark, unless the signature carries a social-media handle ("… and the winner was —
Donald Trump." is no signed quote).

The other forms have modules of their own, read here together: transcript turns
(``transcripts``), Q&A answers (``interviews``), name lines over quotes (``headers``), credited
block quotations (``blockquotes``), and the furniture no one speaks in, datelines, credits and captions (``furniture``).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from . import Block
from .blockquotes import is_quoted, read_block_quotes
from .blocks import article_lines, block_end, block_ranges, trimmed
from .furniture import credits, datelines
from .headers import read_headers
from .interviews import read_interview
from .quotes import Quote, find_quotes
from .transcripts import read_turns

_DASH = r"(?:―|—|–|--|-)"
_SPACE = r"[^\S\n]"  # any space but a line break, the no-break space included
_PARTICLE = r"(?:de|da|del|der|van|von|al|bin|la|le)"
_NAME = rf"[A-Z][\w'’\-]*\.?(?:{_SPACE}+(?:[A-Z][\w'’\-]*\.?|{_PARTICLE})){{0,4}}"
# After the name: nothing, a full stop, ", a role or a place", or "(@handle) and a date".
_HANDLE = rf"{_SPACE}*\(@\w+\)[^\n]{{0,40}}"
_TAIL = rf"(?P<handle>{_HANDLE})|{_SPACE}*,[^\n]{{1,80}}|{_SPACE}*\.?"
_SIGNATURE = re.compile(rf"(?P<dash>{_DASH}){_SPACE}*(?P<name>{_NAME})(?:{_TAIL}){_SPACE}*$")
_OWN_LINE = re.compile(rf"^{_SPACE}*{_SIGNATURE.pattern}")
_OPENING = "\"“”‘'«"
_CLOSING = "\"”“’'»"
_MAX_SIGNATURE_WORDS = 12


@dataclass(frozen=True)
class Layout:
    """What the layout of an article says: attributions it marks, and where no one speaks.

    ``datelines`` are cut off sources and contents; ``quiet`` stretches (credits, captions, an
    interview's plain questions) hold no attribution's cue.
    """

    attributions: tuple[Attribution, ...]
    datelines: tuple[tuple[int, int], ...] = ()
    quiet: tuple[tuple[int, int], ...] = ()
    # Credited block quotations (``blockquotes``): added where the model found nothing there.
    quotations: tuple[Attribution, ...] = ()


class LayoutExtractor:
    """Attributions marked by layout: signed quotes, transcript turns, Q&A answers, name lines."""

    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        """The attributions layout marks (the extractor contract)."""
        return list(self.read(text, blocks).attributions)

    def read(self, text: str, blocks: Sequence[Block], quotes: Sequence[Quote] | None = None) -> Layout:
        """Everything the layout says about ``blocks`` of ``text``."""
        if quotes is None:
            quotes = find_quotes(text, block_ranges(blocks))
        dated = datelines(text, blocks)
        interview = read_interview(text, blocks)
        found = _signed(text, blocks) + read_turns(text, blocks, skip=dated) + list(interview.answers)
        found += read_headers(text, blocks, quotes)
        found = sorted((dataclasses.replace(att, origin="layout") for att in found),
                       key=lambda att: att.content.start)
        taken = Intervals.of_pieces(piece for att in found for piece in att.content.pieces)
        quotations = [att for att in read_block_quotes(text, blocks)
                      if not any(taken.overlaps(a, b) for a, b in att.content.pieces)]
        return Layout(tuple(found), tuple(dated), tuple(credits(text, blocks)) + interview.questions,
                      tuple(quotations))


def _signed(text: str, blocks: Sequence[Block]) -> list[Attribution]:
    """Signed quotes, read line by line (vox pops often come one per line)."""
    found = []
    lines = article_lines(text, blocks)
    # Posts the page sets as block quotations are read whole, with all their paragraphs, by
    # ``blockquotes``.
    quoted = [(offset, block_end(offset, doc)) for offset, doc in blocks if is_quoted(doc)]
    for index, (start, end) in enumerate(lines):
        made = _signed_here(text, start, end)
        if made is None and index > 0 and not any(a <= start < b for a, b in quoted):
            made = _signed_above(text, lines[index - 1], start, end)
        if made is not None:
            found.append(made)
    return found




def _signed_here(text: str, start: int, end: int) -> Attribution | None:
    """A line that ends with its own signature: ``“…” ― Name``."""
    line = text[start:end]
    match = _SIGNATURE.search(line)
    if match is None or match.start() == 0:
        return None
    # A hyphen glued to the word before it joins words ("well-Known"); the bar "―" never does.
    if not line[match.start() - 1].isspace() and match["dash"] != "―":
        return None
    body = trimmed(text, start, start + match.start())
    if body is None or not (_is_whole_quote(text, *body) or match["handle"]):
        return None
    return _attribution(text, body, match, start)


def _signed_above(text: str, above: tuple[int, int], start: int, end: int) -> Attribution | None:
    """A line that is only a signature, under the quote it signs: ``- Bernie Sanders.``, or
    under the post it signs: ``— Dave Schukin (@schukin) July 3, 2019``."""
    line = text[start:end]
    match = _OWN_LINE.match(line)
    if match is None or len(line.split()) > _MAX_SIGNATURE_WORDS:
        return None
    body = trimmed(text, *above)
    # An embedded post's text has no quote marks; its signature has a handle.
    if body is None or not (_is_whole_quote(text, *body) or match["handle"]):
        return None
    return _attribution(text, body, match, start)


def _attribution(text: str, body: tuple[int, int], signature: re.Match, line_start: int) -> Attribution:
    """The signed quote: ``body`` said by the signature's name, the dash its cue."""
    name_start, name_end = (line_start + i for i in signature.span("name"))
    last = text[name_start:name_end].split()[-1]
    if last.endswith(".") and len(last) > 3:
        name_end -= 1  # "Sanders." ends a sentence; "Jr." and "F." keep their point
    dash_start, dash_end = (line_start + i for i in signature.span("dash"))
    return Attribution("", "direct", Span.of(text, *body), Span.of(text, name_start, name_end),
                       Span.of(text, dash_start, dash_end))




def _is_whole_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens and closes with a quote mark and holds a few words."""
    inner = text[start:end]
    return (len(inner) > 2 and inner[0] in _OPENING and inner[-1] in _CLOSING
            and len(inner.split()) >= 3)
