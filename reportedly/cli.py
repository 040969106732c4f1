"""The command line: thin commands that parse arguments and format what the library returns.

Exit status: 0 when every article was analysed, 1 when any failed (each failure is reported in
its own output), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from .budget import DEFAULT_TIME_LIMIT
from .errors import ModelNotFoundError, ReportedlyError
from .ingest import ReadOptions, iter_articles
from .ingest.decode import DEFAULT_MAX_BYTES
from .ingest.timestamps import parse_zone
from .parallel import DEFAULT_WORKERS
from .pipeline import EXTRACTORS
from .report import render_text
from .serialize import analysis_dict


# Commands whose library errors mean the command could not start (exit 2); the corpus
# commands translate their own errors (cli_corpus.run_corpus_command).
CORE_COMMANDS = ("analyze", "eval", "train", "serve")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportedly", description="Who said what, on whose word, in news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="find attributions in articles (text, HTML, JSON Lines)")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (searched recursively) or - for stdin")
    analyze.add_argument("--format", choices=("json", "jsonl", "text"), help="output format (default: text on a terminal, else jsonl)")
    analyze.add_argument("--tz", metavar="ZONE", help="time zone for stamps without an offset or with an ambiguous abbreviation (IANA name or +05:30)")
    analyze.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help=f"largest input file to read (default {DEFAULT_MAX_BYTES:,})")
    analyze.add_argument("--extractor", choices=EXTRACTORS, default="hybrid", help="attribution extractor (default hybrid: the trained model, rules where it found nothing)")
    analyze.add_argument("--all", action="store_true", help="text format: also show the attributions held back for low confidence (JSON always has them all, with their confidence)")
    analyze.add_argument("--workers", type=int, default=DEFAULT_WORKERS, metavar="N", help=f"processes analysing articles (default {DEFAULT_WORKERS}: both cores of a laptop)")
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
    serve.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS", help=f"time budget per analysed article; over it the request fails with 422 (default {DEFAULT_TIME_LIMIT:g}; 0: none)")
    serve.set_defaults(run=_serve)
    from .cli_corpus import add_corpus_commands

    add_corpus_commands(commands)
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
    from .web.store import open_store

    store = open_store(args.db) if args.db else None
    app = create_app(store=store, max_bytes=args.max_bytes, time_limit=args.time_limit or None)
    # Load spaCy before accepting requests, so the first analysis is not the slow one.
    app.state.library.analyzer
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _analyze(args: argparse.Namespace) -> int:
    zone = parse_zone(args.tz) if args.tz else None
    fmt = args.format or ("text" if sys.stdout.isatty() else "jsonl")
    from .parallel import analyze_loaded

    failed = False
    collected: list[dict] = []
    loaded = iter_articles(args.paths, ReadOptions(zone=zone, max_bytes=args.max_bytes))
    for analysis in analyze_loaded(loaded, workers=args.workers, extractor=args.extractor, time_limit=args.time_limit or None):
        failed |= not analysis.ok
        if not analysis.ok:
            print(f"reportedly: {analysis.id}: {'; '.join(analysis.errors)}", file=sys.stderr)
        if fmt == "text":
            sys.stdout.write(render_text(analysis, show_all=args.all) + "\n")
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(analysis_dict(analysis), ensure_ascii=False) + "\n")
        else:
            collected.append(analysis_dict(analysis))
        sys.stdout.flush()
    if fmt == "json":
        payload = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reportedly`` command."""
    args = _parser().parse_args(argv)
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
