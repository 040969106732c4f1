"""Values of reportedly: immutable and anchored to character offsets.

Every span is a pair of Unicode code-point offsets into ``Article.text``, the text exactly as
read (for HTML: the extracted text). Converting these values to JSON happens in one place,
``reportedly.serialize``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Span:
    """A stretch of ``text[start:end]``; ``fragments`` is set only when it is discontinuous."""

    start: int
    end: int
    text: str
    fragments: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span ``start..end`` of ``text``."""
        return cls(start, end, text[start:end])

    @classmethod
    def from_fragments(cls, text: str, fragments: list[tuple[int, int]]) -> "Span":
        """A span made of several pieces; one piece gives a plain span.

        ``text`` of a discontinuous span is its pieces joined by a space, in text order.
        """
        pieces = sorted((a, b) for a, b in fragments if b > a)
        merged: list[tuple[int, int]] = []
        for a, b in pieces:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        if not merged:
            raise ValueError("a span needs at least one non-empty fragment")
        if len(merged) == 1:
            return cls.of(text, *merged[0])
        return cls(merged[0][0], merged[-1][1], " ".join(text[a:b] for a, b in merged), tuple(merged))

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The (start, end) pieces of the span: its fragments, or itself."""
        return self.fragments or ((self.start, self.end),)

    def overlaps(self, other: "Span") -> bool:
        return any(a < d and c < b for a, b in self.pieces for c, d in other.pieces)


@dataclass(frozen=True)
class Omission:
    """A line the reader left out of the analysis (page furniture), with the reason.

    Where the line is still in ``Article.text`` (plain text keeps its boilerplate lines in
    place), ``start..end`` is its span and ``text == Article.text[start:end]``; ``in_text`` is
    True. Where the reader took it out of the text (HTML: ``Article.text`` is the body only),
    ``start == end`` is an anchor, the offset where the line stood: right after the body text
    before it (the end of the previous paragraph; 0 when none), and ``text`` is the line as
    extracted; ``in_text`` is False. Such an anchor is
    not a span of the text: never slice the text with it expecting the line.
    ``reason`` says what the line is ("a share button", "after the article's end (an author
    box)"); ``step`` names the HTML reader's step that dropped it ("" for plain text).
    """

    start: int
    end: int
    text: str
    reason: str = ""
    step: str = ""
    in_text: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad omission offsets {self.start}..{self.end}")
        if not self.in_text and self.start != self.end:
            raise ValueError("an omission outside the text is anchored at one offset (start == end)")


@dataclass(frozen=True)
class Paragraph:
    """A block of article text that is analysed; ``role`` is title, dek or body.

    ``quoted`` is True when the page sets the paragraph as a block quotation (HTML's
    ``<blockquote>``: an excerpt, an embedded post): text quoted from someone, with or without
    quote marks. The attribution layout reads it as a quote (``attribution/blockquotes``).
    ``quotation`` tells the block quotations apart where the reader knows them: the paragraphs
    of one share its number (one quotation over several paragraphs); None when not known.
    """

    start: int
    end: int
    role: str = "body"
    quoted: bool = False
    quotation: int | None = None


@dataclass(frozen=True)
class Fetch:
    """Where and when a page was fetched from the web: what a citation of what it said needs.

    ``url`` is the final URL, after the ``redirects`` (each hop's URL and status, in order) from
    ``requested_url``; ``sha256`` is the body's digest after content decoding (gzip, brotli), the
    bytes the archive holds; ``warc_file`` and ``warc_record`` name the archived response.
    """

    requested_url: str
    url: str
    status: int
    fetched_at: datetime
    sha256: str
    content_type: str | None = None
    redirects: tuple[tuple[str, int], ...] = ()
    warc_file: str | None = None
    warc_record: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as read: its text, where its analysable paragraphs are, and its metadata."""

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    dek: str | None = None
    bylines: tuple[str, ...] = ()
    outlet: str | None = None
    # The news agency whose copy this is, by its short name ("AP", "Reuters", "AFP"): read
    # from the byline ("Tom Davies Associated Press" is Tom Davies, through AP) or the page's
    # declarations. None when the page names none (a dateline's "(AP)" is read by the store).
    wire: str | None = None
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    image_credits: tuple[str, ...] = ()
    language: str | None = None
    # Lines the reader recognised as boilerplate (bylines, credits, "Advertisement", stamps),
    # each with its reason: kept so a reader can see what was left out, never analysed.
    boilerplate: tuple[Omission, ...] = ()
    source_path: str | None = None
    fetch: Fetch | None = None  # set when the page was fetched from the web (reportedly.fetch)


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Attribution:
    """Who (source) said (cue) what (content). Source and cue may be missing; content may not.

    ``source`` is the article's words that name who speaks. Mostly they stand by the cue; where
    the layout marks the speaker they may stand elsewhere: a transcript label, the interviewee's
    name in a Q&A's intro, the name line over a vox pop's quotes. A follow-on quote paragraph (no
    cue of its own) has the source span of the attribution it continues, so two attributions
    share one span and speaker resolution reads it the same way for both.
    """

    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    source: Span | None = None
    cue: Span | None = None
    # Which extractor found it (model, layout, rules) and, for the model, its own probability of
    # the find (cue CRF times role CRF marginals): inputs to the confidence, see provenance/confidence.py.
    origin: str = ""
    probability: float | None = None


SPEAKER_TYPES = ("person", "organization", "outlet", "document", "anonymous", "group", "unknown")


@dataclass(frozen=True)
class Speaker:
    """Who an attribution's source is, resolved within the article.

    ``name`` is a proper name found in the text, never made up: it stays None for anonymous,
    unresolved and descriptive sources. ``description`` is the fullest wording the article
    gives ("a senior official who spoke on condition of anonymity", "a joint letter written by
    top military officers"), ``role`` a title or role found next to the name ("foreign
    minister"). ``evidence`` holds the other mentions the resolution rests on (antecedents,
    the full-name mention).
    """

    type: str  # one of SPEAKER_TYPES
    mention: Span | None
    name: str | None = None
    role: str | None = None
    description: str | None = None
    evidence: tuple[Span, ...] = ()
    short: str | None = None  # the head phrase without determiners ("military officers")

    @property
    def label(self) -> str:
        """A short readable label: the name, else the head phrase, else the description."""
        if self.name:
            return self.name
        if self.description and len(self.description.split()) <= 4 and self.description.split()[0].lower() not in ("the", "a", "an", "this", "that"):
            return self.description
        if self.short:
            return self.short
        if self.description:
            return self.description
        return self.mention.text if self.mention is not None else "(unknown)"

    @property
    def key(self) -> tuple:
        """Identity within one article: two speakers with the same key are the same source."""
        if self.name:
            return (self.type, self.name)
        anchor = self.evidence[0] if self.evidence else self.mention
        return (self.type, anchor.start if anchor is not None else None)


@dataclass(frozen=True)
class Marker:
    """An epistemic marker: a hedge ("may"), a denial, or an evaluative word ("shocking")."""

    type: str  # hedge | denial | evaluative
    span: Span


@dataclass(frozen=True)
class Provenance:
    """Where one attribution comes from and how sure the article is of it.

    ``via`` lists the ids of the attributions that carry this one, outermost first (the
    outlet being relayed, then a document inside it, ...); ``via_basis`` says why the closest
    carrier was chosen: ``nested`` (this attribution lies inside its content), ``medium``
    ("wrote in the letter seen by the paper"), ``same-speaker`` (a later statement of a source
    already placed) or ``context`` (a document or outlet relayed earlier in the article).
    ``chain`` is the readable path of labels from the publishing outlet to the speaker.
    """

    attribution_id: str
    speaker: Speaker
    via: tuple[str, ...] = ()
    via_basis: str | None = None
    chain: tuple[str, ...] = ()
    status: str = "attributed"  # attributed | hedged | denied
    cue_strength: str | None = None
    markers: tuple[Marker, ...] = ()
    # What kind of act the attribution reports (speech, writing, thought, finding, other) and
    # how likely it is to be a real attribution with this speaker (provenance/confidence.py).
    act: str = "other"
    confidence: float = 1.0


@dataclass(frozen=True)
class Voice:
    """One body sentence: whose voice it is in and how sure it sounds.

    ``status`` is ``asserted`` (the outlet's own voice), ``hedged`` or ``denied`` (own voice
    with such markers), or ``attributed`` (most of its words belong to attributions).
    ``markers`` are those found in the outlet's own words of the sentence.
    """

    span: Span
    status: str
    attributed_share: float
    attributions: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class Profile:
    """How one article is sourced: counts, shares, the longest chain and plain findings."""

    statements: int
    speakers: dict  # speaker type -> number of distinct speakers
    statements_by_type: dict  # speaker type -> number of attributions
    named_on_record: int
    anonymous: int
    outlets_relayed: tuple[str, ...]
    documents: tuple[str, ...]
    second_hand: int  # attributions that reach the article through another outlet
    second_hand_words: int  # body words in their contents
    body_words: int
    attributed_words: int
    longest_chain: tuple[str, ...]
    longest_chain_id: str | None
    findings: tuple[str, ...]

    @property
    def attributed_share(self) -> float:
        return round(self.attributed_words / self.body_words, 3) if self.body_words else 0.0


@dataclass(frozen=True)
class Analysis:
    """The result for one article; ``errors`` holds messages when it could not be analysed."""

    id: str
    article: Article | None
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    errors: tuple[str, ...] = field(default_factory=tuple)
    # Derived from the attributions by reportedly.provenance; one per attribution, in order.
    provenance: tuple[Provenance, ...] = ()
    voice: tuple[Voice, ...] = ()
    profile: Profile | None = None
    # What the limits that keep analysis linear changed (reportedly.bounds): a paragraph parsed
    # in pieces, long runs of punctuation read as tokens of 32 marks. The analysis is complete,
    # not failed.
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors
