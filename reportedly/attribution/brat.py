"""Reading a brat-standoff attribution corpus laid out like PolNeAR.

Layout: ``DATA/<split>/text/<name>.txt`` and ``DATA/<split>/attributions/<name>_<annotator>.ann``;
``DATA/metadata.tsv`` lists each file's annotators, the first of them being gold. An attribution
is an event line (``E1  Attribution:T4 Content:T3 Cue:T2 Source:T1``) whose arguments are text-bound
annotations; a discontinuous annotation (``T3  Content 10 20;30 40``) becomes a Span with fragments.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Attribution, Span

ROLE_KEYS = (("Source", "source"), ("Cue", "cue"), ("Content", "content"))
QUOTES = "\"“”«»"


@dataclass(frozen=True)
class GoldArticle:
    """One corpus article: its name, its text and its gold attributions.

    ``attributions`` keeps only events with a content span (our Attribution needs one);
    ``contentless`` counts the events with a cue but no content, which scorers still count as gold.
    """

    name: str
    text: str
    attributions: tuple[Attribution, ...]
    contentless: tuple[tuple[Span | None, Span | None], ...] = ()


def first_annotators(data_dir: Path) -> dict[str, str]:
    """File name -> its gold annotator (the first listed in ``metadata.tsv``); empty if absent."""
    path = Path(data_dir) / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["filename"]: row["annotators"].split("|")[0] for row in csv.DictReader(fh, delimiter="\t")}


def parse_ann(ann: str, text: str) -> tuple[list[Attribution], list[tuple[Span | None, Span | None]]]:
    """Attributions of one .ann file's content, with spans anchored to ``text``.

    Returns the attributions that have a content span and, separately, (source, cue) pairs of the
    events that have a cue but no content. Events with neither are dropped, as the reference
    scorer drops them.
    """
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            _label, ranges = parts[1].split(" ", 1)
            frags = [tuple(map(int, piece.split())) for piece in ranges.split(";")]
            spans[parts[0]] = _span(text, frags)
        elif line.startswith("E"):
            parts = line.split("\t")
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    found: list[Attribution] = []
    contentless: list[tuple[Span | None, Span | None]] = []
    for args in events:
        role = {name: spans.get(args.get(key, "")) for key, name in ROLE_KEYS}
        if role["content"] is None:
            if role["cue"] is not None:
                contentless.append((role["source"], role["cue"]))
            continue
        found.append(
            Attribution(
                id=f"a{len(found) + 1}",
                kind=quote_kind(role["content"].text),
                content=role["content"],
                source=role["source"],
                cue=role["cue"],
            )
        )
    return found, contentless


def _span(text: str, frags: list[tuple[int, ...]]) -> Span:
    # brat writes fragments in text order; keep them as given (no merging of touching pieces)
    # so a gold span reads back exactly as annotated.
    pairs = [(int(a), int(b)) for a, b in frags]
    if len(pairs) == 1:
        return Span.of(text, *pairs[0])
    pairs.sort()
    return Span(pairs[0][0], max(b for _, b in pairs), " ".join(text[a:b] for a, b in pairs), tuple(pairs))


def quote_kind(content: str) -> str:
    """direct when the content is wholly in quote marks, mixed when partly, else indirect."""
    stripped = content.strip().rstrip(".,;:")
    if len(stripped) > 1 and stripped[0] in QUOTES and stripped[-1] in QUOTES:
        return "direct"
    if any(q in content for q in QUOTES):
        return "mixed"
    return "indirect"


def read_split(data_dir: str | Path, split: str) -> list[GoldArticle]:
    """Every article of ``split`` that has an annotation file, sorted by name.

    Raises InputError when ``DATA/<split>/text`` does not exist.
    """
    root = Path(data_dir)
    text_dir = root / split / "text"
    if not text_dir.is_dir():
        raise InputError(f"no corpus split at {text_dir}; expected DATA/{split}/text/*.txt")
    firsts = first_annotators(root)
    ann_dir = root / split / "attributions"
    out = []
    for txt in sorted(text_dir.glob("*.txt")):
        name = txt.stem
        ann = ann_dir / f"{name}_{firsts.get(name, '')}.ann"
        if not ann.exists():
            candidates = sorted(ann_dir.glob(f"{name}_*.ann"))
            if not candidates:
                continue
            ann = candidates[0]
        text = txt.read_text(encoding="utf-8")
        atts, contentless = parse_ann(ann.read_text(encoding="utf-8"), text)
        out.append(GoldArticle(name, text, tuple(atts), tuple(contentless)))
    return out


def read_texts(data_dir: str | Path, split: str) -> list[tuple[str, str]]:
    """(name, text) of every .txt of ``split``, annotated or not, sorted by name."""
    text_dir = Path(data_dir) / split / "text"
    if not text_dir.is_dir():
        raise InputError(f"no corpus split at {text_dir}; expected DATA/{split}/text/*.txt")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(text_dir.glob("*.txt"))]
