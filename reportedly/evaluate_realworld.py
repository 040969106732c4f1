"""Scoring analyses against the text-anchored real-world gold set (docs/realworld-gold.md).

The gold names each statement by text (speaker, type, source, cue, content), not by offsets, so
it survives changes to the HTML reader. Scoring works in word space: the article text and each
gold content are cut into lower-cased words (``\\w+``, apostrophes folded), a content is found as
a run of words (its ``occurrence``-th one), and an attribution's content is the set of word
positions its pieces cover. Quote marks, dashes and spacing never matter.

- an output is **real** when most of the shorter of it and some gold content is shared: the
  overlap is at least half the words of the smaller of the two (a content cut short or run long
  still names a real statement); **strict** when, in addition, the two contents have word
  Jaccard >= 0.5 and the source is right (its speaker is right, or its source words are the
  gold source's);
- a gold statement is **found** when some output is real against it;
- the **speaker** of a found statement (the best output by Jaccard) is ``right`` (same entity,
  compatible type), ``unknown`` (no name where the gold has one, or type unknown) or ``wrong``;
- a direct quote of six or more words is **misattributed** when any output matching it names a
  speaker who is not the gold's.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .errors import InputError

SPEAKER_TYPES = ("person", "organization", "outlet", "document", "anonymous", "group")
KINDS = ("direct", "indirect", "mixed")
ACTS = ("speech", "writing", "thought", "finding", "other")
# Types that say the same thing about who is speaking when nobody is named: "officials",
# "the committee", "a source" are told apart differently by careful annotators.
_UNNAMED = frozenset({"anonymous", "group", "organization"})
_WORD = re.compile(r"\w+")
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir the".split())
MIN_QUOTE_WORDS = 6


@dataclass(frozen=True)
class GoldStatement:
    speaker: str | None
    type: str
    source: str | None
    cue: str | None
    pieces: tuple[str, ...]
    kind: str
    act: str
    aliases: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    occurrence: int = 1


@dataclass(frozen=True)
class GoldArticle:
    id: str
    page: str
    layout: str
    statements: tuple[GoldStatement, ...]


@dataclass(frozen=True)
class Output:
    """One attribution as scoring sees it: content pieces (offsets) and who it names."""

    pieces: tuple[tuple[int, int], ...]
    source: str | None
    speaker: str | None
    type: str
    kind: str
    confidence: float | None = None
    act: str | None = None


def load_gold(folder: Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file under ``folder``, checked against the format."""
    articles = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        statements = []
        for i, st in enumerate(data.get("statements", [])):
            where = f"{path.name} statement {i}"
            if st.get("type") not in SPEAKER_TYPES or st.get("kind") not in KINDS or st.get("act") not in ACTS:
                raise InputError(f"{where}: type, kind or act is not one of the guideline's values")
            content = st["content"]
            pieces = tuple(content) if isinstance(content, list) else (content,)
            statements.append(GoldStatement(
                st.get("speaker"), st["type"], st.get("source"), st.get("cue"), pieces, st["kind"], st["act"],
                tuple(st.get("aliases", ())), tuple(st.get("via", ())), int(st.get("occurrence", 1))))
        articles.append(GoldArticle(path.stem, data["page"], data.get("layout", "news"), tuple(statements)))
    return articles


def words_of(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of every word of ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text.replace("’", "'"))]


def _find_run(words: Sequence[str], run: Sequence[str], occurrence: int) -> int | None:
    seen = 0
    for i in range(len(words) - len(run) + 1):
        if words[i] == run[0] and list(words[i : i + len(run)]) == list(run):
            seen += 1
            if seen == occurrence:
                return i
    return None


def anchor(text: str, statement: GoldStatement) -> frozenset[int] | None:
    """Word positions of the statement's content in ``text``; None when a piece is not there."""
    words = [w for _, _, w in words_of(text)]
    positions: set[int] = set()
    for piece in statement.pieces:
        run = [w for _, _, w in words_of(piece)]
        if not run:
            continue
        at = _find_run(words, run, statement.occurrence)
        if at is None and statement.occurrence > 1:
            at = _find_run(words, run, 1)
        if at is None:
            return None
        positions.update(range(at, at + len(run)))
    return frozenset(positions)


