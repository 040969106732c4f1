"""How sure the article is: hedges, denials, the strength of cues, and the outlet's own voice.

Every statement is either attributed (someone else's words), or in the outlet's own voice,
where it is asserted, hedged ("may be facing", "reportedly") or denied. Evaluative words in the
outlet's own voice ("In a shocking suggestion") are its judgement, and are marked as such.
"""
from __future__ import annotations

import bisect
import functools
from typing import Iterable, Sequence

from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from ..attribution import Block
from ..attribution.blocks import BlockIndex, sentence_ranges, strings_of
from ..intervals import Intervals
from ..model import Article, Attribution, Marker, Span, Voice
from . import lexicon
from .acts import CUE_WORDS

# Modal verbs that hedge; "would" and "will" mostly report plans, not doubt.
HEDGING_MODALS = frozenset({"may", "might", "could"})
# A sentence counts as attributed when at least this share of its words lies in attributions.
ATTRIBUTED_SHARE = 0.5


def cue_strength(att: Attribution, blocks: Sequence[Block], lemma: str | None = None) -> str | None:
    """How the cue frames its content: neutral, distancing, concession, factive, tentative,
    denial or emphatic; None when there is no cue or the cue is not in the lexicon.
    ``lemma`` is the cue's ``cue_lemma``, when the caller has it."""
    if att.cue is None:
        return None
    words = att.cue.text.lower().split()
    if words[:2] == ["according", "to"]:
        return lexicon.CUE_STRENGTH["according_to"]
    return lexicon.CUE_STRENGTH.get(cue_lemma(att, blocks) if lemma is None else lemma)


def cue_lemma(att: Attribution, blocks: Sequence[Block]) -> str:
    """The cue's first word as a lemma ("according_to" for that phrase); "" without a word."""
    if att.cue is None:
        return ""
    words = att.cue.text.lower().split()
    if words[:2] == ["according", "to"]:
        return "according_to"
    return _first_lemma(att.cue, blocks) or (words[0] if words else "")


def _first_lemma(cue: Span, blocks: Sequence[Block]) -> str | None:
    """The lemma of the cue's main verb ("had asked" is "ask"), else of its first word."""
    words = [token for _offset, token in _tokens_in(blocks, [(cue.start, cue.end)]) if token.is_alpha]
    verb = next((t for t in words if t.pos_ == "VERB"), None) or (words[0] if words else None)
    return known_lemma(verb.lemma_.lower(), verb.lower_) if verb is not None else None


def known_lemma(lemma: str, word: str) -> str:
    """``lemma``, or the cue word it should have been when the tagger lemmatised a cue wrongly.

    spaCy's rule lemmatiser follows the tag it guessed, and a cue verb it mistags loses its
    lemma: "Li hopes that …" gives "hop", "retweeted" "retweete". A lemma no cue list knows is
    checked against the word's regular inflections (-s, -es, -ed, -d, -ing) for one that a list
    knows; failing that, the tagger's lemma stands.
    """
    if lemma in _KNOWN_CUES:
        return lemma
    stems = [word[: -len(end)] + add for end, add in _INFLECTIONS if word.endswith(end) and len(word) > len(end) + 2]
    return next((stem for stem in stems if stem in _KNOWN_CUES), lemma)


_KNOWN_CUES = CUE_WORDS | frozenset(lexicon.CUE_STRENGTH)
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"))


def _tokens_in(blocks: Sequence[Block], ranges: Iterable[tuple[int, int]]) -> list[tuple[int, Token]]:
    """(block offset, token) of every token that starts inside one of ``ranges``, in reading order."""
    index = Paragraphs.of(blocks)
    return [(index[i][0], index[i][1][t]) for i, t in index.starting_in(ranges)]


def classify_token(token: Token) -> str | None:
    """The marker type of one token (hedge, denial, evaluative), or None."""
    return _classify(token.lower_, token.tag_, token.lemma_)


def _classify(lower: str, tag: str, lemma: str) -> str | None:
    if tag == "MD":
        return "hedge" if lower in HEDGING_MODALS else None
    if lower in lexicon.HEDGE_WORDS and lower not in HEDGING_MODALS:
        return "hedge"
    if lower in lexicon.DENIAL_WORDS:
        return "denial"
    if lower in lexicon.EVALUATIVE_WORDS or lemma.lower() in lexicon.EVALUATIVE_WORDS:
        return "evaluative"
    return None


