"""Golden extractions: what the HTML reader takes from 30 frozen pages, recorded in
``tests/data/golden_html.json``.

The pages are read from ``../shared`` (WCXB dev and the real-world set), never copied here. For
each, the title, bylines, outlet, published and updated times and a fingerprint of the body
(sha256 of ``Article.text``, its length, its first and last 80 characters) are recorded, so that
an upgrade of trafilatura or htmldate, or any change to the reader, that alters what is
extracted fails ``tests/test_golden_html.py`` and says which field of which page changed.

After a deliberate change (a fix, a new release whose differences were read and accepted):

    PYTHONPATH=$PWD python tests/golden_html.py            # list what differs
    PYTHONPATH=$PWD python tests/golden_html.py --update   # record the new extractions
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from conftest import DATA, SHARED

GOLDEN = DATA / "golden_html.json"
EDGE = 80  # characters of the body's start and end kept in the fingerprint

# (set, page id). Chosen for variety of what the reader does on them: pages with and without
# bylines, outlets, dates and update stamps; dates declared, printed or guessed by htmldate;
# containers named or unhidden by article_container; bodies restored by thin_body or a Next.js
# stream; lines left out as boilerplate; a page in another language; short and long bodies.
PAGES: tuple[tuple[str, str], ...] = (
    *(("wcxb", i) for i in (
        "0001", "0006", "0008", "0012", "0014", "0033", "0043", "0046", "0048", "0052",
        "0061", "0120", "0121", "0133", "0159", "0161", "0180", "0244", "0276", "0331")),
    *(("realworld", i) for i in (
        "readability-bbc-1", "readability-breitbart", "readability-buzzfeed-1",
        "readability-herald-sun-1", "readability-medium-2", "readability-nytimes-3",
        "readability-tmz-1", "readability-webmd-1", "trafilatura-salon.com.emissions",
        "trafilatura-scmp.com.playbook")),
)

_DIRS = {"wcxb": SHARED / "wcxb" / "dev" / "html", "realworld": SHARED / "realworld" / "html"}


def page_path(corpus: str, page_id: str) -> Path:
    """Where the frozen page ``page_id`` of ``corpus`` ("wcxb" or "realworld") is kept."""
    return _DIRS[corpus] / f"{page_id}.html.gz"


def available() -> bool:
    """Whether ``../shared`` holds the frozen pages."""
    return all(d.is_dir() for d in _DIRS.values())


def fingerprint(text: str) -> dict:
    """The body's sha256, length, and first and last ``EDGE`` characters."""
    return {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "chars": len(text),
            "head": text[:EDGE], "tail": text[-EDGE:]}


def extract(corpus: str, page_id: str) -> dict:
    """What the reader takes from one frozen page, as recorded in the golden file."""
    from reportedly.errors import InputError
    from reportedly.ingest.html import read_html

    with gzip.open(page_path(corpus, page_id), "rb") as fh:
        raw = fh.read()
    try:
        art = read_html(raw, page_id)
    except InputError as exc:
        return {"error": str(exc)}
    return {
        "title": art.title,
        "bylines": list(art.bylines),
        "outlet": art.outlet,
        "published": art.published.isoformat() if art.published else None,
        "updated": art.updated.isoformat() if art.updated else None,
        "body": fingerprint(art.text),
    }


def key(corpus: str, page_id: str) -> str:
    """The page's key in the golden file."""
    return f"{corpus}/{page_id}"


def versions() -> dict:
    """The trafilatura and htmldate releases the extractions come from (for the record)."""
    return {name: version(name) for name in ("trafilatura", "htmldate")}


def differences(expected: dict, got: dict) -> list[str]:
    """One line per field whose value differs, naming the field and both values."""
    lines = []
    for name in sorted(set(expected) | set(got)):
        old, new = expected.get(name), got.get(name)
        if old == new:
            continue
        if name == "body" and old and new:
            parts = [f"{k} {old.get(k)!r} -> {new.get(k)!r}" for k in ("chars", "head", "tail")
                     if old.get(k) != new.get(k)]
            lines.append("body changed: " + (", ".join(parts) if parts else
                                             "inside (same length, start and end)"))
        else:
            lines.append(f"{name}: {old!r} -> {new!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Compare the pages with the golden file (exit 1 on a difference), or record them anew."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="record the current extractions")
    args = ap.parse_args(argv)
    if not available():
        print(f"the frozen pages are not under {SHARED}", file=sys.stderr)
        return 2
    got = {key(c, p): extract(c, p) for c, p in PAGES}
    if args.update:
        GOLDEN.parent.mkdir(exist_ok=True)
        # One line a page: a change shows in a diff as the lines of the pages it touched.
        pages = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                            for k, v in got.items())
        GOLDEN.write_text(f'{{"versions": {json.dumps(versions())},\n "pages": {{\n{pages}\n}}}}\n',
                          encoding="utf-8")
        print(f"recorded {len(got)} pages in {GOLDEN}")
        return 0
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = 0
    for name, new in got.items():
        lines = differences(golden["pages"].get(name, {}), new)
        changed += bool(lines)
        for line in lines:
            print(f"{name}: {line}")
    print(f"{changed} of {len(got)} pages differ (recorded with {golden['versions']}, "
          f"now {versions()})")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
