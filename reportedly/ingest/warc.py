"""Reading WARC files (web archives, ``.warc`` / ``.warc.gz``) with warcio: one article per page.

Only successful (2xx) ``response`` records with an HTML body are articles; request, metadata
and other records, redirects and error pages are skipped without a word, since a crawl holds many
of them. The page's own date wins; the crawl date (``WARC-Date``) is used only when the page
declares none, because a crawl can be years after publication. Each article carries its fetch
record (URL, redirects that led to it, time, status, body sha256, record id), read the same way as
when ``reportedly.fetch`` fetched it (``webpage.read_web_page``).
"""
from __future__ import annotations

import contextlib
import io
import os
from datetime import tzinfo
from urllib.parse import urljoin

from ..errors import InputError, ReportedlyError, internal_error
from .webpage import fetch_of_archived, read_web_page


def iter_warc(path: str, stem: str, *, zone: tzinfo | None = None, max_bytes: int | None = None):
    """Each HTML response in the WARC file as ("stem:N", Article | None, error | None)."""
    # warcio (10 ms of imports) for archives only.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

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
        redirected: dict[str, tuple[str, int]] = {}  # target -> (URL that redirected there, status)
        records = ArchiveIterator(fh)
        try:
            while True:
                with _warcio_notes(damage):
                    record = next(records, None)
                if record is None:
                    break
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                status = _status(record)
                location = record.http_headers.get_header("Location") if record.http_headers else None
                if 300 <= status < 400 and location and url:
                    redirected[urljoin(url, location)] = (url, status)
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                # An error page or a redirect's body is not the article the crawl was after.
                if "html" not in content_type.lower() or not 200 <= status < 300:
                    continue
                number += 1
                id = f"{stem}:{number}"
                try:
                    with _warcio_notes(damage):
                        body = record.content_stream().read()
                    if max_bytes is not None and len(body) > max_bytes:
                        raise InputError(f"{id}: the page is {len(body):,} bytes, over the limit of {max_bytes:,}")
                    if record.rec_headers.get_header("WARC-Truncated"):
                        raise InputError(f"{id}: the archived page {url} was cut short when it was fetched "
                                         f"(WARC-Truncated: {record.rec_headers.get_header('WARC-Truncated')})")
                    crawled = record.rec_headers.get_header("WARC-Date")
                    fetch = fetch_of_archived(
                        target=url, status=status, crawled=crawled, body=body, content_type=content_type or None,
                        redirects=_chain(redirected, url), warc_file=os.path.basename(path),
                        warc_record=record.rec_headers.get_header("WARC-Record-ID"),
                    ) if url and crawled else None
                    article = read_web_page(body, id, content_type=content_type, url=url, crawled=crawled,
                                            fetch=fetch, zone=zone, source_path=path)
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


def _status(record) -> int:
    """The HTTP status of a response record; 200 when it has none we can read (as before)."""
    try:
        return int(record.http_headers.get_statuscode()) if record.http_headers else 200
    except (TypeError, ValueError):
        return 200


def _chain(redirected: dict[str, tuple[str, int]], target: str) -> tuple[tuple[str, int], ...]:
    """The redirect hops that led to ``target``, first hop first (loops and long chains cut)."""
    hops: list[tuple[str, int]] = []
    seen = {target}
    while target in redirected and len(hops) < 20:
        source, status = redirected[target]
        if source in seen:
            break
        hops.append((source, status))
        seen.add(source)
        target = source
    return tuple(reversed(hops))


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
