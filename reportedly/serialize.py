"""Analyses to JSON-ready dicts: the one place where the output schema is written."""
from __future__ import annotations

from datetime import datetime

from .model import Analysis, Article, Attribution, Entity, Span

SCHEMA = "reportedly/1"


def span_dict(span: Span | None) -> dict | None:
    if span is None:
        return None
    out = {"start": span.start, "end": span.end, "text": span.text}
    if span.fragments:
        out["fragments"] = [list(f) for f in span.fragments]
    return out


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_dict(article: Article) -> dict:
    return {
        "title": article.title,
        "dek": article.dek,
        "bylines": list(article.bylines),
        "outlet": article.outlet,
        "url": article.url,
        "published": _when(article.published),
        "updated": _when(article.updated),
        "image_credits": list(article.image_credits),
        "language": article.language,
        "paragraphs": [{"start": p.start, "end": p.end, "role": p.role} for p in article.paragraphs],
        "boilerplate": [span_dict(s) for s in article.boilerplate],
        "text": article.text,
    }


def attribution_dict(att: Attribution) -> dict:
    return {
        "id": att.id,
        "kind": att.kind,
        "source": span_dict(att.source),
        "cue": span_dict(att.cue),
        "content": span_dict(att.content),
    }


def entity_dict(entity: Entity) -> dict:
    return {"start": entity.start, "end": entity.end, "text": entity.text, "label": entity.label}


def analysis_dict(analysis: Analysis) -> dict:
    """The JSON object of one analysed article (schema ``reportedly/1``)."""
    return {
        "schema": SCHEMA,
        "id": analysis.id,
        "article": article_dict(analysis.article) if analysis.article is not None else None,
        "attributions": [attribution_dict(a) for a in analysis.attributions],
        "entities": [entity_dict(e) for e in analysis.entities],
        "errors": list(analysis.errors),
    }
