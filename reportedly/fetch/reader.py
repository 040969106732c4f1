"""URLs to articles: a page, an RSS/Atom feed (each entry's page fetched), or a sitemap.

``WebReader.iter`` takes what ``analyze`` and ``ingest`` are given, paths and URLs mixed, and
yields one ``Loaded`` per article or per failure, in order: one clear message per URL and the
batch goes on. What it learns about each URL (validators, status, time) is collected in
``states`` for the caller to save; it never writes to a store itself (it runs in the ingest
pool's feeder thread, and only the main thread writes).

What is fetched again, and what is not:
- a URL already fetched in this run is not fetched twice (a page in two feeds);
- a page or feed fetched in an earlier run is fetched with a conditional GET (ETag,
  Last-Modified): "304 Not Modified" costs the site almost nothing and yields nothing;
- a feed entry or sitemap page fetched before is fetched again only when the feed (sitemap)
  dates it after that fetch: re-checking every entry of every feed at each poll would hammer
  the sites, and feeds say when an entry changed.
"""
from __future__ import annotations

import calendar
from datetime import datetime, timezone
from typing import Iterator, Sequence
from urllib.parse import urljoin

from ..errors import InputError, ReportedlyError, internal_error
from ..ingest import Loaded, ReadOptions, iter_articles, sniff_format
from ..ingest.feeds import parse_feed
from ..ingest.webpage import HTML_TYPES, media_type, read_web_page, warc_date
from ..store.fetched import FetchState
from .archive import WarcArchive
from .client import Fetched, Fetcher
from .options import WebOptions
from .sitemap import looks_like_sitemap, parse_sitemap
from .sources import is_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml")


