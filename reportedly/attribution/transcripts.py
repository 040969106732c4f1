"""Transcript turns: a speaker label, a colon, and what that speaker said.

"WALLACE: Let's start with …", "Jon Hartley: Welcome to the podcast.", and "SACHA PFEIFFER,
HOST:" on a line of its own over the paragraph the host reads. The label is the source, the colon
the cue, and the turn the content: the rest of the line (or, for a label alone on its line, the
next paragraph) and the paragraphs after it up to the next label, since a turn runs over
paragraphs (PolNeAR's transcripts annotate it so). After the last label only its own line or
paragraph is read: the article may go on in its own voice.

Labels read as speech only where the article is a transcript, so that headings stay what they
are ("FIX IS IN: …", "Tech Enabled: …", "Gallery: …"):
- upper-case labels ("WALLACE", "UNIDENTIFIED PERSON #1") need two labelled lines in the article;
- mixed-case labels ("Jon Hartley") need two speakers and one of them speaking twice, counted by
  the label's last word so that "Hartley:" is Jon Hartley again: a heading that repeats
  ("Gallery:" twice) is one speaker only.
What a transcript shows but nobody is quoted saying is left out: a label that declares a newsroom
role ("SERGIO MARTINEZ-BELTRAN, BYLINE:", ", HOST:") is the outlet reading its own script, so
none of that speaker's turns is an attribution; a stage direction ("(SOUNDBITE OF …)",
"[Laughter]") ends a turn; a turn that is only a backchannel ("Yeah.") or only questions asserts
nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution, Span
from . import Block
from .blocks import article_lines, trimmed

_UPPER_WORD = r"[A-Z][A-Z.'’\-]+|[A-Z]\.?"
_UPPER = rf"(?:{_UPPER_WORD})(?: (?:{_UPPER_WORD})){{0,3}}(?: #\d+)?"
_PARTICLE = r"(?:de|da|del|der|van|von|al|bin|la|le)"
_NAME_WORD = r"[A-Z][a-z][\w'’\-]*\.?|[A-Z]['’][A-Z][a-z]+|[A-Z]\."
_MIXED = rf"(?:{_NAME_WORD})(?: (?:{_NAME_WORD}|{_PARTICLE})){{0,3}}"
# ", HOST", ", Nobel laureate", " (R-Texas)": a short role after the name, with no sentence in it.
_ROLE = r"(?P<role>,[ \t]+[^:\n.?!;\"“”]{1,50}?)?(?:[ \t]+\([^()\n]{1,40}\))?"
_TURN = re.compile(
    rf"[\"“]?(?:(?P<upper>{_UPPER})|(?P<mixed>{_MIXED})){_ROLE}(?P<colon>:)(?:[ \t]+(?=\S)|[ \t]*$)")
# Labels of layout, not of speakers (compared in upper case, on the label's first word too).
NOT_SPEAKERS = frozenset(
    """VIDEO WATCH UPDATE UPDATED BREAKING EXCLUSIVE PHOTO PHOTOS READ NOTE CORRECTION RELATED MORE
    SOURCE SOURCES CLAIM FACT VERDICT WARNING ALERT LIVE LISTEN AUDIO PODCAST DISCLOSURE GALLERY
    ANALYSIS DISCLAIMER FAQ FAQS SEE EDITOR'S EDITOR’S TRANSCRIPT CREDIT CREDITS IMAGE TAGS TOPICS
    SUMMARY BACKGROUND CONTEXT TIP TIPS Q A QUESTION ANSWER THE AN THIS OUR MY YOUR IN ON AT FOR
    BUT AND STEP PART CHAPTER""".split())
# Roles that make the label the newsroom's own voice.
NEWSROOM_ROLES = frozenset("HOST ANCHOR BYLINE CORRESPONDENT REPORTER NARRATOR MODERATOR".split())
_BACKCHANNEL = frozenset(
    "yeah yes yep yup no nope ok okay right sure uh um mm hmm mhm huh oh ah whoo wow thanks ph".split())
_STAGE = re.compile(r"[\"“]?\s*[(\[][^()\[\]]*[)\]][\s.\"”]*")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_MIN_TURNS = 2


@dataclass(frozen=True)
class _Label:
    line: int  # index of its line among the article's lines
    name: str
    start: int
    end: int
    colon: int
    said: tuple[int, int] | None  # the rest of the line, when there is one
    mixed: bool
    role: str

    @property
    def speaker(self) -> str:
        """Who speaks, by the label's last word: "Hartley" for "Jon Hartley" and "HARTLEY"."""
        return self.name.split()[-1].upper()


