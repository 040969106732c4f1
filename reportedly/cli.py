"""The command line: thin commands that parse arguments and format what the library returns.

Exit status: 0 when every article was analysed, 1 when any failed (each failure is reported in
its own output) or the inputs held no article at all, 2 for usage errors. The corpus commands
add 3 for a store that cannot be used (see cli_corpus). ``-v``/``-q`` (before or after the
command) set how much is logged on stderr (see ``logs.py``).
"""
from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from typing import Iterator, Sequence

from . import logs
from .cli_fetch import (ANALYZE_ARCHIVE, add_fetch_arguments, add_serve_fetch_arguments, add_watch_command,
                        serve_fetch_policy, web_options)
from .attribution import EXTRACTORS
from .budget import DEFAULT_TIME_LIMIT
from .errors import ModelNotFoundError, ReportedlyError
from .fetch.sources import iter_sources
from .ingest import ALL_SUFFIXES, ReadOptions, expand_paths
from .ingest.decode import DEFAULT_MAX_BYTES
from .ingest.timestamps import parse_zone
from .workers import DEFAULT_WORKERS
from .report import render_text
from .serialize import SCHEMA, analysis_dict, json_line, lazy_analysis_dict, output_schema, write_json

log = logging.getLogger(__name__)


# Commands whose library errors mean the command could not start (exit 2); the corpus
# commands translate their own errors (cli_corpus.run_corpus_command).
CORE_COMMANDS = ("analyze", "eval", "train", "serve", "completion")
# How long `serve` waits for requests in flight after SIGTERM or Ctrl-C before it cancels them.
SHUTDOWN_SECONDS = 3

# One example a command, shown at the end of its --help (and checked by a test for each).
EXAMPLES = {
    "analyze": "reportedly analyze article.html --format text\nreportedly analyze articles/ --output analyses.jsonl -v",
    "eval": "reportedly eval ../shared/polnear/data --split dev",
    "train": "reportedly train ../shared/polnear/data --out models/",
    "serve": "reportedly serve --db reportedly.db --port 8000",
    "completion": "reportedly completion bash > ~/.local/share/bash-completion/completions/reportedly",
    "ingest": "reportedly ingest articles/ feed.rss --db reportedly.db",
    "speakers": "reportedly speakers --type person --limit 20",
    "speaker": "reportedly speaker \"Sergei Lavrov\" --format csv",
    "search": "reportedly search \"pick her judges\" --phrase",
    "outlets": "reportedly outlets --format tsv",
    "outlet": "reportedly outlet Reuters",
    "articles": "reportedly articles --outlet Reuters --format json",
    "trace": "reportedly trace \"if she gets to pick her judges\"",
    "graph": "reportedly graph --format graphml > outlets.graphml",
    "cluster": "reportedly cluster --db reportedly.db",
    "failures": "reportedly failures --format csv",
    "export": "reportedly export --format csv --out exports/\nreportedly export --format tsv --table attributions --out - | head",
    "batch": "reportedly batch corpus.warc.gz --out batch/ --master 'local[2]'",
    "watch": "reportedly watch https://example.org/feed.rss --db reportedly.db --every 15m",
    "check": "reportedly check --db reportedly.db --repair",
    "upgrade": "reportedly upgrade --db reportedly.db",
}


def _version() -> str:
    from . import __version__

    return f"reportedly {__version__} (output schema {SCHEMA}, version {output_schema()['version']})"


