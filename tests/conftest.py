from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout, or beside a folder above it (a git worktree kept one level down).
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "examples").is_dir()), ROOT.parent / "shared")
EXAMPLE = SHARED / "examples" / "belarus-military-letter.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def example_text() -> str:
    if not EXAMPLE.exists():
        pytest.skip("../shared/examples is not beside the checkout")
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def analyzer():
    from reportedly.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def spacy_model():
    """The installed spaCy English model as its package loads it, without reportedly's stand-ins:
    the originals that the stand-ins' tests compare against. Skipped when none is installed."""
    from reportedly.errors import ModelNotFoundError
    from reportedly.nlp import load_model

    try:
        return load_model()
    except ModelNotFoundError:
        pytest.skip("no spaCy English model")


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory) -> Path:
    from tinycorpus import FILES

    root = tmp_path_factory.mktemp("tinycorpus")
    for name, content in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def rules_analyzer():
    """An Analyzer with the rule-based extractor alone: for tests of the rule patterns, and of
    provenance logic on inputs whose attributions must be known exactly."""
    from reportedly.attribution.rules import RuleExtractor
    from reportedly.pipeline import Analyzer

    return Analyzer(extractor=RuleExtractor())
