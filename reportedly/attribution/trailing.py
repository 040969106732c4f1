"""Reports named after what they report: "…, Yahoo Finance reported earlier this year."

A sentence that ends with ", <name> reported" (or "said", "wrote"; also inverted, ", reported
Euro News") is that name's report, and its content is the whole clause before the comma, however
many statements the clause holds itself: "John Mackey said in an internal memo that prices
fell, Yahoo Finance reported" is Yahoo Finance's report of what Mackey said. PolNeAR annotates
it so ("…, CNN reported": the clause is CNN's content). The model often misses the outer report
when the clause holds a statement of its own: it then runs the inner content on over the
reporting clause ("…prices fell, Yahoo Finance reported earlier") and credits the whole to the
inner speaker, or reads "reported Euro News" with no source and "Euro News" as the content.

``trailing_reports`` adds the outer report where nothing has its cue, cuts inner contents at the
comma, and drops finds that read the reporting clause itself as content. The inner statement
then lies inside the outer one's content, and the chain carries the relay
(this article → Yahoo Finance → memo → John Mackey).

The same holds for a reporting clause set before the sentence with "as": "As the authors
explain, research in monkeys shows that …" is the authors' statement of the rest of the
sentence (PolNeAR annotates "As The Atlantic recently noted, trust … is collapsing" so), and
"research shows" nests in it. ``leading_reports`` adds it where no find has a cue in the clause.

"According to <source>, <clause>" has its source between the cue and the comma; when the parser
hangs the clause on the source as an apposition ("According to a blog post for InfoAmazonia,
Brazil's National Institute for Space Research predicts that …"), the find comes with no source
and the source read as the start of the content. ``according_to_sources`` gives it back
(``split_according_to``).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from . import Block
from .blocks import back_over
from .brat import quote_kind

# A proper name as a reporter: capitalised words, "the" before, "of"/"and"/"&" within
# ("the Associated Press", "Yahoo Finance", "BFM TV", "The Wall Street Journal").
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w.&'’-]*){0,4}"
_CUE = r"(?:has\s+|had\s+)?(?:reported|reports|said|says|wrote|writes)"
# What may follow the reporting clause before the full stop: when ("earlier this year", "on
# Monday", "ten days ago"), never a complement ("reported that …" is a report of its own).
_WHEN_WORDS = ("on in at earlier later last this late early recently previously first year week month "
               "day days weeks months years ago today yesterday tonight morning afternoon evening night "
               "two three four five six seven eight nine ten a an")
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_MONTHS = "January February March April May June July August September October November December"
_TIMES = frozenset(_DAYS.split() + _MONTHS.split())
_WHEN = r"(?:\s+(?:" + "|".join(_WHEN_WORDS.split() + _DAYS.split() + _MONTHS.split()) + r"|\d+(?:st|nd|rd|th)?))*"
_END = r"\s*[.!?]?[\"”’)]*\s*$"
_AFTER = re.compile(r",\s+(?P<source>" + _NAME + r")\s+(?P<cue>" + _CUE + r")" + _WHEN + _END)
_INVERTED = re.compile(r",\s+(?P<cue>" + _CUE + r")\s+(?P<source>" + _NAME + r")" + _WHEN + _END)
# A clause of fewer words is no statement to report ("Smith, Jones said").
_MIN_CLAUSE_WORDS = 4
# The author's own earlier words (", I wrote", "As I wrote last week,") are no one else's statement.
_SELF = frozenset("i we you".split())
# Double quote marks only: "’" is the apostrophe too.
_OPENING = "“«"
_CLOSING = "”»"


def trailing_reports(text: str, blocks: Sequence[Block], found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with each sentence-final ", <name> reported" read as the name's report of the
    clause before it: inner contents cut at the comma, finds inside the reporting clause
    dropped, and the report added where no find has its cue."""
    # Indexed once, so that each report looks up its finds instead of scanning them all (an
    # article of many ", Smith said." sentences and many finds is not quadratic). Reports lie in
    # different sentences; a find cut at one keeps its index entries, and ``current`` holds
    # what it has become.
    current: list[Attribution | None] = list(found)
    cues = Intervals((a, b, k) for k, att in enumerate(current) if att.cue is not None for a, b in att.cue.pieces)
    contents = Intervals((a, b, k) for k, att in enumerate(current) for a, b in att.content.pieces)
    added = []
    for start, comma, source, cue, end in _reports(text, blocks):
        same_cue = {k for _a, _b, k in cues.overlapping(*cue) if current[k] is not None}
        if any(current[k].source is not None and not _touches(current[k].source, source) for k in same_cue):
            continue  # the cue has another source ("“…,” Mitch McConnell, R-Ky., said Tuesday")
        for k in same_cue:
            # The model read the report itself (kept, its content cut at the comma), or its cue
            # without its source (read again below).
            current[k] = _cut(text, current[k], comma, end) if current[k].source is not None else None
        for k in sorted({k for _a, _b, k in contents.overlapping(comma, end)} - same_cue):
            att = current[k]
            if att is None or not any(a < end and comma < b for a, b in att.content.pieces):
                continue
            # A content run on over the report is cut; a find inside the reporting clause goes.
            current[k] = _cut(text, att, comma, end) if att.cue is None or att.cue.start < comma else None
        if not any(current[k] is not None for k in same_cue):
            content = Span.of(text, start, comma)
            added.append(Attribution("", quote_kind(content.text), content, Span.of(text, *source),
                                     Span.of(text, *cue), origin="rules"))
    return [att for att in current if att is not None] + added


