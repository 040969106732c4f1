"""A rule-based attribution extractor over the spaCy dependency parse.

Cues are speech and cognition verbs (a closed list) and "according to". The source is the
cue's subject, inherited through participles ("…, adding that …"); the content is the cue's
clausal complement, or its object/prepositional complement for verbs that take one ("warned
against …"), or an adjacent quote. Contents are then snapped to quotes: a content inside a
quote becomes the whole quote, and the share of quoted words decides direct, indirect or mixed.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from .. import budget
from ..model import Attribution, Span
from . import Block
from .blocks import block_ranges, strings_of
from .quotes import Quote, QuoteIndex, find_quotes
from .syntax import subject_of, trim_range, trim_subtree

# Verbs whose clausal complement is what someone said, wrote, found or believes.
CLAUSE_CUES = frozenset(
    """say tell add warn claim report write state announce note explain argue deny admit
    acknowledge insist suggest reveal agree stress emphasize emphasise confirm declare assert
    allege maintain predict promise pledge vow threaten urge recall respond reply answer
    complain concede contend disclose estimate believe think feel hope fear worry find show
    indicate conclude testify observe remark comment mention recount reiterate repeat lament
    tweet post write inform assure caution advise boast joke shout chant whisper signal hint
    demand propose recommend charge counter acknowledge brief signal speculate predict
    insinuate imply caution question wonder know learn hear read continue cite quote""".split()
)
# Verbs whose object or prepositional complement is itself the content ("warned against X").
OBJECT_CUES = frozenset(
    "warn accuse urge deny admit announce promise pledge threaten call praise criticize criticise "
    "blame condemn denounce demand propose reject dismiss ask".split()
)
# Verbs that are cues only when a quote is their content ("…," the letter read).
QUOTE_ONLY_CUES = frozenset("read continue go write add".split())
CUES = CLAUSE_CUES | OBJECT_CUES
CONTENT_PREPOSITIONS = frozenset("against about of on for that".split())


def _subtree(token: Token, exclude: Sequence[Token] = ()) -> list[Token]:
    skip = set()
    for t in exclude:
        skip.update(x.i for x in t.subtree)
    return [t for t in token.subtree if t.i not in skip]


def _clause_content(verb: Token) -> Token | None:
    """The head of the verb's clausal complement: its subtree is the content."""
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "advcl" and any(m.lower_ in ("that", "if", "whether") for m in child.children if m.dep_ == "mark")):
            return child
    return None


def _object_content(verb: Token) -> tuple[int, int] | None:
    """The token range (start, end) from the verb's first object or complement to its last."""
    parts = [
        c for c in verb.rights
        if c.dep_ in ("dobj", "xcomp", "oprd")
        or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPOSITIONS)
    ]
    if not parts:
        return None
    first, last = parts[0], parts[-1]
    return first.left_edge.i, last.right_edge.i + 1


