"""One-off check that two library swaps change no decision (issue 29); prints the figures.

- Statement clustering: rapidfuzz's LCSseq against the difflib matching blocks it replaced, on
  every candidate pair of a store's statements, and the clusters of the whole store.
- Language: py3langid against the langdetect call it replaced, on the text the pipeline
  identifies (the analysed paragraphs) of PolNeAR (train + dev) and the WCXB dev pages.

langdetect is no longer a dependency: ``pip install langdetect`` to run the language part.

    python benchmarks/replaced_libraries.py --db polnear.db [--polnear DIR] [--wcxb DIR]
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import sqlite3
import time
from collections import Counter
from pathlib import Path

from reportedly.corpus import clusters

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def difflib_match_kind(a: list[str], b: list[str]) -> str | None:
    """clusters.match_kind as it was, with difflib."""
    if a == b:
        return "same" if len(a) >= clusters.MIN_WORDS else None
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < clusters.DISTINCT_WORDS:
        return None
    matcher = difflib.SequenceMatcher(None, short, long, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if matched >= clusters.PARTIAL * len(short) and len(long) > len(short):
        return "partial"
    if 2 * matched / (len(a) + len(b)) >= clusters.REWORDED:
        return "reworded"
    return None


def compare_clusters(db_path: str) -> None:
    db = sqlite3.connect(db_path)
    items = [(row[0], row[1]) for row in db.execute("SELECT rowid, canonical FROM attributions")]
    new_kind = clusters.match_kind
    pairs: list[tuple[list[str], list[str]]] = []

    def recording(a, b):
        pairs.append((a, b))
        return new_kind(a, b)

    clusters.match_kind = recording
    try:
        start = time.perf_counter()
        new = clusters.cluster_statements(items)
        new_time = time.perf_counter() - start
        clusters.match_kind = difflib_match_kind
        start = time.perf_counter()
        old = clusters.cluster_statements(items)
        old_time = time.perf_counter() - start
    finally:
        clusters.match_kind = new_kind
    # Every pair either version verified (union-find skips pairs already joined, so each run
    # checks a slightly different set): both functions on all of them.
    timings = {}
    decisions = {}
    for name, kind in (("difflib", difflib_match_kind), ("rapidfuzz", new_kind)):
        start = time.perf_counter()
        decisions[name] = [kind(a, b) for a, b in pairs]
        timings[name] = (time.perf_counter() - start) / max(1, len(pairs)) * 1e6
    same = sum(x == y for x, y in zip(decisions["difflib"], decisions["rapidfuzz"]))
    print(f"statements: {len(items)}; candidate pairs verified: {len(pairs)}")
    print(f"same decision on {same} of {len(pairs)} pairs "
          f"({timings['difflib']:.1f} µs a pair with difflib, {timings['rapidfuzz']:.1f} with rapidfuzz)")
    print(f"clusters: difflib {len(set(old.values()))}, rapidfuzz {len(set(new.values()))}; "
          f"identical assignment: {old == new}; whole clustering {old_time:.1f} s -> {new_time:.1f} s")
    print("decisions:", dict(Counter(decisions["rapidfuzz"])))


def langdetect_language(text: str) -> str | None:
    """reportedly.language.detect_language as it was, with langdetect."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    from reportedly.language import MIN_CONFIDENCE, MIN_WORDS, word_count

    DetectorFactory.seed = 0
    sample = text[:5000]
    if word_count(sample) < MIN_WORDS:
        return None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= MIN_CONFIDENCE else None


def _analysed(article) -> str:
    return "\n".join(article.text[p.start : p.end] for p in article.paragraphs)


def _texts(polnear: Path, wcxb: Path):
    from reportedly.errors import ReportedlyError
    from reportedly.ingest import read_article
    from reportedly.ingest.html import read_html

    for path in sorted(polnear.glob("*/text/*.txt")):
        yield "polnear", path.name, _analysed(read_article(path.read_text(encoding="utf-8"), path.stem))
    for path in sorted((wcxb / "html").glob("*.html.gz")):
        try:
            article = read_html(gzip.decompress(path.read_bytes()), path.stem)
        except ReportedlyError:
            continue  # no article text: the pipeline never identifies its language
        yield "wcxb", path.name, _analysed(article)


def compare_languages(polnear: Path, wcxb: Path) -> None:
    from reportedly.language import detect_language

    detect_language("warm up the model " * 5)
    counts: Counter = Counter()
    spent: Counter = Counter()
    for corpus, name, text in _texts(polnear, wcxb):
        start = time.perf_counter()
        old = langdetect_language(text)
        spent["langdetect"] += time.perf_counter() - start
        start = time.perf_counter()
        new = detect_language(text)
        spent["py3langid"] += time.perf_counter() - start
        counts[corpus, "texts"] += 1
        counts[corpus, "same"] += old == new
        counts[corpus, "new " + str(new)] += 1
        if old != new:
            print(f"  {corpus} {name}: langdetect {old}, py3langid {new}: {text[:100]!r}")
    total = counts["polnear", "texts"] + counts["wcxb", "texts"]
    for corpus in ("polnear", "wcxb"):
        print(f"{corpus}: same language on {counts[corpus, 'same']} of {counts[corpus, 'texts']} texts; py3langid says",
              {k[1][4:]: v for k, v in counts.items() if k[0] == corpus and k[1].startswith("new ")})
    print(f"time a text: langdetect {spent['langdetect'] / total * 1000:.2f} ms, py3langid {spent['py3langid'] / total * 1000:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store to cluster (e.g. PolNeAR ingested)")
    parser.add_argument("--polnear", default=str(SHARED / "polnear" / "data"))
    parser.add_argument("--wcxb", default=str(SHARED / "wcxb" / "dev"))
    parser.add_argument("--skip-language", action="store_true")
    args = parser.parse_args()
    if args.db:
        compare_clusters(args.db)
    if not args.skip_language:
        compare_languages(Path(args.polnear), Path(args.wcxb))


if __name__ == "__main__":
    main()
