"""Where the web app keeps analyses: recent ones in memory, and the corpus store with ``--db``.

Analysing is CPU-bound and spaCy pipelines are not safe to share between threads, so one
Analyzer is loaded per process (lazily, on first use) and guarded by a lock. Its time budget per
article (reportedly.budget) bounds how long one request can hold that lock.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from ..budget import DEFAULT_TIME_LIMIT
from ..errors import InputError, NotFoundError, TooLargeError
from ..ingest import read_article
from ..ingest.html import read_html
from ..serialize import analysis_dict

DEFAULT_MAX_BYTES = 2_000_000
RECENT = 200


class Library:
    """Analyses made by this process (bounded, most recent kept) and an optional corpus store."""

    def __init__(self, analyzer=None, store=None, max_bytes: int = DEFAULT_MAX_BYTES, fetch=None,
                 time_limit: float | None = DEFAULT_TIME_LIMIT):
        from .fetching import PageFetcher

        self._analyzer = analyzer
        self.store = store
        self.pages = PageFetcher(fetch)  # fetch: a FetchPolicy, or None to fetch nothing
        self.max_bytes = max_bytes
        self.time_limit = time_limit
        self._recent: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def analyzer(self):
        """The one Analyzer of this process, loaded on first use."""
        with self._lock:
            if self._analyzer is None:
                from ..workers import analyzer

                self._analyzer = analyzer(time_limit=self.time_limit)
            return self._analyzer

    def analyze(self, text: str | None = None, html: str | bytes | None = None, name: str | None = None,
                url: str | None = None) -> dict:
        """Analyse pasted text or HTML, or the page at ``url``; returns the analysis dict and
        remembers it by its id."""
        if url is not None:
            return self._analyze_article(self.pages.article(url))
        if text is None and html is None:
            raise InputError("give the article as text or html")
        raw = text if text is not None else html
        size = len(raw.encode("utf-8", "replace")) if isinstance(raw, str) else len(raw)
        if size > self.max_bytes:
            raise TooLargeError(f"the article is {size:,} bytes; the limit is {self.max_bytes:,}")
        digest = hashlib.sha1(raw.encode("utf-8", "replace") if isinstance(raw, str) else raw).hexdigest()[:12]
        article_id = f"{_slug(name) or 'article'}-{digest}"
        if text is not None:
            if not text.strip():
                raise InputError("the article text is empty")
            article = read_article(text, article_id)
        else:
            article = read_html(html, article_id)
        return self._analyze_article(article)

    def _analyze_article(self, article) -> dict:
        analyzer = self.analyzer
        with self._lock:
            analysis = analyzer.analyze(article)
        result = analysis_dict(analysis)
        self.remember(result)
        return result

    def remember(self, analysis: dict) -> None:
        with self._lock:
            self._recent[analysis["id"]] = analysis
            self._recent.move_to_end(analysis["id"])
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)

    def recent(self) -> list[dict]:
        """Analyses made by this process, newest first."""
        with self._lock:
            return list(reversed(self._recent.values()))

    def get(self, article_id: str) -> dict:
        """The analysis dict of an article, from memory or the store; NotFoundError otherwise."""
        with self._lock:
            found = self._recent.get(article_id)
        if found is not None:
            return found
        if self.store is not None:
            return self.store.analysis(article_id)  # raises the store's NotFoundError (404)
        raise NotFoundError(f"no article with id {article_id!r}; analyse it first or check the id")


def _slug(name: str | None) -> str:
    if not name:
        return ""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    for suffix in (".html", ".htm", ".txt", ".text"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in base)[:60].strip("-")