def _speaks(doc, offset: int, source: tuple[int, int], cue: tuple[int, int], inverted: bool = False) -> bool:
    """Whether the parse has the source as the cue verb's subject (article offsets); an inverted
    subject ("reported Euro News") is parsed as an object. True when the paragraph carries no
    parse to ask. "As part of its annual trends report, …" has "trends" for the subject of a
    "report" the tagger calls a verb: not the words before it, so no one reports there."""
    if not doc.has_annotation("DEP"):
        return True
    words = doc.char_span(source[0] - offset, source[1] - offset, alignment_mode="expand")
    verbs = doc.char_span(cue[0] - offset, cue[1] - offset, alignment_mode="expand")
    if words is None or verbs is None:
        return False
    root = words.root
    subject = ("nsubj", "dobj") if inverted else ("nsubj",)
    return root.head.i in range(verbs.start, verbs.end) and root.dep_ in subject


def _touches(span: Span, at: tuple[int, int]) -> bool:
    return any(a < at[1] and at[0] < b for a, b in span.pieces)


def _reports(text: str, blocks: Sequence[Block]):
    """(clause start, comma, source range, cue range, sentence end) of each sentence that ends
    with a reporting clause after a comma, outside quote marks."""
    for offset, doc in blocks:
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sentences:
            s_start, s_end = offset + sent.start_char, offset + sent.end_char
            sentence = text[s_start:s_end]
            match = _AFTER.search(sentence) or _INVERTED.search(sentence)
            if match is None:
                continue
            comma = s_start + match.start()
            clause = text[s_start:comma]
            # A comma inside an open quotation is the speaker's own ("“We lost, Smith said.”").
            if sum(clause.count(m) for m in _OPENING) > sum(clause.count(m) for m in _CLOSING) or clause.count('"') % 2:
                continue
            lead = len(clause) - len(clause.lstrip())
            if len(clause.split()) < _MIN_CLAUSE_WORDS:
                continue
            words = match.group("source").split()
            if words[-1].rstrip(".") in _TIMES or words[0].lower() in _SELF:
                continue  # ", said Tuesday": when, not who; ", I wrote": the author
            # The sentence's full stop is no part of the name ("reported Euro News.").
            source_end = s_start + match.end("source")
            while text[source_end - 1] == "." and not text[source_end:s_end].strip(" .!?\"”’)"):
                source_end -= 1
            source = (s_start + match.start("source"), source_end)
            cue = (s_start + match.start("cue"), s_start + match.end("cue"))
            if _speaks(doc, offset, source, cue, inverted=match.re is _INVERTED):
                yield s_start + lead, comma, source, cue, s_end


