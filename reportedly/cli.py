"""The command line: thin commands that parse arguments and format what the library returns.

Exit status: 0 when every article was analysed, 1 when any failed (each failure is reported in
its own output) or the inputs held no article at all, 2 for usage errors. The corpus commands
add 3 for a store that cannot be used (see cli_corpus).
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Sequence

from .cli_fetch import (ANALYZE_ARCHIVE, add_fetch_arguments, add_serve_fetch_arguments, add_watch_command,
                        serve_fetch_policy, web_options)
from .errors import ModelNotFoundError, ReportedlyError
from .fetch.sources import iter_sources
from .ingest import ALL_SUFFIXES, ReadOptions, iter_articles
from .ingest.decode import DEFAULT_MAX_BYTES
from .ingest.timestamps import parse_zone
from .parallel import DEFAULT_WORKERS
from .pipeline import EXTRACTORS
from .report import render_text
from .serialize import analysis_dict, json_line


# Commands whose library errors mean the command could not start (exit 2); the corpus
# commands translate their own errors (cli_corpus.run_corpus_command).
CORE_COMMANDS = ("analyze", "eval", "train", "serve")
# How long `serve` waits for requests in flight after SIGTERM or Ctrl-C before it cancels them.
SHUTDOWN_SECONDS = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportedly", description="Who said what, on whose word, in news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="find attributions in articles (text, HTML, JSON Lines)")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (searched recursively), - for stdin, or http(s) URLs of pages, feeds, sitemaps")
    analyze.add_argument("--format", choices=("json", "jsonl", "text"), help="output format (default: text on a terminal, else jsonl)")
    analyze.add_argument("--tz", metavar="ZONE", help="time zone for stamps without an offset or with an ambiguous abbreviation (IANA name or +05:30)")
    analyze.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"largest input file to read (default {DEFAULT_MAX_BYTES:,})")
    analyze.add_argument("--extractor", choices=EXTRACTORS, default="hybrid", help="attribution extractor (default hybrid: the trained model, rules where it found nothing)")
    analyze.add_argument("--all", action="store_true", help="text format: also show the attributions held back for low confidence (JSON always has them all, with their confidence)")
    analyze.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N", help=f"processes analysing articles (default {DEFAULT_WORKERS}: both cores of a laptop)")
    add_fetch_arguments(analyze, archive_default=ANALYZE_ARCHIVE)
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
    serve.set_defaults(run=_serve)
    from .cli_corpus import add_corpus_commands

    add_corpus_commands(commands)
    add_watch_command(commands)
    return parser


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
    app = create_app(store=store, max_bytes=args.max_bytes, fetch=serve_fetch_policy(args), save=save)
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


def _analyze(args: argparse.Namespace) -> int:
    zone = parse_zone(args.tz) if args.tz else None
    fmt = args.format or ("text" if sys.stdout.isatty() else "jsonl")
    from .parallel import analyze_loaded

    failed = False
    seen = 0
    collected: list[dict] = []
    loaded = iter_sources(args.paths, ReadOptions(zone=zone, max_bytes=args.max_bytes),
                          web_options(args, archive_default=ANALYZE_ARCHIVE))
    for analysis in analyze_loaded(loaded, workers=args.workers, extractor=args.extractor):
        seen += 1
        failed |= not analysis.ok
        if not analysis.ok:
            message = "; ".join(analysis.errors)
            # A message that names its input already (a URL's does) is not prefixed with it twice.
            print(f"reportedly: {message if message.startswith(analysis.id) else f'{analysis.id}: {message}'}", file=sys.stderr)
        if fmt == "text":
            sys.stdout.write(render_text(analysis, show_all=args.all) + "\n")
        elif fmt == "jsonl":
            sys.stdout.write(json_line(analysis_dict(analysis)) + "\n")
        else:
            collected.append(analysis_dict(analysis))
        sys.stdout.flush()
    if not seen:
        print(f"reportedly: no articles found in {', '.join(args.paths)} (readable: {', '.join(ALL_SUFFIXES)})", file=sys.stderr)
        return 1
    if fmt == "json":
        payload = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportedly`` command."""
    args = _parser().parse_args(argv)
    # Output is UTF-8 text whatever the locale: a character it cannot encode (a lone surrogate
    # that slipped through) is written as its \\u escape, never as raw invalid bytes.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
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
