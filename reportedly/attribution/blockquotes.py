"""Block quotations: paragraphs the page sets as quoted (``<blockquote>``), with their credit.

Blogs and news pages quote posts, tweets and excerpts as block quotations with no quote marks:
the mark is the layout (``Paragraph.quoted``, set by the HTML reader; a block's Doc carries it
as ``doc.user_data[QUOTED]``, see ``mark_quoted``). A block quotation alone says nothing about
who is quoted, and pages also set callouts, tips and takeaways in blockquotes; so a quoted run
of paragraphs is an attribution only where the layout credits someone:

- a **signature** as its last paragraph: "— Dave Schukin (@schukin) July 3, 2019" (the code of
  an embedded tweet, Instagram, Mastodon or Bluesky post ends its blockquote with one). The post
  is one statement of the signature's name, the dash its cue, its paragraphs the content's pieces;
- a **lead-in**: the paragraph just before the run ends with a colon and its sentence's subject
  can speak ("Of course, Marco jumps in, and predictably, he's snippy:", "Then Marco's fans get
  into it:", "Jason:"). Each paragraph of the run is a statement of that subject, the colon its
  cue (a follow-on paragraph continues the speaker, as the guideline's follow-on rule says); a
  paragraph that opens with its own "@handle:" label is that handle's, and so is a pasted reply,
  "@kev .@ana @bo Wow, …" (its author's handle before the public reply's ".@").

The paragraphs of one blockquote credited alike are one statement (a post or an excerpt over
paragraphs is one quotation, as a quote over paragraphs is): the HTML reader numbers each
quoted paragraph's blockquote (``Paragraph.quotation``), so a run of posts each embedded on its
own stays a run of statements.

A lead-in whose subject is the author ("I'll end with some questions:"), the reader ("you"), a
word that names no one ("Here's what we found:", "The bottom line:") credits nobody, and its
quotation is left alone.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from spacy.tokens import Doc

from ..intervals import Intervals
from ..model import Attribution, Span
from . import Block
from .blocks import BlockIndex, block_end, trimmed
from .continuations import last_reported
from .leadins import can_speak, credited_subject, shouted

QUOTED = "reportedly_quoted"
# The number of the block quotation a quoted block stands in, where the reader knows it.
QUOTATION = "reportedly_quotation"

_DASH = r"(?:―|—|–|--|-)"
_NAME = r"[A-Z][\w'’.\-]*(?:[^\S\n]+[A-Z][\w'’.\-]*){0,4}"
# "— Dave Schukin (@schukin) July 3, 2019": the signature of an embedded post.
_SIGNATURE = re.compile(rf"^{_DASH}[^\S\n]*(?P<name>{_NAME})[^\S\n]*\(@\w+\)[^\n]{{0,40}}$")
# "@testflight_app: Don't worry guys": a quoted post that opens with its author's handle.
_HANDLE_LABEL = re.compile(r"^(?P<handle>@\w+)(?P<colon>:)[^\S\n]+\S")
# "@kev .@ana @bo Wow, you guys …": a pasted reply, its author's handle before the public reply's
# ".@" and the handles it answers; the words after those are the post.
_REPLY_LABEL = re.compile(r"^(?P<handle>@\w+)[^\S\n]+\.@\w+(?:[^\S\n]+@\w+)*[^\S\n]+(?=\S)")
# A quotation continuing the speaker before it has a few words (a boxed "Did you know?" is a label).
_MIN_FOLLOW_ON_WORDS = 4
# A name line under a quotation: a name and a role ("Doug McMillon, CEO of Walmart").
_MAX_NAME_LINE_WORDS = 15
_QUOTE_MARKS = "“”\"«»"


def mark_quoted(blocks: Sequence[Block], quoted: Sequence[tuple]) -> None:
    """Mark the Docs of ``blocks`` that lie in one of the ``quoted`` ranges (block quotations):
    ``(start, end)``, or ``(start, end, number)`` with the number of the quotation it is part of
    (None when not known)."""
    if not quoted:
        return
    for offset, doc in blocks:
        end = block_end(offset, doc)
        holder = next((q for q in quoted if q[0] <= offset and end <= q[1]), None)
        if holder is not None:
            doc.user_data[QUOTED] = True
            if len(holder) > 2 and holder[2] is not None:
                doc.user_data[QUOTATION] = holder[2]


def is_quoted(doc: Doc) -> bool:
    """Whether the block parsed as ``doc`` is set as a block quotation."""
    return bool(doc.user_data.get(QUOTED))


def read_block_quotes(text: str, blocks: Sequence[Block]) -> list[Attribution]:
    """The credited block quotations of ``blocks``, as direct attributions."""
    found = []
    index = 0
    credit = None  # the last lead-in's (source, colon, every), for an elliptical one ("and here:")
    while index < len(blocks):
        if not is_quoted(blocks[index][1]):
            index += 1
            continue
        run_end = index
        while run_end < len(blocks) and is_quoted(blocks[run_end][1]):
            run_end += 1
        run, numbers = [], []
        for offset, doc in blocks[index:run_end]:
            body = trimmed(text, offset, block_end(offset, doc))
            if body is not None:
                run.append(body)
                numbers.append(doc.user_data.get(QUOTATION))
        if run:
            signed = _signed(text, run, blocks[run_end - 1])
            if signed:
                found += signed
            else:
                credit = _credit(text, blocks[index - 1] if index else None, credit)
                found += _led_in(text, credit, run, numbers)
        index = run_end
    return found


def follow_block_quotes(text: str, blocks: Sequence[Block], found: Sequence[Attribution]) -> list[Attribution]:
    """``found`` with the block quotations no one is credited with that follow a paragraph
    holding an attribution attributed to its speaker: the follow-on rule, with the layout as
    the quote mark.

    "When that doesn't work, Zuckerberg said scare tactics work." over a block quotation of
    his words: the quotation continues the last speaker of the paragraph before, as a quote
    paragraph after an attributed quote does (``continuations``; the innermost of nested
    attributions: "these deals take time, he said, according to a transcript" continues
    "he"). Only the run's first paragraph is his (a run of several may be a thread, see
    ``_led_in``). Finds whose cue stands inside the quotation are speech within it, part of
    what the quotation reports ("I think …" in his words), and are left out.
    """
    found = list(found)
    index = BlockIndex.of(blocks)
    # Looked up by index, not by scans of every find per quotation (quadratic on a page of many):
    # the finds by their contents' ranges and by their cues' starts; ``dropped`` are those left
    # out as speech within a quotation. The statements made here lie each in its own quotation,
    # so no later quotation or lead-in meets them.
    contents = Intervals((a, b, k) for k, att in enumerate(found) for a, b in att.content.pieces)
    cues = sorted((att.cue.start, k) for k, att in enumerate(found)
                  if att.cue is not None and att.origin != "layout")
    dropped: set[int] = set()
    made: list[Attribution] = []

    def meeting(start: int, end: int) -> list[Attribution]:
        """The finds kept so far whose content meets ``start..end``, in the article's order."""
        return [found[k] for k in sorted({k for _a, _b, k in contents.overlapping(start, end)} - dropped)]

    previous = None
    for offset, doc in blocks:
        end = block_end(offset, doc)
        if not is_quoted(doc):
            previous = (offset, end)
            continue
        lead, previous = previous, None
        body = trimmed(text, offset, end)
        if lead is None or body is None or shouted(text[lead[0]:lead[1]]):
            continue
        if any(mark in text[body[0]:body[1]] for mark in _QUOTE_MARKS):
            continue  # a quotation in quote marks is read as such, with its own cue if it has one
        if not any(t.pos_ in ("VERB", "AUX") for t in doc) or len(text[body[0]:body[1]].split()) < _MIN_FOLLOW_ON_WORDS:
            continue  # a heading set in a box ("The bottom line:", "Did you know?"), not a quotation
        if any(_credits(att, body) for att in meeting(*body)):
            continue  # credited already (by a lead-in, a signature, a label)
        last = last_reported(lead, meeting(*lead))
        if last is None:
            continue
        source = index.tokens(last.source)
        if source is None or not can_speak(source.root):
            continue  # the author's "I think", "It seems": the box is the author's, not a speaker's
        dropped.update(k for _start, k in cues[bisect.bisect_left(cues, (body[0], -1)):
                                                 bisect.bisect_left(cues, (body[1], -1))])
        made.append(Attribution("", "direct", Span.of(text, *body), last.source, None, origin="layout"))
    return [att for k, att in enumerate(found) if k not in dropped] + made


