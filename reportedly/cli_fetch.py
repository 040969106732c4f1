"""Command-line options for fetching from the web, and the ``watch`` command.

Thin like the other command modules: options become one ``WebOptions``; the work is in
``reportedly.fetch``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .fetch.options import FetchOptions, WebOptions

ANALYZE_ARCHIVE = "reportedly-archive"


def add_fetch_arguments(parser: argparse.ArgumentParser, *, archive_default: str) -> None:
    """The options of commands that fetch URLs (analyze, ingest, watch)."""
    group = parser.add_argument_group("fetching URLs (http:// and https:// arguments)")
    group.add_argument("--sitemap", action="store_true", help="the URLs are sitemaps: fetch the pages they list (a <urlset> is recognised anyway)")
    group.add_argument("--contact", metavar="EMAIL_OR_URL", help="how a site can reach you, sent in the User-Agent (polite crawlers give one)")
    group.add_argument("--archive", metavar="DIR", help=f"folder for the WARC archive of every response (default {archive_default})")
    group.add_argument("--no-archive", action="store_true", help="do not archive responses (the analyses still record URL, time, status and sha256)")
    group.add_argument("--delay", type=float, default=FetchOptions.delay, metavar="SECONDS", help=f"between requests to one host (default {FetchOptions.delay:g}; a longer robots.txt Crawl-delay wins)")
    group.add_argument("--timeout", type=float, default=FetchOptions.read_timeout, metavar="SECONDS", help=f"longest wait for a server to answer or go on sending (default {FetchOptions.read_timeout:g})")
    group.add_argument("--retries", type=int, default=FetchOptions.retries, metavar="N", help=f"further tries after HTTP 429 or 5xx, backing off (default {FetchOptions.retries})")


def web_options(args: argparse.Namespace, *, archive_default: str | Path) -> WebOptions:
    """The WebOptions of parsed command-line arguments."""
    fetch = FetchOptions(
        contact=args.contact, delay=max(0.0, args.delay), read_timeout=args.timeout,
        total_timeout=max(FetchOptions.total_timeout, 3 * args.timeout), retries=max(0, args.retries),
        max_bytes=args.max_bytes,
    )
    archive = None if args.no_archive else Path(args.archive or archive_default)
    return WebOptions(fetch=fetch, archive_dir=archive, sitemap=args.sitemap)


def store_archive(db: str) -> Path:
    """The archive folder beside a store: reportedly.db -> reportedly-archive/."""
    path = Path(db)
    return path.with_name(f"{path.stem}-archive")


def _interval(text: str) -> float:
    from .errors import InputError
    from .fetch.watch import parse_interval

    try:
        return parse_interval(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_watch_command(commands) -> None:
    """Add ``reportedly watch`` to the parser."""
    from .ingest.decode import DEFAULT_MAX_BYTES
    from .store import DEFAULT_DB

    p = commands.add_parser("watch", help="poll feeds and pages, storing what is new (conditional GET; survives restarts)")
    p.add_argument("urls", nargs="+", metavar="FEED_OR_URL", help="RSS/Atom feeds, pages or sitemaps (with --sitemap)")
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the corpus database (default {DEFAULT_DB})")
    p.add_argument("--every", type=_interval, default=900.0, metavar="INTERVAL", help="time between polls: 30s, 15m, 2h, 1d (default 15m)")
    runs = p.add_mutually_exclusive_group()
    runs.add_argument("--once", action="store_const", const=1, dest="iterations", help="poll once and exit")
    runs.add_argument("--iterations", type=int, metavar="N", help="poll N times and exit (default: until interrupted)")
    p.add_argument("--workers", type=int, default=1, help="analysis processes (default 1)")
    p.add_argument("--tz", metavar="ZONE", help="time zone for stamps without an offset")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"largest page to read (default {DEFAULT_MAX_BYTES:,})")
    p.add_argument("--no-cluster", action="store_true", help="skip re-clustering statements after a poll that stored something")
    add_fetch_arguments(p, archive_default="FILE's folder/<FILE name>-archive")
    p.set_defaults(run=_watch)


def _watch(args: argparse.Namespace) -> int:
    from .fetch.watch import watch
    from .ingest import ReadOptions
    from .ingest.timestamps import parse_zone

    zone = parse_zone(args.tz) if args.tz else None
    web = web_options(args, archive_default=store_archive(args.db))
    log = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    try:
        return watch(args.db, args.urls, ReadOptions(zone=zone, max_bytes=args.max_bytes), web,
                     every=args.every, iterations=args.iterations, workers=max(1, args.workers),
                     cluster=not args.no_cluster, log=log)
    except KeyboardInterrupt:
        # The usual way to stop a watch: everything stored so far is committed.
        log("reportedly: watch stopped")
        return 0


def add_serve_fetch_arguments(serve: argparse.ArgumentParser) -> None:
    """The options of ``serve`` about fetching the URLs given in the form and the API."""
    serve.add_argument("--allow-fetch", action="store_true", help="fetch URLs given in the form and POST /api/analyze even when bound beyond localhost; private and local addresses are refused all the same (on 127.0.0.1 fetching is on)")
    serve.add_argument("--contact", metavar="EMAIL_OR_URL", help="how a site can reach you, sent in the User-Agent")
    serve.add_argument("--archive", metavar="DIR", help=f"folder for the WARC archive of fetched pages (default: beside --db, else {ANALYZE_ARCHIVE})")
    serve.add_argument("--no-archive", action="store_true", help="do not archive fetched pages")


def is_loopback(host: str) -> bool:
    """True for an address that only this machine can reach (127.0.0.1, ::1, localhost)."""
    import ipaddress

    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_fetch_policy(args: argparse.Namespace):
    """How ``serve`` fetches URLs: None (not at all) for a public server without --allow-fetch.

    Bound to loopback, the user is the only client: fetching is on, private addresses included
    (an intranet page). Bound beyond it, anyone who reaches the server could make it fetch, so
    it does only with --allow-fetch, and then never from private or local addresses.
    """
    from .web.fetching import FetchPolicy

    local = is_loopback(args.host)
    if not local and not args.allow_fetch:
        return None
    archive = None
    if not args.no_archive:
        archive = Path(args.archive) if args.archive else (store_archive(args.db) if args.db else Path(ANALYZE_ARCHIVE))
    return FetchPolicy(FetchOptions(contact=args.contact, allow_private=local, max_bytes=args.max_bytes), archive)
