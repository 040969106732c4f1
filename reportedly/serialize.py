"""Analyses to JSON-ready dicts: the one place where the output schema is written."""
from __future__ import annotations

from datetime import datetime

from .model import Analysis, Article, Attribution, Entity, Marker, Profile, Provenance, Span, Speaker, Voice

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


def attribution_dict(att: Attribution, provenance: Provenance | None = None) -> dict:
    out = {
        "id": att.id,
        "kind": att.kind,
        "source": span_dict(att.source),
        "cue": span_dict(att.cue),
        "content": span_dict(att.content),
    }
    if provenance is not None:
        out["speaker"] = speaker_dict(provenance.speaker)
        out["via"] = list(provenance.via)
        out["via_basis"] = provenance.via_basis
        out["chain"] = list(provenance.chain)
        out["epistemic"] = {
            "status": provenance.status,
            "cue_strength": provenance.cue_strength,
            "markers": [marker_dict(m) for m in provenance.markers],
        }
        out["act"] = provenance.act
        out["confidence"] = provenance.confidence
    return out


def speaker_dict(speaker: Speaker) -> dict:
    return {
        "name": speaker.name,
        "type": speaker.type,
        "role": speaker.role,
        "description": speaker.description,
        "label": speaker.label,
        "mention": span_dict(speaker.mention),
        "evidence": [span_dict(s) for s in speaker.evidence],
    }


def marker_dict(marker: Marker) -> dict:
    return {"type": marker.type, "span": span_dict(marker.span)}


def voice_dict(voice: Voice) -> dict:
    return {
        "span": span_dict(voice.span),
        "status": voice.status,
        "attributed_share": voice.attributed_share,
        "attributions": list(voice.attributions),
        "markers": [marker_dict(m) for m in voice.markers],
    }


def profile_dict(profile: Profile) -> dict:
    return {
        "statements": profile.statements,
        "speakers": dict(profile.speakers),
        "statements_by_type": dict(profile.statements_by_type),
        "named_on_record": profile.named_on_record,
        "anonymous": profile.anonymous,
        "outlets_relayed": list(profile.outlets_relayed),
        "documents": list(profile.documents),
        "second_hand": profile.second_hand,
        "second_hand_share": round(profile.second_hand / profile.statements, 3) if profile.statements else 0.0,
        "words": {
            "body": profile.body_words,
            "attributed": profile.attributed_words,
            "own_voice": profile.body_words - profile.attributed_words,
            "attributed_share": profile.attributed_share,
            "second_hand": profile.second_hand_words,
        },
        "longest_chain": {"attribution": profile.longest_chain_id, "chain": list(profile.longest_chain)},
        "findings": list(profile.findings),
    }


def entity_dict(entity: Entity) -> dict:
    return {"start": entity.start, "end": entity.end, "text": entity.text, "label": entity.label}


def analysis_dict(analysis: Analysis) -> dict:
    """The JSON object of one analysed article (schema ``reportedly/1``)."""
    provenance = {p.attribution_id: p for p in analysis.provenance}
    return {
        "schema": SCHEMA,
        "id": analysis.id,
        "article": article_dict(analysis.article) if analysis.article is not None else None,
        "attributions": [attribution_dict(a, provenance.get(a.id)) for a in analysis.attributions],
        "entities": [entity_dict(e) for e in analysis.entities],
        "voice": [voice_dict(v) for v in analysis.voice],
        "profile": profile_dict(analysis.profile) if analysis.profile is not None else None,
        "errors": list(analysis.errors),
        "notes": list(analysis.notes),
    }
