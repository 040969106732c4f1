"""Quotes that go on: past a full stop, past the cue, over paragraphs, into the next paragraph.

The extractors tag a content within one sentence or one paragraph; a direct quote often goes on.
Each rule here is a convention of news writing:
- a content never stops inside a quote whose marks its cue and source stand outside of: "“A. B,”
  she said" is one statement, not "“A." (a quote cut at its first full stop), and a quote that
  runs over paragraphs, each paragraph reopening the mark and only the last closing it, is one
  statement, whether its cue comes at its start or at its end;
- what the author narrates after a reporting clause that closes a quote ("“A,” he said. And
  yet he found nothing.") is not what was said: it leaves the content, the quotes after it stay;
- a split quote, "“A,” she said, “B.”" or "“A,” she said. “B.”", is one statement in two
  pieces, when nothing but the source and the cue stands between the two quotes;
- a follow-on paragraph, one that opens with a quote right after a paragraph whose last quote is
  attributed, and holds no cue of its own, continues that speaker; so does a paragraph that is
  one whole quote after a paragraph that reports what someone said without quoting it; a
  paragraph that is one whole quoted sentence after one that reports no one is still someone's
  words, not the outlet's: a statement with no source (an unknown speaker, never a guessed one);
- a content goes on past a source and cue set as a parenthesis in its sentence: "A, X said,
  and B." reports A and B;
- a reported clause goes on past a colon to its sentence's end: "research shows the opposite
  is true: feeding babies peanuts prevents the allergy" reports what the colon spells out;
- a content goes on over the list a lead-in's colon introduces ("President Obama also said:"
  over "- The UK must stay …", "- Syria needs …"): each item is a piece of what was said;
- a pull quote, a quote the article repeats verbatim, is one statement: the copy without a cue
  (or with only a layout mark) is dropped where another attribution holds the other copy, and a
  repeated quote is never taken for a follow-on.

A follow-on has no cue, and its ``source`` is the previous attribution's source span: the words
of the article that name who is speaking, even though they stand in the paragraph before. Speaker
resolution reads that span as it read it for the previous quote, so both get the same speaker.

Every question asked per attribution or per paragraph ("which quotes does this content reach
into?", "whose cue stands in this quote?", "is this quote said again elsewhere?") is answered
from indexes built once per article, not by a scan of every quote, attribution or the whole
text: an article of thousands of quotes made the scans quadratic (issue 26).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from .quotes import Quote

_WORD = re.compile(r"\w+")
# A pull quote repeats at least this many words of the article verbatim.
_MIN_REPEATED_WORDS = 6
# A follow-on quote has a few words and is most of its paragraph ("“Fake news” has become …" is
# a paragraph about a phrase, not a quote going on).
_MIN_FOLLOW_ON_WORDS = 3
# Case-blind, these match U+0345, which is no word character (see ``_repeated``).
_IOTA = frozenset("\u0345\u0399\u03b9\u1fbe")


def continue_quotes(text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quote],
                    found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with whole quotes as contents, split quotes joined, follow-ons added, pull quotes dropped."""
    index = _Quotes(quotes)
    cues = _Cues(found)  # the cues stay where they are through the first three steps
    starts = [a for a, _b in paragraphs]  # once: per attribution it was quadratic
    atts = [_without_narration(text, paragraphs, starts, att, index, found, cues) for att in found]
    atts = [_whole_quotes(text, att, index, atts, cues) for att in atts]
    contents = _contents(atts)
    atts = [_split_quote(text, att, index, atts, cues, contents) for att in atts]
    atts = _past_parentheticals(text, paragraphs, atts)
    atts = _past_colons(text, paragraphs, atts)
    atts = _over_list_items(text, paragraphs, atts)
    atts += _follow_ons(text, paragraphs, index, atts)
    return _without_pull_quotes(text, atts)


