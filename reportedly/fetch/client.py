"""The fetcher: one GET at a time per host, politely, with every response archived.

``Fetcher.fetch(url)`` follows redirects itself (each hop is checked against robots.txt and,
on a public server, the address rules, and each is archived and recorded), retries 429 and 5xx
with backoff (``Retry-After`` when the server gives one), caps the size and the time of a body,
and raises ``FetchError`` with one clear sentence naming the URL when the page cannot be had.
"""
from __future__ import annotations

import hashlib
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import FetchError, FetchRefusedError
from ..model import Fetch
from .archive import Exchange, WarcArchive
from .guard import check_address, check_host
from .hosts import HostGate
from .options import FetchOptions
from .robots import RobotsRules

REDIRECTS = (301, 302, 303, 307, 308)
RETRIED = (429, 500, 502, 503, 504)


@dataclass(frozen=True)
class Fetched:
    """The final response of a fetch, after redirects; ``tries`` counts retries of its last hop."""

    requested_url: str
    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: datetime
    redirects: tuple[tuple[str, int], ...] = ()
    tries: int = 1
    warc_file: str | None = None
    warc_record: str | None = None

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (any case), or None."""
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def content_type(self) -> str | None:
        return self.header("content-type")

    @property
    def not_modified(self) -> bool:
        """The server said the page has not changed since the validators we sent (304)."""
        return self.status == 304

    def record(self) -> Fetch:
        """The fetch record an article keeps."""
        return Fetch(
            requested_url=self.requested_url, url=self.url, status=self.status, fetched_at=self.fetched_at,
            sha256=hashlib.sha256(self.body).hexdigest(), content_type=self.content_type,
            redirects=self.redirects, warc_file=self.warc_file, warc_record=self.warc_record,
        )


def readable_type(media_type: str) -> bool:
    """Bodies worth reading: HTML, XML (feeds, sitemaps), plain text; or no declared type."""
    return not media_type or media_type.startswith("text/") or "xml" in media_type


class Fetcher:
    """Fetches URLs politely; ``archive`` receives every response. Close it (or use ``with``).

    ``sleep`` waits between tries and between requests to one host; tests pass a recorder so
    that a 429 asking for a minute takes no time.
    """

    def __init__(self, options: FetchOptions = FetchOptions(), *, archive: WarcArchive | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.options = options
        self.archive = archive
        self._sleep = sleep
        self.gate = HostGate(options.host_concurrency, sleep=sleep)
        self.robots = RobotsRules(self._robots_txt)
        self.client = httpx.Client(
            headers={"User-Agent": options.user_agent()},
            timeout=httpx.Timeout(connect=options.connect_timeout, read=options.read_timeout,
                                  write=options.read_timeout, pool=options.total_timeout),
            follow_redirects=False,
            # A public server connects directly: a proxy from the environment would hide the
            # address actually reached from the private-address check.
            trust_env=options.allow_private,
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections (the archive is its creator's to close: it may outlive us)."""
        self.client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``: the final 2xx or 304 response; FetchError (FetchRefusedError) otherwise.

        ``etag`` and ``last_modified`` make it a conditional GET: an unchanged page answers 304,
        with no body, and costs the site almost nothing.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched = self._follow(url, headers, obey_robots=True, max_bytes=self.options.max_bytes)
        if fetched.status >= 400 or fetched.status < 200 or 300 <= fetched.status < 400 and not fetched.not_modified:
            after = f" after {fetched.tries} tries" if fetched.tries > 1 else ""
            where = f" (at {fetched.url})" if fetched.url != url else ""
            raise FetchError(f"{url}: HTTP {fetched.status} {fetched.reason}{after}{where}".rstrip())
        return fetched

    def _robots_txt(self, url: str) -> tuple[int, bytes]:
        from .robots import MAX_ROBOTS_BYTES

        fetched = self._follow(url, {}, obey_robots=False, max_bytes=MAX_ROBOTS_BYTES, cut_ok=True)
        return fetched.status, fetched.body

    def _follow(self, url: str, headers: dict, *, obey_robots: bool, max_bytes: int, cut_ok: bool = False) -> Fetched:
        hops: list[tuple[str, int]] = []
        current = url
        for _ in range(self.options.max_redirects + 1):
            host, port = _host_port(current)
            delay = self.options.delay
            if obey_robots:
                delay = max(delay, self._crawl_delay(current))
            if not self.options.allow_private:
                check_host(current, host, port)
            exchange, record, tries = self._get(current, headers, delay, max_bytes, cut_ok)
            location = next((v for k, v in exchange.headers if k.lower() == "location"), None)
            if exchange.status in REDIRECTS and location:
                hops.append((current, exchange.status))
                current = urljoin(current, location.strip())
                continue
            return Fetched(
                requested_url=url, url=current, status=exchange.status, reason=exchange.reason,
                headers=exchange.headers, body=exchange.body, fetched_at=exchange.fetched_at,
                redirects=tuple(hops), tries=tries, warc_file=record[0] if record else None,
                warc_record=record[1] if record else None,
            )
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects (last to {current})")

    def _crawl_delay(self, url: str) -> float:
        delay = self.robots.check(url)
        if delay > self.options.max_retry_wait:
            raise FetchRefusedError(f"{url}: the site's robots.txt asks for {delay:g} s between requests, "
                                    f"over the limit of {self.options.max_retry_wait:g} s")
        return delay

    def _get(self, url: str, headers: dict, delay: float, max_bytes: int, cut_ok: bool):
        """One hop, retried on 429 and 5xx: (exchange, archive record or None, tries)."""
        key = "{}:{}".format(*_host_port(url))
        for attempt in range(self.options.retries + 1):
            with self.gate.slot(key, delay):
                exchange, problem = self._exchange(url, headers, max_bytes)
            record = self.archive.write(exchange) if self.archive is not None else None
            if problem and not (cut_ok and exchange.truncated == "length"):
                raise FetchError(problem)
            if exchange.status not in RETRIED or attempt == self.options.retries:
                return exchange, record, attempt + 1
            given = retry_after(_header(exchange.headers, "retry-after"), exchange.fetched_at)
            wait = given if given is not None else self.options.backoff * 2 ** attempt
            if wait > self.options.max_retry_wait:
                raise FetchError(f"{url}: HTTP {exchange.status} {exchange.reason}; the server asks to wait "
                                 f"{wait:g} s, over the limit of {self.options.max_retry_wait:g} s")
            self._sleep(wait)
        raise AssertionError("unreachable")

    def _exchange(self, url: str, headers: dict, max_bytes: int) -> tuple[Exchange, str | None]:
        """One GET: the exchange to archive, and the reason it failed when it did."""
        options = self.options
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                fetched_at = datetime.now(timezone.utc).replace(microsecond=0)
                if not options.allow_private:
                    _check_peer(url, response)
                body = bytearray()
                truncated = problem = None
                media = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    truncated = "length"
                    problem = f"{url}: the page is {int(declared):,} bytes, over the limit of {max_bytes:,} (--max-bytes)"
                elif 200 <= response.status_code < 300 and not readable_type(media):
                    truncated = "unspecified"
                    problem = f"{url}: not a web page or feed but {media}; nothing was read"
                else:
                    try:
                        for chunk in response.iter_bytes():
                            body += chunk
                            if len(body) > max_bytes:
                                del body[max_bytes:]  # the archive keeps exactly what the cap let in
                                truncated = "length"
                                problem = (f"{url}: the body goes on past {max_bytes:,} bytes, the limit "
                                           "(--max-bytes); it was not read to the end")
                                break
                            if time.monotonic() - started > options.total_timeout:
                                truncated = "time"
                                problem = (f"{url}: the body was still arriving after {options.total_timeout:g} s, "
                                           "the limit; the server is too slow or sends without end")
                                break
                    except httpx.TimeoutException:
                        truncated = "time"
                        problem = f"{url}: the server stopped sending for {options.read_timeout:g} s in the middle of the body"
                    except httpx.DecodingError as exc:
                        truncated = "unspecified"
                        problem = f"{url}: the body could not be decoded ({response.headers.get('content-encoding')}: {exc})"
                    except httpx.TransportError as exc:
                        truncated = "disconnect"
                        problem = f"{url}: the connection broke off in the middle of the body ({type(exc).__name__})"
                exchange = Exchange(
                    url=url, request_target=response.request.url.raw_path.decode("ascii", "replace"),
                    request_headers=tuple(response.request.headers.multi_items()),
                    status=response.status_code, reason=response.reason_phrase or "",
                    http_version=response.http_version or "HTTP/1.1",
                    headers=tuple(response.headers.multi_items()), body=bytes(body),
                    fetched_at=fetched_at, truncated=truncated,
                )
                return exchange, problem
        except httpx.HTTPError as exc:
            raise _network_error(url, exc, options) from exc


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: not an http or https URL")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"{url}: the URL has a bad port ({exc})") from exc
    return parts.hostname, port


def _header(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    return next((v for k, v in headers if k.lower() == name), None)


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _check_peer(url: str, response: httpx.Response) -> None:
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        raise FetchRefusedError(f"{url}: the address connected to could not be checked; not fetched")
    check_address(url, urlsplit(url).hostname or "", peer[0])


def _causes(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _network_error(url: str, exc: httpx.HTTPError, options: FetchOptions) -> FetchError:
    """One sentence for a request that got no response."""
    host = urlsplit(url).hostname
    causes = list(_causes(exc))
    if any(isinstance(c, socket.gaierror) for c in causes):
        return FetchError(f"{url}: the host name {host} could not be resolved (DNS lookup failed)")
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return FetchError(f"{url}: the connection to {host} was refused")
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"{url}: no connection to {host} within {options.connect_timeout:g} s")
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(f"{url}: no answer from {host} within {options.read_timeout:g} s")
    tls = next((c for c in causes if isinstance(c, ssl.SSLError)), None)
    if tls is not None:
        return FetchError(f"{url}: the secure connection to {host} failed ({tls.reason or tls})")
    return FetchError(f"{url}: the request failed ({type(exc).__name__}: {exc})")
