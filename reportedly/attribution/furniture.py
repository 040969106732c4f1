"""Text that layout puts where speech could be read: datelines, credits and captions, labels.

"SIOUX FALLS, S.D. — Gov. Kristi Noem said …": the place is no part of the source, and
"RAJSHAHI, Dec 20, 2025 (BSS) - Farmers …" no part of what officials said. A dateline is an
upper-case place at the start of a paragraph, maybe with a region, a date or an agency after it,
then a dash. With a colon it is one with a date or an agency ("RAJSHAHI, Dec 20 (BSS):"), or a
bare place ("NEW DELHI: …") that opens one of the first paragraphs after the headline in an
article with no other line so labelled: those are a transcript's speakers, as "SACHA PFEIFFER,
HOST:" is one (a role where a region would be), and a headline "POLL: …" is the poll's.

"Photo: AP", "Courtesy Samaya", "… near the river. Photograph: Jane Doe/Reuters": a credit, and
the caption it ends, describe a picture; nobody is quoted in them.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from . import Block
from .blocks import block_ranges

_PLACE_WORD = r"[A-Z][A-Z.'’\-]+"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}"
_REGION = r",[ \t]+[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,2}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf",?[ \t]+{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]+\d{{4}})?"
_AGENCY = r"[ \t]+\([A-Z][\w.&'’ \-]{0,30}\)"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?P<region>{_REGION})?(?P<more>(?:{_DATE})?(?:{_AGENCY})?)[ \t]*(?P<mark>—|–|--|-|:)[ \t]+(?=\S)")
# A colon dateline opens one of the first paragraphs after the headline (a dek may come first).
_COLON_DATELINE_BLOCKS = range(1, 3)
# Lines that open with an upper-case label and a colon: more than one, and it is a transcript.
_LABELLED_LINE = re.compile(rf"(?m)^[ \t]*[\"“]?{_PLACE}[ \t]*:")

_CREDIT_WORDS = r"(?:Photo|Photos|Photograph|Photography|Picture|Image|Images|Illustration|Graphic|Video|Credit)"
_CREDIT_LINE = re.compile(
    rf"(?:{_CREDIT_WORDS}(?:[ \t]+(?:credit|courtesy))?[ \t]*(?::|by\b)|Courtesy(?:[ \t]+of)?[ \t]+(?=[A-Z@]))")
# Inside a caption: "…. Photograph: Jane Doe/Reuters", "(AP Photo/Evan Vucci)", "/Getty Images".
_CREDIT_INLINE = re.compile(
    rf"(?<=[.!?”\"][ \t]){_CREDIT_WORDS}:[ \t]|\((?:AP|AFP|Reuters|EPA)?[ \t]?Photo/|/[ \t]?(?:Getty Images|Shutterstock)\b")
_CREDIT_MAX_WORDS = 8


def datelines(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The (start, end) of each dateline, its mark and the space after it included."""
    paragraphs = block_ranges(blocks)
    labelled_lines = len(_LABELLED_LINE.findall(text))
    found = []
    for index, (start, end) in enumerate(paragraphs):
        match = _DATELINE.match(text, start, end)
        if match is None:
            continue
        # "SACHA PFEIFFER, HOST:" is a transcript label; a colon dateline has a date or an agency,
        # or is the bare place.
        if match["mark"] == ":" and match["region"] and not match["more"]:
            continue
        if match["mark"] == ":" and not match["more"] and (index not in _COLON_DATELINE_BLOCKS or labelled_lines > 1):
            continue
        found.append(match.span())
    return found


def credits(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The paragraphs that are a picture credit, or a caption ending in one."""
    found = []
    for start, end in block_ranges(blocks):
        paragraph = text[start:end]
        if _CREDIT_LINE.match(paragraph) and len(paragraph.split()) <= _CREDIT_MAX_WORDS:
            found.append((start, end))
        elif _CREDIT_INLINE.search(paragraph):
            found.append((start, end))
    return found


def clear_furniture(text: str, found: Sequence[Attribution], datelines: Sequence[tuple[int, int]],
                    quiet: Sequence[tuple[int, int]]) -> list[Attribution]:
    """``found`` less what furniture made of it.

    An attribution whose cue lies in a dateline or a ``quiet`` stretch (a credit, a caption, an
    interview's plain question) goes; a dateline is cut off the start of a source or content.
    """
    silent = Intervals.of_pieces(list(datelines) + list(quiet))
    cut = _Cut(datelines)
    kept = []
    for att in found:
        if att.cue is not None and silent.covers(att.cue.start):
            continue
        content = _without(text, att.content, cut)
        if content is None:
            continue
        source = _without(text, att.source, cut) if att.source is not None else None
        if content != att.content or source != att.source:
            att = dataclasses.replace(att, content=content, source=source)
        kept.append(att)
    return kept


class _Cut:
    """Stretches to cut off, in order and apart (datelines: one at most per paragraph), looked
    up by bisection: a scan of them per attribution is quadratic in wire copy."""

    def __init__(self, stretches: Sequence[tuple[int, int]]):
        self.stretches = list(stretches)
        self.starts = [a for a, _b in self.stretches]

    def past(self, position: int) -> int:
        """``position``, moved to the end of each stretch in turn that holds it."""
        k = bisect.bisect_right(self.starts, position) - 1
        while 0 <= k < len(self.stretches) and self.stretches[k][0] <= position < self.stretches[k][1]:
            position = self.stretches[k][1]
            k += 1  # only a later stretch can hold the new position
        return position


def _without(text: str, span: Span, cut: _Cut) -> Span | None:
    """``span`` with the stretches in ``cut`` taken off its pieces' starts (None if nothing is left)."""
    pieces = []
    for start, end in span.pieces:
        start = cut.past(start)
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            pieces.append((start, end))
    if not pieces:
        return None
    return Span.from_fragments(text, pieces) if pieces != list(span.pieces) else span
