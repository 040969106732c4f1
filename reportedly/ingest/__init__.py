"""Readers: files, directories and stdin to Articles, one result per article.

The library raises; ``iter_articles`` is the batch edge that turns each article's error into
a ``Loaded`` with a message, so that one bad article never stops a run.
"""
from __future__ import annotations

import codecs
import dataclasses
import io
import logging
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import InputError, ReportedlyError, internal_error
from ..model import Article
from .decode import DEFAULT_MAX_BYTES, check_size, decode_text, printable_name
from .feeds import iter_feed
from .filenames import with_file_name_metadata
from . import html
from .jsonl import iter_records, read_record
from .plaintext import read_plaintext
from .warc import iter_warc

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ALL_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: the user's time zone for ambiguous stamps and the size limit."""

    zone: tzinfo | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Loaded:
    """One article read from an input, or the reason it could not be read."""

    id: str
    article: Article | None = None
    error: str | None = None


def format_of(name: str) -> str | None:
    """"text", "html", "jsonl", "warc" or "feed" from a file name, None for other files."""
    lower = name.lower()
    kinds = (
        (WARC_SUFFIXES, "warc"),
        (FEED_SUFFIXES, "feed"),
        (HTML_SUFFIXES, "html"),
        (JSONL_SUFFIXES, "jsonl"),
        (TEXT_SUFFIXES, "text"),
    )
    for suffixes, kind in kinds:
        if lower.endswith(suffixes):
            return kind
    return None