class WebReader:
    """Reads paths and URLs into articles; ``close`` it when done."""

    def __init__(self, web: WebOptions, options: ReadOptions = ReadOptions(), *,
                 known: dict[str, FetchState] | None = None, archive: WarcArchive | None = None,
                 fetcher: Fetcher | None = None):
        self.web = web
        self.options = options
        self.known = known or {}
        self.states: list[FetchState] = []   # what to save once the run has dealt with the articles
        self.not_modified = 0                # conditional GETs answered 304
        self.unchanged = 0                   # feed entries and sitemap pages not updated since fetched
        self._archive = archive
        self._own_archive = archive is None
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self._seen: set[str] = set()
        self._failed: set[str] = set()       # URLs whose fetch failed in this run

    @property
    def archive(self) -> WarcArchive | None:
        if self._archive is None and self.web.archive_dir is not None:
            self._archive = WarcArchive(self.web.archive_dir, software=f"{self.web.fetch.user_agent()} (reportedly.fetch)",
                                        user_agent=self.web.fetch.user_agent())
        return self._archive

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.web.fetch, archive=self.archive)
        return self._fetcher

    def close(self) -> None:
        """Close what this reader opened: its fetcher's connections and its archive file."""
        if self._fetcher is not None and self._own_fetcher:
            self._fetcher.close()
        if self._archive is not None and self._own_archive:
            self._archive.close()

    def iter(self, paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Loaded]:
        """Every article of ``paths`` in order: files as ``iter_articles`` reads them, URLs fetched."""
        options = options or self.options
        for path in paths:
            if is_url(path):
                yield from self.read_url(path)
            else:
                yield from iter_articles([path], options)

    def read_url(self, url: str) -> Iterator[Loaded]:
        """The article(s) at ``url``: a page, each entry of a feed, each page of a sitemap."""
        fetched = yield from self._fetch(url)
        if fetched is None:
            return
        media = media_type(fetched.content_type)
        if self.web.sitemap or (media not in HTML_TYPES and looks_like_sitemap(fetched.body)):
            complete = yield from self._sitemap(fetched)
        elif media in FEED_TYPES or (media not in HTML_TYPES and sniff_format(fetched.body[:2048]) == "feed"):
            complete = yield from self._feed(fetched)
        elif media in HTML_TYPES or not media or (media in XML_TYPES and sniff_format(fetched.body[:2048]) == "html"):
            complete = yield from self._page(fetched)
        else:
            yield Loaded(url, error=f"{url}: not an HTML page, a feed or a sitemap but {media}")
            complete = True
        if complete:
            self._remember(url, fetched)

    def _fetch(self, url: str):
        """The response for ``url`` (a generator returning it), or None after yielding why not."""
        if url in self._seen:
            return None
        self._seen.add(url)
        state = self.known.get(url)
        try:
            fetched = self.fetcher.fetch(url, etag=state.etag if state else None,
                                         last_modified=state.last_modified if state else None)
        except ReportedlyError as exc:
            self._failed.add(url)
            yield Loaded(url, error=str(exc))
            return None
        if fetched.not_modified:
            self.not_modified += 1
            self._remember(url, fetched, previous=state)
            return None
        return fetched

    def _remember(self, url: str, fetched: Fetched, previous: FetchState | None = None) -> None:
        # A 304 may omit the validators: the ones that got it stay valid.
        self.states.append(FetchState(
            url=url, checked_at=fetched.fetched_at.isoformat(), status=fetched.status,
            etag=fetched.header("etag") or (previous.etag if previous else None),
            last_modified=fetched.header("last-modified") or (previous.last_modified if previous else None),
        ))

    def _page(self, fetched: Fetched):
        """Yield the page's article (or why not); return whether its state may be saved."""
        id = fetched.url
        try:
            article = read_web_page(
                fetched.body, id, content_type=fetched.content_type, url=fetched.url,
                crawled=warc_date(fetched.fetched_at), fetch=fetched.record(), zone=self.options.zone,
                source_path=fetched.requested_url,
            )
            yield Loaded(id, article)
        except ReportedlyError as exc:
            yield Loaded(id, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - the batch edge: a reader's bug ends this page only
            yield Loaded(id, error=internal_error(fetched.url, "reading", exc))
        # Saved even when the page has no article: the same bytes would fail the same way.
        return True

    def _feed(self, fetched: Fetched):
        try:
            parsed = parse_feed(fetched.body, fetched.url)
        except InputError as exc:
            yield Loaded(fetched.url, error=str(exc))
            return True
        entries = []
        for number, entry in enumerate(parsed.entries, start=1):
            link = (entry.get("link") or "").strip()
            if not link:
                yield Loaded(f"{fetched.url}#{number}", error=f"{fetched.url}: entry {number} has no link to fetch")
                continue
            # Read from the dict itself: feedparser's own get() warns when "updated" is missing.
            stamp = dict.get(entry, "updated_parsed") or dict.get(entry, "published_parsed")
            when = datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc) if stamp else None
            entries.append((urljoin(fetched.url, link), when))
        return (yield from self._pages(entries))

    def _sitemap(self, fetched: Fetched, depth: int = 0):
        try:
            sitemap = parse_sitemap(fetched.body, fetched.url)
        except InputError as exc:
            yield Loaded(fetched.url, error=str(exc))
            return True
        complete = yield from self._pages(sitemap.pages)
        for url in sitemap.sitemaps:
            url = urljoin(fetched.url, url)
            if depth > 0:
                yield Loaded(url, error=f"{url}: a sitemap index inside a sitemap index is not followed")
                continue
            child = yield from self._fetch(url)
            if child is None:
                complete = complete and url not in self._failed
                continue
            if (yield from self._sitemap(child, depth + 1)):
                self._remember(url, child)
            else:
                complete = False
        return complete

    def _pages(self, entries: Sequence[tuple[str, datetime | None]]):
        """Fetch and read each listed page not known to be unchanged; return whether none of
        them failed to be fetched (a feed whose entries could not all be had is fetched in full
        next time, not answered 304)."""
        complete = True
        for url, when in entries:
            state = self.known.get(url)
            if when is not None and when.tzinfo is None:
                when = when.replace(tzinfo=timezone.utc)  # a sitemap's bare date
            if state is not None and (when is None or when <= datetime.fromisoformat(state.checked_at)):
                self.unchanged += 1
                continue
            fetched = yield from self._fetch(url)
            if fetched is None:
                complete = complete and url not in self._failed
                continue
            media = media_type(fetched.content_type)
            if media and media not in HTML_TYPES:
                yield Loaded(url, error=f"{url}: not an HTML page but {media}")
            else:
                yield from self._page(fetched)
            self._remember(url, fetched)
        return complete
