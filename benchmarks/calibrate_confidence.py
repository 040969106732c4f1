#!/usr/bin/env python3
"""Fit the attribution confidence (reportedly/provenance/confidence.py) on PolNeAR dev.

Runs the whole pipeline over the split, labels every attribution real when its content is
most of a gold content (the real-world benchmark's definition: the words shared are at least
half of the smaller of the two), fits a logistic regression on the features, prints a
reliability table cross-fitted over five folds of articles (each article scored by a model that
never saw it), and writes the weights fitted on all of it.

    .venv/bin/pip install scikit-learn     # only for fitting; the product reads the weights
    .venv/bin/python benchmarks/calibrate_confidence.py [--split dev] [--write]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportedly.evaluate_realworld import covered, overlap, reliability, words_of  # noqa: E402

DATA = REPO.parent / "shared" / "polnear" / "data"


def collect(data: Path, split: str) -> tuple[list[dict], list[int], list[str]]:
    """Features, labels and article names of every attribution the pipeline outputs on ``split``."""
    from reportedly.attribution.blocks import paragraph_spans
    from reportedly.attribution.brat import read_split
    from reportedly.model import Article, Paragraph
    from reportedly.pipeline import Analyzer
    from reportedly.provenance import confidence as conf  # the module
    from reportedly.provenance.acts import classify_act
    from reportedly.provenance.epistemic import cue_lemma

    analyzer = Analyzer()
    rows, labels, groups = [], [], []
    for gold in read_split(data, split):
        paragraphs = tuple(Paragraph(a, b) for a, b in paragraph_spans(gold.text))
        article = Article(gold.name, gold.text, paragraphs)
        analysis = analyzer.analyze(article)
        text_words = words_of(gold.text)
        gold_ids = [covered(g.content.pieces, text_words) for g in gold.attributions]
        docs = [(p.start, doc) for p, doc in zip(paragraphs, analyzer.nlp.pipe(
            [gold.text[p.start : p.end] for p in paragraphs]))]
        for att, prov in zip(analysis.attributions, analysis.provenance):
            ids = covered(att.content.pieces, text_words)
            real = any(overlap(ids, g) >= 0.5 for g in gold_ids)
            lemma = cue_lemma(att, docs)
            act = classify_act(att, lemma, prov.speaker)
            rows.append(conf.features(att, lemma, prov.speaker, act, in_turn=att.origin == "layout"))
            labels.append(int(real))
            groups.append(gold.name)
    return rows, labels, groups


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--write", action="store_true", help="write reportedly/provenance/confidence.json")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows, labels, groups = collect(args.data, args.split)
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform(rows)
    # "bias" is a feature: no separate intercept, so the weights file is one flat dict.
    model = LogisticRegression(C=args.C, fit_intercept=False, max_iter=2000)
    crossed = [0.0] * len(labels)
    for train, test in GroupKFold(n_splits=5).split(x, labels, groups):
        model.fit(x[train], [labels[i] for i in train])
        for i, p in zip(test, model.predict_proba(x[test])[:, 1]):
            crossed[i] = float(p)
    table = reliability([(p, bool(y), bool(y)) for p, y in zip(crossed, labels)])
    print(f"{len(labels)} attributions on PolNeAR {args.split}, {sum(labels)} real ({sum(labels) / len(labels):.3f})")
    print("\n| confidence | n | mean confidence | real |\n|---|---:|---:|---:|")
    for r in table:
        print(f"| {r['bin']} | {r['n']} | {r['confidence']} | {r['real']} |")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        kept = [y for p, y in zip(crossed, labels) if p >= threshold]
        print(f"threshold {threshold}: keeps {len(kept)} of {len(labels)}, precision "
              f"{sum(kept) / max(1, len(kept)):.3f}, real kept {sum(kept)} of {sum(labels)}")
    model.fit(x, labels)
    fitted = {name: round(float(w), 4) for name, w in zip(vectorizer.feature_names_, model.coef_[0])}
    print("\nweights:", json.dumps(dict(sorted(fitted.items(), key=lambda kv: -abs(kv[1])))))
    if args.write:
        out = REPO / "reportedly" / "provenance" / "confidence.json"
        out.write_text(json.dumps({"fitted_on": f"PolNeAR {args.split}", "n": len(labels), "C": args.C,
                                   "weights": fitted}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
