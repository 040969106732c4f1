from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
# The shared corpus and reference scorer live next to the repository, never inside it.
SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():
    SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.fixture
def tiny_corpus() -> Path:
    return DATA / "tinycorpus"
