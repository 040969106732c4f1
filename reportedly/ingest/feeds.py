"""Reading RSS and Atom feeds saved on disk (``.rss``, ``.atom``, ``.xml``) with feedparser.

Each entry is one article: its full content when the feed carries it (``content:encoded``,
Atom ``content``), else its summary. Feeds often carry only a teaser; that is what we have, and
the article says so by its short text. The feed's title is the outlet; the entry's date wins.
Nothing is fetched: links are kept as the article's URL, never followed.
"""
from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import datetime, timezone, tzinfo

from ..errors import InputError, ReportedlyError
from . import html
from .plaintext import read_plaintext

_TAG = re.compile(r"<[a-zA-Z/!]")


def iter_feed(data: bytes, stem: str, *, zone: tzinfo | None = None, source_path: str | None = None):
    """Each entry of an RSS/Atom document as (id, Article | None, error | None)."""
    parsed = parse_feed(data, source_path or stem)
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        id = str(entry.get("id") or entry.get("link") or f"{stem}:{number}")
        try:
            yield id, _entry_article(entry, id, outlet, zone, source_path), None
        except ReportedlyError as exc:
            yield id, None, str(exc)


def parse_feed(data: bytes, what: str):
    """The feedparser result of an RSS/Atom document; InputError when it has no entries."""
    import feedparser  # 23 ms of imports, for feeds only

    parsed = feedparser.parse(_without_surrogate_refs(data))
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"{what}: no feed entries found{problem}")
    return parsed


# A numeric character reference ("&#xD83D;", "&#55357;").
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});")


def _without_surrogate_refs(data: bytes) -> bytes:
    """``data`` with references to lone surrogates made U+FFFD's.

    A feed generator that escapes an emoji's two halves separately, or cuts a pair, leaves
    "&#xD83D;": no character, and feedparser's lenient parser crashes encoding it as UTF-8.
    """
    def whole(m: re.Match) -> bytes:
        ref = m.group(1)
        code = int(ref[1:], 16) if ref[:1] in b"xX" else int(ref)
        return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else m.group(0)

    return _CHAR_REF.sub(whole, data) if b"&#" in data else data


def _entry_article(entry, id: str, outlet: str | None, zone, source_path):
    body = ""
    if entry.get("content"):
        body = max((c.get("value") or "" for c in entry.content), key=len)
    body = body or entry.get("summary") or ""
    if not body.strip():
        raise InputError(f"{id}: the feed entry has no content or summary")
    if _TAG.search(body):
        # feedparser sanitises entry HTML; wrap it so trafilatura sees a page with a body.
        article = html.read_html(f"<html><body><article>{body}</article></body></html>", id, url=entry.get("link"), default_tz=zone, source_path=source_path)
    else:
        article = read_plaintext(body.replace("\r\n", "\n"), id, zone=zone, source_path=source_path)
    published = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        # feedparser normalises dates to UTC struct_time.
        published = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
    return dataclasses.replace(
        article,
        title=(entry.get("title") or "").strip() or article.title,
        url=entry.get("link") or article.url,
        outlet=outlet or article.outlet,
        published=published or article.published,
        bylines=tuple(a for a in [(entry.get("author") or "").strip()] if a) or article.bylines,
    )
