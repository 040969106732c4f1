#!/usr/bin/env python3
"""Compare HTML article readers on a WCXB-style folder: ours, plain trafilatura, newspaper4k.

Each reader's output is written as JSON Lines in the shape ``html_score.py`` reads, then scored
with the reference scorer's own functions (imported from ``--scorer``), so the numbers here are
the numbers that script prints.

    .venv/bin/python benchmarks/html_readers.py                 # ../shared/wcxb/dev, all readers
    .venv/bin/python benchmarks/html_readers.py --readers ours --limit 100 --errors out/errs.jsonl

Timing is wall-clock per page in this single process (one core), parsing included, reading the
file and scoring excluded. newspaper4k needs the ``[bench]`` extra.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import importlib.util
import json
import os
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The shared data sets live beside the checkout, never inside it.
DEFAULT_DATA = REPO.parent / "shared" / "wcxb" / "dev"
DEFAULT_SCORER = REPO.parent / "shared" / "reference" / "html_score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("html_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# --- readers: each takes (raw bytes, id, url) and returns the "article" dict of the JSONL line ---


def read_ours(raw: bytes, page_id: str, url: str | None) -> dict:
    from reportedly.errors import InputError
    from reportedly.ingest.html import read_html

    try:
        art = read_html(raw, page_id, url=url)
    except InputError:
        return {"title": None, "bylines": [], "published": None, "text": ""}
    return {
        "title": art.title,
        "bylines": list(art.bylines),
        "published": art.published.isoformat() if art.published else None,
        # Not scored by html_score.py; read for the "published or updated" figure below.
        "updated": art.updated.isoformat() if art.updated else None,
        "text": art.text,
    }


def read_trafilatura(raw: bytes, page_id: str, url: str | None) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return {"title": None, "bylines": [], "published": None, "text": ""}
    author = doc.author
    return {
        "title": doc.title,
        "bylines": [a.strip() for a in author.split(";")] if author else [],
        "published": doc.date,
        "text": doc.text or "",
    }


def read_newspaper(raw: bytes, page_id: str, url: str | None) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper

    html = raw.decode("utf-8", errors="replace")
    art = newspaper.Article(url or "http://example.com/", fetch_images=False)
    art.download(input_html=html)
    art.parse()
    return {
        "title": art.title or None,
        "bylines": list(art.authors),
        "published": art.publish_date.isoformat() if art.publish_date else None,
        "text": art.text or "",
    }


READERS = {"ours": read_ours, "trafilatura": read_trafilatura, "newspaper4k": read_newspaper}


def score(scorer, data_dir: Path, preds: dict) -> tuple[dict, list[dict]]:
    """The reference metrics (same rules as html_score.main) plus a per-page record of misses."""
    n, hit, f1s, misses = Counter(), Counter(), [], []
    for path in sorted(glob.glob(os.path.join(data_dir, "ground-truth", "*.json"))):
        key = os.path.basename(path)[:-5]
        g = json.load(open(path, encoding="utf-8"))["ground_truth"]
        a = preds.get(key, {})
        n["pages"] += 1
        f1 = scorer.word_f1(a.get("text"), g.get("main_content"))
        f1s.append(f1)
        miss = {"id": key}
        if f1 < 0.9:
            miss["body_f1"] = round(f1, 3)
        if scorer.norm(g.get("title")):
            n["title"] += 1
            ok = scorer.norm(a.get("title")) == scorer.norm(g.get("title"))
            hit["title"] += ok
            if not ok:
                miss["title"] = [a.get("title"), g.get("title")]
        if scorer.norm(g.get("author")):
            n["author"] += 1
            ok = bool(a.get("bylines")) and scorer.norm(g["author"]) in scorer.norm(" ; ".join(a["bylines"]))
            hit["author"] += ok
            if not ok:
                miss["author"] = [a.get("bylines"), g.get("author")]
        if len(g.get("publish_date") or "") == 10:
            n["date"] += 1
            ok = str(a.get("published") or "")[:10] == g["publish_date"]
            hit["date"] += ok
            # Where the gold is the page's modification date: would the reader's updated match?
            hit["date_or_updated"] += ok or str(a.get("updated") or "")[:10] == g["publish_date"]
            if not ok:
                miss["date"] = [a.get("published"), g.get("publish_date")]
        if len(miss) > 1:
            misses.append(miss)
    res = {"pages": n["pages"], "body_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0}
    for k in ("title", "author", "date"):
        res[k] = round(hit[k] / n[k], 4) if n[k] else None
    res["date_or_updated"] = round(hit["date_or_updated"] / n["date"], 4) if n["date"] else None
    return res, misses


def run_reader(name: str, pages: list[tuple[str, bytes, str | None]], out_path: Path) -> float:
    """Write the reader's JSONL to ``out_path``; return mean ms/page."""
    fn = READERS[name]
    total = 0.0
    with open(out_path, "w", encoding="utf-8") as fh:
        for page_id, raw, url in pages:
            t0 = time.perf_counter()
            try:
                article = fn(raw, page_id, url)
            except Exception as exc:  # a benchmark records a crashing baseline and goes on
                article = {"title": None, "bylines": [], "published": None, "text": "", "error": repr(exc)}
            total += time.perf_counter() - t0
            fh.write(json.dumps({"id": page_id, "article": article}, ensure_ascii=False) + "\n")
    return 1000 * total / max(len(pages), 1)