class RuleExtractor:
    """Attributions from cue verbs, "according to" and quotes, without any trained model.

    With ``require_source``, finds without a source are not made at all (the hybrid extractor
    keeps none of them): in a chain of nested clauses without subjects ("said said said …"),
    each one's content is the rest of the chain, and making them all took 500 MB a megabyte.
    """

    def __init__(self, require_source: bool = False):
        self.require_source = require_source

    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        quotes = QuoteIndex(find_quotes(text, block_ranges(blocks)))
        found: list[Attribution] = _headline_quotes(text, quotes.quotes)
        for offset, doc in blocks:
            according, verbs = _cue_words(doc)
            cues = sorted(according | verbs)
            for sent in doc.sents:
                for i in cues[bisect.bisect_left(cues, sent.start) : bisect.bisect_left(cues, sent.end)]:
                    if i in according:
                        made = self._according_to(text, offset, doc[i], quotes)
                    else:
                        made = self._verb(text, offset, sent, doc[i], quotes)
                    if made is not None:
                        found.append(made)
            budget.check("the rules")
        return [dataclasses.replace(att, origin="rules") for att in _dedupe(found)]

    def _verb(self, text, offset, sent, verb: Token, quotes) -> Attribution | None:
        lemma = verb.lemma_.lower()
        subject = _inverted_subject(text, offset, verb, quotes) or subject_of(verb)
        source_range = trim_subtree(subject, quotes_too=True) if subject is not None else None
        if self.require_source and not source_range:
            return None
        clause = _clause_content(verb) if lemma in CLAUSE_CUES else None
        content_range = trim_subtree(clause) if clause is not None else None
        if clause is None and lemma in OBJECT_CUES:
            objects = _object_content(verb)
            content_range = trim_range(verb.doc, *objects) if objects is not None else None
        cue_end = verb.idx + len(verb)
        particle = next((c for c in verb.rights if c.dep_ == "prt"), None)
        if particle is not None and particle.i == verb.i + 1:
            cue_end = particle.idx + len(particle)
        cue_range = (verb.idx, cue_end)
        quote = _adjacent_quote(text, offset, sent, verb, subject, quotes)
        if content_range is None or (quote and _inside((content_range[0] + offset, content_range[1] + offset), quote)):
            if quote is None:
                return None
            content_span = Span.from_fragments(text, list(quote.pieces))
        else:
            if lemma in QUOTE_ONLY_CUES and lemma not in ("write", "add"):
                return None
            content_span = _snap(
                text, (content_range[0] + offset, content_range[1] + offset), quotes, (cue_range[0] + offset, cue_range[1] + offset)
            )
        if _overlaps_cue(content_span, (cue_range[0] + offset, cue_range[1] + offset)):
            return None
        source = Span.of(text, source_range[0] + offset, source_range[1] + offset) if source_range else None
        cue = Span.of(text, cue_range[0] + offset, cue_range[1] + offset)
        return Attribution("", _kind(text, content_span, quotes), content_span, source, cue)

    def _according_to(self, text, offset, according: Token, quotes) -> Attribution | None:
        to = according.nbor()
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            return None
        source_range = trim_subtree(objects[0], quotes_too=True)
        head = according.head
        if head is according or head.i == according.i:
            return None
        # The sentence once: Token.sent walks to the sentence's edges on every call.
        sent = according.sent
        clause = [t for t in _subtree(head, exclude=[according]) if sent.start <= t.i < sent.end]
        pieces = [(a + offset, b + offset) for a, b in _runs(clause)]
        if not pieces or source_range is None:
            return None
        cue = Span.of(text, according.idx + offset, to.idx + len(to) + offset)
        content = _snap_pieces(text, pieces, quotes, (cue.start, cue.end))
        source = Span.of(text, source_range[0] + offset, source_range[1] + offset)
        return Attribution("", _kind(text, content, quotes), content, source, cue)


_HEADLINE_SOURCE = re.compile(r"\s*(:)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?=\n|$)")


def _cue_words(doc: Doc) -> tuple[set[int], set[int]]:
    """The indexes of the tokens of ``doc`` that open "according to", and of its verbs whose lemma
    is a cue (an "according" of "according to" counts as that only): read from three columns,
    so that only these become Token objects."""
    if not len(doc):
        return set(), set()
    string = strings_of(doc.vocab.strings)
    lower, pos, lemma = doc.to_array([LOWER, POS, LEMMA]).T.tolist()
    lower, lemma = string(lower), string(lemma)
    according = {i for i in range(len(doc) - 1) if lower[i] == "according" and lower[i + 1] == "to"}
    verbs = {i for i, (p, lem) in enumerate(zip(pos, lemma)) if p in _VERB_POS and i not in according and lem.lower() in CUES}
    return according, verbs


_VERB_POS = (VERB, AUX)


def _headline_quotes(text: str, quotes: list[Quote]) -> list[Attribution]:
    """Headline-style attributions: "'We have to be ready...': Lukashenko"."""
    out = []
    for quote in quotes:
        match = _HEADLINE_SOURCE.match(text, quote.end)
        if match:
            content = Span.from_fragments(text, list(quote.pieces))
            cue = Span.of(text, match.start(1), match.end(1))
            source = Span.of(text, match.start(2), match.end(2))
            out.append(Attribution("", "direct", content, source, cue))
    return out


# What the parser makes of the source after an inverted cue ("…,” reads one", "…,” says a report").
_INVERTED_SOURCE_DEPS = frozenset({"nsubj", "attr", "dobj", "npadvmod", "nsubjpass"})


