"""The plain-text report: metadata first, then who said what."""
from __future__ import annotations

import textwrap
from collections import defaultdict

from .model import Analysis
from .provenance.confidence import DISPLAY_THRESHOLD

WIDTH = 88


def _fetched(fetch) -> str:
    """The fetch record in one line: what a citation of this copy of the page needs."""
    line = f"Fetched {fetch.fetched_at.isoformat()} from {fetch.url} (HTTP {fetch.status}, sha256 {fetch.sha256[:16]}…"
    if fetch.redirects:
        line += f", redirected from {fetch.requested_url}"
    if fetch.warc_file:
        line += f", archived in {fetch.warc_file}"
    return line + ")"


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_text(analysis: Analysis, show_all: bool = False, explain: bool = False) -> str:
    """A readable report of one analysis.

    Attributions below the display threshold of confidence are held back and counted, unless
    ``show_all``; then each line says its confidence. With ``explain``, every line left out of
    the body is listed with the step that dropped it and the reason.
    """
    lines = [f"== {analysis.id} =="]
    article = analysis.article
    if article is not None:
        if article.title:
            lines.append(article.title)
        if article.dek:
            lines += textwrap.wrap(article.dek, WIDTH, initial_indent="  ", subsequent_indent="  ")
        facts = []
        if article.bylines:
            facts.append("By " + ", ".join(article.bylines))
        if article.outlet:
            facts.append(article.outlet)
        if article.wire:
            facts.append(f"via {article.wire}")
        if article.published:
            facts.append("Published " + article.published.isoformat())
        if article.updated:
            facts.append("Updated " + article.updated.isoformat())
        if article.image_credits:
            facts.append("Images: " + ", ".join(article.image_credits))
        if facts:
            lines.append("  " + " · ".join(facts))
        if article.fetch is not None:
            lines.append(f"  {_fetched(article.fetch)}")
        words = sum(len(article.text[p.start : p.end].split()) for p in article.paragraphs)
        lines.append(f"  {len(article.paragraphs)} paragraphs, {words} words analysed; {len(article.boilerplate)} boilerplate lines left out")
        if explain:
            lines += explain_omissions(article)
    for error in analysis.errors:
        lines.append(f"  ERROR: {error}")
    if article is None or analysis.errors:
        return "\n".join(lines) + "\n"
    lines.append("")
    provenance = {p.attribution_id: p for p in analysis.provenance}
    shown = [a for a in analysis.attributions if show_all or _confidence(provenance.get(a.id)) >= DISPLAY_THRESHOLD]
    held = len(analysis.attributions) - len(shown)
    heading = f"Who said what ({len(shown)} attributions"
    if held:
        heading += f"; {held} held back with confidence below {DISPLAY_THRESHOLD}, shown with --all"
    lines.append(heading + ")")
    by_source: dict[str, list] = defaultdict(list)
    for att in shown:
        by_source[_who(att, provenance.get(att.id))].append(att)
    for source, atts in by_source.items():
        lines.append(f"  {_quote(source, 80)}")
        for att in atts:
            cue = att.cue.text if att.cue else "—"
            prov = provenance.get(att.id)
            sure = f" {_confidence(prov):.2f}" if show_all and prov is not None else ""
            act = f" {prov.act}" if prov is not None and prov.act != "speech" else ""
            lines += textwrap.wrap(
                f"[{att.id} {att.kind}{act}{sure}] {cue}: {_quote(att.content.text)}",
                WIDTH,
                initial_indent="    ",
                subsequent_indent="        ",
            )
            if prov is not None:
                status = prov.status + (f", cue {prov.cue_strength}" if prov.cue_strength else "")
                markers = _markers(prov.markers)
                lines += textwrap.wrap(
                    f"via {' → '.join(prov.chain)} ({status}{markers})",
                    WIDTH,
                    initial_indent="        ",
                    subsequent_indent="          ",
                )
    lines += _voice_lines(analysis)
    lines += _profile_lines(analysis)
    return "\n".join(lines) + "\n"


def _confidence(prov) -> float:
    return prov.confidence if prov is not None else 1.0


def _who(att, prov) -> str:
    """The group heading: the resolved speaker, with the words the article used for it."""
    written = " ".join(att.source.text.split()) if att.source else "(no source given)"
    if prov is None:
        return written
    sp = prov.speaker
    name = sp.name or sp.label or written
    facts = [sp.type] + ([sp.role] if sp.role else [])
    head = f"{name} ({', '.join(facts)})"
    return head if written in (name, "(no source given)") else f"{head}, written “{written}”"


def _markers(markers) -> str:
    """"; hedge 'may'; evaluative 'In a shocking suggestion'" for the report's status lines."""
    return "".join(f"; {m.type} {_quote(m.span.text, 40)!r}" for m in markers)


def _voice_lines(analysis: Analysis) -> list[str]:
    if not analysis.voice:
        return []
    own = [v for v in analysis.voice if v.status != "attributed" or v.markers]
    attributed = sum(1 for v in analysis.voice if v.status == "attributed")
    lines = ["", f"The outlet's own voice ({len(analysis.voice) - attributed} of {len(analysis.voice)} body sentences)"]
    for voice in own:
        markers = _markers(voice.markers)
        lines += textwrap.wrap(
            f"[{voice.status}{markers}] {_quote(voice.span.text, 160)}",
            WIDTH,
            initial_indent="  ",
            subsequent_indent="      ",
        )
    return lines


def _profile_lines(analysis: Analysis) -> list[str]:
    profile = analysis.profile
    if profile is None:
        return []
    kinds = ", ".join(f"{n} {t}" for t, n in profile.speakers.items())
    lines = ["", "Sourcing profile"]
    lines += textwrap.wrap(
        f"{profile.statements} statements from {kinds or 'no sources'}; "
        f"{profile.named_on_record} named on record, {profile.anonymous} anonymous",
        WIDTH, initial_indent="  ", subsequent_indent="  ",
    )
    lines += [
        f"  {profile.second_hand} second-hand through {', '.join(profile.outlets_relayed) or 'no other outlet'}; "
        f"documents: {', '.join(profile.documents) or 'none'}",
        f"  body words: {profile.attributed_words} of {profile.body_words} attributed "
        f"({round(100 * profile.attributed_share)}%), the rest the outlet's own voice",
    ]
    for finding in profile.findings:
        lines += textwrap.wrap(finding, WIDTH, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False)
    return lines


def explain_omissions(article) -> list[str]:
    """One line per line left out of the body: where it was, the step, the reason, the line."""
    out = [f"  Left out of the body ({len(article.boilerplate)} lines)"]
    for omission in article.boilerplate:
        step = f"{omission.step}: " if omission.step else ""
        where = f"@{omission.start}" if not omission.in_text else f"{omission.start}-{omission.end}"
        out.append(f"    {where} {step}{omission.reason or 'boilerplate'}")
        out.append(f"        {_quote(omission.text, WIDTH - 8)}")
    return out
