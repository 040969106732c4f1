"""Fetching the page at a URL for the analyse form and ``POST /api/analyze``.

Off unless the server was started so (``reportedly serve`` decides: on for loopback, otherwise
only with ``--allow-fetch``, and then private addresses are refused). One page per request: a
feed or a sitemap is for ``reportedly ingest``.
"""
from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import FetchRefusedError, InputError
from ..fetch.options import FetchOptions
from ..fetch.sources import is_url
from ..ingest.webpage import HTML_TYPES, media_type, read_web_page, warc_date
from ..model import Article


@dataclass(frozen=True)
class FetchPolicy:
    """How the app fetches: the fetcher's options (``allow_private`` False on a public server)
    and the archive folder (None: responses are not archived)."""

    options: FetchOptions
    archive_dir: Path | None = None


class PageFetcher:
    """Reads the article at a URL; shared by the app's threads (one fetcher, one archive)."""

    def __init__(self, policy: FetchPolicy | None):
        self.policy = policy
        self._fetcher = None
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.policy is not None

    def _get_fetcher(self):
        with self._lock:
            if self._fetcher is None:
                from ..fetch.archive import WarcArchive
                from ..fetch.client import Fetcher

                options = self.policy.options
                archive = None
                if self.policy.archive_dir is not None:
                    archive = WarcArchive(self.policy.archive_dir, software=f"{options.user_agent()} (reportedly serve)",
                                          user_agent=options.user_agent())
                self._fetcher = Fetcher(options, archive=archive)
            return self._fetcher

    def article(self, url: str) -> Article:
        """The article of the page at ``url``, with its fetch record.

        FetchRefusedError when this server does not fetch; FetchError when the page cannot be
        had; InputError for what is not one web page.
        """
        if self.policy is None:
            raise FetchRefusedError("this server does not fetch URLs: it is reachable from other machines; "
                                    "start it with `reportedly serve --allow-fetch` to let it fetch public pages")
        url = url.strip()
        if not is_url(url):
            raise InputError(f"{url[:200]!r} is not an http:// or https:// URL")
        fetched = self._get_fetcher().fetch(url)
        media = media_type(fetched.content_type)
        if media and media not in HTML_TYPES:
            raise InputError(f"{url}: not an HTML page but {media}; the form analyses one page "
                             "(feeds and sitemaps: `reportedly ingest URL`)")
        digest = hashlib.sha256(fetched.body).hexdigest()[:12]
        id = f"{_slug(fetched.url) or 'page'}-{digest}"
        return read_web_page(fetched.body, id, content_type=fetched.content_type, url=fetched.url,
                             crawled=warc_date(fetched.fetched_at), fetch=fetched.record(), source_path=url)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            if self._fetcher.archive is not None:
                self._fetcher.archive.close()


def _slug(url: str) -> str:
    """The last path segment of a URL (else its host), as an id part: "bridge-to-reopen"."""
    parts = urlsplit(url)
    segment = next((s for s in reversed(parts.path.split("/")) if s), "") or parts.hostname or ""
    segment = re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE)
    return re.sub(r"[^A-Za-z0-9_-]+", "-", segment)[:60].strip("-")