def _add_logging_flags(parser: argparse.ArgumentParser, main: bool) -> None:
    # On the main parser with real defaults, on each command with SUPPRESS: the flags work
    # before or after the command name, and one given before is not reset by the command.
    parser.add_argument("-v", "--verbose", action="count", default=0 if main else argparse.SUPPRESS,
                        help="say more on stderr: -v progress, -vv each step's time")
    parser.add_argument("-q", "--quiet", action="store_true", default=False if main else argparse.SUPPRESS,
                        help="only errors on stderr (no warnings about skipped inputs, no progress bar)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportedly", description="Who said what, on whose word, in news articles.",
        epilog="examples:\n  reportedly analyze article.txt --format text\n  reportedly -v ingest articles/\n"
               "  reportedly COMMAND --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    _add_logging_flags(parser, True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser("analyze", help="find attributions in articles (text, HTML, JSON Lines)")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (searched recursively), - for stdin, or http(s) URLs of pages, feeds, sitemaps")
    analyze.add_argument("--format", choices=("json", "jsonl", "text"), help="output format (default: from --output's suffix .json/.jsonl/.txt; else text on a terminal, jsonl otherwise)")
    analyze.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout (- is stdout)")
    analyze.add_argument("--tz", metavar="ZONE", help="time zone for stamps without an offset or with an ambiguous abbreviation (IANA name or +05:30)")
    analyze.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"largest input file to read (default {DEFAULT_MAX_BYTES:,})")
    analyze.add_argument("--extractor", choices=EXTRACTORS, default="hybrid", help="attribution extractor (default hybrid: the trained model, rules where it found nothing)")
    analyze.add_argument("--explain", action="store_true", help="text format: list every line left out of the body with the step that dropped it and why (JSON always has them, in article.boilerplate)")
    analyze.add_argument("--all", action="store_true", help="text format: also show the attributions held back for low confidence (JSON always has them all, with their confidence)")
    analyze.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N", help=f"processes analysing articles (default {DEFAULT_WORKERS}: both cores of a laptop)")
    add_fetch_arguments(analyze, archive_default=ANALYZE_ARCHIVE)
    analyze.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS", help=f"time budget per article; one over it is reported as failed and the others go on (default {DEFAULT_TIME_LIMIT:g}; 0: none)")
    analyze.set_defaults(run=_analyze)
    evaluate = commands.add_parser("eval", help="score attributions against a brat-standoff corpus laid out like PolNeAR")
    evaluate.add_argument("data_dir", metavar="DATA_DIR", help="corpus folder with metadata.tsv and <split>/text, <split>/attributions")
    evaluate.add_argument("--split", default="dev", help="split to score (default dev)")
    evaluate.add_argument("--predictions", metavar="FILE", help="JSON Lines predictions to score; default: run the extractor on the split")
    evaluate.add_argument("--extractor", choices=EXTRACTORS, default="hybrid", help="extractor to run when no predictions are given")
    evaluate.add_argument("--save-predictions", metavar="FILE", help="write the extractor's predictions as JSON Lines")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument("--workers", type=int, default=2, help="processes for parsing (default 2)")
    evaluate.set_defaults(run=_eval)
    train = commands.add_parser("train", help="train the attribution CRFs on a brat-standoff corpus")
    train.add_argument("data_dir", metavar="DATA_DIR")
    train.add_argument("--split", default="train", help="split to learn from (default train)")
    train.add_argument("--out", metavar="DIR", help="where to write the model (default: the package's model folder)")
    train.add_argument("--workers", type=int, default=2, help="processes for parsing (default 2)")
    train.set_defaults(run=_train)
    serve = commands.add_parser("serve", help="the web UI and HTTP API (FastAPI on uvicorn)")
    serve.add_argument("--db", metavar="FILE", help="a corpus store to browse (speakers, search, traces)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--max-bytes", type=int, default=2_000_000, metavar="N", help="largest request body (default 2,000,000)")
    serve.add_argument("--query-seconds", type=float, default=5.0, metavar="S", help="time one request may spend querying the store (default 5)")
    serve.add_argument("--save", action="store_true", help="keep the articles analysed through the form and the API in --db (the server then writes to it)")
    add_serve_fetch_arguments(serve)
    serve.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS", help=f"time budget per analysed article; over it the request fails with 422 (default {DEFAULT_TIME_LIMIT:g}; 0: none)")
    serve.set_defaults(run=_serve)
    completion = commands.add_parser("completion", help="print a shell completion script (bash or zsh)")
    completion.add_argument("shell", choices=("bash", "zsh"))
    completion.set_defaults(run=_completion)
    from .cli_corpus import add_corpus_commands

    add_corpus_commands(commands)
    add_watch_command(commands)
    for name, command in commands.choices.items():
        _add_logging_flags(command, False)
        command.epilog = "example:\n" + "\n".join(f"  {line}" for line in EXAMPLES[name].splitlines())
        command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def _completion(args: argparse.Namespace) -> int:
    from .completion import completion_script

    sys.stdout.write(completion_script(_parser(), args.shell))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from .attribution.commands import run_eval

    print(run_eval(args.data_dir, args.split, predictions=args.predictions, format=args.format,
                   save_predictions=args.save_predictions, n_process=args.workers, extractor=args.extractor))
    return 0


