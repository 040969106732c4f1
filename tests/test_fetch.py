"""The fetcher against a local server on 127.0.0.1 (never the Internet): politeness, retries,
redirects, caps, errors and the WARC archive. No model needed."""
from __future__ import annotations

import hashlib
import socket
import threading
import time
from email.utils import formatdate

import pytest
from warcio.archiveiterator import ArchiveIterator

from fetch_server import LocalServer, Reply, article_page, streaming, no_proxy  # noqa: F401 - autouse
from reportedly.errors import FetchError, FetchRefusedError
from reportedly.fetch import FetchOptions
from reportedly.fetch.archive import WarcArchive
from reportedly.fetch.client import Fetcher, retry_after
from reportedly.fetch.guard import is_public

# Tiny waits: the behaviour under test is which waits are asked for, not waiting.
FAST = FetchOptions(delay=0, backoff=0.01, retries=2, connect_timeout=2, read_timeout=0.4,
                    total_timeout=0.8, max_bytes=200_000, contact="desk@example.org")
PAGE = article_page("Bridge to reopen", ["The transport chief said the old bridge would reopen next week after repairs to its deck."])


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


class Recorder:
    """A sleep that only notes how long it was asked to wait."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def make(tmp_path=None, sleep=None, **changes) -> Fetcher:
    from dataclasses import replace

    archive = WarcArchive(tmp_path / "warc", software="test", user_agent="test") if tmp_path else None
    return Fetcher(replace(FAST, **changes), archive=archive, sleep=sleep or Recorder())


def records(folder):
    out = []
    for path in sorted(folder.glob("*.warc.gz")):
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                out.append((record.rec_type, record.rec_headers, record.http_headers, record.content_stream().read()))
    return out


def test_a_page_is_fetched_as_us_and_archived(server, tmp_path):
    server.routes["/news/bridge"] = Reply(body=PAGE)
    with make(tmp_path) as fetcher:
        fetched = fetcher.fetch(server.url("/news/bridge"))
    assert fetched.status == 200 and fetched.url == fetched.requested_url == server.url("/news/bridge")
    assert fetched.body == PAGE.encode() and fetched.record().sha256 == hashlib.sha256(PAGE.encode()).hexdigest()
    agent = server.requests[-1].headers["user-agent"]
    assert agent.startswith("reportedly/") and "desk@example.org" in agent
    # robots.txt was asked first, once.
    assert server.paths() == ["/robots.txt", "/news/bridge"]
    archived = records(tmp_path / "warc")
    assert [r[0] for r in archived] == ["warcinfo", "response", "request", "response", "request"]
    response = archived[3]
    assert response[1].get_header("WARC-Record-ID") == fetched.warc_record
    assert response[1].get_header("WARC-Target-URI") == server.url("/news/bridge")
    assert response[3] == PAGE.encode()
    assert archived[4][1].get_header("WARC-Concurrent-To") == fetched.warc_record
    assert fetched.warc_file == next((tmp_path / "warc").glob("*.warc.gz")).name


def test_redirects_are_followed_recorded_and_archived(server, tmp_path):
    server.routes["/old"] = Reply(301, headers={"Location": "/moved"})
    server.routes["/moved"] = Reply(302, headers={"Location": server.url("/news/bridge")})
    server.routes["/news/bridge"] = Reply(body=PAGE)
    with make(tmp_path) as fetcher:
        fetched = fetcher.fetch(server.url("/old"))
    assert fetched.requested_url == server.url("/old") and fetched.url == server.url("/news/bridge")
    assert fetched.redirects == ((server.url("/old"), 301), (server.url("/moved"), 302))
    statuses = [r[2].get_statuscode() for r in records(tmp_path / "warc") if r[0] == "response"]
    assert statuses == ["404", "301", "302", "200"]  # robots.txt, then each hop


def test_a_redirect_loop_ends_with_a_message(server):
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop"})
    with make(max_redirects=3) as fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(server.url("/loop"))


@pytest.mark.parametrize("status,reason", [(404, "Not Found"), (410, "Gone")])
def test_missing_pages_say_so(server, status, reason):
    server.routes["/gone"] = Reply(status, "<html><body>no</body></html>")
    with make() as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/gone"))
    assert str(caught.value) == f"{server.url('/gone')}: HTTP {status} {reason}"
    assert server.paths().count("/gone") == 1  # a 4xx is not retried


def test_500_then_200_is_retried_with_backoff(server):
    server.routes["/flaky"] = [Reply(500, "oops"), Reply(body=PAGE)]
    sleep = Recorder()
    with make(sleep=sleep) as fetcher:
        fetched = fetcher.fetch(server.url("/flaky"))
    assert fetched.status == 200 and fetched.tries == 2
    assert server.paths().count("/flaky") == 2 and sleep.waits == [FAST.backoff]


def test_5xx_after_every_retry_fails_clearly(server):
    server.routes["/down"] = Reply(503, "busy")
    sleep = Recorder()
    with make(sleep=sleep) as fetcher, pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable after 3 tries$"):
        fetcher.fetch(server.url("/down"))
    assert server.paths().count("/down") == 3
    assert sleep.waits == [FAST.backoff, FAST.backoff * 2]  # backing off


def test_429_waits_as_retry_after_says(server):
    later = formatdate(time.time() + 30, usegmt=True)
    server.routes["/busy"] = [Reply(429, headers={"Retry-After": "7"}), Reply(429, headers={"Retry-After": later}), Reply(body=PAGE)]
    sleep = Recorder()
    with make(sleep=sleep) as fetcher:
        assert fetcher.fetch(server.url("/busy")).status == 200
    assert sleep.waits[0] == 7.0 and 25 <= sleep.waits[1] <= 31


def test_a_retry_after_over_the_limit_gives_up(server):
    server.routes["/busy"] = Reply(429, headers={"Retry-After": "3600"})
    with make(max_retry_wait=60) as fetcher, pytest.raises(FetchError, match="asks to wait 3600 s, over the limit of 60 s"):
        fetcher.fetch(server.url("/busy"))


def test_retry_after_forms():
    from datetime import datetime, timezone

    now = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after("120", now) == 120.0
    assert retry_after("Wed, 01 May 2024 12:01:00 GMT", now) == 60.0
    assert retry_after("Wed, 01 May 2024 11:00:00 GMT", now) == 0.0
    assert retry_after("soon", now) is None and retry_after(None, now) is None


def test_a_slow_drip_is_cut_at_the_total_time(server, tmp_path):
    server.routes["/drip"] = streaming(server, pause=0.05)
    started = time.monotonic()
    with make(tmp_path, max_bytes=10_000_000) as fetcher, pytest.raises(FetchError, match="still arriving after 0.8 s"):
        fetcher.fetch(server.url("/drip"))
    assert time.monotonic() - started < 5
    truncated = [r[1].get_header("WARC-Truncated") for r in records(tmp_path / "warc") if r[0] == "response"]
    assert truncated[-1] == "time"


def test_a_silent_server_times_out(server):
    server.routes["/stall"] = streaming(server, stall_after=2)
    with make() as fetcher, pytest.raises(FetchError, match="stopped sending for 0.4 s"):
        fetcher.fetch(server.url("/stall"))


def test_an_endless_body_is_cut_at_the_size_cap(server, tmp_path):
    server.routes["/endless"] = streaming(server)
    with make(tmp_path, max_bytes=50_000, total_timeout=30) as fetcher, pytest.raises(FetchError, match="goes on past 50,000 bytes"):
        fetcher.fetch(server.url("/endless"))
    response = [r for r in records(tmp_path / "warc") if r[0] == "response"][-1]
    assert response[1].get_header("WARC-Truncated") == "length" and len(response[3]) == 50_000


def test_a_declared_huge_body_is_not_read(server):
    server.routes["/huge"] = Reply(body=b"x" * 300_000)
    with make() as fetcher, pytest.raises(FetchError, match="is 300,000 bytes, over the limit of 200,000"):
        fetcher.fetch(server.url("/huge"))


def test_what_is_not_a_page_is_not_read(server):
    server.routes["/report.pdf"] = Reply(body=b"%PDF-1.4 ...", content_type="application/pdf")
    with make() as fetcher, pytest.raises(FetchError, match="not a web page or feed but application/pdf"):
        fetcher.fetch(server.url("/report.pdf"))


def test_robots_txt_forbidding_a_path_is_obeyed(server):
    server.routes["/robots.txt"] = Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/news/bridge"] = Reply(body=PAGE)
    with make() as fetcher:
        with pytest.raises(FetchRefusedError, match="robots.txt does not allow reportedly"):
            fetcher.fetch(server.url("/private/memo"))
        assert fetcher.fetch(server.url("/news/bridge")).status == 200
    assert "/private/memo" not in server.paths() and server.paths().count("/robots.txt") == 1


def test_robots_rules_for_our_name_win(server):
    server.routes["/robots.txt"] = Reply(body="User-agent: reportedly\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")
    with make() as fetcher, pytest.raises(FetchRefusedError):
        fetcher.fetch(server.url("/news/bridge"))


def test_unreadable_robots_txt_means_nothing_is_fetched(server):
    server.routes["/robots.txt"] = Reply(503, "down")
    with make() as fetcher, pytest.raises(FetchRefusedError, match="robots.txt answered HTTP 503"):
        fetcher.fetch(server.url("/news/bridge"))
    assert "/news/bridge" not in server.paths()


def test_forbidden_robots_txt_means_no_rules(server):
    # RFC 9309: a 4xx robots.txt, 401 and 403 included, leaves everything allowed.
    server.routes["/robots.txt"] = Reply(403, "no")
    server.routes["/news/bridge"] = Reply(body=PAGE)
    with make() as fetcher:
        assert fetcher.fetch(server.url("/news/bridge")).status == 200


def test_crawl_delay_is_honoured(server):
    server.routes["/robots.txt"] = Reply(body="User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    server.routes["/a"] = server.routes["/b"] = Reply(body=PAGE)
    sleep = Recorder()
    with make(sleep=sleep) as fetcher:
        fetcher.fetch(server.url("/a"))
        fetcher.fetch(server.url("/b"))
    assert len(sleep.waits) == 1 and 4 < sleep.waits[0] <= 5


def test_requests_to_one_host_are_spaced(server):
    server.routes["/a"] = server.routes["/b"] = Reply(body=PAGE)
    with Fetcher(FetchOptions(delay=0.2, retries=0)) as fetcher:
        fetcher.fetch(server.url("/a"))
        fetcher.fetch(server.url("/b"))
    starts = [r.at for r in server.requests]
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:])]
    # Measured where the server receives them: a little jitter, but no gap near 0.
    assert len(gaps) == 2 and min(gaps) >= 0.15, gaps


@pytest.mark.parametrize("limit", [1, 2])
def test_requests_in_flight_to_one_host_are_limited(server, limit):
    # Counted while each request is being worked on, before its answer is sent: the server's own
    # count ends after the answer, when the client may already have sent its next request.
    lock, active, peak = threading.Lock(), [0], [0]

    def slow(handler):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        handler._reply(Reply(body=PAGE))

    for n in range(6):
        server.routes[f"/p{n}"] = slow
    with make(host_concurrency=limit) as fetcher:
        threads = [threading.Thread(target=fetcher.fetch, args=(server.url(f"/p{n}"),)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert peak[0] == limit


def test_conditional_get(server):
    def page(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler._reply(Reply(304, content_type=None))
        else:
            handler._reply(Reply(body=PAGE, headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 May 2024 09:00:00 GMT"}))

    server.routes["/news/bridge"] = page
    with make() as fetcher:
        first = fetcher.fetch(server.url("/news/bridge"))
        again = fetcher.fetch(server.url("/news/bridge"), etag=first.header("etag"), last_modified=first.header("last-modified"))
    assert first.status == 200 and not first.not_modified
    assert again.not_modified and again.body == b""
    sent = server.requests[-1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Wed, 01 May 2024 09:00:00 GMT"


def test_gzip_is_decoded_and_archived_decoded(server, tmp_path):
    server.routes["/news/bridge"] = Reply(body=PAGE, gzip=True)
    with make(tmp_path) as fetcher:
        fetched = fetcher.fetch(server.url("/news/bridge"))
    assert fetched.body == PAGE.encode()
    response = [r for r in records(tmp_path / "warc") if r[0] == "response"][-1]
    assert response[3] == PAGE.encode() and hashlib.sha256(response[3]).hexdigest() == fetched.record().sha256
    assert response[2].get_header("X-Archive-Orig-Content-Encoding") == "gzip"
    assert response[2].get_header("Content-Length") == str(len(PAGE.encode()))


def test_brotli_is_decoded(server, tmp_path):
    server.routes["/news/bridge"] = Reply(body=PAGE, brotli=True)
    with make(tmp_path) as fetcher:
        fetched = fetcher.fetch(server.url("/news/bridge"))
    assert fetched.body == PAGE.encode()
    response = [r for r in records(tmp_path / "warc") if r[0] == "response"][-1]
    assert response[2].get_header("X-Archive-Orig-Content-Encoding") == "br"


def test_an_unknown_host_fails_clearly(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "news.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with make() as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch("http://news.invalid/story")
    assert str(caught.value).startswith("http://news.invalid/story: the host name news.invalid could not be resolved")


def test_a_refused_connection_fails_clearly():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with make() as fetcher, pytest.raises(FetchError, match="the connection to 127.0.0.1 was refused"):
        fetcher.fetch(f"http://127.0.0.1:{port}/story")


def test_only_http_urls():
    with make() as fetcher, pytest.raises(FetchError, match="not an http or https URL"):
        fetcher.fetch("ftp://example.org/file")


@pytest.mark.parametrize("ip,public", [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("192.168.0.1", False), ("172.16.5.4", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("224.0.0.1", False), ("::1", False), ("fe80::1", False), ("fc00::1", False),
    ("::ffff:127.0.0.1", False), ("::ffff:8.8.8.8", True),
])
def test_public_addresses(ip, public):
    assert is_public(ip) is public


def test_a_public_server_refuses_private_addresses_before_asking(server):
    server.routes["/news/bridge"] = Reply(body=PAGE)
    with make(allow_private=False) as fetcher, pytest.raises(FetchRefusedError, match="is at 127.0.0.1, a private or local address"):
        fetcher.fetch(server.url("/news/bridge"))
    assert server.requests == []


def test_a_name_that_changes_address_is_caught_at_connection(server, monkeypatch):
    # DNS rebinding: public when checked, loopback when connected to.
    real = socket.getaddrinfo
    answers = {"n": 0}

    def resolve(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        answers["n"] += 1
        ip = "8.8.8.8" if answers["n"] % 2 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with make(allow_private=False) as fetcher, pytest.raises(FetchRefusedError, match="is at 127.0.0.1"):
        fetcher.fetch(f"http://rebind.test:{server.httpd.server_port}/news/bridge")
    assert "/news/bridge" not in server.paths()


@pytest.mark.parametrize("text,seconds", [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), ("1.5m", 90)])
def test_watch_intervals(text, seconds):
    from reportedly.fetch.watch import parse_interval

    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0", "-5m", "15 minutes"])
def test_bad_watch_intervals(text):
    from reportedly.errors import InputError
    from reportedly.fetch.watch import parse_interval

    with pytest.raises(InputError, match="not an interval"):
        parse_interval(text)


def test_the_public_api_is_all():
    import reportedly.fetch as fetch

    assert sorted(fetch.__all__) == sorted(set(fetch.__all__))
    for name in fetch.__all__:
        assert getattr(fetch, name) is not None