def _inverted_subject(text: str, offset: int, verb: Token, quotes: QuoteIndex) -> Token | None:
    """The source after a cue that follows the quote it reports: "“New prices. Same
    standards,” reads one".

    The parser, reading the quote's words as the sentence's, may take one of them for the
    verb's subject and the source after the verb for its attribute or object: a subject inside
    the quote the cue reports is no source, the noun phrase right after the cue is.
    """
    start = verb.idx + offset
    before = quotes.ending_before(text, start)
    if before is None or "\n" in text[before.end:start]:
        return None
    if verb.i + 1 >= len(verb.doc) or verb.nbor().is_punct:
        return None
    subject = subject_of(verb)
    if subject is not None and not before.start <= subject.idx + offset < before.end:
        return None  # the parser found the source (or another subject) outside the quote
    after = next((c for c in verb.rights if c.dep_ in _INVERTED_SOURCE_DEPS and c.left_edge.i == verb.i + 1), None)
    if after is None or after.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    return after


def _adjacent_quote(text, offset, sent, verb, subject, quotes: QuoteIndex) -> Quote | None:
    """A quote that ends just before the reporting clause in its paragraph, else one that starts
    just after the cue.

    A quote that ends the paragraph before is not the clause's: "“… after midday.”" then a
    paragraph "Klinger recommends a sweet spot …" quotes the speaker named with that quote, and
    the new paragraph reports its own statement (a lead-in's colon does hand over to the next
    paragraph's quote: "She said:" then "“…”").
    """
    left = min(verb.idx, subject.left_edge.idx if subject is not None else verb.idx) + offset
    right = verb.idx + len(verb) + offset
    before = quotes.ending_before(text, left)
    if before is not None and "\n" in text[before.end:left]:
        before = None
    return before or quotes.starting_after(text, right)


def _inside(rng: tuple[int, int], quote: Quote) -> bool:
    return quote.start <= rng[0] and rng[1] <= quote.end


def _snap(text: str, rng: tuple[int, int], quotes: QuoteIndex, cue: tuple[int, int]) -> Span:
    """Widen a content range so that no quote is cut in two.

    A quote that holds the cue itself is left alone: the cue then belongs to the quoted
    speech ("According to this Clause, …" inside a letter) and its content is a part of it.
    Quotes are visited in reading order from the first that reaches into the range, up to the
    first that starts after it (the range only grows by quotes it overlaps).
    """
    start, end = rng
    for k in range(quotes.first_reaching_past(start), len(quotes)):
        quote = quotes.quotes[k]
        if quote.start >= end:
            break
        if quote.start <= cue[0] and cue[1] <= quote.end:
            continue
        if quote.start < end and start < quote.end:
            start, end = min(start, quote.start), max(end, quote.end)
    return Span.of(text, start, end)


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of the contiguous runs of ``tokens`` that hold words, trimmed."""
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    out = []
    for run in runs:
        while run and (run[0].is_punct or run[0].is_space):
            run = run[1:]
        while run and (run[-1].is_punct or run[-1].is_space):
            run = run[:-1]
        if run:
            out.append((run[0].idx, run[-1].idx + len(run[-1])))
    return out


def _snap_pieces(text: str, pieces: list[tuple[int, int]], quotes: QuoteIndex, cue: tuple[int, int]) -> Span:
    """``_snap`` for a content made of several pieces."""
    snapped = [_snap(text, piece, quotes, cue) for piece in pieces]
    return Span.from_fragments(text, [(s.start, s.end) for s in snapped])


def _overlaps_cue(content: Span, cue: tuple[int, int]) -> bool:
    return any(a < cue[1] and cue[0] < b for a, b in content.pieces)


def _kind(text: str, content: Span, quotes: QuoteIndex) -> str:
    """direct when the content is a quote, mixed when it holds one, indirect otherwise."""
    words = sum(len(text[a:b].split()) for a, b in content.pieces)
    quoted = 0
    for k in range(quotes.first_reaching_past(content.start), bisect.bisect_left(quotes.starts, content.end)):
        for a, b in quotes.quotes[k].pieces:
            if content.start <= a and b <= content.end:
                quoted += len(text[a:b].split())
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= words - 1 else "mixed"


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple] = set()
    out = []
    for att in sorted(found, key=lambda a: (a.content.start, a.cue.start if a.cue else 0)):
        key = (att.content.pieces, att.cue.start if att.cue else None)
        if key not in seen:
            seen.add(key)
            out.append(att)
    return out
