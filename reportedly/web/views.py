"""Page data: what each page shows, computed from analysis dicts (``reportedly/1``).

Every page renders one of these dicts, and its JSON twin returns the same dict, so the page and
the API can never disagree. Provenance fields (``speaker``, ``chain``, ``via``, ``markers``,
``profile``) are shown when the analysis has them and simply left out when it does not.
"""
from __future__ import annotations

from collections import Counter

from ..provenance.confidence import DISPLAY_THRESHOLD
from .highlight import marks_of, segments

UNNAMED = "(no named source)"


def chain_names(att: dict) -> list[str]:
    """The chain outlet › … › speaker of an attribution, as names; empty without provenance."""
    names = []
    for link in att.get("chain") or []:
        name = link.get("name") if isinstance(link, dict) else link
        if name:
            names.append(str(name))
    return names


def speaker_name(att: dict) -> str:
    """Who an attribution is credited to: the resolved speaker, else the source text."""
    speaker = att.get("speaker")
    if isinstance(speaker, dict):
        mention = speaker.get("mention") if isinstance(speaker.get("mention"), dict) else {}
        label = speaker.get("label") or speaker.get("name") or speaker.get("description") or mention.get("text")
        if label:
            return str(label)
    source = att.get("source")
    return source["text"] if source else UNNAMED


def statement(att: dict) -> dict:
    """One attribution as the side panel lists it."""
    speaker = att.get("speaker") if isinstance(att.get("speaker"), dict) else None
    return {
        "id": att["id"],
        "kind": att["kind"],
        "speaker": speaker_name(att),
        "speaker_type": speaker.get("type") if speaker else None,
        "speaker_role": speaker.get("role") if speaker else None,
        "source": att["source"]["text"] if att.get("source") else None,
        "cue": att["cue"]["text"] if att.get("cue") else None,
        "content": att["content"]["text"],
        "start": att["content"]["start"],
        "chain": chain_names(att),
        "via": list(att.get("via") or []),
        "status": (att.get("epistemic") or {}).get("status") if isinstance(att.get("epistemic"), dict) else None,
        "act": att.get("act"),
        "confidence": att.get("confidence"),
    }


def group_by_speaker(attributions: list[dict]) -> list[dict]:
    """Statements grouped by speaker, speakers in order of first appearance."""
    groups: dict[str, list[dict]] = {}
    for att in attributions:
        s = statement(att)
        groups.setdefault(s["speaker"], []).append(s)
    return [
        {"speaker": name, "type": items[0]["speaker_type"], "role": items[0]["speaker_role"], "statements": items}
        for name, items in groups.items()
    ]


def profile_bars(analysis: dict) -> dict:
    """The sourcing chart: from the provenance ``profile`` when present, else counts by kind.

    With a profile: statements by speaker type as bars, the share of body words in attributed
    speech, the longest chain and the profile's findings. Values are shown as given.
    """
    profile = analysis.get("profile")
    if isinstance(profile, dict) and profile:
        by_type = profile.get("statements_by_type")
        pairs = sorted(by_type.items(), key=lambda kv: -kv[1]) if isinstance(by_type, dict) else list(_numbers(profile))
        bars = _scaled([{"label": str(k).replace("_", " "), "value": v} for k, v in pairs if isinstance(v, (int, float))])
        words = profile.get("words") if isinstance(profile.get("words"), dict) else {}
        longest = profile.get("longest_chain") if isinstance(profile.get("longest_chain"), dict) else {}
        facts = [(label, profile[key]) for key, label in (
            ("statements", "statements"), ("named_on_record", "named on the record"),
            ("anonymous", "anonymous"), ("second_hand", "second-hand (via another outlet)"),
        ) if isinstance(profile.get(key), (int, float))]
        return {
            "title": "Sourcing profile",
            "from_provenance": True,
            "bars_title": "Statements by speaker type" if isinstance(by_type, dict) else None,
            "bars": bars,
            "facts": facts,
            "attributed_share": words.get("attributed_share"),
            "longest_chain": [str(n) for n in longest.get("chain") or []],
            "outlets_relayed": [str(n) for n in profile.get("outlets_relayed") or []],
            "findings": [str(f) for f in profile.get("findings") or []],
        }
    kinds = Counter(a["kind"] for a in analysis.get("attributions", []))
    named = sum(1 for a in analysis.get("attributions", []) if a.get("source"))
    bars = [{"label": k, "value": kinds.get(k, 0)} for k in ("direct", "indirect", "mixed")]
    bars.append({"label": "with a source", "value": named})
    return {"title": "Attributions by kind", "from_provenance": False, "bars_title": None, "bars": _scaled(bars),
            "facts": [], "attributed_share": None, "longest_chain": [], "outlets_relayed": [], "findings": []}


