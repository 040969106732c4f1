"""The sourcing profile of an article: who it rests on, how much is second-hand, in plain words."""
from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from typing import Sequence

from ..model import Article, Attribution, Profile, Provenance, SPEAKER_TYPES, Voice


def sourcing_profile(
    article: Article,
    attributions: Sequence[Attribution],
    provenance: Sequence[Provenance],
    voices: Sequence[Voice],
) -> Profile:
    """Counts, shares, the longest chain and a few plain-language findings for one article."""
    speakers = [p.speaker for p in provenance]
    distinct: dict[str, set] = {t: set() for t in SPEAKER_TYPES}
    for sp in speakers:
        distinct[sp.type].add(sp.key)
    publisher = (article.outlet or "").lower()
    outlets = _unique(sp.name or sp.label for sp in speakers if sp.type == "outlet" and (sp.name or "").lower() != publisher)
    documents = _unique(sp.label for sp in speakers if sp.type == "document")
    relay_labels = {o.lower() for o in outlets}

    def relayed(p: Provenance) -> bool:
        hops = [label.lower() for label in p.chain[1:]]
        return any(h in relay_labels for h in hops)

    second_hand = [p for p in provenance if relayed(p)]
    body = [p for p in article.paragraphs if p.role == "body"]
    body_words = sum(len(article.text[p.start : p.end].split()) for p in body)
    attributed_words = _attributed_words(article, attributions)
    relayed_ids = {p.attribution_id for p in second_hand}
    second_hand_words = _attributed_words(article, [a for a in attributions if a.id in relayed_ids])
    longest = max(provenance, key=lambda p: (len(p.chain), -int(p.attribution_id[1:] or 0)), default=None)
    profile = Profile(
        statements=len(attributions),
        speakers={t: len(v) for t, v in distinct.items() if v},
        statements_by_type=dict(Counter(sp.type for sp in speakers)),
        named_on_record=len({sp.key for sp in speakers if sp.name and sp.type in ("person", "organization")}),
        anonymous=len(distinct["anonymous"]),
        outlets_relayed=tuple(outlets),
        documents=tuple(documents),
        second_hand=len(second_hand),
        second_hand_words=second_hand_words,
        body_words=body_words,
        attributed_words=attributed_words,
        longest_chain=longest.chain if longest else (),
        longest_chain_id=longest.attribution_id if longest else None,
        findings=(),
    )
    findings = _findings(article, profile, provenance, second_hand, voices)
    return dataclasses.replace(profile, findings=tuple(findings))


def _unique(values) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        if value and value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return out


def _attributed_words(article: Article, attributions: Sequence[Attribution]) -> int:
    """Words of the body that lie inside some attribution's content (each counted once)."""
    covered = sorted({piece for att in attributions for piece in att.content.pieces})
    merged: list[list[int]] = []
    for a, b in covered:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    # The merged pieces are disjoint and in order: each paragraph bisects to the first that
    # ends after its start instead of trying them all.
    ends = [b for _a, b in merged]
    total = 0
    for p in article.paragraphs:
        if p.role != "body":
            continue
        for k in range(bisect.bisect_right(ends, p.start), len(merged)):
            a, b = merged[k]
            if a >= p.end:
                break
            lo, hi = max(a, p.start), min(b, p.end)
            if lo < hi:
                total += len(article.text[lo:hi].split())
    return total


def _findings(article, profile: Profile, provenance, second_hand, voices) -> list[str]:
    out = []
    n = profile.statements
    if n == 0:
        return ["No attributed statements were found: the article speaks in its own voice throughout."]
    if profile.outlets_relayed and len(second_hand) * 2 > n:
        names = " and ".join(f"the {o}" if len(o.split()) == 1 else o for o in profile.outlets_relayed[:2])
        share = round(100 * profile.second_hand_words / profile.attributed_words) if profile.attributed_words else 0
        out.append(
            f"Most statements ({len(second_hand)} of {n}, {share}% of the attributed words) reach this "
            f"article second-hand, through {names}."
        )
    elif second_hand:
        out.append(f"{len(second_hand)} of {n} statements reach this article through another outlet.")
    linked = "http" in article.text or "www." in article.text
    if profile.documents and not linked:
        docs = ", ".join(d if d[:1].isupper() else f"the {d}" for d in profile.documents[:2])
        out.append(f"Quoted documents ({docs}) are not published or linked in the article.")
    if profile.anonymous:
        count = sum(1 for p in provenance if p.speaker.type == "anonymous")
        out.append(f"{count} of {n} statements come from anonymous sources.")
    if profile.named_on_record == 0:
        out.append("No named person or organisation speaks on the record.")
    hedged = [p for p in provenance if p.status == "hedged"]
    if hedged:
        words = _unique(m.span.text for p in hedged for m in p.markers if m.type == "hedge")
        out.append(f"{len(hedged)} of {n} statements are hedged ({', '.join(repr(w) for w in words[:4])}).")
    own = 1 - profile.attributed_share if profile.body_words else 0
    evaluative = _unique(" ".join(m.span.text.split()) for v in voices for m in v.markers if m.type == "evaluative")
    line = f"{round(own * 100)}% of the body's words are the outlet's own voice"
    out.append(line + (f"; it judges in its own words: {', '.join(repr(e) for e in evaluative[:4])}." if evaluative else "."))
    if len(profile.longest_chain) > 2:
        out.append(f"The longest chain has {len(profile.longest_chain) - 1} hops: {' → '.join(profile.longest_chain)}.")
    return out
