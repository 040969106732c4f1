"""Running the default extractor over many plain texts, on one or several processes.

Each process loads the spaCy pipeline (without NER) and the extractor once, then parses and
extracts whole articles; articles go out in chunks on the pool of reportedly.workers, results
in the order of the texts.
"""
from __future__ import annotations

import functools
from typing import Sequence

from ..bounds import bound_paragraphs, tokenizer_input
from ..model import Attribution
from ..nlp import load_pipeline, one_blas_thread
from ..workers import map_batches
from .blocks import paragraph_spans

# The extractor reads tags, lemmas and the parse, never entities: leaving NER out of the pipeline
# changes no attribution and saves about a quarter of the parsing time.
PIPELINE_EXCLUDE = ("ner",)


@functools.lru_cache(maxsize=None)
def _loaded(extractor: str):
    """This process's pipeline without NER and the extractor named ``extractor``, loaded once."""
    from ..pipeline import default_extractor

    return load_pipeline(PIPELINE_EXCLUDE), default_extractor(extractor)


def _extract_chunk(texts: Sequence[str], extractor: str = "hybrid") -> list[list[Attribution]]:
    nlp, extractor = _loaded(extractor)
    out = []
    # Paragraphs within the limits the pipeline parses with (reportedly.bounds), so that scores
    # are the product's.
    spans = [bound_paragraphs(t, paragraph_spans(t)).blocks for t in texts]
    flat = (tokenizer_input(nlp, t[a:b]) for t, ss in zip(texts, spans) for a, b in ss)
    docs = iter(nlp.pipe(flat, batch_size=64))
    with one_blas_thread():
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
    spread over that many worker processes (reportedly.workers).
    """
    work = functools.partial(_extract_chunk, extractor=extractor)
    return list(map_batches(work, texts, workers=n_process, batch=chunk_size))
