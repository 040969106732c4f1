"""The plain-text report: metadata first, then who said what."""
from __future__ import annotations

import textwrap
from collections import defaultdict

from .model import Analysis

WIDTH = 88


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_text(analysis: Analysis) -> str:
    """A readable report of one analysis."""
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
        if article.published:
            facts.append("Published " + article.published.isoformat())
        if article.updated:
            facts.append("Updated " + article.updated.isoformat())
        if article.image_credits:
            facts.append("Images: " + ", ".join(article.image_credits))
        if facts:
            lines.append("  " + " · ".join(facts))
        words = sum(len(article.text[p.start : p.end].split()) for p in article.paragraphs)
        lines.append(f"  {len(article.paragraphs)} paragraphs, {words} words analysed; {len(article.boilerplate)} boilerplate lines left out")
    for error in analysis.errors:
        lines.append(f"  ERROR: {error}")
    if article is None or analysis.errors:
        return "\n".join(lines) + "\n"
    lines.append("")
    lines.append(f"Who said what ({len(analysis.attributions)} attributions)")
    by_source: dict[str, list] = defaultdict(list)
    for att in analysis.attributions:
        by_source[att.source.text if att.source else "(no source given)"].append(att)
    for source, atts in by_source.items():
        lines.append(f"  {_quote(source, 80)}")
        for att in atts:
            cue = att.cue.text if att.cue else "—"
            lines += textwrap.wrap(
                f"[{att.id} {att.kind}] {cue}: {_quote(att.content.text)}",
                WIDTH,
                initial_indent="    ",
                subsequent_indent="        ",
            )
    return "\n".join(lines) + "\n"
