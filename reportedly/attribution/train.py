"""Training the cue and role CRFs of ``crf.CrfExtractor`` from a brat corpus."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite
from spacy.tokens import Doc

from ..model import Attribution
from .brat import GoldArticle
from .crf import CUE_FILE, META_FILE, ROLE_FILE
from .features import ParagraphFeatures

# Strong L1 regularisation wins on PolNeAR dev for both CRFs and keeps the models small (most of
# the million candidate features end with zero weight): cue exact F1 0.66 at c1=0.1, 0.71 at
# c1=1-4; role CRF relation F1 given gold cues 0.70 at c1=0.1, 0.74 at c1=3.
# See docs/attribution-model.md.
DEFAULT_PARAMS = {
    "cue": {"c1": 2.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True},
    # The role CRF is still improving at 150 L-BFGS iterations (dev relation 0.654 -> 0.661 at 300).
    "role": {"c1": 3.0, "c2": 0.01, "max_iterations": 300, "feature.possible_transitions": True},
}


def covered_tokens(doc: Doc, offset: int, pieces: Iterable[tuple[int, int]]) -> list[int]:
    """Indices of tokens at least half covered by the character ``pieces`` (the scorer's rule)."""
    out = []
    for tok in doc:
        ts, te = offset + tok.idx, offset + tok.idx + len(tok)
        for a, b in pieces:
            if ts < b and te > a and (min(te, b) - max(ts, a)) * 2 >= (te - ts):
                out.append(tok.i)
                break
    return out


def bio(n: int, runs: Sequence[Sequence[int]], label: str, tags: list[str] | None = None) -> list[str]:
    """BIO tags of length ``n`` where each run (a list of token indices) is tagged ``label``.

    Consecutive indices continue a run; a gap starts a new one. ``tags`` is updated in place
    when given, and only its ``O`` tags are overwritten.
    """
    tags = tags if tags is not None else ["O"] * n
    for run in runs:
        prev = None
        for i in sorted(run):
            if tags[i] == "O":
                tags[i] = ("I-" if prev is not None and i == prev + 1 else "B-") + label
            prev = i
    return tags


def block_sequences(doc: Doc, offset: int, index: int, attributions: Sequence[Attribution]):
    """The cue sequence and the role sequences (one per gold cue) of one parsed paragraph.

    Returns ``(base, cue_tags, [(role_feats, role_tags), ...])``. Attributions whose cue lies in
    this paragraph make role sequences; the parts of their spans outside it are ignored.
    """
    features = ParagraphFeatures(doc, index)
    end = offset + len(doc.text)
    cue_runs = []
    roles = []
    by_cue: dict[tuple[int, int], list[Attribution]] = {}
    for att in attributions:
        if att.cue is None or not (offset <= att.cue.start < end):
            continue
        toks = covered_tokens(doc, offset, att.cue.pieces)
        if not toks:
            continue
        by_cue.setdefault((min(toks), max(toks) + 1), []).append(att)
    for (c_start, c_end), atts in sorted(by_cue.items()):
        cue_runs.append(list(range(c_start, c_end)))
        tags = ["O"] * len(doc)
        for i in range(c_start, c_end):
            tags[i] = "CUE"  # placeholder so roles never overwrite the cue
        for att in atts:
            if att.source is not None:
                bio(len(doc), [covered_tokens(doc, offset, att.source.pieces)], "SRC", tags)
            bio(len(doc), [covered_tokens(doc, offset, att.content.pieces)], "CON", tags)
        tags = ["O" if t == "CUE" else t for t in tags]
        if not any(t.endswith("CON") for t in tags):
            continue  # content in another paragraph: nothing to learn here
        roles.append((features.for_cue(c_start, c_end), tags))
    return features.base, bio(len(doc), cue_runs, "CUE"), roles


def train_crfs(
    articles: Sequence[GoldArticle],
    parsed: Sequence[Sequence[tuple[int, Doc]]],
    out_dir: str | Path,
    params: dict | None = None,
    log=None,
) -> dict:
    """Trains both CRFs on ``articles`` (with their parsed paragraphs) and writes them to ``out_dir``.

    ``params`` overrides crfsuite training parameters: ``{"cue": {...}, "role": {...}}``, or one
    flat dict for both. Returns the metadata written next to the models (timings, parameters).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = params or {}
    if not ({"cue", "role"} & params.keys()):
        params = {"cue": params, "role": params}
    params = {name: {**DEFAULT_PARAMS[name], **params.get(name, {})} for name in ("cue", "role")}
    cue_trainer = pycrfsuite.Trainer(verbose=False)
    role_trainer = pycrfsuite.Trainer(verbose=False)
    n_cue = n_role = 0
    for art, blocks in zip(articles, parsed):
        for index, (offset, doc) in enumerate(blocks):
            if len(doc) == 0:
                continue
            base, cue_tags, roles = block_sequences(doc, offset, index, art.attributions)
            cue_trainer.append(base, cue_tags)
            n_cue += 1
            for feats, tags in roles:
                role_trainer.append(feats, tags)
                n_role += 1
    timings = {}
    for name, trainer, filename in (("cue", cue_trainer, CUE_FILE), ("role", role_trainer, ROLE_FILE)):
        t0 = time.perf_counter()
        trainer.set_params(params[name])
        trainer.train(str(out / filename))
        timings[name] = round(time.perf_counter() - t0, 1)
        if log:
            log(f"trained {name} CRF in {timings[name]}s")
    meta = {
        "kind": "crf",
        "params": params,
        "cue_threshold": None,
        "articles": len(articles),
        "cue_sequences": n_cue,
        "role_sequences": n_role,
        "train_seconds": timings,
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=1) + "\n")
    return meta