def read_turns(text: str, blocks: Sequence[Block], skip: Sequence[tuple[int, int]] = ()) -> list[Attribution]:
    """The turns of the article's transcript, if it is one; none otherwise.

    A label that starts inside one of the ``skip`` ranges (a dateline, "NEW DELHI:") is no label.
    """
    lines = article_lines(text, blocks)
    skipped = Intervals.of_pieces(skip)
    labels = [label for i, line in enumerate(lines) if (label := _label(text, i, *line)) is not None
              and not skipped.covers(label.start)]
    labels = _transcript_labels(labels)
    newsroom = {label.speaker for label in labels if NEWSROOM_ROLES & set(label.role.upper().split())}
    found = []
    for k, label in enumerate(labels):
        if label.speaker in newsroom:
            continue
        next_line = labels[k + 1].line if k + 1 < len(labels) else None
        pieces = _turn_pieces(text, lines, label, next_line)
        if not pieces or not _asserts(" ".join(text[a:b] for a, b in pieces)):
            continue
        found.append(Attribution("", "direct", Span.from_fragments(text, pieces),
                                 Span.of(text, label.start, label.end),
                                 Span.of(text, label.colon, label.colon + 1), origin="layout"))
    return found




def _label(text: str, index: int, start: int, end: int) -> _Label | None:
    match = _TURN.match(text, start, end)
    if match is None:
        return None
    group = "upper" if match["upper"] else "mixed"
    name = match[group]
    words = name.upper().replace("#", " ").split()
    if name.rstrip(".").upper() in NOT_SPEAKERS or words[0].rstrip(".") in NOT_SPEAKERS or len(name) < 2:
        return None
    if group == "mixed" and match["role"] and len(words) < 2:
        return None  # "However, he said:" is a sentence, not a one-word name with a role
    said = trimmed(text, match.end(), end)
    return _Label(index, name, match.start(group), match.end(group), match.start("colon"), said,
                  group == "mixed", (match["role"] or "").strip(", \t"))


def _transcript_labels(labels: list[_Label]) -> list[_Label]:
    """The labels that are speakers: those of the article's transcript, in reading order."""
    upper = [label for label in labels if not label.mixed]
    mixed = [label for label in labels if label.mixed]
    keep = upper if len(upper) >= _MIN_TURNS else []
    turns: dict[str, int] = {}
    for label in mixed:
        turns[label.speaker] = turns.get(label.speaker, 0) + 1
    if len(turns) >= 2 and max(turns.values()) >= 2:
        keep = keep + mixed
    return sorted(keep, key=lambda label: label.start)


def _turn_pieces(text: str, lines: list[tuple[int, int]], label: _Label, next_line: int | None) -> list[tuple[int, int]]:
    """The stretches of one turn: its line's rest, then the lines up to the next label."""
    pieces = [label.said] if label.said else []
    last = next_line if next_line is not None else (label.line + 1 if label.said else label.line + 2)
    for start, end in lines[label.line + 1 : last]:
        if _STAGE.fullmatch(text, start, end):
            break
        # A quoted transcript reopens its quote mark on every paragraph: the mark is the quoting's.
        while start < end and text[start] in "\"“":
            start += 1
        piece = trimmed(text, start, end)
        if piece:
            pieces.append(piece)
    return pieces


def _asserts(said: str) -> bool:
    """Whether a turn says something: not only a backchannel ("Yeah.") nor only questions."""
    plain = _PARENTHESES.sub(" ", said)
    words = re.findall(r"[\w']+", plain.lower())
    if not words or all(w in _BACKCHANNEL for w in words):
        return False
    sentences = [s.strip(" \"'”’)]") for s in re.split(r"(?<=[.?!])\s+", plain.strip()) if s.strip(" \"'”’)]")]
    return not all(s.endswith("?") for s in sentences)
