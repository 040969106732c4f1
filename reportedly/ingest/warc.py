"""Reading WARC files (web archives, ``.warc`` / ``.warc.gz``) with warcio: one article per page.

Only ``response`` records with an HTML body are articles; request, metadata and other records
are skipped without a word, since a crawl holds many of them. The page's own date wins; the
crawl date (``WARC-Date``) is used only when the page declares none, because a crawl can be years
after publication.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
from datetime import tzinfo

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, ReportedlyError, internal_error
from .html import read_html
from .timestamps import parse_timestamp


def iter_warc(path: str, stem: str, *, zone: tzinfo | None = None, max_bytes: int | None = None):
    """Each HTML response in the WARC file as ("stem:N", Article | None, error | None)."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    with fh:
        head = fh.read(5)
        fh.seek(0)
        if head[:2] != b"\x1f\x8b" and head != b"WARC/":
            raise InputError(f"{path}: not a WARC file (it does not start with a WARC record)")
        number = 0
        damage: list[str] = []
        records = ArchiveIterator(fh)
        try:
            while True:
                with _warcio_notes(damage):
                    record = next(records, None)
                if record is None:
                    break
                if record.rec_type != "response":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                id = f"{stem}:{number}"
                try:
                    with _warcio_notes(damage):
                        body = record.content_stream().read()
                    if max_bytes is not None and len(body) > max_bytes:
                        raise InputError(f"{id}: the page is {len(body):,} bytes, over the limit of {max_bytes:,}")
                    article = read_html(body, id, url=url, default_tz=zone, source_path=path)
                    if article.published is None:
                        crawled = record.rec_headers.get_header("WARC-Date")
                        if crawled:
                            article = dataclasses.replace(article, published=parse_timestamp(crawled, zone))
                    yield id, article, None
                except ReportedlyError as exc:
                    yield id, None, str(exc)
                except Exception as exc:  # noqa: BLE001 - one page's bug, not the rest of the crawl's
                    yield id, None, internal_error(id, "reading", exc)
        except ArchiveLoadFailed as exc:
            # warcio quotes the bad record's first line: binary bytes, when a gzip member is bad.
            reason = str(exc).split(", first line:")[0][:120]
            yield f"{stem}:{number + 1}", None, f"{path}: not a readable WARC file ({reason})"
            return
        if damage:
            # warcio writes what it skipped to stderr, without saying which file; said once here.
            yield stem, None, (f"{path}: the archive is damaged ({damage[0]}; {len(damage)} such "
                               "notes from warcio): pages after the damage may be cut short or missing")
        if number == 0:
            # A crawl with no HTML responses is worth a word: it was probably not the file meant.
            yield stem, None, f"{path}: no HTML responses in this WARC file"


@contextlib.contextmanager
def _warcio_notes(notes: list[str]):
    """Collects what warcio writes to stderr (a record cut short, a corrupt gzip member) into
    ``notes``, only for the warcio call inside, so that nothing of ours is caught with it."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stderr(buffer):
            yield
    finally:
        notes.extend(line.strip() for line in buffer.getvalue().splitlines() if line.strip())
