"""The web archive: every response the fetcher receives, and its request, written as WARC.

One ``.warc.gz`` file per run (a new one past 1 GB, the customary WARC size), opened when the
first response arrives, each record its own gzip member and flushed at once: a killed run keeps
every record it wrote, and any WARC tool (warcio, pywb) reads the file.

Bodies are archived as the reader saw them, after content decoding: the archive then reads back
without a brotli decoder, and the body's sha256 in the analysis is that of the archived payload.
The original ``Content-Encoding`` and ``Transfer-Encoding`` headers are kept under the
``X-Archive-Orig-`` prefix that web archives use for headers they had to rewrite.
"""
from __future__ import annotations

import io
import os
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ..ingest.webpage import warc_date

MAX_FILE_BYTES = 1_000_000_000
_REWRITTEN = ("content-encoding", "transfer-encoding", "content-length")


@dataclass(frozen=True)
class Exchange:
    """One request and the response it got, as the archive records them."""

    url: str
    request_target: str                      # "/path?query" as sent
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    http_version: str                        # "HTTP/1.1"
    headers: tuple[tuple[str, str], ...]     # the response headers as received
    body: bytes                              # after content decoding; cut short when truncated
    fetched_at: datetime
    truncated: str | None = None             # WARC-Truncated: "length" or "time" when cut short


class WarcArchive:
    """Appends exchanges to ``folder/reportedly-<time>-<id>.warc.gz``; thread-safe."""

    def __init__(self, folder: str | Path, *, software: str, user_agent: str):
        self.folder = Path(folder)
        self.software = software
        self.user_agent = user_agent
        self.path: Path | None = None
        self.files: list[Path] = []
        self.records = 0
        self._fh = None
        self._writer: WARCWriter | None = None
        self._lock = threading.Lock()

    def write(self, exchange: Exchange) -> tuple[str, str]:
        """Archive one exchange; returns (file name, WARC-Record-ID of the response record)."""
        with self._lock:
            writer = self._current()
            date = warc_date(exchange.fetched_at)
            headers = [(k, v) for k, v in exchange.headers if k.lower() not in _REWRITTEN]
            headers += [(f"X-Archive-Orig-{k}", v) for k, v in exchange.headers if k.lower() in _REWRITTEN]
            headers.append(("Content-Length", str(len(exchange.body))))
            extra = {"WARC-Date": date}
            if exchange.truncated:
                extra["WARC-Truncated"] = exchange.truncated
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.body),
                http_headers=StatusAndHeaders(f"{exchange.status} {exchange.reason}".strip(), headers,
                                              protocol=exchange.http_version),
                warc_headers_dict=extra,
            )
            record_id = response.rec_headers.get_header("WARC-Record-ID")
            request = writer.create_warc_record(
                exchange.url, "request",
                http_headers=StatusAndHeaders(f"GET {exchange.request_target} {exchange.http_version}",
                                              list(exchange.request_headers), is_http_request=True),
                warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
            )
            writer.write_record(response)
            writer.write_record(request)
            self._fh.flush()
            self.records += 1
            return self.path.name, record_id

    def _current(self) -> WARCWriter:
        if self._writer is not None and self._fh.tell() < MAX_FILE_BYTES:
            return self._writer
        self._close()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.path = self.folder / f"reportedly-{stamp}-{os.getpid()}-{uuid.uuid4().hex[:6]}.warc.gz"
        self._fh = open(self.path, "xb")
        self._writer = WARCWriter(self._fh, gzip=True)
        self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, {
            "software": self.software,
            "format": "WARC File Format 1.0",
            "http-header-user-agent": self.user_agent,
            "robots": "obey",
        }))
        self.files.append(self.path)
        return self._writer

    def _close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = self._writer = None

    def close(self) -> None:
        """Close the current file (a later write opens a new one)."""
        with self._lock:
            self._close()