class _Quotes:
    """An article's quotes (in order of their starts), indexed by their pieces, the gaps between
    neighbours and their ends."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = list(quotes)
        self.pieces = Intervals((a, b, k) for k, q in enumerate(self.quotes) for a, b in q.pieces)
        # Between each quote and the next; the non-empty gaps do not overlap (a quote ends after
        # it starts, and the quotes start in order).
        self.gaps = Intervals((q.end, after.start, k) for k, (q, after) in enumerate(zip(self.quotes, self.quotes[1:]))
                              if q.end < after.start)
        self.ends = sorted((q.end, k) for k, q in enumerate(self.quotes))
        self.by_start = {q.start: q for q in self.quotes}  # the last of those starting at one place
        self._repeats: _Repeats | None = None

    def reached(self, pieces: Sequence[tuple[int, int]]) -> list[Quote]:
        """The quotes a piece of which overlaps one of ``pieces``, in order."""
        found = {k for a, b in pieces for _c, _d, k in self.pieces.overlapping(a, b)}
        return [self.quotes[k] for k in sorted(found)]

    def around(self, position: int) -> tuple[Quote, Quote] | None:
        """The first neighbours (in order) between which ``position`` lies: the first ends at
        or before it, the second starts after it."""
        ks = [k for _a, _b, k in self.gaps.overlapping(position, position + 1)]
        return (self.quotes[min(ks)], self.quotes[min(ks) + 1]) if ks else None

    def last_ending_in(self, start: int, end: int) -> Quote | None:
        """The last quote in order of those that end in ``(start, end]``."""
        lo = bisect.bisect_right(self.ends, (start, len(self.quotes)))
        hi = bisect.bisect_right(self.ends, (end, len(self.quotes)))
        return self.quotes[max(k for _end, k in self.ends[lo:hi])] if hi > lo else None

    def repeats(self, text: str) -> "_Repeats":
        """The article's words, indexed for ``_repeated`` (made on first use)."""
        if self._repeats is None:
            self._repeats = _Repeats(text)
        return self._repeats