def _cut(text: str, att: Attribution, comma: int, end: int) -> Attribution | None:
    """``att`` without the reporting clause ``comma..end`` in its content (a split quote's later
    piece, after the sentence, stays); None when nothing is left."""
    pieces = []
    for a, b in att.content.pieces:
        if a < comma:
            pieces.append((a, back_over(text, min(b, comma), " ,\t\n", a)))
        if b > end:
            pieces.append((max(a, end), b))
    pieces = [(a, b) for a, b in pieces if b > a and text[a:b].strip()]
    if not pieces:
        return None
    if pieces == list(att.content.pieces):
        return att
    return dataclasses.replace(att, content=Span.from_fragments(text, pieces))


_LEADING_CUE = (r"(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:said|says|say|explained|explains|explain|noted|notes|note"
                r"|reported|reports|report|wrote|writes|write|put\s+it|pointed\s+out|points\s+out|point\s+out"
                r"|argued|argues|argue|observed|observes|observe)")
_LEADING = re.compile(r"\s*As\s+(?P<source>[^,;:“”\"]{2,80}?)\s+(?P<cue>" + _LEADING_CUE + r")"
                      + _WHEN + r"\s*,\s*")


def leading_reports(text: str, blocks: Sequence[Block], found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with each sentence that opens "As <source> <said/noted/…>," read as that
    source's statement of the rest of the sentence, where no find has a cue in that clause."""
    found = list(found)
    cues = sorted(att.cue.start for att in found if att.cue is not None)
    for offset, doc in blocks:
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sentences:
            s_start, s_end = offset + sent.start_char, offset + sent.end_char
            match = _LEADING.match(text, s_start, s_end)
            if match is None or match.group("source").split()[0].lower() in _SELF:
                continue
            if not _speaks(doc, offset, match.span("source"), match.span("cue")):
                continue  # "As part of its annual trends report, …"
            end = back_over(text, s_end, " .!?", match.end())
            first = bisect.bisect_left(cues, s_start)
            if end - match.end() < 2 or (first < len(cues) and cues[first] < match.end()):
                continue
            content = Span.of(text, match.end(), end)
            found.append(Attribution("", quote_kind(content.text), content,
                                     Span.of(text, match.start("source"), match.end("source")),
                                     Span.of(text, match.start("cue"), match.end("cue")), origin="rules"))
    return found


# "According to <source>, <clause>": the source is a noun phrase of a few words.
_MAX_SOURCE_WORDS = 10
_ACCORDING = re.compile(r"according\s+to\s*$", re.IGNORECASE)


def according_to_sources(text: str, found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with each "According to" find that has no source, and whose content opens
    with a noun phrase and a comma right after the cue, split there: the phrase is the source,
    the clause after the comma the content."""
    return [split_according_to(text, att) or att for att in found]


def split_according_to(text: str, att: Attribution) -> Attribution | None:
    """``att`` with the source taken out of the start of its content, or None when it is no
    "According to X, …" find without a source."""
    if att.source is not None or att.cue is None or not _ACCORDING.search(att.cue.text):
        return None
    start, end = att.content.pieces[0]
    if text[att.cue.end:start].strip() or start >= end:
        return None
    comma = text.find(",", start, end)
    if comma < 0:
        return None
    source_words = text[start:comma].split()
    after = back_over(text, end, " ", comma)
    rest = comma + 1 + len(text[comma + 1:after]) - len(text[comma + 1:after].lstrip())
    if not 0 < len(source_words) <= _MAX_SOURCE_WORDS or len(text[rest:after].split()) < _MIN_CLAUSE_WORDS:
        return None
    pieces = [(rest, after)] + list(att.content.pieces[1:])
    return dataclasses.replace(att, source=Span.of(text, start, comma),
                               content=Span.from_fragments(text, pieces), kind=quote_kind(text[rest:after]))