def article_id(name: str) -> str:
    """The file name without its extension(s): "a/b/x.html.gz" -> "x"."""
    base = Path(name).name
    lower = base.lower()
    for suffix in sorted(ALL_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return base[: -len(suffix)]
    return Path(base).stem


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed input (stdin): HTML, JSON Lines or plain text."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head):
        return "feed"
    if data[:2] == b"\x1f\x8b" or head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_article(text: str, id: str = "article", *, zone: tzinfo | None = None) -> Article:
    """Read plain scraped text (already decoded) into an Article."""
    return read_plaintext(text.replace("\r\n", "\n").replace("\r", "\n"), id, zone=zone)


def expand_paths(paths: Sequence[str]) -> Iterator[str]:
    """Files named, and the readable files of named directories (recursively), in sorted order."""
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            skipped: Counter = Counter()
            for child in sorted(p.rglob("*")):
                if child.is_file() and format_of(child.name):
                    yield str(child)
                elif child.is_file():
                    skipped[child.suffix.lower() or child.name] += 1
                    log.debug("%s: skipped, not a kind of file reportedly reads", child)
            if skipped:
                # Once a folder, not once a file: a corpus folder may hold annotations beside
                # every text (PolNeAR's .ann), and a line for each would bury the real warnings.
                kinds = ", ".join(f"{n} {suffix}" for suffix, n in skipped.most_common())
                log.warning("%s: left out %s (not kinds of file reportedly reads)", path, kinds)
        else:
            yield path


def iter_articles(paths: Sequence[str], options: ReadOptions = ReadOptions()) -> Iterator[Loaded]:
    """Every article in ``paths`` ("-" is stdin), each read or with its error."""
    for path in expand_paths(paths):
        yield from _read_path(path, options)


def _read_path(path: str, options: ReadOptions) -> Iterator[Loaded]:
    id = "stdin" if path == "-" else article_id(path)
    for loaded in _read_path_raw(path, id, options):
        if loaded.article is not None and path != "-":
            # PolNeAR-style names carry outlet and day; used only where the reader found none.
            loaded = Loaded(loaded.id, with_file_name_metadata(loaded.article, id))
        yield _printable(loaded)


def _printable(loaded: Loaded) -> Loaded:
    # A file name that is not UTF-8 reaches ids, source paths and messages as surrogate
    # escapes: no UTF-8 output or SQLite store accepts those (see printable_name).
    article = loaded.article
    if article is not None:
        article = dataclasses.replace(
            article, id=printable_name(article.id),
            source_path=printable_name(article.source_path) if article.source_path else article.source_path,
        )
    return Loaded(printable_name(loaded.id), article, printable_name(loaded.error) if loaded.error else loaded.error)


def _read_path_raw(path: str, id: str, options: ReadOptions) -> Iterator[Loaded]:
    try:
        if path != "-" and format_of(path) == "warc":
            # A WARC file holds many pages: the size limit applies to each page.
            for item_id, article, error in iter_warc(path, id, zone=options.zone, max_bytes=options.max_bytes):
                yield Loaded(item_id, article, error)
            return
        if path != "-" and format_of(path) == "jsonl" and Path(path).is_file():
            # A JSON Lines file holds many articles: the size limit applies to each line.
            yield from _read_jsonl_file(Path(path), id, options)
            return
        data = _read_bytes(path, options)
        kind = sniff_format(data) if path == "-" else (format_of(path) or sniff_format(data))
        if kind == "jsonl":
            yield from _read_jsonl(data, id, path, options)
            return
        if kind == "feed":
            for item_id, article, error in iter_feed(data, id, zone=options.zone, source_path=path):
                yield Loaded(item_id, article, error)
            return
        if kind == "html":
            yield Loaded(id, html.read_html(data, id, default_tz=options.zone, source_path=path))
            return
        text, _ = decode_text(data, path)
        yield Loaded(id, read_plaintext(text, id, zone=options.zone, source_path=path))
    except ReportedlyError as exc:
        yield Loaded(id, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - the batch edge: a reader's bug ends this file only
        yield Loaded(id, error=internal_error(path, "reading", exc))


def _read_bytes(path: str, options: ReadOptions) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        check_size(len(data), options.max_bytes, "stdin")
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or directory")
    if not p.is_file():
        raise InputError(f"{path}: not a regular file")
    check_size(p.stat().st_size, options.max_bytes, path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc


def _read_jsonl_file(path: Path, stem: str, options: ReadOptions) -> Iterator[Loaded]:
    with path.open("rb") as fh:
        if fh.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            # Lines of UTF-16 end in two bytes ("\n\0"): split after decoding, not before.
            fh.seek(0)
            yield from _read_utf16_jsonl(fh, path, stem, options)
            return
        fh.seek(0)
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                check_size(len(raw), options.max_bytes, f"{path} line {number}")
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield Loaded(f"{stem}:{number}", error=f"{path} line {number} is not valid UTF-8")
                continue
            except ReportedlyError as exc:
                yield Loaded(f"{stem}:{number}", error=str(exc))
                continue
            yield from _records(iter_records(line, stem, first_line=number), str(path), options)


def _read_utf16_jsonl(fh, path: Path, stem: str, options: ReadOptions) -> Iterator[Loaded]:
    lines = io.TextIOWrapper(fh, encoding="utf-16", newline="\n")
    number = 0
    try:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                check_size(2 * len(line), options.max_bytes, f"{path} line {number}")
            except ReportedlyError as exc:
                yield Loaded(f"{stem}:{number}", error=str(exc))
                continue
            yield from _records(iter_records(line.rstrip("\r\n"), stem, first_line=number), str(path), options)
    except UnicodeDecodeError as exc:
        yield Loaded(f"{stem}:{number + 1}", error=f"{path} line {number + 1} is not valid UTF-16 ({exc.reason})")
    finally:
        lines.detach()


def _read_jsonl(data: bytes, stem: str, path: str, options: ReadOptions) -> Iterator[Loaded]:
    text, _ = decode_text(data, path)
    yield from _records(iter_records(text, stem), path, options)


def _records(records, path: str, options: ReadOptions) -> Iterator[Loaded]:
    for default_id, record in records:
        if isinstance(record, InputError):
            yield Loaded(default_id, error=str(record))
            continue
        rid = str(record.get("id") or default_id) if isinstance(record, dict) else default_id
        try:
            article = read_record(record, default_id, zone=options.zone, source_path=path)
            yield Loaded(article.id, article)
        except ReportedlyError as exc:
            yield Loaded(rid, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - one record's bug, not the rest of the file's
            yield Loaded(rid, error=internal_error(rid, "reading", exc))