class _Cues:
    """Where the attributions' cues start, for "whose cue stands in here?"."""

    def __init__(self, atts: Sequence[Attribution]):
        self.starts = sorted((att.cue.start, k) for k, att in enumerate(atts) if att.cue is not None)

    def other_in(self, start: int, end: int, atts: Sequence[Attribution], att: Attribution | None) -> bool:
        """Whether the cue of an attribution of ``atts`` other than ``att`` starts in ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, (start, -1))
        hi = bisect.bisect_left(self.starts, (end, -1))
        return any(atts[k] is not att for _s, k in self.starts[lo:hi])


def _contents(atts: Sequence[Attribution]) -> Intervals:
    return Intervals((a, b, k) for k, att in enumerate(atts) for a, b in att.content.pieces)


def _inside(position: int, pieces: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in pieces)


def _overlaps(pieces: Sequence[tuple[int, int]], other: Sequence[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in pieces for c, d in other)


def _overlapping(index: Intervals, pieces: Sequence[tuple[int, int]]) -> list[int]:
    """The owners of the ranges in ``index`` that overlap one of ``pieces``, in order."""
    return sorted({k for a, b in pieces for _c, _d, k in index.overlapping(a, b)})


def _marks_of(att: Attribution) -> list[Span]:
    return [span for span in (att.cue, att.source) if span is not None]


def _grown(text: str, att: Attribution, pieces: Sequence[tuple[int, int]]) -> Attribution:
    if not pieces:
        return att
    content = Span.from_fragments(text, list(att.content.pieces) + list(pieces))
    return att if content == att.content else dataclasses.replace(att, content=content)


def _speaks_inside(quote: Quote, att: Attribution, others: Sequence[Attribution], cues: _Cues) -> bool:
    """Whether a source or cue stands inside the quote's marks: then the quote is not all one
    speaker's words (a quoted transcript's turns, the article quoting a passage)."""
    if any(_inside(span.start, quote.pieces) for span in _marks_of(att)):
        return True
    return any(cues.other_in(a, b, others, att) for a, b in quote.pieces)


def _reaches_into(text: str, pieces: Sequence[tuple[int, int]], quote: Quote) -> bool:
    """Whether ``pieces`` hold a word of the quote (a quote mark alone does not count)."""
    return any(_WORD.search(text, max(a, c), min(b, d)) for a, b in pieces for c, d in quote.pieces if a < d and c < b)


def _without_narration(text: str, paragraphs: Sequence[tuple[int, int]], starts: Sequence[int], att: Attribution,
                       quotes: _Quotes, others: Sequence[Attribution], cues: _Cues) -> Attribution:
    """The content without the unquoted words after the sentence of a reporting clause that
    closes a quote.

    In "“A,” he said. And yet he found nothing. “B.”" the reporting clause ends the sentence of
    the quote it follows; what comes after it outside quote marks is the author's narration,
    not what was said (a model find ran its content on over "And yet he found nothing.").
    The quotes after it stay: they are the same speaker's words (a split quote, a follow-on),
    unless another reporting clause stands after the sentence ("“A?” she recalls thinking.
    “B,” he said."): then the quotes there are its own.
    """
    if att.cue is None or not att.content.pieces:
        return att
    first = att.content.pieces[0]
    opening = quotes.reached([first])
    if not opening or opening[0].start > first[0] or opening[0].end > att.cue.start:
        return att  # the content does not open with a quote closed before the cue
    frame_end = max(att.cue.end, att.source.end if att.source is not None else 0)
    stop = _sentence_end(text, paragraphs, starts, frame_end, frame_end)
    if stop is None or att.content.end <= stop:
        return att
    kept = [(a, min(b, stop)) for a, b in att.content.pieces if a < stop]
    # (up to the end of the sentence the content ends in, where "he said" may follow a quote)
    reach = att.content.end
    if not _ENDS_SENTENCE.search(text, max(0, reach - 3), reach):
        reach = _sentence_end(text, paragraphs, starts, reach, reach) or reach
    others_speak = cues.other_in(stop, reach, others, att)
    for a, b in att.content.pieces:
        a = max(a, stop)
        if a < b and not others_speak:
            kept += [(max(a, c), min(b, d)) for quote in quotes.reached([(a, b)])
                     for c, d in quote.pieces if c < b and a < d]
    if sorted(kept) == list(att.content.pieces):
        return att
    content = Span.from_fragments(text, sorted(set(kept)))
    return dataclasses.replace(att, content=content)


def _whole_quotes(text: str, att: Attribution, quotes: _Quotes, others: Sequence[Attribution],
                  cues: _Cues) -> Attribution:
    """The content grown to the whole of every quote it reaches into."""
    pieces = [piece for quote in quotes.reached(att.content.pieces) if _reaches_into(text, att.content.pieces, quote)
              and not _speaks_inside(quote, att, others, cues) for piece in quote.pieces]
    return _grown(text, att, pieces)


def _split_quote(text: str, att: Attribution, quotes: _Quotes, others: Sequence[Attribution], cues: _Cues,
                 contents: Intervals) -> Attribution:
    """The other half of a split quote, "“A,” she said, “B.”", joined to the content.

    Two quotes are halves of one when the content holds one of them, the attribution's cue
    stands between them, and nothing else does: no other words than its source and cue, no
    other attribution's cue or content (``contents`` indexes those of ``others``).
    """
    if att.cue is None:
        return att
    pair = quotes.around(att.cue.start)
    if pair is None:
        return att
    first, second = pair
    held = [q for q in (first, second) if _reaches_into(text, att.content.pieces, q)]
    if len(held) != 1:
        return att
    other_half = second if held[0] is first else first
    if _speaks_inside(other_half, att, others, cues):
        return att
    if any(others[k] is not att for k in _overlapping(contents, other_half.pieces)) \
            or cues.other_in(first.end, second.start, others, att):
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


_ENDS_SENTENCE = re.compile(r"[.?!][\"”’']?$")
_AFTER_PARENTHETICAL = re.compile(r",[ \t]+(?=(?:and|but)\b)")
_SENTENCE_END = re.compile(r"[.?!][\"”’']?(?=\s|$)")


def _past_parentheticals(text: str, paragraphs: Sequence[tuple[int, int]],
                         atts: Sequence[Attribution]) -> list[Attribution]:
    """Contents that go on past a source and cue set in the middle of their sentence.

    "It also pays to be wary of rivals, Zuckerberg said, and be willing to move fast." and
    "The findings give insights, say the researchers, and they bring us closer …": the
    reporting clause is a parenthesis, and the sentence it interrupts goes on with "and" or
    "but" to its end, all of it what was said. The rest of the sentence joins the content when
    only a comma stands between the content and the source and cue, and no other attribution
    holds a cue or content in it.
    """
    starts = [a for a, _b in paragraphs]
    taken = Intervals.of_pieces(piece for att in atts for piece in att.content.pieces)
    cue_starts = sorted(att.cue.start for att in atts if att.cue is not None)
    out = []
    for att in atts:
        out.append(att)
        if att.cue is None or att.source is None or att.kind == "direct":
            continue
        frame = (min(att.cue.start, att.source.start), max(att.cue.end, att.source.end))
        if att.content.end > frame[0] or text[att.content.end:frame[0]].strip(" \t") != ",":
            continue
        after = _AFTER_PARENTHETICAL.match(text, frame[1])
        if after is None:
            continue
        end = _sentence_end(text, paragraphs, starts, frame[1], after.end())
        if end is None:
            continue
        piece = (after.end(), end)
        i = bisect.bisect_left(cue_starts, piece[0])
        if (i < len(cue_starts) and cue_starts[i] < piece[1]) or taken.overlaps(*piece):
            continue
        out[-1] = _grown(text, att, [piece])
    return out


_COLON_AFTER = re.compile(r"[ \t]*:[ \t]+(?=[\w“\"‘'])")


def _past_colons(text: str, paragraphs: Sequence[tuple[int, int]], atts: Sequence[Attribution]) -> list[Attribution]:
    """Reported clauses that go on past a colon: "Now research shows the opposite is true:
    Feeding babies snacks made with peanuts … appears to prevent that from happening." The
    colon hands the sentence over to what spells out the clause, which is what was reported.
    An indirect or mixed content after its cue that stops at a colon grows to its sentence's
    end, when no other attribution holds a cue or content there."""
    starts = [a for a, _b in paragraphs]
    # Every attribution by the ranges its marks and content span, to find what stands after a colon.
    spans = Intervals((a, b, k) for k, att in enumerate(atts) for a, b in
                      [*att.content.pieces, *((m.start, m.end) for m in _marks_of(att))])
    out = []
    for att in atts:
        out.append(att)
        if att.cue is None or att.kind == "direct" or att.cue.end > att.content.start:
            continue
        colon = _COLON_AFTER.match(text, att.content.end)
        if colon is None:
            continue
        end = _sentence_end(text, paragraphs, starts, colon.end(), colon.end())
        if end is None:
            continue
        # Another statement there blocks it, unless it lies wholly inside what the colon spells
        # out ("…: feeding babies peanuts appears to prevent it" nests its own find).
        rest = (colon.end(), end)
        others = {atts[j] for _a, _b, j in spans.overlapping(*rest)} - {att}
        if any(not _overlaps([rest], [(o.start, o.end)]) or o.start < rest[0] or o.end > rest[1]
               for other in others for o in [other.content, *_marks_of(other)]):
            continue
        out[-1] = _grown(text, att, [(att.content.end, end)])
    return out


# A list item: a paragraph that opens with a bullet ("- ", "• ", "* ", "– ").
_LIST_ITEM = re.compile(r"[-•*–][ \t]+(?=\S)")


def _over_list_items(text: str, paragraphs: Sequence[tuple[int, int]], atts: Sequence[Attribution]) -> list[Attribution]:
    """Contents that go on over a list their lead-in introduces: "President Obama also said:"
    over "- The UK must stay in the EU …", "- He is confident …", "- Syria needs …".

    The colon hands over to the whole list, each item a piece of what was said, as it hands
    over to a quote over paragraphs; a content that is the first item of a list after its cue's
    colon grows over the items that follow it. A statement found inside an item is nested in
    the list's (what he said he is confident of) and does not stop it.
    """
    starts = [a for a, _b in paragraphs]
    out = []
    for att in atts:
        out.append(att)
        if att.cue is None or att.content.fragments or att.cue.end > att.content.start:
            continue
        k = bisect.bisect_right(starts, att.content.start) - 1
        if k < 1 or k + 1 >= len(paragraphs) or (att.content.start, att.content.end) != paragraphs[k]:
            continue
        lead = text[paragraphs[k - 1][0]:paragraphs[k - 1][1]].rstrip()
        if not lead.endswith(":") or not paragraphs[k - 1][0] <= att.cue.start or not _LIST_ITEM.match(text, att.content.start):
            continue
        items = []
        for start, end in paragraphs[k + 1:]:
            bullet = _LIST_ITEM.match(text, start)
            if bullet is None:
                break
            items.append((bullet.end(), end))
        if items:
            # (the bullets are layout, not words of the content)
            first = (_LIST_ITEM.match(text, att.content.start).end(), att.content.end)
            out[-1] = dataclasses.replace(att, content=Span.from_fragments(text, [first, *items]))
    return out


def _sentence_end(text: str, paragraphs: Sequence[tuple[int, int]], starts: Sequence[int],
                  position: int, start: int) -> int | None:
    """Where the sentence that goes on from ``start`` ends, within the paragraph holding
    ``position`` (``starts`` are the paragraphs' starts); None when it does not end there."""
    k = bisect.bisect_right(starts, position) - 1
    paragraph_end = paragraphs[k][1] if k >= 0 else len(text)
    end = _SENTENCE_END.search(text, start, paragraph_end)
    return end.end() if end is not None else None


def _follow_ons(text: str, paragraphs: Sequence[tuple[int, int]], quotes: _Quotes,
                found: Sequence[Attribution]) -> list[Attribution]:
    """Attributions of the quote paragraphs that continue the speaker of the paragraph before
    (and of whole quote paragraphs that continue no one, with no source)."""
    contents, cues = _contents(found), _Cues(found)
    made: list[Attribution] = []
    # The follow-ons made so far, by the range each content spans: they are made in reading
    # order, each starting at its paragraph, so the index grows in order.
    made_spans: Intervals = Intervals()
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        quote = quotes.by_start.get(start)
        if quote is None or not _most_of(text, quote, start, end):
            continue
        if _overlapping(contents, quote.pieces) or any(
                _overlaps(made[k].content.pieces, quote.pieces) for k in _overlapping(made_spans, quote.pieces)):
            continue
        if cues.other_in(start, end, found, None):
            continue  # (follow-ons have no cue)
        speaker = _last_quoted(paragraphs[index - 1], quotes, found, contents, made, made_spans)
        if speaker is None and index >= 2 and _caption_line(text, paragraphs[index - 1], quotes, cues, found):
            # A photo caption set between a quote and the quote that goes on ("“…,” says
            # Parata." / "- Parata at his farm, where he grew up" / "“We're having to …”")
            # is layout, not prose: the chain reads past it, to an attributed quote only.
            speaker = _last_quoted(paragraphs[index - 2], quotes, found, contents, made, made_spans)
        whole = _whole(text, quote, start, end)
        if speaker is None and whole:
            speaker = _last_speaker(paragraphs[index - 1], found, contents)
        # A whole quoted sentence standing as its paragraph is what someone said, even where the
        # paragraph before credits no one ("But for Parata and his family the deaths are
        # personal." then "“It's very emotional. …”"): left out, it read as the outlet's own
        # voice. Whose it is, the text does not say, and a wrong name is worse than none: it
        # gets no source. (On the real-world gold every such paragraph was a statement.)
        if (speaker is None and not whole) or _repeated(text, quote.pieces, quotes):
            continue
        att = Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)),
                          speaker.source if speaker is not None else None, None, origin="layout")
        made.append(att)
        made_spans.append(att.content.start, att.content.end, len(made) - 1)
    return made


