"""Benchmark: reportedly's default extractor against textacy's ``direct_quotations``.

Both run on the same split of a brat corpus (PolNeAR by default, read from ``../shared``), each in
a fresh child process so that load time and peak memory are its own. Prints each system's metric
table, articles/s (parsing included, model loading excluded), peak RSS of the whole process tree,
and the ratios.

    python benchmarks/attribution.py [DATA_DIR] [--split dev] [--processes 2] [--extractor hybrid] [--json OUT.json]

Needs ``pip install textacy==0.13.0`` (the peer is not a dependency of reportedly).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "polnear" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import run_measured  # noqa: E402  (one way to run a system and sample its memory)


def run_child(system: str, data_dir: str, split: str, processes: int, peer_exclude: str = "",
              extractor: str = "hybrid") -> dict:
    """Runs one system in a child process while sampling its memory; returns its report."""
    cmd = [sys.executable, __file__, data_dir, "--split", split, "--processes", str(processes), "--child", system,
           "--peer-exclude", peer_exclude, "--extractor", extractor]
    run = run_measured(cmd, stdout=subprocess.PIPE)  # exits with the child's stderr if it fails
    report = json.loads(run["stdout"].strip().splitlines()[-1])
    report["peak_rss_mb"] = round(run["rss_mb"], 1)
    report["peak_pss_mb"] = round(run["pss_mb"], 1)
    return report


def child_reportedly(data_dir: str, split: str, processes: int, peer_exclude: str, extractor: str) -> dict:
    from reportedly.attribution.batch import extract_texts
    from reportedly.attribution.brat import read_texts
    from reportedly.evaluate import evaluate

    texts = read_texts(data_dir, split)
    t0 = time.perf_counter()
    # Warm-up: load the pipeline and the model (in the workers too) before the clock starts.
    found = extract_texts([texts[0][1]] * processes, n_process=1, extractor=extractor)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = extract_texts([t for _n, t in texts], n_process=processes, extractor=extractor)
    run_s = time.perf_counter() - t0
    preds = {name: atts for (name, _t), atts in zip(texts, found)}
    return {"system": f"reportedly ({extractor}, {processes} processes)", "articles": len(texts), "load_s": load_s,
            "run_s": run_s, "errors": 0, "metrics": evaluate(data_dir, split, preds)}


def child_textacy(data_dir: str, split: str, processes: int, peer_exclude: str, extractor: str) -> dict:
    from textacy.extract.triples import direct_quotations

    from reportedly.attribution.brat import quote_kind, read_texts
    from reportedly.evaluate import evaluate
    from reportedly.model import Attribution, Span
    from reportedly.nlp import load_pipeline

    texts = read_texts(data_dir, split)
    t0 = time.perf_counter()
    exclude = tuple(x for x in peer_exclude.split(",") if x)
    nlp = load_pipeline(exclude)
    nlp("Warm up.")
    load_s = time.perf_counter() - t0

    def tokens_span(text, toks):
        return Span.of(text, min(t.idx for t in toks), max(t.idx + len(t) for t in toks)) if toks else None

    preds, errors = {}, 0
    t0 = time.perf_counter()
    for (name, text), doc in zip(texts, nlp.pipe([t for _n, t in texts], batch_size=16)):
        atts = []
        try:
            for speaker, cue, content in direct_quotations(doc):
                c = Span.of(text, content.start_char, content.end_char)
                atts.append(Attribution("", quote_kind(c.text), c, tokens_span(text, speaker), tokens_span(text, cue)))
        except ValueError:
            errors += 1  # textacy raises on unbalanced quote marks; the article then predicts nothing
        preds[name] = atts
    run_s = time.perf_counter() - t0
    label = f"textacy 0.13 direct_quotations (1 process{', without ' + peer_exclude if exclude else ''})"
    return {"system": label, "articles": len(texts), "load_s": load_s,
            "run_s": run_s, "errors": errors, "metrics": evaluate(data_dir, split, preds)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--processes", type=int, default=2, help="worker processes for reportedly")
    ap.add_argument("--json", help="also write the reports to this file")
    ap.add_argument("--peer-exclude", default="", help="spaCy components the peer leaves out too, e.g. ner")
    ap.add_argument("--extractor", default="hybrid", help="reportedly's extractor (see reportedly analyze --help)")
    ap.add_argument("--child", choices=["reportedly", "textacy"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run = child_reportedly if args.child == "reportedly" else child_textacy
        print(json.dumps(run(args.data_dir, args.split, args.processes, args.peer_exclude, args.extractor)))
        return

    from reportedly.evaluate import format_table
    from reportedly.nlp import model_name

    reports = [run_child(s, args.data_dir, args.split, args.processes, args.peer_exclude, args.extractor)
               for s in ("reportedly", "textacy")]
    print(f"split {args.split}, spaCy {model_name()}, {os.cpu_count()} CPUs\n")
    for r in reports:
        r["articles_per_s"] = round(r["articles"] / r["run_s"], 2)
        print(f"== {r['system']}")
        print(format_table(r["metrics"]))
        print(f"articles/s {r['articles_per_s']}  (run {r['run_s']:.1f}s, load {r['load_s']:.1f}s)  "
              f"peak RSS {r['peak_rss_mb']} MB (PSS {r['peak_pss_mb']} MB)  articles that raised: {r['errors']}\n")
    ours, peer = reports
    ratios = {
        "throughput": round(ours["articles_per_s"] / peer["articles_per_s"], 2),
        "peak_rss": round(ours["peak_rss_mb"] / peer["peak_rss_mb"], 2),
        "macro_token_f1": round(ours["metrics"]["macro_token_f1"] / max(peer["metrics"]["macro_token_f1"], 1e-9), 2),
        "relation_f1": round(ours["metrics"]["relation"]["f1"] / max(peer["metrics"]["relation"]["f1"], 1e-9), 2),
    }
    print("ratios reportedly / textacy: " + ", ".join(f"{k} {v}x" for k, v in ratios.items()))
    if args.json:
        Path(args.json).write_text(json.dumps({"reports": reports, "ratios": ratios}, indent=1) + "\n")


if __name__ == "__main__":
    main()
