"""Corpus commands of the CLI: ingest, queries, trace, graph, cluster, export, batch, check, upgrade.

Thin by design: each parses its arguments, calls one library function and formats the result
(``--format json|text|csv|tsv``). Read commands open the store read-only; only ``ingest``,
``cluster``, ``upgrade`` and ``check --repair`` write. Exit status (each with a one-line
message on stderr, never a traceback):

- 0: done;
- 1: done, but something was not found or failed (an unknown speaker, a trace with no
  appearance, inputs that could not be analysed, problems found by ``check``);
- 2: usage error;
- 3: the store cannot be used: missing, not a reportedly store, made by another version, or
  unreadable (any SQLite error, e.g. a damaged file; ``reportedly check`` tells more).
"""
from __future__ import annotations

import csv
import json
import logging
import sqlite3
import sys

from .cli_fetch import add_fetch_arguments
from .errors import ReportedlyError
from .ingest import ReadOptions
from .ingest.decode import DEFAULT_MAX_BYTES
from .ingest.timestamps import parse_zone
from .store import DEFAULT_DB, StoreError, open_store

STORE_UNUSABLE = 3

log = logging.getLogger(__name__)


def add_corpus_commands(commands) -> None:
    """Add the corpus subcommands to the ``reportedly`` parser."""
    def command(name: str, help: str, run, *, formats=("json", "text", "csv", "tsv")):
        p = commands.add_parser(name, help=help)
        p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"the corpus database (default {DEFAULT_DB})")
        if formats:
            p.add_argument("--format", choices=formats, default="text", help="output format (default text)")
        p.set_defaults(run=run)
        return p

    p = command("ingest", "analyse articles and store them in the corpus database", _ingest, formats=None)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories: text, HTML, JSON Lines, WARC, RSS/Atom, batch Parquet; or http(s) URLs of pages, feeds, sitemaps")
    p.add_argument("--workers", type=int, default=2, help="analysis processes (default 2)")
    p.add_argument("--tz", metavar="ZONE", help="time zone for stamps without an offset")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N")
    p.add_argument("--no-cluster", action="store_true", help="skip re-clustering statements after the run")
    add_fetch_arguments(p, archive_default="FILE's folder/<FILE name>-archive")

    p = command("speakers", "speakers with the number of statements credited to them", _speakers)
    p.add_argument("--type", help="only speakers of this type (person, organization, outlet, group, ...)")
    p.add_argument("--name", help="only speakers credited under a name containing this")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--all", action="store_true", help="also the credits no article resolved to a name (pronouns, descriptions), as written")

    p = command("speaker", "everything one speaker said, earliest first", _speaker)
    p.add_argument("name")
    p.add_argument("--type", help="the speaker of this type, when several share the name")
    p.add_argument("--limit", type=int, default=200)

    p = command("search", "full-text search over what was said", _search)
    p.add_argument("text")
    p.add_argument("--phrase", action="store_true", help="the words as one phrase, in order")
    p.add_argument("--limit", type=int, default=50)

    command("outlets", "outlets with their numbers of articles and attributions", _outlets)

    p = command("outlet", "who an outlet cites", _outlet)
    p.add_argument("name")
    p.add_argument("--limit", type=int, default=50)

    p = command("articles", "articles with their sourcing profile", _articles)
    p.add_argument("--outlet")
    p.add_argument("--limit", type=int, default=50)

    p = command("trace", "the same statement across articles, earliest seen first", _trace)
    p.add_argument("text")

    p = command("graph", "outlet citation graph: who relays whom", _graph, formats=("json", "text", "csv", "tsv", "graphml"))
    p.add_argument("--min-count", type=int, default=1)

    command("cluster", "re-cluster statements across the corpus", _cluster, formats=None)
    command("failures", "inputs that could not be read or analysed", _failures)

    from .store.export import FORMATS, TABLES

    p = command("export", "export articles, attributions, speakers, clusters", _export, formats=None)
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--out", required=True, metavar="DIR", help="directory to write one file per table into, or - for stdout (one --table)")
    p.add_argument("--table", choices=TABLES, action="append", help="export only this table (repeat for more; default all)")

    p = command("check", "check a store's integrity and invariants, and say how to repair it", _check, formats=None)
    p.add_argument("--repair", action="store_true", help="rebuild the search indexes, counts and clusters from the rows")

    command("upgrade", "bring a store made by an older reportedly up to date (a backup copy is made first)", _upgrade, formats=None)

    p = command("batch", "analyse and cluster on Apache Spark; writes Parquet that ingest loads", _batch, formats=None)
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSON Lines, WARC or text files/directories")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory (Parquet)")
    p.add_argument("--master", default="local[2]", help="Spark master URL (default local[2])")
    p.add_argument("--partitions", type=int, default=None, help="number of partitions (default: Spark's)")


# -- formatting -------------------------------------------------------------------------------