def _credits(att: Attribution, body: tuple[int, int]) -> bool:
    """Whether ``att`` says who speaks the quotation ``body``: its content is there and its cue
    outside it, or it is the layout's (a post's own "@handle:" label)."""
    if not any(a < body[1] and body[0] < b for a, b in att.content.pieces):
        return False
    return att.origin == "layout" or att.cue is None or not (body[0] <= att.cue.start < body[1])


def _signed(text: str, run: list[tuple[int, int]], last: Block) -> list[Attribution]:
    """The post of a run that ends with a signature line: one statement of the signed name.

    The signature is an embedded post's ("— Name (@handle) date", the dash the cue) or a name
    line under a quotation ("Michael Shadlen, Ph.D.", "Doug McMillon, CEO of Walmart": a
    person's name opening a line with no verb, the ``<cite>`` of a blockquote).
    """
    start, end = run[-1]
    if len(run) < 2:
        return []
    match = _SIGNATURE.match(text[start:end])
    if match is not None:
        dash = re.match(_DASH, text[start:end])
        name = Span.of(text, start + match.start("name"), start + match.end("name"))
        cue = Span.of(text, start, start + dash.end())
    else:
        person = _name_line(last)
        if person is None:
            return []
        name, cue = Span.of(text, last[0] + person[0], last[0] + person[1]), None
    content = Span.from_fragments(text, run[:-1])
    return [Attribution("", "direct", content, name, cue, origin="layout")]