def load_pages(data_dir: Path, limit: int | None, use_url: bool) -> list[tuple[str, bytes, str | None]]:
    pages = []
    for path in sorted(glob.glob(os.path.join(data_dir, "html", "*.html.gz")))[:limit]:
        page_id = os.path.basename(path)[: -len(".html.gz")]
        url = None
        if use_url:
            gt = os.path.join(data_dir, "ground-truth", page_id + ".json")
            if os.path.exists(gt):
                url = json.load(open(gt, encoding="utf-8")).get("url")
        with gzip.open(path, "rb") as fh:
            pages.append((page_id, fh.read(), url))
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER), help="path to html_score.py")
    ap.add_argument("--readers", default="ours,trafilatura,newspaper4k")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages")
    ap.add_argument("--with-url", action="store_true", help="pass the page URL from the ground truth")
    ap.add_argument("--out", default=None, help="folder for the JSONL outputs (default: a temp folder)")
    ap.add_argument("--errors", default=None, help="write the first reader's misses to this JSONL file")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(REPO))
    scorer = load_scorer(Path(args.scorer))
    data_dir = Path(args.data_dir)
    pages = load_pages(data_dir, args.limit, args.with_url)
    if not pages:
        print(f"no pages under {data_dir}/html", file=sys.stderr)
        return 2
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="html_readers_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [r.strip() for r in args.readers.split(",") if r.strip()]
    rows = {}
    for i, name in enumerate(names):
        path = out_dir / f"{name}.jsonl"
        ms = run_reader(name, pages, path)
        keep = set(p[0] for p in pages)
        preds = {k: v for k, v in scorer.load_preds(str(path)).items() if k in keep}
        res, misses = score(scorer, data_dir, preds) if args.limit is None else score_subset(
            scorer, data_dir, preds, keep)
        res["ms_per_page"] = round(ms, 1)
        rows[name] = res
        if i == 0 and args.errors:
            with open(args.errors, "w", encoding="utf-8") as fh:
                for m in misses:
                    fh.write(json.dumps(m, ensure_ascii=False) + "\n")

    cols = ("body_f1", "title", "author", "date", "ms_per_page")
    print(f"{len(pages)} pages from {data_dir}; outputs in {out_dir}")
    print(f"| reader | {' | '.join(cols)} |")
    print("|---|" + "---:|" * len(cols))
    for name, res in rows.items():
        print(f"| {name} | " + " | ".join(f"{res[c]}" for c in cols) + " |")
    # The gold date is sometimes the page's "Last updated" day; readers that give it apart from
    # the publication day are shown how often either one is the gold's (not a reference metric).
    either = {name: res["date_or_updated"] for name, res in rows.items()
              if res["date_or_updated"] != res["date"]}
    if either:
        print("\ndate, published or updated: " + ", ".join(f"{k} {v}" for k, v in either.items()))
    if "ours" in rows and len(rows) > 1:
        print()
        for name, res in rows.items():
            if name == "ours":
                continue
            ratios = []
            for c in cols:
                base = res[c]
                ratios.append(f"{rows['ours'][c] / base:.2f}x" if base else "n/a")
            print(f"ours / {name}: " + ", ".join(f"{c} {r}" for c, r in zip(cols, ratios)))
    return 0


def score_subset(scorer, data_dir: Path, preds: dict, keep: set[str]):
    """Score only the pages in ``keep`` (for --limit runs) by scoring a filtered copy of the gold."""
    tmp = Path(tempfile.mkdtemp(prefix="gold_subset_"))
    (tmp / "ground-truth").mkdir()
    for key in keep:
        src = data_dir / "ground-truth" / f"{key}.json"
        if src.exists():
            (tmp / "ground-truth" / f"{key}.json").write_bytes(src.read_bytes())
    return score(scorer, tmp, preds)


if __name__ == "__main__":
    raise SystemExit(main())
