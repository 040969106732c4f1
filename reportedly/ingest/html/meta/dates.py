"""The article's publication date, from what a page declares and what it prints.

Used by ``decide``; reads the declarations it gathered (its ``_Sources``: JSON-LD objects,
``<meta>`` values, microdata, ``<time>`` values and the text around the headline).
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from reportedly.ingest.html.meta.clean import (find_printed_date, numeric_day_first, parse_when, printed_dates,
                                          prints_day)
from reportedly.ingest.timestamps import checked_update, is_update_stamp
from reportedly.ingest.html.upstream import check_version, note_fallback

__all__ = ["declared_date", "decide_published", "decide_updated"]

# _english_fallback swaps a function inside htmldate (see ``upstream``).
check_version("htmldate")


def decide_published(src, tree: lxml_html.HtmlElement, url: str | None,
                     default_tz: tzinfo | None) -> datetime | None:
    """The publication date: declared and printed dates weighed, then fallbacks.

    A note in which the page says when it was first published ("This article was originally
    published on 26 Sep 2019 but has been updated") names an earlier day than a re-dated
    guide's declarations, and wins. ``tree`` is otherwise only searched (by htmldate) when the
    page neither declares nor prints a date.
    """
    published = _published(src, default_tz, url)
    original = _stated_original(tree, default_tz)
    if original is not None and (published is None or original.date() < published.date()):
        published = original
    if published is None:
        # No publication date declared or printed, but "Updated March 3, 2025" beside the
        # headline: the only date the page shows its readers (htmldate usually finds the same
        # day; on dev this changed one page, for the better). With a declared publication date
        # the printed update stamp is not used: on dev that would win 12 pages and lose 16.
        published = _printed_date(src, default_tz, updated=True)
    if published is None:
        # A page that declares only when it was modified: that is the best date it gives for
        # the article (htmldate, the alternative, lands on the same day in most such pages).
        published = declared_date(src, "modified", default_tz)
    if published is None:
        published = _guess_date(tree, url, default_tz)
    return published


def decide_updated(src, published: datetime | None, default_tz: tzinfo | None) -> datetime | None:
    """The last update: the declared modification date, else the "Updated …" stamp printed
    beside the headline ("August 16, 2019 - Updated July 9, 2025": a page that declares no
    modification still tells its readers). Only a stamp on a later day than the publication is
    an update: one on the same day is usually where the publication date came from (see
    ``decide_published``). A declared modification earlier than the publication is no update
    of it (``checked_update``: a CMS's stale date) and is not output.
    """
    declared = checked_update(published, declared_date(src, "modified", default_tz))
    if declared is not None:
        return declared
    printed = _printed_date(src, default_tz, updated=True)
    if printed is None or (published is not None and printed.date() <= published.date()):
        return None
    return printed


_DATE_META = {
    "published": ("article:published_time", "og:article:published_time", "article.published",
                  "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                  "dc.date", "dcterms.date", "date", "pubdate", "publishdate", "publish-date",
                  "publication_date", "article_date_original", "original-publish-date",
                  "datepublished", "cxenseparse:recs:publishtime", "og:published_time",
                  "published_time", "release_date", "citation_publication_date", "dc.date.created",
                  "article:published", "created"),
    "modified": ("article:modified_time", "og:updated_time", "dateModified", "datemodified",
                 "last-modified", "dc.date.modified", "dcterms.modified", "lastmod",
                 "article:modified", "updated_time"),
}
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


def declared_date(src, kind: str, default_tz: tzinfo | None, url: str | None = None) -> datetime | None:
    """The first parseable date the page declares of ``kind`` ("published" or "modified").

    JSON-LD of the article first, then ``<meta>`` names, microdata, the first ``<time>``,
    JSON-LD of the page, and for publication a date in the URL path.
    """
    ld_key = "datePublished" if kind == "published" else "dateModified"
    values: list[str] = []
    for obj in src.ld_articles:
        v = obj.get(ld_key) or (obj.get("dateCreated") if kind == "published" else None)
        if isinstance(v, list):
            v = v[0] if v else None
        if isinstance(v, str):
            values.append(v)
    for key in _DATE_META[kind]:
        values.extend(src.meta.get(key.lower(), ()))
    values.extend(src.itemprops.get(ld_key.lower(), ()))
    if kind == "published":
        values.extend(src.itemprops.get("datecreated", ()))
        values.extend(src.times[:1])
    for obj in src.ld_pages:
        v = obj.get(ld_key)
        if isinstance(v, str):
            values.append(v)
    for v in values:
        when = parse_when(v, default_tz)
        if when is not None:
            return when
    if kind == "published" and url:
        m = _URL_DATE.search(url)
        if m:
            return parse_when(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", default_tz)
    return None


def _declared_publication(src, default_tz, url: str | None) -> datetime | None:
    """The declared publication date, unless a ``<time pubdate>`` names another day.

    ``pubdate`` (an HTML5 draft attribute that themes still print) is the template's own mark on
    the publication date it shows, while JSON-LD ``datePublished`` is rewritten by some CMSs and
    SEO plugins on every save (it then equals ``dateModified``). On the same day the declaration
    is kept for its time and offset (a ``pubdate`` value is often a bare day). On WCXB dev 12
    pages have a dated ``<time pubdate>`` outside comments, on the gold day in 11 (in the 12th it
    is the only date the page declares); on the one page where the two name different days,
    ``datePublished`` equals ``dateModified``, and ``pubdate`` is right.
    """
    declared = declared_date(src, "published", default_tz, url)
    marked = parse_when(src.pubdate_times[0], default_tz) if src.pubdate_times else None
    if marked is None or (declared is not None and _may_print_as(declared, marked.date())):
        return declared
    return marked


def _published(src, default_tz, url: str | None) -> datetime | None:
    """The article's date: declared, checked against the date printed beside the headline.

    Pages declare ``datePublished`` and ``dateModified`` and print one date under the headline.
    The printed date is what the outlet shows its readers as the article's date, and it wins a
    disagreement: CMSs often fill ``datePublished`` with the creation date of the page or of a
    guide that was since rewritten and re-dated ("Updated Aug 14, 2025"). On WCXB dev trusting
    the printed date is right in 17 more pages of 587 than trusting the declaration. When the
    printed day matches the declared publication, the declared value is used for its time and
    offset; when it matches the declared modification date, it is an (unlabelled) update stamp
    and the declared publication date stands. "Matches" allows for the reader's time zone: an
    instant declared in UTC is printed as the local day, which may be the day before or after
    (on dev: 3 pages right that were wrong, 2 the other way, and the time kept).
    ``Article.updated`` keeps the declared dateModified (``decide_updated``).
    """
    declared = _declared_publication(src, default_tz, url)
    printed = _printed_date(src, default_tz)
    if printed is None:
        return declared
    if declared is None:
        return printed
    if _may_print_as(declared, printed.date()):
        return _in_page_zone(declared, printed.date(), src, default_tz)
    modified = declared_date(src, "modified", default_tz)
    if modified is not None and _may_print_as(modified, printed.date()):
        return declared  # the printed date is the update stamp, unlabelled
    return printed


# Local time runs from UTC-12 to UTC+14 (26 hours): an instant falls on two or three calendar days.
_WEST, _EAST = timedelta(hours=-12), timedelta(hours=14)


def _may_print_as(when: datetime, day: date) -> bool:
    """Whether an instant is ``day`` in some time zone (a naive or day-only value: its own day).

    A page that declares 2025-07-05T00:04:00+00:00 prints "July 4, 2025" for its New York
    readers; the two agree, and the declaration keeps its time and offset.
    """
    if when.tzinfo is None or (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.date() == day
    utc = when.astimezone(timezone.utc)
    return (utc + _WEST).date() <= day <= (utc + _EAST).date()


def _in_page_zone(when: datetime, day: date, src, default_tz) -> datetime:
    """``when`` at an offset the page itself uses, if that puts it on the printed ``day``.

    Pages declare ``2025-12-19T02:41:41+00:00`` and print "December 18, 2025": the instant is
    the same, but its UTC day is not the article's day. The page's ``<time datetime>`` values
    give the outlet's own offset (``2025-12-18T21:46:01-05:00``); written at that offset the
    instant falls on the printed day. Without such an offset the declaration is kept as it is.
    """
    if when.date() == day:
        return when
    for value in src.times:
        stamp = parse_when(value, default_tz)
        offset = stamp.utcoffset() if stamp is not None and len(value) > 10 else None
        if offset:
            local = when.astimezone(timezone(offset))
            if local.date() == day:
                return local
    return when


# The labels of social-sharing buttons, each its own text node ("Share to LinkedIn", "Copy
# link"). They sit between the headline and the byline on many templates and say nothing about
# the article; counted as lines, five of them push "Updated Feb 11, 2026" out of the window.
_NETWORKS = r"facebook|twitter|x|linkedin|threads|bluesky|email|whatsapp|reddit|pinterest"
_SHARE_BUTTON = re.compile(
    rf"^(?:share(?:\s+(?:on|to|via))?(?:\s+(?:{_NETWORKS}))?|tweet|copy link|print|pin it|{_NETWORKS})$",
    re.IGNORECASE)


def _printed_date(src, default_tz, *, updated: bool = False) -> datetime | None:
    """The first date printed in the few lines after the headline (or just before it).

    Share-button labels are not counted as lines. Dates labelled "Updated"/"Modified"/"Reviewed"
    are skipped, or with ``updated`` are the only ones taken.
    """
    chunks, h1 = src.near_title, src.h1_index
    if h1 is None:
        return None
    after = [c for c in chunks[h1 + 1:] if not _SHARE_BUTTON.match(c)][:11]
    window = after + chunks[max(0, h1 - 4): h1]
    day_first = numeric_day_first(window)
    for i, chunk in enumerate(window):
        # A date line, not a sentence of the article that mentions a date ("and is valid
        # November 26 - December 3, 2025"), which the page's markup splits at a link.
        if len(chunk) >= 80 or chunk[:1].islower():
            continue
        prior = " ".join(window[max(0, i - 2): i])
        for start, when in printed_dates(chunk, default_tz, day_first=day_first):
            # "Updated March 3" is not when the article appeared (it may be the only date
            # shown); "Updated Nov 20, first published Nov 19" shows both, each by its label.
            if is_update_stamp(f"{prior} {chunk[:start]}", f"{prior} {chunk}") == updated:
                return when
    return None


# "This article was originally published on …", "This blog post was first published …",
# "Originally published November 9, 2022": the page speaking of itself. A sentence about another
# document ("the report, first published in 2020, …") has another subject and is not read.
_ORIGINAL_NOTE = re.compile(
    r"(?:^|\bthis (?:[a-z]+ )?(?:article|story|post|page|piece|column|essay|review|guide) (?:was )?)"
    r"(?:originally|first) (?:published|posted|appeared)\b(.{0,80})", re.IGNORECASE)
_NOTE_END = re.compile(r"\.\s+(?=[A-Z])|;|\b(?:and|but|last|updated)\b", re.IGNORECASE)
_ORIGINAL_WORDS = ("riginally published", "irst published", "riginally posted", "irst posted",
                   "riginally appeared", "irst appeared")
# One pass in C over the page's text rules out most pages (3 in 100 on dev print the words);
# the text nodes, which anchor the note, are searched only on the rest (1.9 ms a page).
_PAGE_TEXT = etree.XPath("string(/)")
_ORIGINAL_TEXTS = etree.XPath(
    "//text()[" + " or ".join(f"contains(., '{w}')" for w in _ORIGINAL_WORDS) + "]")


def _stated_original(tree: lxml_html.HtmlElement, default_tz) -> datetime | None:
    """The day a page says it was first published, in a note of its own (see ``_ORIGINAL_NOTE``)."""
    page = _PAGE_TEXT(tree)
    if not any(w in page for w in _ORIGINAL_WORDS):
        return None
    for text in _ORIGINAL_TEXTS(tree):
        m = _ORIGINAL_NOTE.search(" ".join(text.split()))
        if m:
            # Only the note's own clause: "… in March 2022. Last updated on December 20, 2024"
            # and "… and updated on …" go on to the update's date.
            when = find_printed_date(_NOTE_END.split(m.group(1))[0], default_tz)
            if when is not None:
                return when
    return None


def _guess_date(tree: lxml_html.HtmlElement, url: str | None, default_tz) -> datetime | None:
    """htmldate's search of the whole page, for pages that declare no date of their own.

    Its last resorts are a year or a month without a day: the copyright line's "© 2025" comes
    back as 2025-01-01, "March 2024" as 2024-03-01. A first of the month is therefore kept
    only when the page prints that very day; a made-up day is no publication date. (On WCXB
    dev 65 pages had such a guess and none was right: 59 were a January 1st, most of them a
    copyright year, on pages whose gold has no date at all.)
    """
    from htmldate import find_date

    with _english_fallback():
        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%d", max_date=datetime.now().strftime("%Y-%m-%d"))
    when = parse_when(found, default_tz) if found else None
    if when is not None and when.day == 1 and not prints_day(_markup(tree), when.date()):
        return None
    return when


# htmldate's last resort for a string its own patterns cannot read is dateparser with every one
# of its 200 locales: 1.6–2.6 s to load them on the first such string in a process, then ~20 ms
# a string. reportedly reads English articles (as our own dateparser calls do), and an English
# parser with htmldate's own settings takes 0.1 s, then under 1 ms. htmldate has no option for
# it, so its parser factory is swapped for the call; on WCXB dev no date changed (11 pages reach
# it), and the benchmark run gets about 5 ms/page faster. The lock keeps threads from restoring
# each other's swap; without the factory (a later htmldate) the call runs unchanged, and the
# fallback is reported (see ``upstream``).
_FALLBACK_LOCK = threading.Lock()


@contextmanager
def _english_fallback():
    from htmldate import extractors

    if not hasattr(extractors, "get_external_parser"):
        note_fallback("htmldate.extractors.get_external_parser")
        yield
        return
    with _FALLBACK_LOCK:
        default = extractors.get_external_parser
        extractors.get_external_parser = _english_parser
        try:
            yield
        finally:
            extractors.get_external_parser = default


@lru_cache(maxsize=1)
def _english_parser():
    from dateparser import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"],
        "PREFER_DATES_FROM": "past", "PREFER_LOCALE_DATE_ORDER": True,
        "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
    })


def _markup(tree: lxml_html.HtmlElement) -> str:
    """The page as HTML: its text and its attributes (``<time datetime>``), as htmldate read it."""
    return lxml_html.tostring(tree, encoding="unicode")