def _name_line(block: Block) -> tuple[int, int] | None:
    """The range (in the block) of the person's name that opens a short line with no verb."""
    offset, doc = block
    words = [t for t in doc if not t.is_punct]
    if not words or len(words) > _MAX_NAME_LINE_WORDS or any(t.pos_ in ("VERB", "AUX") for t in doc):
        return None
    first = next((e for e in doc.ents if e.start == words[0].i), None)
    if first is None or first.label_ != "PERSON":
        return None
    return first.start_char, first.end_char


def _credit(text: str, lead: Block | None, previous: tuple | None) -> tuple | None:
    """Who the lead-in ``lead`` credits: (source, colon, whether it credits every paragraph of
    a run, whether the source is one person's name), or None.

    A lead-in with no verb that opens with "and" or "or" ("A valid point, and one Bielefeld
    acknowledges, here: … and here:") is elliptical: it credits whom ``previous`` did.
    """
    if lead is None:
        return None
    offset, doc = lead
    line = trimmed(text, offset, block_end(offset, doc))
    if line is None or text[line[1] - 1] != ":":
        return None
    colon = Span.of(text, line[1] - 1, line[1])
    if previous is not None and doc[0].lower_ in ("and", "or") and not any(t.pos_ in ("VERB", "AUX") for t in doc):
        return previous[0], colon, previous[2], previous[3]
    subject = credited_subject(doc)
    if subject is None:
        return None
    source = Span.of(text, offset + subject[0], offset + subject[1])
    words = [t for t in doc if offset + t.idx >= source.start and offset + t.idx + len(t) <= source.end]
    named = bool(words) and all(t.pos_ == "PROPN" for t in words)
    return source, colon, subject[2], named


def _led_in(text: str, credit: tuple | None, run: list[tuple[int, int]],
            numbers: Sequence[int | None] = ()) -> list[Attribution]:
    """Each paragraph of a run that a lead-in (``credit``) or its own handle label credits;
    the paragraphs of one block quotation (``numbers``: each paragraph's quotation, None where
    the reader does not know it) that the lead-in credits to one named person are one statement."""
    source, colon, every, named = credit if credit is not None else (None, None, False, False)
    numbers = list(numbers) + [None] * (len(run) - len(numbers))
    found = []
    for (start, end), number in zip(run, numbers):
        label = _HANDLE_LABEL.match(text[start:end])
        reply = _REPLY_LABEL.match(text[start:end]) if label is None else None
        if reply is not None:
            own = Span.of(text, start + reply.start("handle"), start + reply.end("handle"))
            body = trimmed(text, start + reply.end(), end)
            if body is not None:
                found.append((Attribution("", "direct", Span.of(text, *body), own, None, origin="layout"), None))
        elif label is not None:
            own = Span.of(text, start + label.start("handle"), start + label.end("handle"))
            cue = Span.of(text, start + label.start("colon"), start + label.end("colon"))
            body = trimmed(text, start + label.end("colon"), end)
            if body is not None:
                # A post that opens with its own label is its own, even inside one quotation.
                found.append((Attribution("", "direct", Span.of(text, *body), own, cue, origin="layout"), None))
        elif source is not None and (every or len(run) == 1):
            # Only one named person's paragraphs are joined: under a plural lead-in ("people
            # chimed in:") a blockquote of several posts may hold as many authors.
            found.append((Attribution("", "direct", Span.of(text, start, end), source, colon, origin="layout"),
                          number if named else None))
        elif source is not None:
            # Several posts under one person are often a thread, the person's posts and the
            # replies to them ("Samantha reacts:" over a critic's post and her answer): each
            # is a quote whose speaker the layout does not say, and a wrong name is worse than
            # none. Under a plural lead-in ("the people who get her point chimed in:") each
            # post is one of them; under a bare name label ("Jason:") each is that person's,
            # as a transcript turn runs over paragraphs.
            # (a thread may be set in one blockquote: its posts are not joined)
            found.append((Attribution("", "direct", Span.of(text, start, end), origin="layout"), None))
    return _one_per_quotation(text, found)


def _one_per_quotation(text: str, made: Sequence[tuple[Attribution, int | None]]) -> list[Attribution]:
    """The statements ``made`` (each with the number of its block quotation, or None), with the
    next ones of the same quotation crediting the same source and cue (or no one) joined.

    A blockquote is one quotation however many paragraphs it runs over (a post of two
    paragraphs, an excerpt), as a quote over paragraphs is one statement. Where the page sets
    each post in a blockquote of its own (a thread of posts), they stay apart.
    """
    out: list[Attribution] = []
    previous = None  # (quotation, source, cue) of the last statement made
    for att, number in made:
        key = (number, att.source, att.cue)
        if number is not None and key == previous:
            out[-1] = dataclasses.replace(out[-1], content=Span.from_fragments(
                text, [*out[-1].content.pieces, *att.content.pieces]))
        else:
            out.append(att)
        previous = key
    return out
