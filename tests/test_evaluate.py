import importlib.util
import json
import random

import pytest

from conftest import SHARED
from reportedly.attribution.brat import read_split
from reportedly.evaluate import evaluate, format_table, prediction_line, read_predictions, score
from reportedly.model import Attribution, Span

TEXT = "Officials said the storm will pass quickly. Jane Roe told us she was not worried at all."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567


def pieces(*pairs):
    return tuple(pairs)


GOLD = {
    "doc": (
        TEXT,
        [
            {"source": pieces((0, 9)), "cue": pieces((10, 14)), "content": pieces((15, 42))},
            {"source": pieces((44, 52)), "cue": pieces((53, 57)), "content": pieces((61, 87))},
        ],
    )
}


def test_perfect_prediction_scores_one():
    result = score(GOLD, {"doc": GOLD["doc"][1]})
    for role in ("source", "cue", "content"):
        for level in ("token", "span", "exact"):
            assert result[role][level]["f1"] == 1.0
    assert result["relation"]["f1"] == 1.0
    assert result["macro_token_f1"] == 1.0


def test_partial_prediction_by_the_reference_formulas():
    # Source of the 1st attribution cut to nothing; content of the 2nd one word short
    # ("she was not worried at" has 5 of 6 words: Jaccard 5/6, span match, no exact match).
    pred = [
        {"source": None, "cue": pieces((10, 14)), "content": pieces((15, 42))},
        {"source": pieces((44, 52)), "cue": pieces((53, 57)), "content": pieces((61, 83))},
    ]
    r = score(GOLD, {"doc": pred})
    # source tokens: gold {Officials, Jane, Roe}, pred {Jane, Roe}
    assert r["source"]["token"] == {"p": 1.0, "r": 0.6667, "f1": 0.8, "pred": 2, "gold": 3}
    assert r["source"]["exact"]["f1"] == round(2 * 1.0 * 0.5 / 1.5, 4)
    # content tokens: gold 5 + 6 words, pred 5 + 5 words, all correct
    assert r["content"]["token"]["r"] == round(10 / 11, 4)
    assert r["content"]["span"]["f1"] == 1.0
    assert r["content"]["exact"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "pred": 2, "gold": 2}
    # relation: the first attribution's gold has a source the prediction lacks -> no match
    assert r["relation"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "pred": 2, "gold": 2}
    assert r["macro_token_f1"] == round((0.8 + 1.0 + r["content"]["token"]["f1"]) / 3, 4)


def test_half_covered_word_counts():
    # "Officials" is 9 characters; 5 covered is at least half, 4 is not.
    r = score(GOLD, {"doc": [{"source": pieces((0, 5)), "cue": None, "content": None}]})
    assert r["source"]["token"]["pred"] == 1
    r = score(GOLD, {"doc": [{"source": pieces((0, 4)), "cue": None, "content": None}]})
    assert r["source"]["token"]["pred"] == 0


def test_missing_article_predicts_nothing():
    r = score(GOLD, {})
    assert r["relation"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "pred": 0, "gold": 2}


def test_predictions_round_trip_through_jsonl(tmp_path, tiny_corpus):
    arts = read_split(tiny_corpus, "train")
    path = tmp_path / "p.jsonl"
    path.write_text("".join(prediction_line(a.name + ".txt", a.attributions) + "\n" for a in arts))
    preds = read_predictions(path)
    assert set(preds) == {"alpha", "beta", "gamma"}
    assert preds["beta"][1]["content"] == ((75, 85), (102, 123))
    result = evaluate(tiny_corpus, "train", path)
    assert result["relation"]["f1"] == 1.0 and result["missing_articles"] == 0
    assert "relation" in format_table(result)


def _reference_scorer():
    path = SHARED / "reference" / "attrib_score.py"
    if not path.exists():
        pytest.skip("the shared reference scorer is not next to the repository")
    spec = importlib.util.spec_from_file_location("attrib_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agrees_with_reference_on_hand_made_pairs(tmp_path):
    ref = _reference_scorer()
    pred = [
        {"source": None, "cue": pieces((10, 14)), "content": pieces((15, 30), (31, 42))},
        {"source": pieces((44, 48)), "cue": pieces((53, 60)), "content": pieces((58, 83))},
    ]
    ref_gold = {"doc": (TEXT, [{k: list(v) if v else None for k, v in a.items()} for a in GOLD["doc"][1]])}
    ref_pred = {"doc": [{k: ({"start": v[0][0], "end": v[-1][1], "fragments": list(v)} if v else None) for k, v in a.items()} for a in pred]}
    assert score(GOLD, {"doc": pred}) == ref.score(ref_gold, ref_pred)


def test_agrees_with_reference_on_the_dev_split(tmp_path):
    ref = _reference_scorer()
    data = SHARED / "polnear" / "data"
    if not (data / "dev").exists():
        pytest.skip("the shared PolNeAR corpus is not next to the repository")
    rng = random.Random(3)
    path = tmp_path / "pred.jsonl"
    with path.open("w") as fh:
        for art in read_split(data, "dev"):
            atts = []
            for a in art.attributions:
                if rng.random() < 0.2:
                    continue
                c = a.content
                if rng.random() < 0.3:
                    c = Span.of(art.text, min(c.end, c.start + rng.randint(0, 20)), c.end)
                atts.append(Attribution("x", a.kind, c, a.source if rng.random() < 0.8 else None, a.cue))
            fh.write(prediction_line(art.name, atts) + "\n")
    ours = evaluate(data, "dev", path)
    theirs = ref.score(ref.load_gold(str(data), "dev"), ref.load_preds(str(path)))
    theirs["missing_articles"] = 0
    assert json.loads(json.dumps(ours)) == theirs
