"""benchmarks/html_readers.py: its scoring agrees with the reference rules on hand-made gold."""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT, SHARED

SCORER = SHARED / "reference" / "html_score.py"


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def bench():
    if not SCORER.exists():
        pytest.skip("../shared/reference is not beside the checkout")
    return _load(ROOT / "benchmarks" / "html_readers.py", "html_readers")


def _gold(tmp_path, **pages):
    (tmp_path / "ground-truth").mkdir()
    for key, date in pages.items():
        truth = {"title": "A title", "author": "", "publish_date": date, "main_content": "some words here"}
        (tmp_path / "ground-truth" / f"{key}.json").write_text(json.dumps({"ground_truth": truth}))
    return tmp_path


def test_the_date_is_the_published_day_and_updated_counts_only_apart(bench, tmp_path):
    gold = _gold(tmp_path, a="2025-08-19", b="2025-08-19", c="2025-08-19")
    base = {"title": "A title", "bylines": [], "text": "some words here"}
    preds = {
        "a": {**base, "published": "2025-08-19T10:00:00+00:00", "updated": None},
        "b": {**base, "published": "2025-01-29T10:00:00+00:00", "updated": "2025-08-19T09:00:00+00:00"},
        "c": {**base, "published": "2025-01-29T10:00:00+00:00", "updated": "2025-02-01T09:00:00+00:00"},
    }
    res, misses = bench.score(bench.load_scorer(SCORER), gold, preds)
    assert res["date"] == round(1 / 3, 4)
    assert res["date_or_updated"] == round(2 / 3, 4)
    assert res["title"] == 1.0 and res["body_f1"] == 1.0
    assert [m["id"] for m in misses] == ["b", "c"]
