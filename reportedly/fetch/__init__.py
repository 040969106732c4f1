"""Fetching articles from the web, politely and on the record.

``Fetcher`` gets one URL (robots.txt, per-host delay and concurrency, retries, caps, redirects
recorded, every response archived as WARC by ``WarcArchive``); ``WebReader`` turns URLs of
pages, RSS/Atom feeds and sitemaps into articles; ``iter_sources`` and ``ingest_sources`` mix
URLs with paths for ``analyze`` and ``ingest``; ``watch`` polls. See docs/fetch.md.
"""
from ..errors import FetchError, FetchRefusedError
from .options import FetchOptions, WebOptions
from .sources import is_url

__all__ = ["FetchError", "FetchOptions", "FetchRefusedError", "Fetched", "Fetcher", "WarcArchive",
           "WebOptions", "WebReader", "is_url"]


def __getattr__(name: str):
    # httpx and warcio are imported only by commands that fetch something.
    if name in ("Fetched", "Fetcher"):
        from . import client

        return getattr(client, name)
    if name == "WarcArchive":
        from .archive import WarcArchive

        return WarcArchive
    if name == "WebReader":
        from .reader import WebReader

        return WebReader
    raise AttributeError(name)
