"""Reading one web page (``.html``, ``.htm``, ``.html.gz``) into an ``Article``.

The body comes from trafilatura; the metadata from our own layer (``html_meta``), which weighs the
page's declarations against each other. ``Article.text`` is the body only: its paragraphs joined
by a blank line, without the title (that is ``Article.title``) and without boilerplate lines,
which are kept in ``Article.boilerplate`` as zero-width spans at the place they were left out.
"""
from __future__ import annotations

from datetime import tzinfo

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from reportedly.errors import InputError, TooLargeError
from reportedly.ingest.boilerplate import split_boilerplate
from reportedly.ingest.charset import decode_html, gunzip_if_needed
from reportedly.ingest.html_meta import extract_meta
from reportedly.model import Article, Paragraph, Span

__all__ = ["read_html", "parse_html"]

MAX_BYTES = 20_000_000  # bigger than any article page; larger inputs are not articles


def read_html(
    data: bytes | str,
    id: str,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
) -> Article:
    """Read a web page into an Article: extracted body text, paragraphs and metadata.

    ``data`` is the page as bytes (any charset, gzipped or not) or as already decoded text.
    ``default_tz`` is the zone for times the page gives without an offset (UTC when None).
    Raises InputError when the page is empty or has no article text, TooLargeError when it is
    over 20 MB.
    """
    if isinstance(data, (bytes, bytearray)):
        raw = gunzip_if_needed(bytes(data))
        if len(raw) > MAX_BYTES:
            raise TooLargeError(f"{id}: the page is {len(raw)} bytes, over the {MAX_BYTES} limit")
        text = decode_html(raw)
    elif isinstance(data, str):
        text = data
        if len(text) > MAX_BYTES:
            raise TooLargeError(f"{id}: the page is {len(text)} characters, over the {MAX_BYTES} limit")
    else:
        raise InputError(f"{id}: expected bytes or str, got {type(data).__name__}")
    if not text.strip():
        raise InputError(f"{id}: the page is empty")
    tree = parse_html(text, id)

    body = _extract_body(tree, url)
    if body is None:
        raise InputError(f"{id}: no article text found in the page (is it an article page?)")
    meta = extract_meta(tree, url=url, default_tz=default_tz, body_text=body)
    lines = [line for line in body.split("\n")]
    kept, dropped, credits = split_boilerplate(lines, title=meta.title, bylines=meta.bylines)
    if not kept:
        raise InputError(f"{id}: the page's text is all boilerplate, no article text found")

    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    boilerplate: list[Span] = []
    pos = 0
    dropped_at = iter(sorted(dropped))
    next_drop = next(dropped_at, None)
    for index, line in kept:
        # Anchor each dropped line where it would have been: a zero-width span before this line.
        while next_drop is not None and next_drop[0] < index:
            boilerplate.append(Span(pos, pos, next_drop[1]))
            next_drop = next(dropped_at, None)
        if pieces:
            pos += 2
        paragraphs.append(Paragraph(pos, pos + len(line), "body"))
        pieces.append(line)
        pos += len(line)
    while next_drop is not None:
        boilerplate.append(Span(pos, pos, next_drop[1]))
        next_drop = next(dropped_at, None)
    return Article(
        id=id,
        text="\n\n".join(pieces),
        paragraphs=tuple(paragraphs),
        title=meta.title,
        bylines=meta.bylines,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        updated=meta.updated,
        image_credits=tuple(credits),
        language=meta.language,
        boilerplate=tuple(boilerplate),
    )


def parse_html(text: str, id: str = "page") -> lxml_html.HtmlElement:
    """Parse page text leniently (truncated or malformed markup is repaired, never fatal)."""
    # lxml refuses str input that declares an encoding in an XML prolog; drop the prolog.
    if text.lstrip().startswith("<?xml"):
        text = text.split("?>", 1)[1] if "?>" in text else text
    text = text.replace("\x00", "")
    try:
        tree = lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{id}: the page cannot be parsed as HTML ({exc})") from exc
    if tree is None:
        raise InputError(f"{id}: the page has no HTML content")
    return tree


# One parser, built once: comments and processing instructions are noise for every later step.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, huge_tree=True)


def _extract_body(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The main text, one paragraph per line, or None when trafilatura finds none."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return None
    return text
