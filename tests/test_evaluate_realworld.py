"""The real-world scorer on hand-made text: anchoring by words, real/strict, speakers, misattribution."""
import json

import pytest

from reportedly.errors import InputError
from reportedly.evaluate_realworld import (
    GoldArticle,
    GoldStatement,
    Output,
    anchor,
    load_gold,
    names_match,
    reliability,
    score_article,
    speaker_verdict,
)

TEXT = ("“We will not stand by,” said Boris Johnson on Monday.\n\n"
        "Mr Johnson added that the talks had failed. Critics said the plan was a mistake.\n\n"
        "“We will not stand by,” the poster read.")


def statement(content, speaker="Boris Johnson", type="person", kind="direct", source="Boris Johnson", **kw):
    pieces = tuple(content) if isinstance(content, list) else (content,)
    return GoldStatement(speaker, type, source, "said", pieces, kind, "speech", **kw)


def span(text, part, nth=1):
    at = -1
    for _ in range(nth):
        at = text.index(part, at + 1)
    return ((at, at + len(part)),)


def test_anchor_ignores_quote_marks_spacing_and_finds_the_nth_occurrence():
    st = statement('"We will   not stand by,"')
    first = anchor(TEXT, st)
    assert first == frozenset(range(0, 5))
    second = anchor(TEXT, statement("We will not stand by", occurrence=2))
    assert min(second) > max(first)
    assert anchor(TEXT, statement("words that are not there")) is None


def test_a_split_quote_is_anchored_piece_by_piece():
    text = "“The deal is done,” she said, “and it is good.”"
    ids = anchor(text, statement(["The deal is done,", "and it is good."]))
    assert len(ids) == 8


def test_names_match_surnames_honorifics_possessives_and_aliases():
    st = statement("x", speaker="Tsai Ing-wen", aliases=("President Tsai",))
    assert names_match("Tsai", st) and names_match("Mr. Tsai's", st)
    assert not names_match("Ing-wen Lee", st)
    spokesperson = statement("x", speaker=None, type="anonymous", source="a spokesperson for Apple")
    assert names_match("Apple", spokesperson)
    assert not names_match("Google", spokesperson)


def test_speaker_verdicts():
    gold = statement("x")
    assert speaker_verdict(Output((), "Johnson", "Johnson", "person", "direct"), gold) == "right"
    assert speaker_verdict(Output((), "he", None, "unknown", "direct"), gold) == "unknown"
    assert speaker_verdict(Output((), "Johnson", "Johnson", "organization", "direct"), gold) == "wrong"
    assert speaker_verdict(Output((), "she", "Theresa May", "person", "direct"), gold) == "wrong"
    unnamed = statement("x", speaker=None, type="group", source="Critics")
    assert speaker_verdict(Output((), "Critics", None, "anonymous", "indirect"), unnamed) == "right"
    assert speaker_verdict(Output((), "Critics", None, "person", "indirect"), unnamed) == "wrong"


def test_score_counts_real_strict_missed_junk_and_misattributed():
    gold = GoldArticle("t", "p", "news", (
        statement("“We will not stand by,”"),
        statement("the talks had failed", kind="indirect", source="Mr Johnson"),
        statement("the plan was a mistake", speaker=None, type="group", source="Critics", kind="indirect"),
    ))
    outputs = [
        # the quote, right speaker
        Output(span(TEXT, "We will not stand by"), "Boris Johnson", "Boris Johnson", "person", "direct", 0.9),
        # the indirect statement run long, given to the wrong person
        Output(span(TEXT, "that the talks had failed. Critics"), "Mr Johnson", "Theresa May", "person", "indirect", 0.6),
        # junk: the poster's copy of the quote is not the statement
        Output(span(TEXT, "We will not stand by", 2), "the poster", None, "document", "direct", 0.2),
    ]
    tally = score_article(TEXT, gold, outputs)
    f = tally.figures()
    assert (tally.outputs, tally.real, tally.found, tally.gold) == (3, 2, 2, 3)
    # the second output is real (it covers the statement) but its speaker is wrong; its source
    # words are the gold's, so it is still strict on the source, and its content Jaccard is 4/6
    assert tally.strict == 2
    assert tally.speaker == {"right": 1, "unknown": 0, "wrong": 1}
    assert f["recall"] == round(2 / 3, 3) and f["direct_recall"] == 1.0
    # the only direct quote is under six words: not counted for misattribution
    assert tally.quotes == 0
    kinds = [e[1] for e in tally.errors]
    assert kinds.count("junk") == 1 and kinds.count("missed") == 1


def test_a_long_quote_credited_to_another_name_is_misattributed():
    text = "“Prices will keep rising for another year at least,” said the economist Jane Roe, not Biden."
    gold = GoldArticle("t", "p", "news", (statement("Prices will keep rising for another year at least",
                                                     speaker="Jane Roe", source="the economist Jane Roe"),))
    wrong = Output(span(text, "Prices will keep rising for another year at least"), "Biden", "Joe Biden",
                   "person", "direct")
    tally = score_article(text, gold, [wrong])
    assert (tally.quotes, tally.misattributed) == (1, 1)
    assert tally.figures()["misattribution"] == 1.0


def test_reliability_bins():
    rows = [(0.95, True, True), (0.92, True, False), (0.1, False, False)]
    table = reliability(rows)
    assert table[0] == {"bin": "0.0-0.2", "n": 1, "confidence": 0.1, "real": 0.0, "strict": 0.0}
    assert table[-1]["n"] == 2 and table[-1]["real"] == 1.0 and table[-1]["strict"] == 0.5


def test_load_gold_checks_the_values(tmp_path):
    good = {"page": "realworld/html/x.html.gz", "layout": "qa", "statements": [
        {"speaker": None, "type": "anonymous", "source": None, "cue": None, "content": ["a", "b"],
         "kind": "direct", "act": "speech", "occurrence": 2}]}
    (tmp_path / "x.json").write_text(json.dumps(good))
    [article] = load_gold(tmp_path)
    assert article.id == "x" and article.layout == "qa"
    assert article.statements[0].pieces == ("a", "b") and article.statements[0].occurrence == 2
    good["statements"][0]["act"] = "shouting"
    (tmp_path / "x.json").write_text(json.dumps(good))
    with pytest.raises(InputError):
        load_gold(tmp_path)


def test_the_repository_gold_set_loads():
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "benchmarks" / "realworld" / "gold"
    articles = load_gold(folder)
    # The size: at least 40 articles and about 600 statements (an article may have none).
    assert len(articles) >= 40
    assert sum(len(a.statements) for a in articles) >= 600
