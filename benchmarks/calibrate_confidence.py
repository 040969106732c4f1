#!/usr/bin/env python3
"""Fit the attribution confidence (reportedly/provenance/confidence.py) and print its reliability.

The confidence is the probability that a find is a real attribution *as our guideline defines
it* (docs/realworld-gold.md), so it is fitted on the real-world gold: every output of the
pipeline on the gold's pages is labelled real or not by the real-world scorer, and a logistic
regression is fitted on the features; the finds that report nobody (attribution/nobody.py) are
capped at the share of statements among them (``nobody_ceiling``). Figures printed:

1. on the real-world gold, cross-fitted over five folds of articles (each article's confidences
   come from a model that never saw it): the reliability table, and precision / strict
   precision / recall of what the display threshold shows;
2. on PolNeAR dev, with the model fitted on all the gold: the reliability table (PolNeAR's
   labels: an output is real when its content is most of a gold content) and the reference
   scores of everything and of what the threshold shows.

    .venv/bin/pip install scikit-learn     # only for fitting; the product reads the weights
    .venv/bin/python benchmarks/calibrate_confidence.py [--C 1] [--write]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportedly.evaluate_realworld import (  # noqa: E402
    Tally, covered, load_gold, outputs_of, overlap, reliability, score_article, words_of)

DATA = REPO.parent / "shared" / "polnear" / "data"
SHARED = REPO.parent / "shared"
GOLD = REPO / "benchmarks" / "realworld" / "gold"


def article_features(analyzer, article, analysis) -> list[dict]:
    """The confidence features of each of ``analysis``'s attributions (the paragraphs parsed again)."""
    from reportedly.attribution.nobody import BlockIndex, ContentIndex, reports_nobody
    from reportedly.provenance import assessment_features
    from reportedly.provenance.acts import classify_act
    from reportedly.provenance.epistemic import cue_lemma

    texts = [article.text[p.start : p.end] for p in article.paragraphs]
    blocks = [(p.start, doc) for p, doc in zip(article.paragraphs, analyzer.nlp.pipe(texts))]
    locate, contents = BlockIndex(blocks), ContentIndex(analysis.attributions)
    rows = []
    for att, prov in zip(analysis.attributions, analysis.provenance):
        lemma = cue_lemma(att, blocks)
        rows.append(assessment_features(att, lemma, prov.speaker, classify_act(att, lemma, prov.speaker), locate,
                                        reports_nobody(att, contents, locate)))
    return rows


def realworld(analyzer):
    """(features, label, article id) of every output on the gold, and what scoring needs."""
    from reportedly.ingest import iter_articles
    from reportedly.serialize import analysis_dict

    gold = load_gold(GOLD)
    rows, labels, groups, scored = [], [], [], []
    for g in gold:
        loaded = next(iter_articles([str(SHARED / g.page)]))
        analysis = analyzer.analyze(loaded.article)
        outputs = outputs_of(analysis_dict(analysis))
        tally = score_article(loaded.article.text, g, outputs)
        rows += article_features(analyzer, loaded.article, analysis)
        labels += [int(real) for _c, real, _s in tally.rows]
        groups += [g.id] * len(outputs)
        scored.append((g, loaded.article.text, outputs))
    return rows, labels, groups, scored


def polnear(analyzer, data: Path, split: str):
    """(features, label, name) of every output on a PolNeAR split, and the analyses."""
    from reportedly.attribution.blocks import paragraph_spans
    from reportedly.attribution.brat import read_split
    from reportedly.model import Article, Paragraph

    rows, labels, analyses = [], [], {}
    for gold in read_split(data, split):
        article = Article(gold.name, gold.text, tuple(Paragraph(a, b) for a, b in paragraph_spans(gold.text)))
        analysis = analyzer.analyze(article)
        analyses[gold.name] = analysis
        text_words = words_of(gold.text)
        gold_ids = [covered(g.content.pieces, text_words) for g in gold.attributions]
        rows += article_features(analyzer, article, analysis)
        labels += [int(any(overlap(covered(a.content.pieces, text_words), g) >= 0.5 for g in gold_ids))
                   for a in analysis.attributions]
    return rows, labels, analyses


