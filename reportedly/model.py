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
class Paragraph:
    """A block of article text that is analysed; ``role`` is title, dek or body."""

    start: int
    end: int
    role: str = "body"


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
    url: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    image_credits: tuple[str, ...] = ()
    language: str | None = None
    # Lines the reader recognised as boilerplate (bylines, credits, "Advertisement", stamps):
    # kept so a reader can see what was left out, never analysed.
    boilerplate: tuple[Span, ...] = ()
    source_path: str | None = None


@dataclass(frozen=True)
class Entity:
    """A named entity found by spaCy (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Attribution:
    """Who (source) said (cue) what (content). Source and cue may be missing; content may not."""

    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    source: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True)
class Analysis:
    """The result for one article; ``errors`` holds messages when it could not be analysed."""

    id: str
    article: Article | None
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    errors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.errors
