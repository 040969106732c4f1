"""Article text to highlighted segments: the one place spans become marked-up pieces of text.

The page shows the article text exactly as analysed, so every mark is anchored to the same
character offsets as the JSON. Spans may overlap (a hedge inside a quoted content, a cue inside a
mixed quote), so the text is cut at every span boundary and each piece carries the set of roles
and attribution ids that cover it. The template escapes each piece; nothing here builds HTML.
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

# Roles in the order their colours should win when several cover the same piece.
ROLES = ("source", "cue", "content", "denial", "hedge", "evaluative", "boilerplate")


@dataclass(frozen=True)
class Mark:
    """One role over ``start..end`` of the text, optionally tied to an attribution id."""

    start: int
    end: int
    role: str
    attribution: str | None = None


@dataclass
class Segment:
    """A run of text covered by exactly the same marks."""

    text: str
    start: int
    roles: list[str] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{r}" for r in self.roles)


def _pieces(span: dict | None) -> list[tuple[int, int]]:
    if not span:
        return []
    if "start" not in span and isinstance(span.get("span"), dict):
        span = span["span"]  # a marker written as {"type": ..., "span": SPAN}
    return [tuple(f) for f in span.get("fragments") or [(span["start"], span["end"])]]


def marks_of(analysis: dict) -> list[Mark]:
    """Every mark of an analysis dict (``reportedly/1``, with provenance fields when present)."""
    marks: list[Mark] = []
    for att in analysis.get("attributions", []):
        for role in ("source", "cue", "content"):
            for a, b in _pieces(att.get(role)):
                marks.append(Mark(a, b, role, att["id"]))
        epistemic = att.get("epistemic") if isinstance(att.get("epistemic"), dict) else {}
        for marker in att.get("markers") or epistemic.get("markers") or []:
            for a, b in _pieces(marker):
                marks.append(Mark(a, b, _marker_role(marker), att["id"]))
    article = analysis.get("article") or {}
    # The outlet's own hedges and evaluative words, outside any attribution.
    own = list(analysis.get("markers") or [])
    for sentence in analysis.get("voice") or []:
        own += sentence.get("markers") or []
    for marker in own:
        for a, b in _pieces(marker):
            marks.append(Mark(a, b, _marker_role(marker)))
    for span in article.get("boilerplate") or []:
        for a, b in _pieces(span):
            marks.append(Mark(a, b, "boilerplate"))
    return marks


def _marker_role(marker: dict) -> str:
    kind = str(marker.get("type") or marker.get("kind") or "hedge").lower()
    if kind.startswith(("eval", "loaded", "stance")):
        return "evaluative"
    # A denial says the opposite of a hedge ("denied" vs "may have"): drawn apart, never alike.
    return "denial" if kind.startswith(("deni", "negat")) else "hedge"


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each segment lists the roles and attributions over it."""
    n = len(text)
    cuts = {0, n}
    for m in marks:
        cuts.add(max(0, min(n, m.start)))
        cuts.add(max(0, min(n, m.end)))
    bounds = sorted(cuts)
    # A sweep from left to right: marks join when the segment reaches their start and leave
    # once it passes their end, instead of every mark being tried for every segment (that was
    # quadratic: minutes for an article of thousands of attributions).
    pending = sorted(marks, key=lambda m: m.start)
    ending: list[tuple[int, int]] = []  # (end, index in pending) of the marks that joined
    roles_over: Counter = Counter()
    atts_over: Counter = Counter()
    joined = 0
    out: list[Segment] = []
    for a, b in zip(bounds, bounds[1:]):
        while joined < len(pending) and pending[joined].start <= a:
            heapq.heappush(ending, (pending[joined].end, joined))
            roles_over[pending[joined].role] += 1
            atts_over[pending[joined].attribution] += 1
            joined += 1
        while ending and ending[0][0] < b:
            m = pending[heapq.heappop(ending)[1]]
            roles_over[m.role] -= 1
            atts_over[m.attribution] -= 1
        roles = [r for r in ROLES if roles_over[r] > 0]
        atts = sorted((att for att, count in atts_over.items() if att and count > 0), key=_id_key)
        out.append(Segment(text[a:b], a, roles, atts))
    return out


def _id_key(att_id: str) -> tuple[int, str]:
    digits = "".join(c for c in att_id if c.isdigit())
    return (int(digits) if digits else 0, att_id)
