"""Reading a page received over HTTP, fetched now or archived in a WARC file, into an Article.

Both ways go through ``read_web_page``, so that a page read back from the archive is the same
article as when it was fetched: the same decoding (the header's charset counts), the same date
rule and the same fetch record.
"""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime, timezone, tzinfo
from email.message import Message

from ..model import Article, Fetch
from .charset import decode_html, gunzip_if_needed
from . import html
from .timestamps import parse_timestamp

HTML_TYPES = ("text/html", "application/xhtml+xml")


def media_type(content_type: str | None) -> str:
    """"text/html" from "text/HTML; charset=UTF-8"; "" when there is none."""
    return (content_type or "").split(";")[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, as written ("ISO-8859-1"), or None."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_param("charset")


def warc_date(when: datetime) -> str:
    """A time as WARC-Date writes it: UTC to the second, "2024-05-01T12:00:00Z"."""
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_warc_date(value: str) -> datetime:
    """The instant of a WARC-Date ("2024-05-01T12:00:00Z", fractions of a second allowed)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)


def body_sha256(body: bytes) -> str:
    """The hex sha256 of a response body (after content decoding: what the archive holds)."""
    return hashlib.sha256(body).hexdigest()


def read_web_page(
    body: bytes,
    id: str,
    *,
    content_type: str | None,
    url: str | None,
    crawled: str | None,
    fetch: Fetch | None = None,
    zone: tzinfo | None = None,
    source_path: str | None = None,
) -> Article:
    """The article in an HTML response body; ``crawled`` is the fetch time as WARC-Date writes it.

    The page's own date wins; the fetch time stands in only when the page declares none (a
    lower bound on how old the page can be, and the date a citation of this copy needs).
    Raises InputError (from ``read_html``) when the page has no article text.
    """
    text = decode_html(gunzip_if_needed(body), header_charset(content_type))
    article = html.read_html(text, id, url=url, default_tz=zone, source_path=source_path)
    if article.published is None and crawled:
        article = dataclasses.replace(article, published=_crawl_time(crawled, zone))
    return dataclasses.replace(article, fetch=fetch) if fetch is not None else article


def _crawl_time(crawled: str, zone: tzinfo | None) -> datetime | None:
    # WARC-Date is UTC by the WARC standard ("...Z"); a malformed one is read as any stamp.
    try:
        return parse_warc_date(crawled)
    except ValueError:
        return parse_timestamp(crawled, zone)


def fetch_of_archived(
    *,
    target: str,
    status: int,
    crawled: str,
    body: bytes,
    content_type: str | None,
    redirects: tuple[tuple[str, int], ...],
    warc_file: str | None,
    warc_record: str | None,
) -> Fetch | None:
    """The fetch record of an archived response: ``redirects`` are the archive's earlier 3xx
    responses that led to ``target``, first hop first. None when the WARC-Date is unreadable."""
    try:
        fetched_at = parse_warc_date(crawled)
    except ValueError:
        return None
    return Fetch(
        requested_url=redirects[0][0] if redirects else target,
        url=target,
        status=status,
        fetched_at=fetched_at,
        sha256=body_sha256(body),
        content_type=content_type,
        redirects=redirects,
        warc_file=warc_file,
        warc_record=warc_record,
    )
