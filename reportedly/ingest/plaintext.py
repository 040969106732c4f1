"""Reading scraped plain text: title, dek, bylines, credits, stamps, boilerplate and body.

Scraped articles keep the page furniture as lines of their own ("Advertisement",
"Reported by: …", "IMAGE: AP | Image:self", "Updated … IST"). Each line is classified on its
own; boilerplate lines are recorded as spans and never analysed. The title is the first
remaining block when it is one short line; the dek is the block after it when page furniture
(a byline, credit or stamp) follows it, the way article headers are laid out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

from ..errors import InputError
from ..model import Article, Omission, Paragraph
from .credits import is_credit
from .decode import whole_characters
from .mojibake import repair_mojibake
from .timestamps import UPDATE_LABEL, checked_update, parse_timestamp

_BYLINE = re.compile(
    r"^(?:(?:reported|written|posted|edited|compiled)\s+by|by)\s*[:\-]?\s+(?P<names>.+?)\s*$", re.I
)
_CREDIT = re.compile(
    r"^(?:image|images|photo|photos|photograph|picture|pic|credit|image credit|photo credit)s?\s*:\s*(?P<credit>.+)$",
    re.I,
)
_STAMP = re.compile(
    r"^(?P<which>updated|last updated|published|first published|posted|modified)(?:\s+on)?\s*:?\s*(?P<when>.+)$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|sponsored|ad|story continues below(?: advertisement)?"
    r"|also read\b.*|read more\b.*|read also\b.*|related\b\s*:.*|recommended\b\s*:.*"
    r"|share(?: this(?: article| story)?)?(?: on\b.*)?|follow us on\b.*|click here\b.*"
    r"|subscribe\b.*|sign up for\b.*|listen to this article.*|copy link|print|email"
    r"|(?:share on )?(?:facebook|twitter|whatsapp|linkedin|telegram)(?:\s*[|,/]\s*\w+)*)\s*$",
    re.I,
)
# Credit values that name no one ("Image:self" is a site's own upload marker).
_EMPTY_CREDITS = {"self", "file", "representative", "representative image", "representational image"}
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")

TITLE_MAX_WORDS = 30
DEK_MAX_WORDS = 80


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    kind: str  # text | byline | credit | stamp | boilerplate
    value: str = ""


# What each kind of line left out of the analysis is, as ``Article.boilerplate`` says it.
_REASONS = {"byline": "the byline", "credit": "an image credit", "stamp": "a date stamp",
            "boilerplate": "page furniture (an ad, a share or sign-up prompt, a credit)"}


def _classify(line: str) -> tuple[str, str]:
    stripped = line.strip()
    if _BOILERPLATE.match(stripped):
        return "boilerplate", ""
    match = _STAMP.match(stripped)
    if match and re.search(r"\d", match.group("when")):
        return "stamp", stripped
    match = _CREDIT.match(stripped)
    if match:
        return "credit", match.group("credit")
    if is_credit(stripped):
        # An unlabelled credit ("(AP Photo/Evan Vucci)", "Jane Doe/Getty Images"), or a caption
        # closed by one: the same form rule as for web pages, so both readers keep a sentence
        # that merely ends "according to the Associated Press".
        return "boilerplate", ""
    match = _BYLINE.match(stripped)
    if match and len(match.group("names").split()) <= 12 and not stripped.endswith("."):
        return "byline", match.group("names")
    return "text", ""


def _lines(text: str) -> list[_Line | None]:
    """Every non-empty line, classified; None stands for a blank line (a block break)."""
    out: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            out.append(None)
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = start + lead, start + len(raw.rstrip())
        kind, value = _classify(raw)
        out.append(_Line(start, end, kind, value))
    return out


def _blocks(lines: list[_Line | None]) -> list[tuple[int, int] | str]:
    """Runs of text lines as (start, end); page furniture between them as the marker "meta"."""
    blocks: list[tuple[int, int] | str] = []
    current: list[_Line] = []
    for line in lines + [None]:
        if line is not None and line.kind == "text":
            current.append(line)
            continue
        if current:
            blocks.append((current[0].start, current[-1].end))
            current = []
        if line is not None:
            blocks.append("meta")
    return blocks


def split_names(names: str) -> list[str]:
    """"Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]."""
    return [n.strip(" .") for n in _NAME_SPLIT.split(names) if n.strip(" .")]


