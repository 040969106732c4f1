"""Reading sitemaps (sitemaps.org): the page URLs of a ``<urlset>``, the sitemaps of an index.

Plain-text sitemaps (one URL a line) are read too, as the protocol allows. Nothing is fetched
here: ``WebReader`` fetches what this returns.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from ..errors import InputError
from ..ingest.charset import gunzip_if_needed
from ..ingest.timestamps import parse_timestamp

MAX_URLS = 50_000  # the protocol's limit for one sitemap file


@dataclass(frozen=True)
class Sitemap:
    """What one sitemap file lists: pages (URL, last modified) or further sitemaps."""

    pages: tuple[tuple[str, datetime | None], ...] = ()
    sitemaps: tuple[str, ...] = ()


def looks_like_sitemap(body: bytes) -> bool:
    """True when the document's root is a sitemap ``<urlset>`` or ``<sitemapindex>``."""
    head = gunzip_if_needed(body)[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """The pages or sitemaps listed in ``body``; InputError when it lists none."""
    data = gunzip_if_needed(body)
    if data.lstrip()[:1] != b"<":
        lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
        pages = tuple((line, None) for line in lines if line.lower().startswith(("http://", "https://")))
        if not pages:
            raise InputError(f"{url}: not a sitemap (neither XML nor a list of URLs)")
        return Sitemap(pages=pages[:MAX_URLS])
    try:
        # No entities, no network: a sitemap is data from a stranger.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{url}: the sitemap is not readable XML ({exc})") from exc
    if root is None:
        raise InputError(f"{url}: the sitemap is empty")
    kind = etree.QName(root).localname.lower()
    entries = []
    for child in root:
        if not isinstance(child.tag, str):
            continue
        fields = {etree.QName(f).localname.lower(): (f.text or "").strip() for f in child if isinstance(f.tag, str)}
        if fields.get("loc"):
            entries.append((fields["loc"], parse_timestamp(fields["lastmod"]) if fields.get("lastmod") else None))
    if kind == "sitemapindex":
        sitemaps = tuple(loc for loc, _ in entries)
        if not sitemaps:
            raise InputError(f"{url}: the sitemap index lists no sitemaps")
        return Sitemap(sitemaps=sitemaps[:MAX_URLS])
    if kind != "urlset":
        raise InputError(f"{url}: not a sitemap (its root element is <{kind}>, not <urlset> or <sitemapindex>)")
    if not entries:
        raise InputError(f"{url}: the sitemap lists no pages")
    return Sitemap(pages=tuple(entries[:MAX_URLS]))