def covered(pieces: Iterable[tuple[int, int]], text_words: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """Word positions at least half covered by the character ``pieces``."""
    ids = set()
    for i, (ws, we, _) in enumerate(text_words):
        for a, b in pieces:
            if ws < b and we > a and (min(we, b) - max(ws, a)) * 2 >= (we - ws):
                ids.add(i)
                break
    return frozenset(ids)


def _name_words(name: str | None) -> list[str]:
    if not name:
        return []
    words = [w for _, _, w in words_of(name)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return [w for w in words if w not in _HONORIFICS and w != "s"]


def names_match(system: str, gold: GoldStatement) -> bool:
    """The system's name denotes the gold speaker: all its words are in the gold name or an alias."""
    said = set(_name_words(system))
    if not said:
        return False
    for name in (gold.speaker, *gold.aliases):
        if name and said <= set(_name_words(name)):
            return True
    # An unnamed spokesperson "for Apple": naming Apple names the right entity.
    return gold.speaker is None and gold.source is not None and said <= set(_name_words(gold.source))


def speaker_verdict(out: Output, gold: GoldStatement) -> str:
    """``right``, ``unknown`` or ``wrong`` for the speaker the output names."""
    if out.speaker:
        if not names_match(out.speaker, gold):
            return "wrong"
        if gold.speaker is None or out.type == gold.type:
            return "right"
        # The right name with the wrong type (a person typed as an organisation) is wrong;
        # with no type at all, it is not a claim about the type.
        return "unknown" if out.type == "unknown" else "wrong"
    if gold.speaker is not None or out.type == "unknown":
        return "unknown"
    if out.type == gold.type or {out.type, gold.type} <= _UNNAMED:
        return "right"
    return "wrong"


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def overlap(a: frozenset, b: frozenset) -> float:
    """The share of the smaller set that the two share."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@dataclass
class Tally:
    """Counts over articles; ``rows`` feed the reliability table (confidence, real, strict)."""

    outputs: int = 0
    real: int = 0
    strict: int = 0
    gold: int = 0
    found: int = 0
    direct: int = 0
    direct_found: int = 0
    speaker: dict = field(default_factory=lambda: {"right": 0, "unknown": 0, "wrong": 0})
    quotes: int = 0
    misattributed: int = 0
    unanchored: int = 0
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("outputs", "real", "strict", "gold", "found", "direct", "direct_found", "quotes",
                     "misattributed", "unanchored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key in self.speaker:
            self.speaker[key] += other.speaker[key]
        self.rows += other.rows
        self.errors += other.errors

    def figures(self) -> dict:
        def share(a, b):
            return round(a / b, 3) if b else None

        judged = sum(self.speaker.values())
        return {
            "outputs": self.outputs, "gold": self.gold,
            "precision": share(self.real, self.outputs),
            "strict_precision": share(self.strict, self.outputs),
            "recall": share(self.found, self.gold),
            "direct_recall": share(self.direct_found, self.direct),
            "speaker_right": share(self.speaker["right"], judged),
            "speaker_unknown": share(self.speaker["unknown"], judged),
            "speaker_wrong": share(self.speaker["wrong"], judged),
            "misattribution": share(self.misattributed, self.quotes),
            "quotes": self.quotes, "misattributed": self.misattributed, "unanchored": self.unanchored,
        }


def score_article(text: str, gold: GoldArticle, outputs: Sequence[Output]) -> Tally:
    """Score one article's outputs against its gold statements."""
    tally = Tally()
    text_words = words_of(text)
    anchored = []
    for st in gold.statements:
        ids = anchor(text, st)
        if ids is None:
            tally.unanchored += 1
            tally.errors.append((gold.id, "unanchored", st.pieces[0][:80], ""))
            continue
        anchored.append((st, ids))
    out_ids = [covered(o.pieces, text_words) for o in outputs]
    tally.outputs = len(outputs)
    for out, ids in zip(outputs, out_ids):
        best = max(anchored, key=lambda g: (jaccard(ids, g[1]), overlap(ids, g[1])), default=None)
        real = best is not None and overlap(ids, best[1]) >= 0.5
        strict = False
        if real:
            st = best[0]
            source_right = speaker_verdict(out, st) == "right" or (
                st.source is not None and out.source is not None
                and [w for *_, w in words_of(out.source)] == [w for *_, w in words_of(st.source)])
            strict = jaccard(ids, best[1]) >= 0.5 and source_right
        tally.real += real
        tally.strict += strict
        tally.rows.append((out.confidence, real, strict))
        if not real:
            tally.errors.append((gold.id, "junk", _text_of(text, out.pieces), out.speaker or out.source or ""))
    for st, ids in anchored:
        tally.gold += 1
        is_quote = st.kind == "direct"
        tally.direct += is_quote
        matches = [(out, jaccard(o_ids, ids)) for out, o_ids in zip(outputs, out_ids) if overlap(o_ids, ids) >= 0.5]
        if not matches:
            tally.errors.append((gold.id, "missed", " … ".join(st.pieces)[:100], st.speaker or st.type))
            continue
        tally.found += 1
        tally.direct_found += is_quote
        best = max(matches, key=lambda m: m[1])[0]
        verdict = speaker_verdict(best, st)
        tally.speaker[verdict] += 1
        if verdict != "right":
            tally.errors.append((gold.id, f"speaker-{verdict}", " … ".join(st.pieces)[:80],
                                 f"gold {st.speaker} ({st.type}) / ours {best.speaker} ({best.type})"))
        if is_quote and len(ids) >= MIN_QUOTE_WORDS:
            tally.quotes += 1
            if any(out.speaker and not names_match(out.speaker, st) for out, _ in matches):
                tally.misattributed += 1
                tally.errors.append((gold.id, "misattributed", " … ".join(st.pieces)[:80],
                                     f"gold {st.speaker or st.type}"))
    return tally


def _text_of(text: str, pieces) -> str:
    return " … ".join(text[a:b] for a, b in pieces)[:100]


def outputs_of(analysis: dict) -> list[Output]:
    """The attributions of one ``reportedly/1`` JSON object, as scoring sees them."""
    found = []
    for att in analysis.get("attributions", []):
        content = att["content"]
        pieces = tuple(tuple(p) for p in content.get("fragments") or [[content["start"], content["end"]]])
        speaker = att.get("speaker") or {}
        found.append(Output(pieces, (att.get("source") or {}).get("text"), speaker.get("name"),
                            speaker.get("type", "unknown"), att["kind"], att.get("confidence"), att.get("act")))
    return found


def reliability(rows: Sequence[tuple], edges: Sequence[float] = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[dict]:
    """Per confidence bin: how many outputs, their mean confidence and the share that is real."""
    table = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [r for r in rows if r[0] is not None and lo <= r[0] < hi]
        if inside:
            table.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                          "confidence": round(sum(r[0] for r in inside) / len(inside), 3),
                          "real": round(sum(r[1] for r in inside) / len(inside), 3),
                          "strict": round(sum(r[2] for r in inside) / len(inside), 3)})
    return table