def _credits(value: str) -> list[str]:
    out = []
    for part in re.split(r"\s*[|;/]\s*", value):
        part = re.sub(r"^(?:image|photo|credit|source)\s*:\s*", "", part.strip(), flags=re.I).strip(" .")
        if part and part.lower() not in _EMPTY_CREDITS:
            out.append(part)
    return out


# Each label on a stamp line opens the stamp it names: "Updated Nov 20, 2024, first published
# Nov 19, 2024" gives both, each by its own label.
_STAMP_LABEL = re.compile(
    r"\b(?:last |first |originally )?(?:updated|published|posted|modified)(?:\s+on)?\s*:?", re.I)


def _stamps(line: str, zone: tzinfo | None) -> list[tuple[bool, datetime]]:
    """``(is_update, when)`` for each labelled stamp of a stamp line that parses."""
    labels = list(_STAMP_LABEL.finditer(line))
    out = []
    for label, nxt in zip(labels, labels[1:] + [None]):
        when = parse_timestamp(line[label.end(): nxt.start() if nxt else len(line)].strip(" ,;|-–"), zone)
        if when is not None:
            out.append((bool(UPDATE_LABEL.search(label.group())), when))
    return out


def read_plaintext(text: str, id: str, *, zone: tzinfo | None = None, source_path: str | None = None) -> Article:
    """Read scraped plain text into an Article; ``zone`` resolves time stamps (see timestamps)."""
    text = repair_mojibake(whole_characters(text))
    lines = _lines(text)
    if not any(line is not None and line.kind == "text" for line in lines):
        raise InputError(f"{id}: no article text, only page furniture")
    bylines: list[str] = []
    credits: list[str] = []
    boilerplate: list[Omission] = []
    published = updated = None
    for line in lines:
        if line is None or line.kind == "text":
            continue
        boilerplate.append(Omission(line.start, line.end, text[line.start:line.end],
                                    reason=_REASONS[line.kind]))
        if line.kind == "byline":
            bylines += [n for n in split_names(line.value) if n not in bylines]
        elif line.kind == "credit":
            credits += [c for c in _credits(line.value) if c not in credits]
        elif line.kind == "stamp":
            for is_update, when in _stamps(line.value, zone):
                if is_update:
                    updated = updated or when
                else:
                    published = published or when
    # An update earlier than the publication is no update of it (see timestamps.checked_update).
    updated = checked_update(published, updated)

    blocks = _blocks(lines)
    text_blocks = [b for b in blocks if b != "meta"]
    roles = ["body"] * len(text_blocks)
    first = blocks.index(text_blocks[0])
    title = dek = None
    if len(text_blocks) > 1 and _is_heading(text, text_blocks[0], TITLE_MAX_WORDS):
        roles[0] = "title"
        title = _one_line(text, text_blocks[0])
        nxt = first + 1
        follows_meta = nxt + 1 < len(blocks) and blocks[nxt + 1] == "meta"
        if (
            len(text_blocks) > 2
            and blocks[nxt] != "meta"
            and follows_meta
            and _is_heading(text, text_blocks[1], DEK_MAX_WORDS)
        ):
            roles[1] = "dek"
            dek = _one_line(text, text_blocks[1])
    paragraphs = tuple(Paragraph(s, e, role) for (s, e), role in zip(text_blocks, roles))
    return Article(
        id=id,
        text=text,
        paragraphs=paragraphs,
        title=title,
        dek=dek,
        bylines=tuple(bylines),
        published=published,
        updated=updated,
        image_credits=tuple(credits),
        boilerplate=tuple(boilerplate),
        source_path=source_path,
    )


def _is_heading(text: str, block: tuple[int, int], max_words: int) -> bool:
    chunk = text[block[0] : block[1]]
    return "\n" not in chunk and len(chunk.split()) <= max_words


def _one_line(text: str, block: tuple[int, int]) -> str:
    return " ".join(text[block[0] : block[1]].split())
