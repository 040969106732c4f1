"""Analyses to JSON-ready dicts: the one place where the output schema is written."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .model import Analysis, Article, Attribution, Entity, Fetch, Marker, Omission, Paragraph, Profile, Provenance, Span, Speaker, Voice

SCHEMA = "reportedly/1"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "reportedly-1.schema.json"


def output_schema() -> dict:
    """The JSON Schema of the output (a fresh copy: callers may change it)."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def span_dict(span: Span | None) -> dict | None:
    if span is None:
        return None
    out = {"start": span.start, "end": span.end, "text": span.text}
    if span.fragments:
        out["fragments"] = [list(f) for f in span.fragments]
    return out


def omission_dict(omission: Omission) -> dict:
    """A line left out of the analysis: a span of the text (``in_text``) or an anchor where the
    line stood, with its reason (schema 1.3)."""
    out = {"start": omission.start, "end": omission.end, "text": omission.text,
           "reason": omission.reason, "in_text": omission.in_text}
    if omission.step:
        out["step"] = omission.step
    return out


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_dict(article: Article, listed=list) -> dict:
    """The article's JSON object; ``listed=iter`` leaves its paragraphs and boilerplate as
    iterators, for ``write_json`` (see ``lazy_analysis_dict``)."""
    out = {
        "title": article.title,
        "dek": article.dek,
        "bylines": list(article.bylines),
        "outlet": article.outlet,
        "wire": article.wire,
        "url": article.url,
        "published": _when(article.published),
        "updated": _when(article.updated),
        "image_credits": list(article.image_credits),
        "language": article.language,
        "paragraphs": listed(paragraph_dict(p) for p in article.paragraphs),
        "boilerplate": listed(omission_dict(s) for s in article.boilerplate),
        "text": article.text,
    }
    if article.fetch is not None:
        # Only fetched pages have it: the output for files stays as it was (schema 1.2).
        out["fetch"] = fetch_dict(article.fetch)
    return out


def paragraph_dict(paragraph: Paragraph) -> dict:
    """An analysed paragraph; ``quoted`` only when the page set it as a block quotation (schema
    1.4), so the output of other paragraphs stays as it was."""
    out = {"start": paragraph.start, "end": paragraph.end, "role": paragraph.role}
    if paragraph.quoted:
        out["quoted"] = True
    return out


def fetch_dict(fetch: Fetch) -> dict:
    return {
        "requested_url": fetch.requested_url,
        "url": fetch.url,
        "status": fetch.status,
        "fetched_at": _when(fetch.fetched_at),
        "sha256": fetch.sha256,
        "content_type": fetch.content_type,
        "redirects": [{"url": url, "status": status} for url, status in fetch.redirects],
        "archive": {"file": fetch.warc_file, "record": fetch.warc_record} if fetch.warc_record else None,
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
    return _analysis_dict(analysis, list)


def lazy_analysis_dict(analysis: Analysis) -> dict:
    """``analysis_dict`` with its long lists (attributions, entities, voice, the article's
    paragraphs and boilerplate) as iterators that make each item's dict when it is read:
    ``write_json`` then writes them one at a time, and the dicts of a whole article (300 MB for
    one of 5.5 MB) are never held at once."""
    return _analysis_dict(analysis, iter)


def _analysis_dict(analysis: Analysis, listed) -> dict:
    provenance = {p.attribution_id: p for p in analysis.provenance}
    return {
        "schema": SCHEMA,
        "id": analysis.id,
        "article": article_dict(analysis.article, listed) if analysis.article is not None else None,
        "attributions": listed(attribution_dict(a, provenance.get(a.id)) for a in analysis.attributions),
        "entities": listed(entity_dict(e) for e in analysis.entities),
        "voice": listed(voice_dict(v) for v in analysis.voice),
        "profile": profile_dict(analysis.profile) if analysis.profile is not None else None,
        "errors": list(analysis.errors),
        "notes": list(analysis.notes),
    }


def write_json(value, out, indent: int = 2) -> None:
    """Write ``value`` to the text file ``out`` as ``json.dumps(value, ensure_ascii=False,
    indent=indent)`` would, iterators written as lists, a piece at a time.

    ``json.dumps`` with an indent lists every fragment it makes (a key, a comma, a number: tens
    of millions for an analysis of a few MB, some 50 bytes each), then joins them into one
    string: for a 5.5 MB article that list and string took the process from 1.0 to 1.7 GB.
    Here the outer object and lists (two levels, and any iterator) are written an item at a
    time, and each item below them is encoded whole.
    """
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent, default=_listed)
    _write(value, out, encoder, indent, 0)


_STREAMED_LEVELS = 2  # an analysis and its lists, or a list of analyses (whose lists are iterators)


def _listed(value) -> list:
    if isinstance(value, Iterator):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _write(value, out, encoder: json.JSONEncoder, indent: int, level: int) -> None:
    streamed = level < _STREAMED_LEVELS
    if isinstance(value, dict) and value and streamed:
        inner = "\n" + " " * (indent * (level + 1))
        for i, (key, item) in enumerate(value.items()):
            out.write(("{" if i == 0 else ",") + inner + encoder.encode(key) + ": ")
            _write(item, out, encoder, indent, level + 1)
        out.write("\n" + " " * (indent * level) + "}")
    elif isinstance(value, Iterator) or (isinstance(value, (list, tuple)) and streamed):
        inner = "\n" + " " * (indent * (level + 1))
        empty = True
        for item in value:
            out.write(("[" if empty else ",") + inner)
            _write(item, out, encoder, indent, level + 1)
            empty = False
        out.write("[]" if empty else "\n" + " " * (indent * level) + "]")
    else:
        # JSON text has no raw line break but those of its indentation: indenting every line
        # break nests the item's text at this level.
        text = encoder.encode(value)
        out.write(text.replace("\n", "\n" + " " * (indent * level)) if level else text)


# Characters that JSON leaves raw but that str.splitlines() and some JavaScript readers take
# for line ends: a record holding one would be split in two by a JSON Lines reader.
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(value) -> str:
    """``value`` as one JSON Lines record (no trailing newline): UTF-8 text kept readable, and
    every character any reader could take for a line end escaped."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in _LINE_BREAKS.items():
        if char in text:
            text = text.replace(char, escaped)
    return text
