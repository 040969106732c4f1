"""A web server on 127.0.0.1 for the fetch tests: never the Internet.

Each path answers with a ``Reply``, a list of replies (one per request, the last repeated), or
a function given the request handler (for slow and endless bodies). Every request is recorded
with its headers and time.
"""
from __future__ import annotations

import gzip
import http.server
import os
import threading
import time
from dataclasses import dataclass, field


import pytest


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to the local server go straight to it, whatever proxy the machine sets
    (import this fixture into a test module to apply it there)."""
    for name in list(os.environ):
        if name.lower() in ("http_proxy", "https_proxy", "all_proxy"):
            monkeypatch.delenv(name)


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    gzip: bool = False
    brotli: bool = False


@dataclass
class Seen:
    path: str
    headers: dict
    at: float


class LocalServer:
    def __init__(self):
        self.routes: dict = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with server._lock:
                    server.requests.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                    route = server.routes.get(self.path)
                    if isinstance(route, list):
                        route = route.pop(0) if len(route) > 1 else route[0]
                try:
                    if route is None:
                        route = Reply(404, "<html><body>Not found</body></html>")
                    if callable(route):
                        route(self)
                    else:
                        self._reply(route)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _reply(self, reply: Reply):
                body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
                if reply.gzip:
                    body = gzip.compress(body)
                if reply.brotli:
                    import brotli

                    body = brotli.compress(body)
                self.send_response(reply.status)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                if reply.gzip or reply.brotli:
                    self.send_header("Content-Encoding", "gzip" if reply.gzip else "br")
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self) -> "LocalServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]


def article_page(title: str, paragraphs: list[str], *, published: str | None = "2024-05-01T09:00:00+00:00",
                 charset: str | None = "utf-8") -> str:
    """An article page as news sites write them: headline, date, paragraphs."""
    meta = f'<meta charset="{charset}">' if charset else ""
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head>{meta}<title>{title}</title>{date}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def rss(items: list[tuple[str, str, str]], title: str = "Test News") -> str:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate><description>teaser</description></item>"
                      for t, link, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>http://x/</link>{entries}</channel></rss>'


def streaming(server: LocalServer, *, pause: float = 0.0, chunk: bytes = b"<p>more words and more words</p>\n",
              stall_after: int | None = None):
    """A route that sends headers at once, then ``chunk`` every ``pause`` seconds without end
    (or goes silent after ``stall_after`` chunks), until the test's server stops."""
    def handle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.end_headers()
        handler.wfile.write(b"<html><body>")
        sent = 0
        while not server.stopping.is_set():
            if stall_after is not None and sent >= stall_after:
                server.stopping.wait(0.05)
                continue
            handler.wfile.write(chunk)
            handler.wfile.flush()
            sent += 1
            if pause:
                time.sleep(pause)
    return handle