def nobody_share(labels, flagged, among) -> float:
    """The share of statements among the finds that report nobody (of the rows ``among``): the
    most such a find's confidence may be (provenance/confidence.py)."""
    said = [labels[i] for i in among if flagged[i]]
    return sum(said) / len(said) if said else 1.0


def print_reliability(title: str, pairs) -> None:
    print(f"\n### {title}\n\n| confidence | n | mean confidence | real |\n|---|---:|---:|---:|")
    for r in reliability([(p, bool(y), bool(y)) for p, y in pairs]):
        print(f"| {r['bin']} | {r['n']} | {r['confidence']} | {r['real']} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true", help="write reportedly/provenance/confidence.json")
    parser.add_argument("--C", type=float, default=0.5, help="inverse regularisation strength")
    args = parser.parse_args(argv)

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from reportedly.evaluate import evaluate, format_table
    from reportedly.pipeline import Analyzer
    from reportedly.provenance.confidence import DISPLAY_THRESHOLD, says_nobody, confidence

    analyzer = Analyzer()
    rows, labels, groups, scored = realworld(analyzer)
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(rows)
    # "bias" is a feature: no separate intercept, so the weights file is one flat dict.
    model = LogisticRegression(C=args.C, fit_intercept=False, max_iter=5000)
    crossed = [0.0] * len(labels)
    flagged = [says_nobody(r) for r in rows]
    for train, test in GroupKFold(n_splits=5).split(x, labels, groups):
        model.fit(x[train], [labels[i] for i in train])
        ceiling = nobody_share(labels, flagged, train)
        for i, p in zip(test, model.predict_proba(x[test])[:, 1]):
            crossed[i] = min(float(p), ceiling) if flagged[i] else float(p)
    print(f"real-world gold: {len(labels)} outputs, {sum(labels)} real ({sum(labels) / len(labels):.3f})")
    print_reliability("Real-world gold, cross-fitted (5 folds of articles)", zip(crossed, labels))
    at = 0
    for threshold in sorted({0.3, 0.4, DISPLAY_THRESHOLD, 0.6, 0.7}):
        shown, everything = Tally(), Tally()
        at = 0
        for g, text, outputs in scored:
            withconf = [dataclasses.replace(o, confidence=crossed[at + k]) for k, o in enumerate(outputs)]
            at += len(outputs)
            shown.add(score_article(text, g, [o for o in withconf if o.confidence >= threshold]))
        f = shown.figures()
        print(f"threshold {threshold}: shows {f['outputs']} of {len(labels)}; precision {f['precision']}, strict "
              f"{f['strict_precision']}, recall {f['recall']}, direct recall {f['direct_recall']}, speaker right "
              f"{f['speaker_right']}, misattributed {f['misattributed']}/{f['quotes']}")

    model.fit(x, labels)
    fitted = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0])}
    ceiling = round(nobody_share(labels, flagged, range(len(labels))), 3)
    print("\nweights:", json.dumps(dict(sorted(fitted.items(), key=lambda kv: -abs(kv[1])))))
    print(f"finds that report nobody: {sum(flagged)}, statements among them (the ceiling): {ceiling}")

    p_rows, p_labels, analyses = polnear(analyzer, args.data, "dev")
    p_conf = [confidence(r, fitted, ceiling) for r in p_rows]
    print_reliability("PolNeAR dev, model fitted on the real-world gold", zip(p_conf, p_labels))
    at = 0
    kept = {}
    for name, analysis in analyses.items():
        n = len(analysis.attributions)
        kept[name] = [a for a, c in zip(analysis.attributions, p_conf[at : at + n]) if c >= DISPLAY_THRESHOLD]
        at += n
    everything = {name: list(a.attributions) for name, a in analyses.items()}
    for title, preds in (("everything", everything), (f"confidence >= {DISPLAY_THRESHOLD}", kept)):
        lines = format_table(evaluate(args.data, "dev", preds)).splitlines()
        print(f"\nPolNeAR dev, {title}:\n" + "\n".join(lines[-2:]))
    if args.write:
        out = REPO / "reportedly" / "provenance" / "confidence.json"
        out.write_text(json.dumps({"fitted_on": "real-world gold (benchmarks/realworld/gold)", "n": len(labels),
                                   "C": args.C, "weights": fitted, "nobody_ceiling": ceiling},
                                  indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
