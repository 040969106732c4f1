"""Running the default extractor over many plain texts, on one or several processes.

Each worker process loads the spaCy pipeline and the extractor once, then parses and extracts
whole articles; articles go out in chunks so that the order of results is the order of texts.
"""
from __future__ import annotations

import functools
import multiprocessing as mp
from typing import Sequence

from ..bounds import bound_paragraphs, tokenizer_input
from ..model import Attribution
from ..nlp import load_pipeline
from .blocks import paragraph_spans

# The extractor reads tags, lemmas and the parse, never entities: leaving NER out of the pipeline
# changes no attribution and saves about a quarter of the parsing time.
PIPELINE_EXCLUDE = ("ner",)

_worker = {}


def _init_worker(extractor: str = "hybrid") -> None:
    from ..pipeline import default_extractor

    _worker["nlp"] = load_pipeline(PIPELINE_EXCLUDE)
    _worker["extractor"] = default_extractor(extractor)
    _worker["name"] = extractor


def _extract_chunk(texts: Sequence[str], extractor: str = "hybrid") -> list[list[Attribution]]:
    if _worker.get("name") != extractor:
        _init_worker(extractor)
    nlp, extractor = _worker["nlp"], _worker["extractor"]
    out = []
    # Paragraphs within the limits the pipeline parses with (reportedly.bounds), so that scores
    # are the product's.
    spans = [bound_paragraphs(t, paragraph_spans(t)).blocks for t in texts]
    flat = (tokenizer_input(nlp, t[a:b]) for t, ss in zip(texts, spans) for a, b in ss)
    docs = iter(nlp.pipe(flat, batch_size=64))
    for text, ss in zip(texts, spans):
        blocks = [(a, next(docs)) for a, _b in ss]
        out.append(extractor.extract(text, blocks))
    return out


def extract_texts(
    texts: Sequence[str], n_process: int = 1, chunk_size: int = 2, extractor: str = "hybrid"
) -> list[list[Attribution]]:
    """Attributions of each text (paragraphs are its blank-line blocks), in the order given.

    Chunks of two articles keep both workers busy to the end of a run (with eight, the last
    chunks of the 84 PolNeAR dev articles left one worker idle: 5.4 against 6.0 articles/s).

    ``extractor`` names one of ``pipeline.EXTRACTORS``. With ``n_process > 1`` the work is
    spread over that many worker processes.
    """
    chunks = [list(texts[i : i + chunk_size]) for i in range(0, len(texts), chunk_size)]
    work = functools.partial(_extract_chunk, extractor=extractor)
    if n_process <= 1:
        return [atts for chunk in chunks for atts in work(chunk)]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(extractor,)) as pool:
        return [atts for result in pool.imap(work, chunks) for atts in result]