def find_markers(text: str, blocks: Sequence[Block], ranges: Iterable[tuple[int, int]], skip: Iterable[tuple[int, int]] = ()) -> list[Marker]:
    """Markers whose word lies in ``ranges`` and outside ``skip`` (cues, nested contents)."""
    index, skip = Paragraphs.of(blocks), Intervals.of_pieces(skip)
    out = []
    for i, t in index.starting_in(ranges):
        offset, doc = index[i]
        words = index.words(i)
        kind = words.kind[t]  # ``classify_token``'s, read from the columns: no Token per word
        if kind is not None and not skip.covers(offset + words.idx[t]):
            out.append(_marker(text, offset, doc[t], kind))
    return out


def _marker(text: str, offset: int, token: Token, kind: str) -> Marker:
    a, b = _marker_extent(token) if kind == "evaluative" else (token.idx, token.idx + len(token))
    return Marker(kind, Span.of(text, offset + a, offset + b))


class Words:
    """A parsed paragraph's tokens as columns, read once: where each starts and ends, whether
    it is a word, its lower case, lemma, part of speech (a symbol: ``spacy.symbols.NOUN``) and
    entity type (0 for none), and its marker type (``classify_token``'s); the sentences'
    ranges."""

    def __init__(self, doc: Doc) -> None:
        string = strings_of(doc.vocab.strings)
        self.doc = doc
        idx, length, alpha, lower, tag, lemma, self.pos, self.ent_type = doc.to_array(
            [IDX, LENGTH, IS_ALPHA, LOWER, TAG, LEMMA, POS, ENT_TYPE]).T.tolist() if len(doc) else [[]] * 8
        self.idx = idx
        self.end = [start + n for start, n in zip(idx, length)]
        self.alpha = list(map(bool, alpha))
        self.lower = string(lower)
        self.lemma = string(lemma)
        self.kind = list(map(_classify, self.lower, string(tag), self.lemma))

    def untagged(self, pos: tuple[int, ...]) -> list[int]:
        """Indexes of the tokens with one of the parts of speech ``pos`` (symbols:
        ``spacy.symbols.NOUN``) and no entity type: only these few become Token objects."""
        return [i for i, (p, ent) in enumerate(zip(self.pos, self.ent_type)) if p in pos and not ent]

    @functools.cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The sentences' token ranges, read when first asked for (a content's markers need
        none, and a Doc with no sentence boundaries has none to read)."""
        return sentence_ranges(self.doc)

    def markers(self, text: str, offset: int, doc: Doc, start: int, end: int, skip: Intervals) -> list[Marker]:
        """The markers of the tokens ``start:end`` outside ``skip``."""
        return [_marker(text, offset, doc[i], self.kind[i]) for i in range(start, end)
                if self.kind[i] is not None and not skip.covers(offset + self.idx[i])]


class Paragraphs(BlockIndex):
    """An article's blocks indexed by position (a ``BlockIndex``), with each paragraph's tokens
    read as columns (``Words``) once, when first asked for: every content's markers, every
    sentence's voice, the speakers' sentences, the pronouns' genders and the mentions' nouns
    read the same paragraphs. (Per content, a Token made and classified per word took 0.032 CPU s
    over PolNeAR dev.) The columns live as long as the index, one
    article's provenance step: 128 bytes a token over PolNeAR dev (tracemalloc)."""

    def __init__(self, blocks: Iterable[Block]):
        super().__init__(blocks)
        self._words: dict[int, Words] = {}

    @classmethod
    def of(cls, blocks: Iterable[Block]) -> "Paragraphs":
        """``blocks`` itself when it is a ``Paragraphs`` already, else one of them."""
        return blocks if isinstance(blocks, Paragraphs) else cls(blocks)

    def words(self, i: int) -> Words:
        """The columns of block ``i``."""
        found = self._words.get(i)
        if found is None:
            found = self._words[i] = Words(self[i][1])
        return found

    def sentences(self, i: int) -> list[tuple[int, int]]:
        """Where each sentence of block ``i`` starts and ends in the article (``doc.sents``'
        start_char and end_char)."""
        offset, words = self[i][0], self.words(i)
        return [(offset + words.idx[first], offset + words.end[last - 1]) for first, last in words.sentences]

    def starting_in(self, ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """(block, token) indexes of every token that starts inside one of ``ranges``, in
        reading order; the blocks and tokens found by bisection, not by a scan of the article."""
        chosen: dict[int, set[int]] = {}
        for a, b in ranges:
            for i in self.overlapping(a, b):
                chosen.setdefault(i, set()).update(self.tokens_starting_in(i, a, b))
        return [(i, t) for i in sorted(chosen) for t in sorted(chosen[i])]


def _marker_extent(token: Token) -> tuple[int, int]:
    """An evaluative adjective with its phrase: "In a shocking suggestion", not just "shocking"."""
    noun = token.head
    if token.dep_ != "amod" or noun.pos_ != "NOUN":
        return token.idx, token.idx + len(token)
    if noun.i < token.i:
        # A postposed adjective ("something shocking"): the phrase runs from noun to adjective.
        return noun.idx, token.idx + len(token)
    start = noun.left_edge.idx if noun.left_edge.i <= token.i else token.idx
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.i < token.i:
        start = noun.head.idx
    return start, noun.idx + len(noun)


def attribution_status(att: Attribution, strength: str | None, markers: Sequence[Marker]) -> str:
    """denied, hedged or attributed, from the cue's strength and the markers in the content."""
    if strength == "denial" or any(m.type == "denial" for m in markers):
        return "denied"
    if strength == "tentative" or any(m.type == "hedge" for m in markers):
        return "hedged"
    return "attributed"


def attribution_markers(text: str, blocks: Sequence[Block], att: Attribution) -> list[Marker]:
    """Hedges and denials inside an attribution's content (its cue excluded)."""
    skip = [(att.cue.start, att.cue.end)] if att.cue is not None else []
    return [m for m in find_markers(text, blocks, att.content.pieces, skip) if m.type != "evaluative"]


def sentence_voices(article: Article, blocks: Sequence[Block], attributions: Sequence[Attribution]) -> list[Voice]:
    """The voice of every body sentence: attributed, or the outlet's own (asserted, hedged,
    denied), with the markers found in the outlet's own words."""
    text = article.text
    contents = [piece for att in attributions for piece in att.content.pieces]
    frames = [(s.start, s.end) for att in attributions for s in (att.source, att.cue) if s is not None]
    # A source's wording ("Authoritative Belarusian President ...") is the outlet's own choice,
    # so only contents and cues are left out when looking for the outlet's markers.
    cues = [(att.cue.start, att.cue.end) for att in attributions if att.cue is not None]
    # Indexed once: every sentence asks which contents overlap it (issue 26).
    covering, skip = Intervals.of_pieces(contents + frames), Intervals.of_pieces(contents + cues)
    owners = Intervals((a, b, k) for k, att in enumerate(attributions) for a, b in att.content.pieces)
    index = Paragraphs.of(blocks)
    out = []
    for b, (offset, doc) in enumerate(index):
        if not _in_body(article, offset):
            continue
        tokens = index.words(b)
        for first, last in tokens.sentences:
            start, end = offset + tokens.idx[first], offset + tokens.end[last - 1]
            words = [i for i in range(first, last) if tokens.alpha[i]]
            if not words:
                continue
            # (A sentence no range overlaps has no word inside one: most of the outlet's own.)
            inside = [i for i in words if covering.covers(offset + tokens.idx[i])] if covering.overlaps(start, end) else []
            share = round(len(inside) / len(words), 3)
            ids = tuple(attributions[k].id for k in sorted({k for _a, _b, k in owners.overlapping(start, end)}))
            # The sentence's own tokens: no search of the article's blocks for them.
            own = tokens.markers(text, offset, doc, first, last, skip)
            if share >= ATTRIBUTED_SHARE:
                status = "attributed"
            elif any(m.type == "denial" for m in own):
                status = "denied"
            elif any(m.type == "hedge" for m in own):
                status = "hedged"
            else:
                status = "asserted"
            out.append(Voice(Span.of(text, start, end), status, share, ids, tuple(own)))
    return out


def _in_body(article: Article, offset: int) -> bool:
    """Whether the block at ``offset`` is (a piece of) a body paragraph; paragraphs are in order."""
    k = bisect.bisect_right(article.paragraphs, offset, key=lambda p: p.start) - 1
    return k >= 0 and offset < article.paragraphs[k].end and article.paragraphs[k].role == "body"
