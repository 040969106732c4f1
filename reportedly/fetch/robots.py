"""robots.txt: fetched once per site and run, obeyed as RFC 9309 says.

- 2xx: the rules for our token ("reportedly"), else for "*", decide; ``Crawl-delay`` is honoured.
- 4xx (401 and 403 included): the site has no rules for us, everything may be fetched.
- 5xx, or a response we could not read: the site may be down or mid-change; RFC 9309 says to
  assume everything is disallowed until the rules can be read.
Redirects are followed by the caller, like any fetch.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from typing import Callable
from urllib.parse import urlsplit

from ..errors import FetchError, FetchRefusedError
from .options import AGENT_TOKEN

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: crawlers must read at least 500 KiB
MAX_AGE = 24 * 3600  # RFC 9309: rules should not be cached longer (a server or a watch runs for days)


class _Site:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.parser: urllib.robotparser.RobotFileParser | None = None
        self.refusal: str | None = None  # why the whole site is off limits
        self.loaded_at: float | None = None


class RobotsRules:
    """The rules of every site seen; ``fetch(url)`` returns (status, body) of robots.txt."""

    def __init__(self, fetch: Callable[[str], tuple[int, bytes]]):
        self._fetch = fetch
        self._sites: dict[str, _Site] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> float:
        """The site's Crawl-delay for us (0 when none); FetchRefusedError when ``url`` is disallowed."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        try:
            site = self._site(origin)
        except FetchRefusedError:
            raise
        except FetchError as exc:
            # Named after the page asked for: robots.txt is our business, not the user's.
            reason = str(exc).split(": ", 1)[-1]
            raise FetchError(f"{url}: {reason} (fetching {origin}/robots.txt)") from exc
        if site.refusal:
            raise FetchRefusedError(f"{url}: {site.refusal}")
        if site.parser is None:
            return 0.0
        if not site.parser.can_fetch(AGENT_TOKEN, url):
            raise FetchRefusedError(f"{url}: {origin}/robots.txt does not allow {AGENT_TOKEN} to fetch it")
        delay = site.parser.crawl_delay(AGENT_TOKEN)
        return float(delay) if delay else 0.0

    def _site(self, origin: str) -> _Site:
        with self._lock:
            site = self._sites.setdefault(origin, _Site())
        with site.lock:  # one fetch of robots.txt per site, however many threads ask
            if site.loaded_at is None or time.monotonic() - site.loaded_at > MAX_AGE:
                site.parser = site.refusal = None
                self._load(origin, site)
                site.loaded_at = time.monotonic()
        return site

    def _load(self, origin: str, site: _Site) -> None:
        status, body = self._fetch(f"{origin}/robots.txt")  # a network error propagates: the page would fail too
        if 200 <= status < 300:
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
            site.parser = parser
        elif status >= 500 or status < 200 or 300 <= status < 400:
            site.refusal = (f"{origin}/robots.txt answered HTTP {status}; until the site's rules can be read, "
                            "nothing is fetched from it (RFC 9309)")
        # 4xx: no rules, everything allowed.
