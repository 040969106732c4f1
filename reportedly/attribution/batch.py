"""Running the default extractor over many plain texts, on one or several processes.

Each worker process loads the spaCy pipeline and the extractor once, then parses and extracts
whole articles; articles go out in chunks so that the order of results is the order of texts.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Sequence

from ..model import Attribution
from ..nlp import load_pipeline
from .blocks import paragraph_spans

# The extractor reads tags, lemmas and the parse, never entities: leaving NER out of the pipeline
# changes no attribution and saves about a quarter of the parsing time.
PIPELINE_EXCLUDE = ("ner",)

_worker = {}


def _init_worker() -> None:
    from .crf import load_default_extractor

    _worker["nlp"] = load_pipeline(PIPELINE_EXCLUDE)
    _worker["extractor"] = load_default_extractor()


def _extract_chunk(texts: Sequence[str]) -> list[list[Attribution]]:
    if not _worker:
        _init_worker()
    nlp, extractor = _worker["nlp"], _worker["extractor"]
    out = []
    spans = [paragraph_spans(t) for t in texts]
    flat = [t[a:b] for t, ss in zip(texts, spans) for a, b in ss]
    docs = iter(nlp.pipe(flat, batch_size=64))
    for text, ss in zip(texts, spans):
        blocks = [(a, next(docs)) for a, _b in ss]
        out.append(extractor.extract(text, blocks))
    return out


def extract_texts(texts: Sequence[str], n_process: int = 1, chunk_size: int = 8) -> list[list[Attribution]]:
    """Attributions of each text (paragraphs are its blank-line blocks), in the order given.

    With ``n_process > 1`` the work is spread over that many worker processes.
    """
    chunks = [list(texts[i : i + chunk_size]) for i in range(0, len(texts), chunk_size)]
    if n_process <= 1:
        return [atts for chunk in chunks for atts in _extract_chunk(chunk)]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(n_process, initializer=_init_worker) as pool:
        return [atts for result in pool.imap(_extract_chunk, chunks) for atts in result]
