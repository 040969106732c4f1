"""Finding quoted stretches of text, robust to the marks real articles use and misuse.

Marks are read as openers or closers from their neighbours, then paired with a stack per
paragraph. An opener that is never closed is dropped rather than allowed to run on: an
unbalanced mark must not swallow the text between two quotes (textacy raises here instead).
A quote left open at the end of a paragraph continues only when the next paragraph reopens it,
the convention for quotes that run over several paragraphs.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..intervals import Intervals
from .blocks import back_over

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/:;…"
_CLOSE_CONTEXT = " \t\n)]}.,;:!?—–-…"
# Every character that may be a quote mark; the scan only stops at these.
_MARK_CHARS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'") + "]")


@dataclass(frozen=True)
class Quote:
    """A quote: ``pieces`` are (start, end) ranges including the marks, one per paragraph."""

    pieces: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class _Mark:
    pos: int
    family: str  # "double" | "single"
    role: str  # "open" | "close" | "either"


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    out = []
    for m in _MARK_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE:
            role = "open" if ch in DOUBLE_OPEN else "close"
            # A curly mark typed the wrong way round is read by where it stands: "… and then
            # some.“" ends a paragraph's quote, "”Mr. Trump embodies …" opens one.
            if role == "open" and before not in _OPEN_CONTEXT and after in _CLOSE_CONTEXT:
                role = "close"
            elif role == "close" and before in _OPEN_CONTEXT and after.isalnum():
                role = "open"
            out.append(_Mark(i, "double", role))
        elif ch == '"':
            out.append(_Mark(i, "double", _straight_role(before, after)))
        elif ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == "'":
            # Apostrophes: a mark between two letters or digits ("Russia's", "’90s") is no quote.
            if before.isalnum() and (after.isalnum() or ch != "'" and after == "s"):
                continue
            if ch == "’" and before.isalnum() and after.isalnum():
                continue
            # A decade cut to two digits ("the ’80s") is an elision, not an opener. ("MBA ’16" is
            # one too, but "'90 days'" is a quote: two digits alone decide nothing.)
            if ch in "’'" and text[i + 1 : i + 3].isdigit() and text[i + 3 : i + 4] == "s" and not text[i + 4 : i + 5].isalnum():
                continue
            role = _straight_role(before, after)
            if ch in SINGLE_OPEN and role != "close":
                role = "open"
            elif ch in SINGLE_CLOSE and role != "open":
                role = "close"
            if role == "either":
                continue  # a lone single mark between spaces is no quote
            out.append(_Mark(i, "single", role))
    return out


def _straight_role(before: str, after: str) -> str:
    if before in _OPEN_CONTEXT and after not in " \t\n":
        return "open"
    if before not in " \t\n" and (after in _CLOSE_CONTEXT or after in "'\"’”"):
        return "close"
    return "either"


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed top-level quotes of one paragraph, and the start of one left open at its end."""
    stack: list[_Mark] = []
    # Where each family's openers are on the stack, innermost last: the opener a mark matches is
    # found without searching the stack (a paragraph of thousands of unclosed marks of one kind
    # and one mark of the other made that search quadratic).
    at: dict[str, list[int]] = {"double": [], "single": []}

    def cut(k: int) -> None:
        del stack[k:]
        for positions in at.values():
            while positions and positions[-1] >= k:
                positions.pop()

    found: list[tuple[int, int]] = []
    for mark in _marks(text, start, end):
        match_at = at[mark.family][-1] if at[mark.family] else None
        closes = mark.role == "close" or (mark.role == "either" and match_at is not None)
        if closes:
            if match_at is None:
                continue  # a stray closer
            opener = stack[match_at]
            cut(match_at)  # openers inside it that never closed are dropped
            # Quotes closed inside this one are part of it, not quotes of their own. They were
            # kept until now because their opener might never close (and then they stand).
            while found and found[-1][0] > opener.pos:
                found.pop()
            found.append((opener.pos, mark.pos + 1))
            continue
        # A second straight opener nests: writers who type straight marks quote inside a quote
        # with them too ("… the shift from "application consumption" to AI-as-a-Service," she
        # said). An opener that never closes is dropped at the end and what it held stands.
        at[mark.family].append(len(stack))
        stack.append(mark)
    left_open = stack[0].pos if stack and stack[0].family == "double" else None
    return found, left_open


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotes in ``paragraphs`` of ``text``, in reading order."""
    quotes: list[Quote] = []
    pending: list[tuple[int, int]] = []  # pieces of a quote running over paragraphs
    for index, (start, end) in enumerate(paragraphs):
        found, left_open = _paragraph_quotes(text, start, end)
        if pending:
            first_char = text[start:end].lstrip()[:1]
            if first_char and (first_char in DOUBLE_OPEN or first_char == '"'):
                if found and found[0][0] == start + (len(text[start:end]) - len(text[start:end].lstrip())):
                    # The reopening mark closed inside this paragraph: the quote ends here.
                    quotes.append(Quote(tuple(pending) + (found[0],)))
                    found = found[1:]
                    pending = []
                elif left_open is not None:
                    pending.append((left_open, end))
                    found = [pair for pair in found if pair[0] < left_open]  # the rest is inside it
                    left_open = None
                else:
                    pending = []
            else:
                pending = []
        if left_open is not None and not pending:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            reopened = nxt and text[nxt[0] : nxt[1]].lstrip()[:1] in (DOUBLE_OPEN + '"')
            if reopened:
                pending = [(left_open, end)]
                # Quotes closed after the opener that runs on are inside it: only the ones before
                # it stand alone. (Were the run dropped later, an unclosed opener then, those stay
                # dropped too, as before: a quote over paragraphs is read as one or not at all.)
                found = [pair for pair in found if pair[0] < left_open]
        quotes.extend(Quote(((a, b),)) for a, b in found)
    return sorted(quotes, key=lambda q: q.start)


# What may stand between a quote and its reporting clause ("…," she said; "…" — she said).
_GAP = " ,—–-:\n"


class QuoteIndex:
    """An article's quotes (``find_quotes``), indexed for the questions asked per cue and content."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = list(quotes)  # in order of their starts, as find_quotes gives them
        self.starts = [q.start for q in self.quotes]
        self.reach = []  # the furthest end of any quote starting at or before each one
        for q in self.quotes:
            self.reach.append(max(q.end, self.reach[-1]) if self.reach else q.end)
        self._by_end = sorted((q.end, k) for k, q in enumerate(self.quotes))
        self.pieces = Intervals.of_pieces(piece for q in self.quotes for piece in q.pieces)

    def __iter__(self):
        return iter(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)

    def first_reaching_past(self, position: int) -> int:
        """Index of the first quote that ends after ``position``, or any later one: every quote
        before it ends at or before ``position``."""
        return bisect.bisect_right(self.reach, position)

    def quoted(self, position: int) -> bool:
        """Whether ``position`` is inside a piece of some quote."""
        return self.pieces.covers(position)

    def ending_before(self, text: str, left: int) -> Quote | None:
        """The last quote (in reading order) that ends at ``left`` or only ``_GAP`` characters before it."""
        gap = back_over(text, left, _GAP)
        lo = bisect.bisect_left(self._by_end, (gap, -1))
        hi = bisect.bisect_right(self._by_end, (left, len(self.quotes)))
        return self.quotes[max(k for _end, k in self._by_end[lo:hi])] if hi > lo else None

    def starting_after(self, text: str, right: int) -> Quote | None:
        """The first quote that starts at ``right`` or only ``_GAP`` characters after it."""
        k = bisect.bisect_left(self.starts, right)
        if k == len(self.quotes):
            return None
        gap = right
        while gap < self.starts[k] and text[gap] in _GAP:
            gap += 1
        return self.quotes[k] if gap == self.starts[k] else None