def _train(args: argparse.Namespace) -> int:
    from .attribution.commands import run_train
    from .attribution.crf import MODEL_DIR

    meta = run_train(args.data_dir, args.out or MODEL_DIR, split=args.split, n_process=args.workers,
                     log=lambda line: print(line, file=sys.stderr))
    print(json.dumps(meta, indent=1))
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .web import create_app
    from .web.store import StoreReader

    store = StoreReader(args.db, seconds=args.query_seconds) if args.db else None
    from .web.saving import StoreSaver

    save = StoreSaver(args.db) if args.save and args.db else None
    app = create_app(store=store, max_bytes=args.max_bytes, fetch=serve_fetch_policy(args), save=save,
                     time_limit=args.time_limit or None)
    # Load spaCy before accepting requests, so the first analysis is not the slow one.
    app.state.library.warm_up()

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame):
            # Stop the store's queries at once: uvicorn then waits only for answers being sent.
            if store is not None:
                store.closing.set()
            super().handle_exit(sig, frame)

    # A request still running after SHUTDOWN_SECONDS (an analysis cannot be interrupted) is cancelled.
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="info", timeout_graceful_shutdown=SHUTDOWN_SECONDS)
    Server(config).run()
    return 0


_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".txt": "text"}


def _output_format(args: argparse.Namespace, to_file: bool) -> str:
    if args.format:
        return args.format
    if to_file:
        return _SUFFIX_FORMATS.get(os.path.splitext(args.output)[1].lower(), "jsonl")
    return "text" if sys.stdout.isatty() else "jsonl"


def _analyze(args: argparse.Namespace) -> int:
    zone = parse_zone(args.tz) if args.tz else None
    to_file = args.output not in (None, "-")
    fmt = _output_format(args, to_file)
    if not to_file:
        return _write_analyses(args, zone, fmt, sys.stdout)
    try:
        out = open(args.output, "w", encoding="utf-8")
    except OSError as exc:
        raise ReportedlyError(f"cannot write {args.output}: {exc.strerror}") from exc
    with out:
        return _write_analyses(args, zone, fmt, out)


def _inputs(paths: Sequence[str], output) -> Iterator[str]:
    # An output file inside a folder being read (analyze news/ -o news/out.jsonl) would be read
    # back as input while it is written, and grow for ever.
    for given in paths:
        if given == "-" or given.startswith(("http://", "https://")):
            yield given
            continue
        for path in expand_paths([given]):
            if output is not sys.stdout and os.path.exists(path) and os.path.samefile(path, output.name):
                log.info("%s: not read, it is the output", path)
                continue
            yield path


def _write_analyses(args: argparse.Namespace, zone, fmt: str, out) -> int:
    from .parallel import analyze_loaded

    failed = False
    done = 0
    collected: list[dict] = []
    loaded = iter_sources(list(_inputs(args.paths, out)), ReadOptions(zone=zone, max_bytes=args.max_bytes),
                          web_options(args, archive_default=ANALYZE_ARCHIVE))
    for analysis in analyze_loaded(loaded, workers=args.workers, extractor=args.extractor,
                                   time_limit=args.time_limit or None):
        failed |= not analysis.ok
        done += 1
        if not analysis.ok:
            message = "; ".join(analysis.errors)
            # A message that names its input already (a URL's does) is not prefixed with it twice.
            log.warning("%s", message if message.startswith(analysis.id) else f"{analysis.id}: {message}")
        else:
            log.info("%d. %s: %d attributions", done, analysis.id, len(analysis.attributions))
        if fmt == "text":
            out.write(render_text(analysis, show_all=args.all, explain=args.explain) + "\n")
        elif fmt == "jsonl":
            out.write(json_line(analysis_dict(analysis)) + "\n")
        else:
            # Each analysis's dicts are made as it is written, not all held until the end.
            collected.append(lazy_analysis_dict(analysis))
        out.flush()
    if not done:
        log.error("no articles found in %s (readable: %s)", ", ".join(args.paths), ", ".join(ALL_SUFFIXES))
        return 1
    if fmt == "json":
        payload = collected[0] if len(collected) == 1 else collected
        write_json(payload, out)
        out.write("\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportedly`` command."""
    args = _parser().parse_args(argv)
    # Output is UTF-8 text whatever the locale: a character it cannot encode (a lone surrogate
    # that slipped through) is written as its \\u escape, never as raw invalid bytes.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    logs.configure(args.verbose, args.quiet)
    try:
        if args.command not in CORE_COMMANDS:
            from .cli_corpus import run_corpus_command

            return run_corpus_command(args)
        return args.run(args)
    except ModelNotFoundError as exc:
        print(f"reportedly: {exc}", file=sys.stderr)
        return 1
    except ReportedlyError as exc:
        # Raised before any article was analysed: a bad option, data folder or store.
        print(f"reportedly: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