def _scaled(bars: list[dict]) -> list[dict]:
    top = max((abs(b["value"]) for b in bars), default=0) or 1
    return [dict(b, width=round(100 * abs(b["value"]) / top, 1)) for b in bars]


def _numbers(mapping: dict, prefix: str = ""):
    for key, value in mapping.items():
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            yield prefix + str(key), value
        elif isinstance(value, dict):
            yield from _numbers(value, f"{prefix}{key} ")


def shown(analysis: dict, show_all: bool = False) -> list[dict]:
    """The attributions shown by default: confidence at or above the display threshold.

    An analysis made before confidences existed (no ``confidence`` field) shows everything.
    """
    return [a for a in analysis.get("attributions", [])
            if show_all or a.get("confidence") is None or a["confidence"] >= DISPLAY_THRESHOLD]


def _with_stops(segs) -> list[dict]:
    """Segments as dicts; the first segment of each attribution is a keyboard stop (``stop``)."""
    seen: set[str] = set()
    out = []
    for s in segs:
        new = [a for a in s.attributions if a not in seen]
        seen.update(new)
        out.append({"start": s.start, "text": s.text, "roles": s.roles, "attributions": s.attributions,
                    "stop": new[0] if new else None})
    return out


def article_page(analysis: dict, show_all: bool = False) -> dict:
    """Everything the article page shows: the analysis itself plus what is derived for display.

    Highlights and the statement list hold what ``shown`` keeps; ``held_back`` counts the rest
    (the page offers them with ``?all=1``). ``analysis`` is always complete.
    """
    article = analysis.get("article") or {}
    text = article.get("text") or ""
    visible = shown(analysis, show_all)
    segs = segments(text, marks_of(dict(analysis, attributions=visible)))
    return {
        "ok": True,
        "analysis": analysis,
        "show_all": show_all,
        "threshold": DISPLAY_THRESHOLD,
        "held_back": len(analysis.get("attributions", [])) - len(visible),
        "statements": {a["id"]: statement(a) for a in visible},
        "speakers": group_by_speaker(visible),
        "profile": profile_bars(analysis),
        "has_provenance": any("chain" in a or "speaker" in a for a in analysis.get("attributions", [])),
        "roles_present": sorted({r for s in segs for r in s.roles}),
        "segments": _with_stops(segs),
        "wire": None,
    }


def through_wire(page: dict, wire: str | None) -> dict:
    """The article page of a wire copy: every chain passes through the agency after the outlet
    that ran the copy ("Breitbart › AP › Donald Trump"), since the outlet relayed the agency's
    reporting, not its own. ``wire`` is the agency the store found in the byline or dateline."""
    if not wire:
        return page
    statements = {}
    for key, s in page["statements"].items():
        chain = s["chain"]
        if chain and wire not in chain:
            chain = [chain[0], wire, *chain[1:]]
        statements[key] = {**s, "chain": chain}
    speakers = [{**g, "statements": [statements.get(s["id"], s) for s in g["statements"]]} for g in page["speakers"]]
    return {**page, "statements": statements, "speakers": speakers, "wire": wire}
