"""Reading saved web pages: the body with trafilatura, metadata from the page's declarations."""
from __future__ import annotations

import gzip
from datetime import tzinfo

import trafilatura
from htmldate import find_date

from ..errors import InputError
from ..model import Article, Paragraph
from .decode import decode_text
from .timestamps import parse_timestamp


def read_html(
    data: bytes | str,
    id: str,
    *,
    url: str | None = None,
    zone: tzinfo | None = None,
    source_path: str | None = None,
) -> Article:
    """Read an HTML page (bytes, possibly gzipped, or text) into an Article of its body text."""
    if isinstance(data, bytes):
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise InputError(f"{id}: truncated or corrupt gzip data ({exc})") from exc
        html, _ = decode_text(data, id)
    else:
        html = data
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=False
    )
    body = (document.text if document is not None else None) or ""
    paragraphs_text = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    if not paragraphs_text:
        raise InputError(f"{id}: no article text found in the page")
    text = "\n\n".join(paragraphs_text)
    paragraphs, pos = [], 0
    for chunk in paragraphs_text:
        paragraphs.append(Paragraph(pos, pos + len(chunk)))
        pos += len(chunk) + 2
    published = None
    date = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S%z")
    if date:
        published = parse_timestamp(date, zone)
    return Article(
        id=id,
        text=text,
        paragraphs=tuple(paragraphs),
        title=document.title or None,
        bylines=tuple(a.strip() for a in (document.author or "").split(";") if a.strip()),
        outlet=document.sitename or None,
        url=url or document.url or None,
        published=published,
        source_path=source_path,
    )
