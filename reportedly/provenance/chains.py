"""Who carries each statement to the reader: nested attributions as chains.

A statement reaches the article through its carriers, from the publishing outlet down to the
one who said it: outlet -> the Express -> a letter -> officers. Four patterns place a carrier,
tried in this order:

- ``nested``: the attribution's cue or source lies inside another attribution's content
  ("the paper revealed that X said ...", "According to the letter cited, they reiterated").
- ``medium``: the cue names the medium, "wrote in the letter seen by the paper": the letter
  is a hop of the chain, and the outlet that saw it carries it.
- ``same-speaker``: a source already placed speaks again ("it continued"); it keeps its place.
- ``relay``: the sentence names the outlet the source spoke to: "told Business Insider",
  "in an interview with the BBC", "in a statement to Reuters", "speaking to CNN", "via USA
  Today"; or the outlet that saw the document speaking ("a transcript reviewed by Business
  Insider", "intelligence reports seen by Reuters"). The outlet is a hop just before the
  speaker.
- ``context``: an outlet relayed earlier (in the same paragraph, or throughout the article
  when the article keeps citing it) carries what follows. This is an inference, said as such
  by its basis, because a rewritten story rarely repeats "the Express reported" each time; a
  statement whose own sentence names its relay is not inferred to come through another.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Token

from ..attribution.blocks import BlockIndex
from ..intervals import Intervals
from ..model import Article, Attribution, Span, Speaker
from . import lexicon
from .mentions import core_tokens, locate
from .speakers import SpeakerResolver

MEDIUM_PREPOSITIONS = frozenset({"in", "through", "via"})
# "said to Reuters", "speaking on CNN", "via USA Today", "in an interview with the BBC".
RELAY_PREPOSITIONS = frozenset({"to", "on", "via", "with"})
RELAY_NOUNS = frozenset("interview statement email e-mail comments remarks conversation call".split())
SPEAKING_VERBS = frozenset("speak talk".split())
AGENT_VERBS = frozenset("see obtain cite publish leak quote release review acquire receive".split())
MAX_DEPTH = 8


@dataclass(frozen=True)
class Link:
    """How one attribution is carried: the carrying attribution, the hops in between."""

    parent: str | None
    hops: tuple[str, ...] = ()  # labels of carriers that are not attributions ("letter")
    basis: str | None = None


def publisher_label(article: Article) -> str:
    """The chain's first hop: the outlet that published the article, or "this article"."""
    return article.outlet or "this article"


def link_attributions(
    article: Article,
    attributions: Sequence[Attribution],
    speakers: Sequence[Speaker],
    resolver: SpeakerResolver,
) -> list[tuple[tuple[str, ...], str | None, tuple[str, ...]]]:
    """For each attribution: (via ids outermost first, basis of the closest link, chain labels)."""
    by_id = {a.id: i for i, a in enumerate(attributions)}
    starts = [p.start for p in article.paragraphs]
    paragraphs = [_paragraph_index(article, a, starts) for a in attributions]
    relays = _relays(article, attributions, speakers, paragraphs)
    # Built once: each attribution looks its carrier up instead of scanning all the others.
    lookups = _Lookups(attributions, speakers, relays, paragraphs)
    links: list[Link] = []
    for i, att in enumerate(attributions):
        links.append(_link(i, attributions, speakers, links, relays, paragraphs, resolver, lookups))
        lookups.placed(i, speakers[i], links[i])
    out = []
    for i in range(len(attributions)):
        via, chain = _walk(i, attributions, speakers, links, by_id)
        # "told BSS" in a BSS story: the publisher is not its own relay.
        out.append((via, links[i].basis, tuple(_dedupe_adjacent([publisher_label(article), *chain]))))
    return out


class _Lookups:
    """What ``_link`` asks of the other attributions, indexed: contents, places, relays."""

    def __init__(self, attributions, speakers, relays, paragraphs):
        self.contents = Intervals((a, b, j) for j, att in enumerate(attributions) for a, b in att.content.pieces)
        self.by_key: dict[tuple, list[int]] = {}
        for j, sp in enumerate(speakers):
            self.by_key.setdefault(sp.key, []).append(j)
        self.last_placed: dict[tuple, int] = {}  # speaker key -> last attribution with a parent
        # Relays as (content start, index), sorted: those that run through the article, and
        # all of them per paragraph.
        self.dominant = sorted((attributions[j].content.start, j) for j, dominant in relays.items() if dominant)
        self.local: dict[int, list[tuple[int, int]]] = {}
        for j in relays:
            self.local.setdefault(paragraphs[j], []).append((attributions[j].content.start, j))
        for entries in self.local.values():
            entries.sort()

    def placed(self, i: int, speaker: Speaker, link: Link) -> None:
        if speaker.type != "unknown" and link.parent is not None:
            self.last_placed[speaker.key] = i


