"""Attributions marked by layout instead of a verb: signed quotes and transcript turns.

Vox pops, testimonials, fact-check columns and embedded posts sign a quote: "“…” ― Sonya
Herridge", a line "- Bernie Sanders." under the quote, "— Name (@handle) date" after a post.
Transcripts give each turn a speaker label: "WALLACE: Let's start with …". The dash or the
colon is the cue, the name or the label the source. Neither the CRFs (PolNeAR train has 11 dash
cues and a few transcripts) nor the verb rules know these forms.

To keep ordinary prose out, a signed text must be a whole quote, mark to mark, unless the
signature carries a social-media handle ("… and the winner was — Donald Trump." is no signed
quote); a speaker label is one to three upper-case words, and an article needs two labelled
lines to be read as a transcript ("VIDEO: …" or a headline "FIX IS IN: …" alone is none).
"""
from __future__ import annotations

import dataclasses

import re
from typing import Sequence

from ..model import Attribution, Span
from . import Block
from .blocks import block_ranges

_DASH = r"(?:―|—|–|--|-)"
_SPACE = r"[^\S\n]"  # any space but a line break, the no-break space included
_PARTICLE = r"(?:de|da|del|der|van|von|al|bin|la|le)"
_NAME = rf"[A-Z][\w'’\-]*\.?(?:{_SPACE}+(?:[A-Z][\w'’\-]*\.?|{_PARTICLE})){{0,4}}"
# After the name: nothing, a full stop, ", a role or a place", or "(@handle) and a date".
_HANDLE = rf"{_SPACE}*\(@\w+\)[^\n]{{0,40}}"
_TAIL = rf"(?P<handle>{_HANDLE})|{_SPACE}*,[^\n]{{1,80}}|{_SPACE}*\.?"
_SIGNATURE = re.compile(rf"(?P<dash>{_DASH}){_SPACE}*(?P<name>{_NAME})(?:{_TAIL}){_SPACE}*$")
_OWN_LINE = re.compile(rf"^{_SPACE}*{_SIGNATURE.pattern}")
_OPENING = "\"“”‘'«"
_CLOSING = "\"”“’'»"
_MAX_SIGNATURE_WORDS = 12
# "WALLACE: …", "JAKE TAPPER: …", possibly inside the quote marks of a quoted transcript.
_TURN = re.compile(r"[\"“]?(?P<label>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]*){0,2})(?P<colon>:)[^\S\n]+(?=\S)")
# Labels of layout, not of speakers.
_NOT_SPEAKERS = frozenset(
    "VIDEO WATCH UPDATE UPDATED BREAKING EXCLUSIVE PHOTO PHOTOS READ NOTE CORRECTION RELATED MORE "
    "SOURCE SOURCES CLAIM FACT VERDICT WARNING ALERT LIVE LISTEN AUDIO PODCAST DISCLOSURE".split())
_MIN_TURNS = 2


class LayoutExtractor:
    """Attributions of signed quotes and of transcript turns, read line by line."""

    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        found = []
        lines = [line for start, end in block_ranges(blocks) for line in _lines(text, start, end)]
        for index, (start, end) in enumerate(lines):
            made = _signed_here(text, start, end)
            if made is None and index > 0:
                made = _signed_above(text, lines[index - 1], start, end)
            if made is not None:
                found.append(made)
        turns = [turn for start, end in lines if (turn := _turn(text, start, end)) is not None]
        if len(turns) >= _MIN_TURNS:
            found.extend(turns)
        return sorted((dataclasses.replace(att, origin="layout") for att in found), key=lambda att: att.cue.start)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]``: vox pops often come one per line."""
    out = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            out.append((start + match.start(), start + match.end()))
    return out


def _signed_here(text: str, start: int, end: int) -> Attribution | None:
    """A line that ends with its own signature: ``“…” ― Name``."""
    line = text[start:end]
    match = _SIGNATURE.search(line)
    if match is None or match.start() == 0:
        return None
    # A hyphen glued to the word before it joins words ("well-Known"); the bar "―" never does.
    if not line[match.start() - 1].isspace() and match["dash"] != "―":
        return None
    body = _strip(text, start, start + match.start())
    if body is None or not (_is_whole_quote(text, *body) or match["handle"]):
        return None
    return _attribution(text, body, match, start)


def _signed_above(text: str, above: tuple[int, int], start: int, end: int) -> Attribution | None:
    """A line that is only a signature, under the quote it signs: ``- Bernie Sanders.``"""
    line = text[start:end]
    match = _OWN_LINE.match(line)
    if match is None or len(line.split()) > _MAX_SIGNATURE_WORDS:
        return None
    body = _strip(text, *above)
    if body is None or not _is_whole_quote(text, *body):
        return None
    return _attribution(text, body, match, start)


def _turn(text: str, start: int, end: int) -> Attribution | None:
    """A transcript turn: a speaker label, a colon, and what the speaker said on that line."""
    match = _TURN.match(text, start, end)
    if match is None or match["label"].rstrip(".") in _NOT_SPEAKERS:
        return None
    said = _strip(text, match.end(), end)
    if said is None:
        return None
    return Attribution("", "direct", Span.of(text, *said), Span.of(text, *match.span("label")),
                       Span.of(text, *match.span("colon")))


def _attribution(text: str, body: tuple[int, int], signature: re.Match, line_start: int) -> Attribution:
    """The signed quote: ``body`` said by the signature's name, the dash its cue."""
    name_start, name_end = (line_start + i for i in signature.span("name"))
    last = text[name_start:name_end].split()[-1]
    if last.endswith(".") and len(last) > 3:
        name_end -= 1  # "Sanders." ends a sentence; "Jr." and "F." keep their point
    dash_start, dash_end = (line_start + i for i in signature.span("dash"))
    return Attribution("", "direct", Span.of(text, *body), Span.of(text, name_start, name_end),
                       Span.of(text, dash_start, dash_end))


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_whole_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens and closes with a quote mark and holds a few words."""
    inner = text[start:end]
    return (len(inner) > 2 and inner[0] in _OPENING and inner[-1] in _CLOSING
            and len(inner.split()) >= 3)
