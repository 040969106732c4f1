#!/usr/bin/env python3
"""Score reportedly on the real-world gold set: precision, recall, speakers, misattribution.

The gold (``benchmarks/realworld/gold/*.json``, guideline in ``docs/realworld-gold.md``) is
anchored by text; each page is read from ``../shared`` and analysed here (or the analyses are
read from ``--predictions``, JSON Lines of ``reportedly analyze`` whose ids are the gold ids),
then scored by ``reportedly.evaluate_realworld``.

    .venv/bin/python benchmarks/realworld.py                      # analyse and print the tables
    .venv/bin/python benchmarks/realworld.py --errors errs.tsv    # also write every miss and junk
    .venv/bin/python benchmarks/realworld.py --save out.jsonl     # keep the analyses to re-score

The first table scores what the product shows by default (confidence at or above the display
threshold), the second everything it outputs. Layout groups: news (news, wire) and features
(everything else: features, guides, reviews, opinion, blogs, interviews, Q&A, transcripts).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportedly.evaluate_realworld import Tally, load_gold, outputs_of, reliability, score_article  # noqa: E402

DEFAULT_GOLD = REPO / "benchmarks" / "realworld" / "gold"
DEFAULT_SHARED = REPO.parent / "shared"
NEWS = frozenset({"news", "wire"})
ROWS = [("outputs", "outputs"), ("gold statements", "gold"), ("precision", "precision"),
        ("strict precision", "strict_precision"), ("recall, all statements", "recall"),
        ("recall, direct quotes", "direct_recall"), ("speaker right", "speaker_right"),
        ("speaker unknown", "speaker_unknown"), ("speaker wrong", "speaker_wrong"),
        ("misattributed quotes (6+ words)", "misattribution")]


def analyse(gold, shared: Path) -> dict[str, dict]:
    """Each gold page read and analysed by the default pipeline, as ``reportedly/1`` dicts."""
    from reportedly.ingest import iter_articles
    from reportedly.pipeline import Analyzer
    from reportedly.serialize import analysis_dict

    analyzer = Analyzer()
    found = {}
    for article in gold:
        loaded = next(iter_articles([str(shared / article.page)]))
        if loaded.article is None:
            found[article.id] = {"article": {"text": ""}, "attributions": [], "errors": [loaded.error]}
            continue
        found[article.id] = analysis_dict(analyzer.analyze(loaded.article))
    return found


def display_threshold() -> float | None:
    try:
        from reportedly.provenance.confidence import DISPLAY_THRESHOLD
    except ImportError:
        return None
    return DISPLAY_THRESHOLD


def score(gold, analyses: dict[str, dict], threshold: float | None) -> dict[str, Tally]:
    groups = {"all": Tally(), "news": Tally(), "features": Tally()}
    for article in gold:
        analysis = analyses[article.id]
        outputs = [o for o in outputs_of(analysis)
                   if threshold is None or o.confidence is None or o.confidence >= threshold]
        tally = score_article(analysis["article"]["text"], article, outputs)
        groups["all"].add(tally)
        groups["news" if article.layout in NEWS else "features"].add(tally)
    return groups


def table(groups: dict[str, Tally], title: str) -> str:
    figures = {name: tally.figures() for name, tally in groups.items()}
    lines = [f"## {title}", "", "| measure | all | news | features |", "|---|---:|---:|---:|"]
    for label, key in ROWS:
        cells = [figures[g][key] for g in ("all", "news", "features")]
        lines.append(f"| {label} | " + " | ".join("–" if c is None else str(c) for c in cells) + " |")
    extra = figures["all"]
    lines.append("")
    lines.append(f"misattributed: {extra['misattributed']} of {extra['quotes']} direct quotes found; "
                 f"gold statements not found in the extracted text: {extra['unanchored']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--predictions", type=Path, help="JSON Lines of analyses whose ids are the gold ids")
    parser.add_argument("--save", type=Path, help="write the analyses made here as JSON Lines")
    parser.add_argument("--errors", type=Path, help="write every miss, junk output and speaker error (TSV)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    if not gold:
        parser.error(f"no gold files in {args.gold}")
    if args.predictions:
        analyses = {}
        for line in args.predictions.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                analyses[record["id"]] = record
        missing = [a.id for a in gold if a.id not in analyses]
        if missing:
            parser.error(f"no analysis for {len(missing)} gold articles, e.g. {missing[:3]}")
    else:
        analyses = analyse(gold, args.shared)
    if args.save:
        with args.save.open("w", encoding="utf-8") as out:
            for article in gold:
                out.write(json.dumps({**analyses[article.id], "id": article.id}, ensure_ascii=False) + "\n")

    threshold = display_threshold()
    shown = score(gold, analyses, threshold)
    everything = score(gold, analyses, None)
    layouts = sorted({a.layout for a in gold})
    if args.json:
        print(json.dumps({"threshold": threshold, "shown": {k: v.figures() for k, v in shown.items()},
                          "all_outputs": {k: v.figures() for k, v in everything.items()},
                          "reliability": reliability(everything["all"].rows)}, indent=2))
    else:
        print(f"{len(gold)} articles ({', '.join(f'{l} {sum(a.layout == l for a in gold)}' for l in layouts)})\n")
        if threshold is not None:
            print(table(shown, f"Shown by default (confidence >= {threshold})") + "\n")
        print(table(everything, "Everything output") + "\n")
        rows = reliability(everything["all"].rows)
        if rows:
            print("## Reliability (all outputs)\n\n| confidence | n | mean confidence | real | strict |")
            print("|---|---:|---:|---:|---:|")
            for r in rows:
                print(f"| {r['bin']} | {r['n']} | {r['confidence']} | {r['real']} | {r['strict']} |")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as out:
            for row in everything["all"].errors:
                out.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
