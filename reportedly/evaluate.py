"""Scoring attributions against a gold corpus: token, span and exact P/R/F1 per role, relation F1.

The definitions are those of the reference scorer (``attrib_score.py``) and must stay so: results
are compared with it to three decimals. In short, text is cut into word tokens (``\\w+``); a
span covers a word when it covers at least half of the word's characters.

- token: per role, the set of words covered by any span of that role, gold vs predicted;
- span: one-to-one greedy matching of spans whose word sets have Jaccard >= 0.5;
- exact: the same, with equal word sets;
- relation: an attribution matches a gold one when contents have Jaccard >= 0.5, cues share a
  word (or both lack one), and, when gold has a source, sources have Jaccard >= 0.5.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .errors import InputError
from .model import Attribution, Span

ROLES = ("source", "cue", "content")
WORD = re.compile(r"\w+", re.UNICODE)

Pieces = tuple[tuple[int, int], ...]
# An attribution reduced to what scoring needs: role -> pieces (or None).
Triple = Mapping[str, Pieces | None]


def triple_of(att: Attribution) -> dict[str, Pieces | None]:
    """The pieces of each role of ``att``."""
    return {role: (getattr(att, role).pieces if getattr(att, role) is not None else None) for role in ROLES}


def word_ids(pieces: Pieces | None, words: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Indices of the words at least half covered by ``pieces``."""
    if not pieces:
        return frozenset()
    ids = set()
    for i, (ws, we) in enumerate(words):
        for a, b in pieces:
            if ws < b and we > a and (min(we, b) - max(ws, a)) * 2 >= (we - ws):
                ids.add(i)
                break
    return frozenset(ids)


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 (rounded to 4 places, as the reference does) with the counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_pred, "gold": n_gold}


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def greedy_match(preds: Sequence, golds: Sequence, score: Callable) -> int:
    """How many one-to-one pairs greedy matching finds, best-scoring pairs first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s > 0:
                pairs.append((s, i, j))
    # Ties are broken by the highest indices first: the reference sorts (score, i, j) descending.
    pairs.sort(reverse=True)
    used_p, used_g, n = set(), set(), 0
    for _s, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        n += 1
    return n


def _span_score(p: frozenset, g: frozenset) -> float:
    j = jaccard(p, g)
    return j if j >= 0.5 else 0


def _relation_score(p: dict, g: dict) -> float:
    c = jaccard(p["content"], g["content"])
    if c < 0.5 or not (p["cue"] & g["cue"] or not (p["cue"] or g["cue"])):
        return 0
    if g["source"] and jaccard(p["source"], g["source"]) < 0.5:
        return 0
    return c


def score(gold: Mapping[str, tuple[str, Sequence[Triple]]], predictions: Mapping[str, Sequence[Triple]]) -> dict:
    """Scores of ``predictions`` (name -> triples) against ``gold`` (name -> (text, triples)).

    An article of ``gold`` missing from ``predictions`` counts as predicting nothing; predictions
    for articles not in ``gold`` are ignored.
    """
    tok = defaultdict(lambda: [0, 0, 0])  # role -> tp, n_pred, n_gold
    span = defaultdict(lambda: [0, 0, 0])
    exact = defaultdict(lambda: [0, 0, 0])
    rel = [0, 0, 0]
    for name, (text, gold_triples) in gold.items():
        words = [m.span() for m in WORD.finditer(text)]
        G = [{r: word_ids(t.get(r), words) for r in ROLES} for t in gold_triples]
        P = [{r: word_ids(t.get(r), words) for r in ROLES} for t in predictions.get(name, ())]
        for r in ROLES:
            gold_words = frozenset().union(*(a[r] for a in G))
            pred_words = frozenset().union(*(a[r] for a in P))
            tok[r][0] += len(gold_words & pred_words)
            tok[r][1] += len(pred_words)
            tok[r][2] += len(gold_words)
            gs = [a[r] for a in G if a[r]]
            ps = [a[r] for a in P if a[r]]
            span[r][0] += greedy_match(ps, gs, _span_score)
            exact[r][0] += greedy_match(ps, gs, lambda p, g: 1 if p == g else 0)
            for counts in (span[r], exact[r]):
                counts[1] += len(ps)
                counts[2] += len(gs)
        rel[0] += greedy_match(P, G, _relation_score)
        rel[1] += len(P)
        rel[2] += len(G)
    out: dict = {"articles": len(gold)}
    for r in ROLES:
        out[r] = {"token": prf(*tok[r]), "span": prf(*span[r]), "exact": prf(*exact[r])}
    out["relation"] = prf(*rel)
    out["macro_token_f1"] = round(sum(out[r]["token"]["f1"] for r in ROLES) / 3, 4)
    return out


def gold_triples(data_dir: str | Path, split: str) -> dict[str, tuple[str, list[dict]]]:
    """name -> (text, gold triples) for ``split``, contentless events included as the reference does."""
    from .attribution.brat import read_split

    out = {}
    for art in read_split(data_dir, split):
        triples = [triple_of(a) for a in art.attributions]
        triples += [
            {"source": s.pieces if s else None, "cue": c.pieces if c else None, "content": None}
            for s, c in art.contentless
        ]
        out[art.name] = (art.text, triples)
    return out


def _pieces_of_json(span) -> Pieces | None:
    if span is None:
        return None
    if isinstance(span, list):  # a list of {"start", "end"} objects
        return tuple((int(s["start"]), int(s["end"])) for s in span) or None
    if span.get("fragments"):
        return tuple((int(a), int(b)) for a, b in span["fragments"])
    return ((int(span["start"]), int(span["end"])),)


def read_predictions(path: str | Path) -> dict[str, list[dict]]:
    """Predictions from JSON Lines: ``{"id": name, "attributions": [{"source": SPAN|null, ...}]}``.

    SPAN is ``{"start", "end"[, "fragments"]}``. The id may be a path or end in ``.txt``; only its
    stem counts. Raises InputError on a line that is not JSON.
    """
    preds: dict[str, list[dict]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not a JSON object ({exc.msg})") from exc
            key = Path(str(obj.get("id", ""))).name
            key = key[:-4] if key.endswith(".txt") else key
            preds[key] = [{r: _pieces_of_json(a.get(r)) for r in ROLES} for a in obj.get("attributions", [])]
    return preds


def span_json(span: Span | None) -> dict | None:
    """The JSON shape of a span in a predictions file."""
    if span is None:
        return None
    out: dict = {"start": span.start, "end": span.end, "text": span.text}
    if span.fragments:
        out["fragments"] = [list(f) for f in span.fragments]
    return out


def prediction_line(name: str, attributions: Iterable[Attribution]) -> str:
    """One JSON Lines record of predictions for article ``name``."""
    atts = [{r: span_json(getattr(a, r)) for r in ROLES} | {"kind": a.kind} for a in attributions]
    return json.dumps({"id": name, "attributions": atts}, ensure_ascii=False)


def evaluate(data_dir: str | Path, split: str, predictions) -> dict:
    """Scores of ``predictions`` on ``split`` of the corpus at ``data_dir``.

    ``predictions`` is a JSON Lines path (see ``read_predictions``) or a mapping from article name
    to Attributions (or to role -> pieces triples). The result is the reference scorer's summary
    plus ``missing_articles``.
    """
    gold = gold_triples(data_dir, split)
    if isinstance(predictions, (str, Path)):
        preds = read_predictions(predictions)
    else:
        preds = {
            name: [triple_of(a) if isinstance(a, Attribution) else a for a in atts]
            for name, atts in predictions.items()
        }
    result = score(gold, preds)
    result["missing_articles"] = sum(1 for n in gold if n not in preds)
    return result


def format_table(result: dict) -> str:
    """A plain-text table of a result of ``evaluate``: one row per role and level, then relation."""
    lines = [f"{'role':<9}{'level':<7}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}"]
    for r in ROLES:
        for level in ("token", "span", "exact"):
            m = result[r][level]
            lines.append(f"{r:<9}{level:<7}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{m['pred']:>7}{m['gold']:>7}")
    m = result["relation"]
    lines.append(f"{'relation':<16}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{m['pred']:>7}{m['gold']:>7}")
    lines.append(f"macro token F1 {result['macro_token_f1']:.3f}   articles {result['articles']}")
    return "\n".join(lines)
