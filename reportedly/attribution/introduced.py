"""Quotes that a short reporting clause before them introduces, whatever the parser made of it.

"Emery states, “Incredibly, some people …”", "Another respondent highlighted AI's
opportunities: “AI is growing fast …”", "In Dr. Shadlen's words, “Could the moment …”": the
quote is the sentence's content and the words before it say whose it is. The models and the
dependency rules miss these where the tagger misreads the cue ("states" tagged as a noun in
apposition, "highlighted" as an adjective), and "in X's words" has no verb at all. Both forms are
read from the words, not the parse:

- a **subject and a cue word**: a subject of a few words that can speak (a name, he/she/they, a
  noun for people or documents) right before a reporting verb in a finite form ("states",
  "wrote", "highlighted"), then a comma and the quote, or then the rest of the clause, a colon
  and the quote; the subject opens its sentence or follows a comma;
- **"in X's words"** / **"in the words of X"** then a comma and the quote.

Only a quote that is a sentence of a few words and that no attribution holds yet is read.

A post pasted into a paragraph with its author's handle as a label, after a lead-in's colon
("Samantha is clearly sick of his crap: @s_bielefeld: @viticci That's what I'm referring to …"),
has no quote marks: the label introduces it (``pasted_posts``).
"""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Token

from ..intervals import Intervals
from ..model import Attribution, Span
from ..provenance.acts import SPEECH, WRITING
from . import Block
from .blocks import BlockIndex, back_over
from .leadins import can_speak
from .quotes import Quote

# A quoted phrase ("called it “a disaster”") is no sentence of its own.
_MIN_QUOTE_WORDS = 4
# A subject is a short noun phrase: "Emery", "Another respondent", "The agency's report".
_MAX_SUBJECT_TOKENS = 4
_SUBJECT_POS = frozenset("DET PROPN NOUN ADJ PRON NUM PART".split())
# Finite forms only: "states", "stated", "wrote". A bare lemma ("state", "report") is as often a
# noun or an imperative, and an -ing form heads no clause with a subject.
_IRREGULAR = frozenset("said says told tells wrote writes read reads".split())
_IN_WORDS = re.compile(r"\b(?P<cue>[Ii]n\s+(?P<a>[^,“”\"]{2,60}?)['’]s?\s+(?:own\s+)?words|"
                       r"[Ii]n\s+the\s+words\s+of\s+(?P<b>[^,“”\"]{2,60}?))\s*,\s*$")


# "…: @author: @reply @reply The post's text" to the paragraph's end (Twitter's copy of a reply
# names the accounts replied to first: they are no part of what the author wrote).
_PASTED_POST = re.compile(r"(?:^|:[^\S\n]+)(?P<handle>@\w+)(?P<colon>:)[^\S\n]+(?:\.?@\w+[^\S\n]+)*(?P<post>\S[^\n]*)$")


def pasted_posts(text: str, paragraphs: Sequence[tuple[int, int]], found: Sequence[Attribution]) -> list[Attribution]:
    """Posts pasted into a paragraph under their author's "@handle:" label, at the paragraph's
    start or after a lead-in's colon, attributed to the handle where no find reaches into them
    from outside (a find wholly inside the post, "I don't know if …", is speech within it: see
    ``within_posts``)."""
    made = []
    contents = Intervals((att.content.start, att.content.end, att) for att in found)
    for start, end in paragraphs:
        match = _PASTED_POST.search(text, start, end)
        if match is None or len(match.group("post").split()) < _MIN_QUOTE_WORDS:
            continue
        post = (match.start("post"), match.end("post"))
        if any(not _within(att, post) for _a, _b, att in contents.overlapping(*post)):
            continue
        made.append(Attribution("", "direct", Span.of(text, *post),
                                Span.of(text, match.start("handle"), match.end("handle")),
                                Span.of(text, match.start("colon"), match.end("colon")), origin="layout"))
    return made


def _within(att: Attribution, post: tuple[int, int]) -> bool:
    return post[0] <= att.content.start and att.content.end <= post[1] and (
        att.cue is None or post[0] <= att.cue.start < post[1])


def within_posts(found: Sequence[Attribution], posts: Sequence[Attribution]) -> list[Attribution]:
    """``found`` without the finds that lie wholly inside one of the pasted ``posts``: as inside
    quote marks, "I don't know if …" in a post is part of what the post says, reported whole."""
    spans = Intervals((p.content.start, p.content.end, None) for p in posts)
    return [att for att in found
            if not any(_within(att, (a, b)) for a, b, _ in spans.containing(att.content.start, att.content.end))]