# A caption describes a picture at some length ("Hori Parata at his Pātaua farm, the place where he
# was born and grew up"); a shorter line is more likely a heading, which starts a new section.
_MIN_CAPTION_WORDS = 8
_CAPTION_END = re.compile(r"[.?!:;\"”’'»)\]]\s*$")


def _caption_line(text: str, paragraph: tuple[int, int], quotes: _Quotes, cues: _Cues,
                  found: Sequence[Attribution]) -> bool:
    """Whether ``paragraph`` reads as a photo caption: a line of several words that is not a
    sentence (no full stop, question or exclamation mark, colon or closing mark at its end),
    quotes no one and holds no cue, and is not set in title case as a heading is."""
    start, end = paragraph
    line = text[start:end].strip()
    words = _WORD.findall(line)
    if len(words) < _MIN_CAPTION_WORDS or _CAPTION_END.search(line) or line.startswith("["):
        return False
    if quotes.last_ending_in(start, end) is not None or cues.other_in(start, end, found, None):
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return 2 * capitalised < len(words)


def _whole(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether the quote is the whole paragraph, a sentence: it opens it, nothing but marks
    follows it, and it ends with a full stop, a question or an exclamation mark (a heading set
    in quote marks, "‘We need to listen’", has none)."""
    inner = text[quote.start:quote.pieces[0][1]].rstrip("\"”’'» \t")
    return (quote.start == start and not _WORD.search(text, quote.pieces[0][1], end)
            and inner[-1:] in ".?!…")


def _last_speaker(paragraph: tuple[int, int], found: Sequence[Attribution],
                  contents: Intervals) -> Attribution | None:
    """The attribution of the last statement reported in ``paragraph`` (the innermost of nested
    ones: "these deals take time, he said, according to a transcript" gives "he").

    A paragraph that is a whole quote, with no cue, after a paragraph reporting what someone
    said ("However, he defended his decision to engage." then "“Well, they're not ideal
    institutions …”") is that speaker's, as a quote after an attributed quote is.
    """
    # Looked up in the index of contents (``_contents(found)``), not by a scan of every find:
    # a scan per paragraph made an article of many such paragraphs quadratic.
    near = sorted({k for _a, _b, k in contents.overlapping(*paragraph)})
    return last_reported(paragraph, [found[k] for k in near])


def last_reported(paragraph: tuple[int, int], candidates: Sequence[Attribution]) -> Attribution | None:
    """Of ``candidates`` (in the article's order), the attribution with a source and a cue whose
    content is the last statement reported in ``paragraph``, the innermost of nested ones."""
    inside = [att for att in candidates if att.source is not None and att.cue is not None
              and paragraph[0] <= att.content.start and att.content.end <= paragraph[1]]
    if not inside:
        return None
    last = max(inside, key=lambda att: att.content.end)
    return min((att for att in inside if last.content.start <= att.content.start
                and att.content.end <= last.content.end), key=lambda att: att.content.end - att.content.start)


def _most_of(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether the quote is at least half the words of the paragraph it opens (and a few words)."""
    first_end = min(end, quote.pieces[0][1])
    quoted = len(_WORD.findall(text, start, first_end))
    return quoted >= _MIN_FOLLOW_ON_WORDS and 2 * quoted >= len(_WORD.findall(text, start, end))


def _last_quoted(paragraph: tuple[int, int], quotes: _Quotes, found: Sequence[Attribution], contents: Intervals,
                 made: Sequence[Attribution], made_spans: Intervals) -> Attribution | None:
    """The attribution of the last quote that ends in ``paragraph``, if that quote is attributed
    (by one of ``found``, indexed in ``contents``, or of the follow-ons ``made`` so far)."""
    last = quotes.last_ending_in(*paragraph)
    if last is None:
        return None
    holders = [found[k] for k in _overlapping(contents, last.pieces)]
    holders += [made[k] for k in _overlapping(made_spans, last.pieces) if _overlaps(made[k].content.pieces, last.pieces)]
    if not holders:
        return None
    # The innermost holder: "X said Y told him “…”" continues Y.
    return min(holders, key=lambda att: sum(b - a for a, b in att.content.pieces))


def _words(text: str, pieces: Sequence[tuple[int, int]]) -> list[str]:
    return [w.lower() for a, b in pieces for w in _WORD.findall(text, a, b)]


class _Repeats:
    """The article's words, for finding where a quote's words come again.

    ``_repeated`` asks whether the pattern "w1\\W+w2\\W+…\\W+wn" (case ignored) matches
    elsewhere; searching the whole text for each quote is quadratic in a page of quotes. In a
    match the inner words w2…w(n-1) are whole words of the text, of the same length and the
    same letters up to case, so the places where the text's words have the inner words' keys
    (``_key``) are the only places a match can start: the pattern is tried there only.
    """

    N = 4  # inner words per key

    def __init__(self, text: str):
        self.words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        keys = [_key(text[a:b]) for a, b in self.words]
        self.at: dict[tuple[str, ...], list[int]] = {}
        for i in range(len(keys) - self.N + 1):
            self.at.setdefault(tuple(keys[i : i + self.N]), []).append(i)

    def starts(self, words: Sequence[str]) -> list[int]:
        """Every position where the pattern of ``words`` (more than N + 1 of them) may match, in order."""
        inner = tuple(_key(w) for w in words[1 : 1 + self.N])
        first = len(words[0])
        # The first word ends a word of the text (what comes before it in that word may be anything).
        return [self.words[i - 1][1] - first for i in self.at.get(inner, ())
                if i > 0 and self.words[i - 1][1] - self.words[i - 1][0] >= first]


def _key(word: str) -> str:
    """A word with what case-blind matching may equate made equal: ASCII letters lower-cased, and
    every other character, with i, k and s (which "ı", "K" (Kelvin), "ſ" match), one mark."""
    return "".join(ch.lower() if ch.isascii() and ch.lower() not in "iks" else "*" for ch in word)


def _repeated(text: str, pieces: Sequence[tuple[int, int]], quotes: _Quotes) -> bool:
    """Whether the article says the words of ``pieces`` again elsewhere, verbatim."""
    words = _words(text, pieces)
    if len(words) < _MIN_REPEATED_WORDS:
        return False
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
    if not all(_WORD.fullmatch(w) and not _IOTA & set(w) for w in words):
        # Lower-casing made a word that is not one word ("İ" is "i" and a dot above), or a
        # letter matches a mark that is no letter (iota, the combining ypogegrammeni): search all.
        return any(not _overlaps([m.span()], pieces) for m in pattern.finditer(text))
    # The matches finditer would give: from each match's end, the next that starts there or later.
    reached = 0
    for start in quotes.repeats(text).starts(words):
        if start < reached:
            continue
        match = pattern.match(text, start)
        if match is not None:
            if not _overlaps([match.span()], pieces):
                return True
            reached = match.end()
    return False


def _without_pull_quotes(text: str, atts: list[Attribution]) -> list[Attribution]:
    """The attributions less the cueless copies of quotes another attribution holds elsewhere."""
    runs = None  # indexed at the first cueless quote: most articles have none
    keep = []
    for att in atts:
        if att.kind == "direct" and (att.cue is None or not any(ch.isalnum() for ch in att.cue.text)):
            words = _words(text, att.content.pieces)
            if len(words) >= _MIN_REPEATED_WORDS:
                runs = runs or _Runs(text, atts)
                if any(other is not att and not _overlaps(other.content.pieces, att.content.pieces)
                       for other in runs.holding(words)):
                    continue
        keep.append(att)
    return keep


class _Runs:
    """The words of the contents of attributions with a cue of words, indexed by each run of
    ``_MIN_REPEATED_WORDS`` words: which of them hold a given run of words?"""

    def __init__(self, text: str, atts: Sequence[Attribution]):
        self.atts = atts
        self.words: dict[int, list[str]] = {}
        self.at: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        n = _MIN_REPEATED_WORDS
        for k, att in enumerate(atts):
            if att.cue is not None and any(ch.isalnum() for ch in att.cue.text):
                words = self.words[k] = _words(text, att.content.pieces)
                for i in range(len(words) - n + 1):
                    self.at.setdefault(tuple(words[i : i + n]), []).append((k, i))

    def holding(self, run: list[str]) -> list[Attribution]:
        """The attributions (in order, each once) whose content's words hold ``run`` (at least
        ``_MIN_REPEATED_WORDS`` words) in a row."""
        found = sorted({k for k, i in self.at.get(tuple(run[:_MIN_REPEATED_WORDS]), ())
                        if self.words[k][i : i + len(run)] == run})
        return [self.atts[k] for k in found]
