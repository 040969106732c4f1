"""analyze_loaded: the same analyses, in input order, whatever the number of workers."""
import pytest

from reportedly.ingest import Loaded
from reportedly.ingest.plaintext import read_plaintext
from reportedly.parallel import analyze_loaded
from reportedly.serialize import analysis_dict

pytestmark = pytest.mark.model

TEXTS = [
    '"We will not back down," the mayor said on Tuesday.',
    "Prices rose by ten percent last year, according to the central bank.",
    "Officials said talks would resume next week in Geneva.",
]


def loaded():
    items = [Loaded(f"t{i}", read_plaintext(t, f"t{i}")) for i, t in enumerate(TEXTS)]
    return items[:2] + [Loaded("bad", error="bad: cannot be read")] + items[2:]


def test_two_workers_match_one_and_keep_order():
    one = [analysis_dict(a) for a in analyze_loaded(loaded(), workers=1)]
    two = [analysis_dict(a) for a in analyze_loaded(loaded(), workers=2)]
    assert one == two
    assert [a["id"] for a in two] == ["t0", "t1", "bad", "t2"]
    assert two[2]["errors"] == ["bad: cannot be read"] and two[0]["attributions"]