def _finite_cue(token: Token) -> bool:
    lower = token.lower_
    if lower in _IRREGULAR:
        return True
    lemmas = SPEECH | WRITING
    for ending in ("es", "s", "ed", "d"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            if stem in lemmas or (ending == "ed" and stem[-1:] == stem[-2:-1] and stem[:-1] in lemmas):
                return True
    return False


def introduced_quotes(text: str, blocks: Sequence[Block], quotes: Sequence[Quote],
                      found: Sequence[Attribution]) -> list[Attribution]:
    """Quotes introduced by "X states, “…”", "X highlighted …: “…”" or "In X's words, “…”",
    attributed to X, where no attribution in ``found`` holds them already."""
    index = BlockIndex.of(blocks)
    contents = Intervals.of_pieces(piece for att in found for piece in att.content.pieces)
    made = []
    for quote in quotes:
        if any(contents.overlaps(a, b) for a, b in quote.pieces):
            continue
        inner = text[quote.pieces[0][0] + 1:quote.end]
        if len(inner.split()) < _MIN_QUOTE_WORDS:
            continue
        mark = back_over(text, quote.start, " \t") - 1  # the last mark before the quote
        last = text[mark : mark + 1]
        if last in (".", "!"):
            # The quote opens the sentence after one that reports a speech act with no content.
            read = _announced(text, index, mark, quote, contents, found)
            if read is not None:
                (s0, s1), (c0, c1) = read
                made.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)),
                                        Span.of(text, s0, s1), Span.of(text, c0, c1), origin="rules"))
            continue
        if last not in (",", ":"):
            continue
        held = index.words_before(mark)
        if held is None:
            continue
        offset, words = held
        sentence_start = offset + words[-1].sent.start_char
        read = _in_words(text, sentence_start, mark + 1) if last == "," else None
        read = read or _subject_and_cue(words, offset, comma=last == ",")
        if read is None:
            continue
        (s0, s1), (c0, c1) = read
        made.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)),
                                Span.of(text, s0, s1), Span.of(text, c0, c1), origin="rules"))
    return made


def _announced(text: str, index: BlockIndex, stop: int, quote: Quote, contents: Intervals,
               found: Sequence[Attribution]):
    """A quote sentence right after a sentence in its paragraph whose subject performs a speech
    act and reports nothing ("Charles Schultze once summed up the danger of deficits with a
    metaphor. “It's not so much a question of the wolf at the door, but termites in the
    woodwork.”"): the quote is what the act said. The quote must end its sentence, and the
    sentence before must have no content of its own (no clause, no quote, no find), no negation
    ("He did not comment."), and a subject that can speak."""
    inner = text[quote.start:quote.pieces[-1][1]].rstrip("\"”’'» \t")
    after = text[quote.end:quote.end + 2]
    if inner[-1:] not in ".?!…" or (after.strip() and after[:1] not in " \n"):
        return None
    held = index.words_before(stop, stop + 1)  # the full stop with its sentence
    if held is None:
        return None
    offset, last = held
    sentence = last[-1].sent
    start, end = offset + sentence.start_char, offset + sentence.end_char
    if contents.overlaps(start, end) or any(att.cue is not None and start <= att.cue.start < end for att in found):
        return None
    if any(ch in text[start:end] for ch in "“”\"") or text[start:end].rstrip()[-1:] == "?":
        return None
    root = sentence.root
    if root.pos_ != "VERB" or root.lemma_.lower() not in SPEECH | WRITING:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "neg") for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not can_speak(subject):
        return None
    edge = [t for t in subject.lefts if t.dep_ in ("compound", "det", "amod", "poss")] + [subject]
    cue = [root] + [c for c in root.children if c.dep_ == "prt"]
    return ((offset + edge[0].idx, offset + edge[-1].idx + len(edge[-1])),
            (offset + cue[0].idx, offset + cue[-1].idx + len(cue[-1])))


def _in_words(text: str, sentence_start: int, end: int):
    """"In Dr. Shadlen's words," / "In the words of one nurse," right before the quote: the
    phrase names whose words they are. (Source and cue ranges in ``text``.)"""
    match = _IN_WORDS.search(text, sentence_start, end)
    if match is None:
        return None
    name = "a" if match.group("a") else "b"
    return (match.start(name), match.end(name)), (match.start("cue"), match.end("cue"))


def _subject_and_cue(words, offset: int, comma: bool):
    """A subject that can speak and a finite reporting verb right after it, opening the clause
    before the comma or colon (``words``: the block's words up to it; ranges in the text).

    With a comma the verb stands right before it ("Emery states,"); with a colon the clause may
    go on to it ("Another respondent highlighted AI's opportunities:"), but opens its sentence.
    """
    sentence = words[-1].sent
    tokens = [t for t in words if t.i >= sentence.start]
    verbs = [len(tokens) - 1] if comma else range(1, len(tokens))
    for v in verbs:
        if v < 1 or not _finite_cue(tokens[v]):
            continue
        # The subject: back from the verb to the sentence's start or a comma.
        k = v
        while k > 0 and not tokens[k - 1].is_punct:
            k -= 1
        subject = tokens[k:v]
        if not comma and k != 0:
            return None
        if not subject or len(subject) > _MAX_SUBJECT_TOKENS or not can_speak(subject[-1]):
            return None
        if any(t.pos_ not in _SUBJECT_POS for t in subject) or subject[-1].pos_ == "PRON" and len(subject) > 1:
            return None
        cue = tokens[v]
        return ((offset + subject[0].idx, offset + subject[-1].idx + len(subject[-1])),
                (offset + cue.idx, offset + cue.idx + len(cue)))
    return None
