"""Reading WARC files (web archives, ``.warc`` / ``.warc.gz``) with warcio: one article per page.

Only ``response`` records with an HTML body are articles; request, metadata and other records
are skipped without a word, since a crawl holds many of them. The page's own date wins; the
crawl date (``WARC-Date``) is used only when the page declares none, because a crawl can be years
after publication.
"""
from __future__ import annotations

import dataclasses
from datetime import tzinfo

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, ReportedlyError
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
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                id = f"{stem}:{number}"
                try:
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
        except ArchiveLoadFailed as exc:
            yield f"{stem}:{number + 1}", None, f"{path}: not a readable WARC file ({exc})"
            return
        if number == 0:
            # A crawl with no HTML responses is worth a word: it was probably not the file meant.
            yield stem, None, f"{path}: no HTML responses in this WARC file"