def emit(rows: list[dict], fmt: str, columns: list[str] | None = None) -> None:
    """Print ``rows`` as a JSON array, CSV or TSV with a header, or an aligned text table."""
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n",
                                delimiter="\t" if fmt == "tsv" else ",")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k), csv=True) for k in columns})
    else:
        if not rows:
            sys.stdout.write("(nothing)\n")
            return
        cells = [[_cell(row.get(k)) for k in columns] for row in rows]
        widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
        for r in cells:
            sys.stdout.write("  ".join(_clip(v, w).ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")


def _cell(value, csv: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if csv else " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fail(exc: Exception) -> int:
    print(f"reportedly: {exc}", file=sys.stderr)
    return 1


def _open(args):
    """The store for a read command: read-only, never migrated or created."""
    return open_store(args.db, readonly=True)


# -- commands ---------------------------------------------------------------------------------

def _ingest(args) -> int:
    from .cli_fetch import store_archive, web_options
    from .store.derived import cluster_store, clusters_pending, identify_speakers, identities_pending
    from .fetch.sources import ingest_sources

    try:
        zone = parse_zone(args.tz) if args.tz else None
    except ReportedlyError as exc:
        print(f"reportedly: {exc}", file=sys.stderr)
        return 2
    db = open_store(args.db)
    # The bar redraws one line with carriage returns: only a terminal shows that as a bar; in
    # a log file it is noise (-v logs each stored article instead).
    progress = sys.stderr.isatty() and log.isEnabledFor(logging.WARNING) and not log.isEnabledFor(logging.INFO)
    report = ingest_sources(
        db, args.paths, ReadOptions(zone=zone, max_bytes=args.max_bytes),
        web_options(args, archive_default=store_archive(args.db)),
        workers=max(1, args.workers), progress=progress, on_stored=lambda id: log.info("stored %s", id),
    )
    for error in report.errors:
        log.warning("%s (skipped)", error)
    if not (report.stored or report.skipped or report.failed):
        log.error("no articles found in %s (readable: text, HTML, JSON Lines, WARC, feeds, batch Parquet)", ", ".join(args.paths))
        return 1
    summary = f"stored {report.stored}, already there {report.skipped}, failed {report.failed}"
    if identities_pending(db):
        # Identities depend on the whole corpus (a second "Cruz" makes "Cruz" ambiguous), and are
        # cheap next to analysis: decided again after every run that stored something.
        summary += f"; {identify_speakers(db)} speakers"
    pending = clusters_pending(db)
    if pending and args.no_cluster:
        summary += f"; clusters pending for {pending} statements (`reportedly cluster` or the next ingest)"
    elif pending:
        # Also finishes the clustering of an earlier run that was killed or ran with --no-cluster.
        summary += f"; {cluster_store(db)} statement clusters"
    print(f"{summary} ({args.db})", file=sys.stderr)
    return 1 if report.failed else 0


def _speakers(args) -> int:
    from .store.queries import list_speakers

    rows = list_speakers(_open(args), type=args.type, name=args.name, limit=args.limit, offset=args.offset, include_unnamed=args.all)
    emit(rows, args.format, ["name", "type", "statements", "articles"])
    return 0


_STATEMENT = ["published", "outlet", "article", "speaker", "kind", "cue", "content"]


def _speaker(args) -> int:
    from .store.queries import speaker_statements

    emit(speaker_statements(_open(args), args.name, limit=args.limit, type=args.type), args.format, _STATEMENT if args.format != "json" else None)
    return 0


def _search(args) -> int:
    from .store.queries import search_contents

    rows = search_contents(_open(args), args.text, limit=args.limit, phrase=args.phrase)
    emit(rows, args.format, ["published", "outlet", "article", "speaker", "snippet"] if args.format == "text" else (_STATEMENT if args.format in ("csv", "tsv") else None))
    return 0


def _outlets(args) -> int:
    from .store.queries import list_outlets

    emit(list_outlets(_open(args)), args.format)
    return 0


def _outlet(args) -> int:
    from .store.queries import outlet_sources

    emit(outlet_sources(_open(args), args.name, limit=args.limit), args.format)
    return 0


def _articles(args) -> int:
    from .store.queries import list_articles

    rows = list_articles(_open(args), outlet=args.outlet, limit=args.limit)
    if args.format == "json":
        emit(rows, "json")
        return 0
    flat = [{**{k: v for k, v in r.items() if k not in ("counts", "profile")}, **r["counts"], "profile": r["profile"]} for r in rows]
    columns = ["published", "outlet", "id", "n_attributions", "direct", "indirect", "mixed", "named", "pronoun", "no_source", "outlets_cited"]
    emit(flat, args.format, columns + (["profile", "title", "url", "wire"] if args.format in ("csv", "tsv") else []))
    return 0


def _trace(args) -> int:
    from .store.trace import trace_statement

    from .store.derived import clusters_pending

    db = _open(args)
    result = trace_statement(db, args.text)
    pending = clusters_pending(db)
    if pending:
        print(f"reportedly: note: {pending} statements are not clustered yet, so reworded copies among them are missed; "
              f"`reportedly cluster --db {args.db}` completes the clusters", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    elif args.format in ("csv", "tsv"):
        emit(result["appearances"], args.format, ["published", "outlet", "article", "speaker", "match", "origin", "wording", "diff"])
    else:
        sys.stdout.write(render_trace(result))
    return 0 if result["appearances"] else 1


def render_trace(result: dict) -> str:
    """The text timeline of a trace: earliest seen first, wording differences marked."""
    rows = result["appearances"]
    if not rows:
        return f"No appearance of {result['query']!r} in the store.\n"
    lines = [
        f"{result['query']!r}: {len(rows)} appearances in {len(result['outlets'])} outlets, "
        f"{result['origins']} independent origins (wire copies count once)",
        f"earliest seen: {rows[0]['published'] or 'date unknown'} {rows[0]['outlet'] or ''} ({rows[0]['article']})",
        "",
    ]
    for row in rows:
        lines.append(f"{row['published'] or '(no date)'}  {row['outlet'] or '(no outlet)'}  {row['article']}  [{row['match']}, {row['origin']}]")
        who = " ".join(x for x in (row["speaker"] or "(speaker unknown)", row["cue"]) if x)
        lines.append(f"    {who}: {' '.join(row['wording'].split())}")
        if "[-" in row["diff"] or "{+" in row["diff"]:
            lines.append(f"    differences: {row['diff']}")
    return "\n".join(lines) + "\n"


def _graph(args) -> int:
    from .corpus.graph import graphml
    from .store.queries import citation_graph

    edges = citation_graph(_open(args), min_count=args.min_count)
    if args.format == "graphml":
        sys.stdout.write(graphml(edges))
    else:
        emit(edges, args.format, ["citing", "cited", "count", "articles"])
    return 0


def _cluster(args) -> int:
    from .store.derived import cluster_store

    print(f"{cluster_store(open_store(args.db, create=False))} statement clusters", file=sys.stderr)
    return 0


def _check(args) -> int:
    from .store.check import check_store, repair_store, restore_advice

    try:
        if args.repair:
            for line in repair_store(args.db):
                print(f"repaired: {line}", file=sys.stderr)
        findings = check_store(args.db)
    except StoreError as exc:
        if not isinstance(exc.__cause__, sqlite3.DatabaseError):
            raise
        print(f"problem: {exc}\n  repair: {restore_advice(args.db)}")
        return STORE_UNUSABLE
    for finding in findings:
        print(f"problem: {finding.problem}\n  repair: {finding.repair}")
    if not findings:
        print(f"{args.db}: ok (integrity, references, counts, clusters, search indexes)")
    return 1 if findings else 0


def _upgrade(args) -> int:
    from .store.derived import complete_pending
    from .store import upgrade_store

    applied, backup = upgrade_store(args.db)
    if applied:
        print(f"{args.db}: applied {', '.join(applied)}; the file as it was is kept at {backup}", file=sys.stderr)
    else:
        print(f"{args.db}: already up to date", file=sys.stderr)
    db = open_store(args.db, create=False)
    clusters = complete_pending(db)
    if clusters is not None:
        print(f"{args.db}: completed pending clustering: {clusters} statement clusters", file=sys.stderr)
    return 0


def _failures(args) -> int:
    from .store.queries import list_failures

    emit(list_failures(_open(args)), args.format)
    return 0


def _export(args) -> int:
    from .store.export import TABLES, export_store, export_table

    if args.out == "-":
        if not args.table or len(args.table) != 1:
            raise ReportedlyError("--out - writes one table to stdout: name it with --table (articles, attributions, speakers, clusters)")
        count = export_table(_open(args), args.table[0], sys.stdout, args.format)
        log.info("%s: %d rows", args.table[0], count)
        return 0
    for path, count in export_store(_open(args), args.out, args.format, tuple(args.table or TABLES)).items():
        print(f"{path}: {count} rows", file=sys.stderr)
    return 0


def _batch(args) -> int:
    from .corpus.batch import run_batch

    summary = run_batch(args.paths, args.out, master=args.master, partitions=args.partitions)
    print(f"batch: {summary['articles']} analysed, {summary['failed']} failed, {summary['clusters']} clusters -> {args.out}", file=sys.stderr)
    return 1 if summary["failed"] else 0


def run_corpus_command(args) -> int:
    """Run a corpus command, translating library errors to a message and an exit status (see top)."""
    try:
        return args.run(args)
    except StoreError as exc:
        print(f"reportedly: {exc}", file=sys.stderr)
        return STORE_UNUSABLE
    except sqlite3.DatabaseError as exc:
        # Any SQLite error past opening: damaged pages, a full disk, a lock held too long.
        print(f"reportedly: {args.db}: the store could not be read or written ({exc}); "
              f"`reportedly check --db {args.db}` tells what is wrong and how to repair it", file=sys.stderr)
        return STORE_UNUSABLE
    except (ReportedlyError, ValueError) as exc:
        return _fail(exc)
