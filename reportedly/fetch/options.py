"""How politely and how far to fetch: one options object, built once (defaults, then the user's)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..ingest.decode import DEFAULT_MAX_BYTES

# The token robots.txt rules name us by ("User-agent: reportedly").
AGENT_TOKEN = "reportedly"


@dataclass(frozen=True)
class FetchOptions:
    """Everything the fetcher needs to know; times in seconds.

    The defaults are those of a polite crawler run by hand: one request at a time per host, a
    second apart (or the host's robots.txt ``Crawl-delay`` when longer), a few retries that back
    off, and caps that keep a misbehaving server from holding a run forever.
    """

    contact: str | None = None          # an e-mail or URL put in the User-Agent, so a site can reach us
    delay: float = 1.0                  # between the starts of two requests to one host
    host_concurrency: int = 1           # requests in flight to one host at once
    connect_timeout: float = 10.0
    read_timeout: float = 20.0          # the longest silence while receiving
    total_timeout: float = 60.0         # headers to last byte of one response (a slow drip is cut)
    retries: int = 3                    # further tries after a 429 or a 5xx
    backoff: float = 2.0                # first wait when the server gives no Retry-After; doubles
    max_retry_wait: float = 300.0       # a longer Retry-After (or Crawl-delay) gives up instead
    max_bytes: int = DEFAULT_MAX_BYTES  # largest body read; more is an error, not a truncation
    max_redirects: int = 10
    allow_private: bool = True          # False: refuse loopback, private and link-local addresses

    def user_agent(self) -> str:
        """The User-Agent header: our name and version, and how to reach whoever runs it."""
        from .. import __version__ as version

        contact = f"; +{self.contact}" if self.contact else ""
        return f"{AGENT_TOKEN}/{version} (attribution analysis of news{contact})"


@dataclass(frozen=True)
class WebOptions:
    """How URLs are fetched and where responses are archived (None: not archived)."""

    fetch: FetchOptions = FetchOptions()
    archive_dir: Path | None = None
    sitemap: bool = False  # the URLs given are sitemaps (sniffed anyway when the root says so)