def _link(i, attributions, speakers, links, relays, paragraphs, resolver, lookups: _Lookups) -> Link:
    link = _carried(i, attributions, speakers, links, relays, paragraphs, resolver, lookups)
    relay = _relay(attributions[i], resolver)
    if relay is None or relay.key == speakers[i].key:
        return link
    # The outlet the source spoke to is the last hop before the speaker; the article named
    # it, so no earlier outlet is inferred to carry the statement.
    parent = None if link.basis == "context" else link.parent
    basis = link.basis if parent is not None else "relay"
    return Link(parent, (relay.label,) + link.hops, basis)


def _carried(i, attributions, speakers, links, relays, paragraphs, resolver, lookups: _Lookups) -> Link:
    att, speaker = attributions[i], speakers[i]
    hops: tuple[str, ...] = ()
    medium = _medium(att, resolver)
    if medium is not None:
        document, agent = medium
        hops = (document.label,)
        if agent is not None:
            carrier = _last_by(agent, i, attributions, speakers, lookups)
            if carrier is not None:
                return Link(attributions[carrier].id, hops, "medium")
            hops = (agent.label,) + hops
    nested = _nesting(i, attributions, lookups.contents)
    if nested is not None:
        return Link(attributions[nested].id, hops, "nested")
    if speaker.type == "outlet":
        return Link(None, hops, "medium" if hops else None)
    # The last earlier attribution of this (known) speaker that has a carrier.
    j = lookups.last_placed.get(speaker.key)
    if j is not None and j < i:
        return Link(links[j].parent, hops or links[j].hops, "same-speaker")
    relay = _context_relay(i, relays, attributions, paragraphs, lookups)
    if relay is not None:
        return Link(attributions[relay].id, hops, "context")
    return Link(None, hops, "medium" if hops else None)


def _walk(i, attributions, speakers, links, by_id) -> tuple[tuple[str, ...], tuple[str, ...]]:
    via: list[str] = []
    chain: list[str] = []
    seen = {i}
    current = i
    for _ in range(MAX_DEPTH):
        link = links[current]
        chain.insert(0, speakers[current].label)
        for hop in reversed(link.hops):
            chain.insert(0, hop)
        if link.parent is None or by_id[link.parent] in seen:
            break
        via.insert(0, link.parent)
        current = by_id[link.parent]
        seen.add(current)
    return tuple(via), tuple(_dedupe_adjacent(chain))


