"""Build a store of a few thousand articles for ``web_load.py``, cheaply and reproducibly.

    python benchmarks/build_load_store.py OUT.db [--analyse 200] [--copies 15] [--source DIR]

Analyses the first ``--analyse`` PolNeAR articles (``../shared/polnear/data/train/text`` by
default) with the real pipeline and stores them with the store's writer, then stores each analysis
``--copies - 1`` more times under new ids and dates (same text, new hash), so the store has
realistic rows and a realistic full-text index at a fraction of the analysis time.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--analyse", type=int, default=200)
    parser.add_argument("--copies", type=int, default=15)
    parser.add_argument("--source", default=str(ROOT.parent / "shared" / "polnear" / "data" / "train" / "text"))
    args = parser.parse_args()

    from reportedly.ingest import iter_articles
    from reportedly.pipeline import Analyzer
    from reportedly.serialize import analysis_dict
    from reportedly.store import open_store, queries
    from reportedly.store.write import content_hash, store_document

    files = sorted(str(p) for p in Path(args.source).glob("*.txt"))[: args.analyse]
    if not files:
        raise SystemExit(f"no .txt files in {args.source}")
    db = open_store(args.out)
    t0 = time.perf_counter()
    analyzer, stored, crashed = Analyzer(), 0, []
    for loaded in iter_articles(files):
        if loaded.article is None:
            continue
        try:
            analysis = next(analyzer.analyze_many([loaded.article]))
        except ValueError as exc:  # a library bug on this article: skip it, say so, go on
            crashed.append(f"{loaded.id}: {exc}")
            continue
        if analysis.ok and store_document(db, analysis_dict(analysis), content_hash(loaded.article), loaded.article.source_path):
            stored += 1
    print(f"analysed and stored {stored} articles in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    for line in crashed:
        print(f"skipped (analysis crashed): {line}", file=sys.stderr)
    originals = [a["id"] for a in queries.list_articles(db, limit=100_000)]
    for copy in range(1, args.copies):
        for article_id in originals:
            doc = queries.get_article(db, article_id)
            doc["id"] = f"{article_id}-copy{copy}"
            published = doc["article"].get("published") or "2016-10-01T00:00:00"
            doc["article"]["published"] = f"{int(published[:4]) + copy}{published[4:]}"
            store_document(db, doc, hashlib.sha256(f"{article_id}:{copy}".encode()).hexdigest())
    print(f"store: {queries.store_stats(db)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
