"""Where the web app keeps analyses: recent ones in memory, and the corpus store with ``--db``.

Analysing runs in a worker process (``web.worker``): page reads never wait for it. The lock here
only guards the dict of recent analyses, for microseconds.
Each article has a time budget (reportedly.budget) in the worker as well.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from ..errors import InputError, NotFoundError, TooLargeError
from .worker import AnalysisWorker, Job

DEFAULT_MAX_BYTES = 2_000_000
RECENT = 200
# Lines of the home page's recent list.
RECENT_SHOWN = 20


class Library:
    """Analyses made by this process (bounded, most recent kept) and an optional corpus store."""

    def __init__(self, analyzer=None, store=None, max_bytes: int = DEFAULT_MAX_BYTES, fetch=None,
                 worker: AnalysisWorker | None = None, saver=None):
        from .fetching import PageFetcher

        self.worker = worker or AnalysisWorker(analyzer)
        self.saver = saver  # a web.saving.StoreSaver: analyses are kept in the store (serve --save)
        self.store = store
        self.pages = PageFetcher(fetch)  # fetch: a FetchPolicy, or None to fetch nothing
        self.max_bytes = max_bytes
        self._recent: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Start the analysis worker now, so that it loads the model before the first request."""
        self.worker.start()

    def analyze(self, text: str | None = None, html: str | bytes | None = None, name: str | None = None,
                url: str | None = None) -> dict:
        """Analyse pasted text or HTML, or the page at ``url``; returns the analysis dict and
        remembers it by its id."""
        if url is not None:
            article = self.pages.article(url)
            return self._analyze(Job(article.id, article=article))
        if text is None and html is None:
            raise InputError("give the article as text or html")
        raw = text if text is not None else html
        size = len(raw.encode("utf-8", "replace")) if isinstance(raw, str) else len(raw)
        if size > self.max_bytes:
            raise TooLargeError(f"the article is {size:,} bytes; the limit is {self.max_bytes:,}")
        digest = hashlib.sha1(raw.encode("utf-8", "replace") if isinstance(raw, str) else raw).hexdigest()[:12]
        article_id = f"{_slug(name) or 'article'}-{digest}"
        if text is not None and not text.strip():
            raise InputError("the article text is empty")
        return self._analyze(Job(article_id, text=text) if text is not None else Job(article_id, html=html))

    def _analyze(self, job: Job) -> dict:
        result = self.worker.run(job)  # in the worker process; this thread only waits
        if self.saver is not None and not result.get("errors"):
            # The store may have given the article another id (one already used by another text).
            result = {**result, "id": self.saver.save(result)}
        else:
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

    def recent_summaries(self) -> list[dict]:
        """One line per recent analysis (id, title, outlet, published, attributions): with a store,
        the articles it holds, latest stored first; without, this process's analyses."""
        if self.store is not None:
            rows, _ = self.store.articles(limit=RECENT_SHOWN, order="stored")
            return [{"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
                     "attributions": r["n_attributions"]} for r in rows]
        return [summary(a) for a in self.recent()][:RECENT_SHOWN]

    async def run(self, **kwargs) -> dict:
        """``analyze`` from a request: a server thread waits for the worker process."""
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(self.analyze, **kwargs)

    def get(self, article_id: str) -> dict:
        """The analysis dict of an article, from memory or the store; NotFoundError otherwise."""
        with self._lock:
            found = self._recent.get(article_id)
        if found is not None:
            return found
        if self.store is not None:
            return self.store.analysis(article_id)  # raises the store's NotFoundError (404)
        raise NotFoundError(f"no article with id {article_id!r}; analyse it first or check the id")


def summary(analysis: dict) -> dict:
    """What a list of articles shows of one analysis."""
    art = analysis.get("article") or {}
    return {
        "id": analysis["id"],
        "title": art.get("title"),
        "outlet": art.get("outlet"),
        "published": art.get("published"),
        "attributions": len(analysis.get("attributions", [])),
    }


def _slug(name: str | None) -> str:
    if not name:
        return ""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    for suffix in (".html", ".htm", ".txt", ".text"):
        if base.lower().endswith(suffix):
            base = base[: -len(suffix)]
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in base)[:60].strip("-")