def _dedupe_adjacent(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        if not out or out[-1].lower() != label.lower():
            out.append(label)
    return out


def _anchor(att: Attribution) -> Span | None:
    return att.cue or att.source


def _inside(span: Span, container: Span) -> bool:
    return any(a <= span.start and span.end <= b for a, b in container.pieces)


def _nesting(i: int, attributions: Sequence[Attribution], contents: Intervals | None = None) -> int | None:
    """The attribution with the smallest content that holds this one's cue (or source).

    ``contents`` indexes the content pieces by attribution: only those holding the anchor are
    looked at, in the order of the attributions.
    """
    anchor = _anchor(attributions[i])
    if anchor is None:
        return None
    if contents is None:
        contents = Intervals((a, b, j) for j, att in enumerate(attributions) for a, b in att.content.pieces)
    best = None
    for j in sorted({j for _a, _b, j in contents.containing(anchor.start, anchor.end)}):
        other = attributions[j]
        if j == i or not _inside(anchor, other.content):
            continue
        # Two attributions that hold each other's cues are one statement read twice.
        back = _anchor(other)
        if back is not None and _inside(back, attributions[i].content):
            continue
        if best is None or _size(other.content) < _size(attributions[best].content):
            best = j
    return best


def _size(span: Span) -> int:
    return sum(b - a for a, b in span.pieces)


def _medium(att: Attribution, resolver: SpeakerResolver) -> tuple[Speaker, Speaker | None] | None:
    """The document named as the medium of the statement, and who saw or cited it."""
    tokens: list[Token] = []
    for span in (att.cue, att.source):
        if span is None:
            continue
        located = locate(resolver.blocks, span)
        if located is not None:
            tokens.append(located[1].root)
    for token in tokens:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in MEDIUM_PREPOSITIONS:
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
                    return _document_and_agent(noun, resolver)
    return None


def _relay(att: Attribution, resolver: SpeakerResolver) -> Speaker | None:
    """The outlet the sentence says the source spoke to ("told Business Insider"), or that
    saw the document that is the source ("a transcript reviewed by Business Insider")."""
    nouns = []
    located = locate(resolver.blocks, att.cue) if att.cue is not None else None
    if located is not None:
        nouns += [(located[0], n) for n in _spoken_to(located[1].root)]
    located = locate(resolver.blocks, att.source) if att.source is not None else None
    if located is not None and located[1].root.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
        nouns += [(located[0], n) for n in _agents(located[1].root)]
    for offset, noun in nouns:
        core = core_tokens(noun)
        span = Span.of(resolver.text, offset + core[0].idx, offset + core[-1].idx + len(core[-1]))
        outlet = resolver.resolve(span)
        if outlet.type == "outlet":
            return outlet
    return None


def _agents(document: Token) -> list[Token]:
    """Who saw, obtained or published a document: "reports seen by Reuters"."""
    return [c for acl in document.children if acl.dep_ == "acl" and acl.lemma_.lower() in AGENT_VERBS
            for by in acl.children if by.dep_ == "agent" for c in by.children if c.dep_ == "pobj"]


def _spoken_to(verb: Token) -> list[Token]:
    """Nouns the verb says it was spoken to or through: "told X", "said in a statement to X",
    "in an interview with X", "speaking to X", "said on X", "via X"."""
    found = []
    for child in verb.children:
        if verb.lemma_ == "tell" and child.dep_ in ("dative", "dobj", "npadvmod"):  # "told USA Today"
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in RELAY_PREPOSITIONS:
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "in":
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in RELAY_NOUNS:
                    found += [c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
                              for c in p.children if c.dep_ == "pobj"]
        elif child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_ in SPEAKING_VERBS:
            found += _spoken_to(child)
    return found


def _document_and_agent(noun: Token, resolver: SpeakerResolver) -> tuple[Speaker, Speaker | None]:
    offset = _offset(noun, resolver)
    core = core_tokens(noun)
    doc_span = Span.of(resolver.text, offset + core[0].idx, offset + core[-1].idx + len(core[-1]))
    head_only = Span.of(resolver.text, offset + core[0].idx, offset + noun.idx + len(noun))
    document = resolver.resolve(head_only)
    document = Speaker(document.type, doc_span, document.name, document.role, document.description,
                       document.evidence, document.short)
    agent = None
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in AGENT_VERBS:
            for by in acl.children:
                if by.dep_ == "agent":
                    objects = [c for c in by.children if c.dep_ == "pobj"]
                    if objects:
                        obj = core_tokens(objects[0])
                        agent = resolver.resolve(Span.of(resolver.text, offset + obj[0].idx, offset + obj[-1].idx + len(obj[-1])))
    return document, agent


def _offset(token: Token, resolver: SpeakerResolver) -> int:
    offset = BlockIndex.of(resolver.blocks).offset_of(token.doc)
    if offset is None:
        raise LookupError("token from a Doc that is not one of the article's blocks")
    return offset


def _last_by(speaker: Speaker, i: int, attributions, speakers, lookups: _Lookups | None = None) -> int | None:
    """The closest attribution of ``speaker`` before the i-th one (else after it)."""
    same = (lookups.by_key if lookups else {}).get(speaker.key)
    if same is None:
        same = [j for j, sp in enumerate(speakers) if sp.key == speaker.key]
    k = bisect.bisect_left(same, i)
    if k > 0:
        return same[k - 1]
    after = [j for j in same[:2] if j != i]
    return after[0] if after else None


def _relays(article, attributions, speakers, paragraphs) -> dict[int, bool]:
    """Attributions of outlets other than the publisher -> whether that outlet runs through
    the article (cited in two paragraphs or more) rather than once."""
    publisher = (article.outlet or "").lower()
    outlet_paragraphs: dict[tuple, set[int]] = {}
    for j, sp in enumerate(speakers):
        if sp.type == "outlet" and (sp.name or "").lower() != publisher:
            outlet_paragraphs.setdefault(sp.key, set()).add(paragraphs[j])
    return {
        j: len(outlet_paragraphs[sp.key]) >= 2
        for j, sp in enumerate(speakers)
        if sp.type == "outlet" and sp.key in outlet_paragraphs
    }


def _context_relay(i, relays, attributions, paragraphs, lookups: _Lookups) -> int | None:
    """The relay whose content starts last before this one's: among the relays that run
    through the article and those of this paragraph (the first such relay on a tie)."""
    start = attributions[i].content.start
    found = [_last_before(lookups.dominant, start), _last_before(lookups.local.get(paragraphs[i], []), start)]
    found = [f for f in found if f is not None]
    return min(found, key=lambda f: (-f[0], f[1]))[1] if found else None


def _last_before(entries: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    """Of (content start, index) entries sorted, the latest start before ``start``, the smallest
    index among equals."""
    k = bisect.bisect_left(entries, (start, -1))
    if k == 0:
        return None
    latest = entries[k - 1][0]
    return entries[bisect.bisect_left(entries, (latest, -1))]


def _paragraph_index(article: Article, att: Attribution, starts: list[int] | None = None) -> int:
    """The index of the paragraph (in reading order, not overlapping) holding the content's start."""
    position = att.content.start
    starts = starts if starts is not None else [p.start for p in article.paragraphs]
    k = bisect.bisect_right(starts, position) - 1
    return k if k >= 0 and position < article.paragraphs[k].end else -1
