"""Plain functions behind the ``reportedly eval`` and ``reportedly train`` commands.

The CLI parses arguments and prints what these return; they raise ReportedlyError subclasses on
bad input and know nothing of argparse.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..evaluate import evaluate, format_table, prediction_line
from ..model import Attribution
from .batch import PIPELINE_EXCLUDE, extract_texts
from .brat import read_split, read_texts
from .crf import MODEL_DIR


def predict_split(
    data_dir: str | Path, split: str, n_process: int = 1, extractor: str = "hybrid"
) -> dict[str, list[Attribution]]:
    """The named extractor's attributions for every text of ``split`` (name -> attributions)."""
    texts = read_texts(data_dir, split)
    found = extract_texts([t for _n, t in texts], n_process=n_process, extractor=extractor)
    return {name: atts for (name, _t), atts in zip(texts, found)}


def run_eval(
    data_dir: str | Path,
    split: str = "dev",
    predictions: str | Path | None = None,
    format: str = "table",
    save_predictions: str | Path | None = None,
    n_process: int = 1,
    extractor: str = "hybrid",
) -> str:
    """Scores on ``split``, as a table or JSON text.

    Without ``predictions`` (a JSON Lines file), the default extractor is run over the split's
    texts first; ``save_predictions`` then writes what it found as JSON Lines.
    """
    if format not in ("table", "json"):
        raise InputError(f"unknown format {format!r}; use 'table' or 'json'")
    if predictions is None:
        preds = predict_split(data_dir, split, n_process=n_process, extractor=extractor)
        if save_predictions is not None:
            with Path(save_predictions).open("w", encoding="utf-8") as fh:
                for name, atts in preds.items():
                    fh.write(prediction_line(name, atts) + "\n")
        result = evaluate(data_dir, split, preds)
    else:
        if not Path(predictions).exists():
            raise InputError(f"no predictions file at {predictions}")
        result = evaluate(data_dir, split, predictions)
    if format == "json":
        return json.dumps(result, indent=1)
    return format_table(result)


def run_train(
    data_dir: str | Path,
    out_path: str | Path = MODEL_DIR,
    split: str = "train",
    n_process: int = 2,
    params: dict | None = None,
    log=None,
) -> dict:
    """Trains the attribution CRFs on ``split`` of the corpus at ``data_dir`` into ``out_path``.

    Parsing uses ``n_process`` processes. Returns the model's metadata (also written as
    ``meta.json`` next to it). Deterministic for a given corpus, spaCy model and parameters.
    """
    from ..nlp import load_pipeline, one_blas_thread
    from .blocks import parse_blocks
    from .train import train_crfs

    articles = read_split(data_dir, split)
    if not articles:
        raise InputError(f"no annotated articles in {data_dir}/{split}")
    nlp = load_pipeline(PIPELINE_EXCLUDE)
    with one_blas_thread():
        parsed = list(parse_blocks(nlp, [a.text for a in articles], n_process=n_process))
    if log:
        log(f"parsed {len(articles)} articles")
    return train_crfs(articles, parsed, out_path, params=params, log=log)
