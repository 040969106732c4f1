import pytest

from reportedly.attribution.brat import parse_ann, quote_kind, read_split, read_texts
from reportedly.errors import InputError


def test_reads_gold_of_first_annotator(tiny_corpus):
    arts = read_split(tiny_corpus, "train")
    assert [a.name for a in arts] == ["alpha", "beta", "gamma"]
    alpha = arts[0]
    first, second = alpha.attributions
    assert (first.source.text, first.cue.text, first.content.text) == ("The mayor", "said", "the bridge would open in May")
    assert second.kind == "direct"
    assert first.kind == "indirect"
    for att in alpha.attributions:
        for span in (att.source, att.cue, att.content):
            assert alpha.text[span.start : span.end] == span.text


def test_discontinuous_content_becomes_fragments(tiny_corpus):
    beta = read_split(tiny_corpus, "train")[1]
    storm = beta.attributions[1]
    assert storm.content.fragments == ((75, 85), (102, 123))
    assert storm.content.text == "The storm, could flood low roads"
    assert storm.source.text == "officials"


def test_attribution_without_source(tiny_corpus):
    (delta,) = read_split(tiny_corpus, "dev")
    assert delta.attributions[1].source is None
    assert delta.attributions[1].cue.text == "reported"


def test_events_without_content_are_kept_apart():
    text = "He said so. She nodded."
    ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tAttribution 3 7\tsaid\nE1\tAttribution:T3 Source:T1 Cue:T2\n"
    atts, contentless = parse_ann(ann, text)
    assert atts == []
    assert [(s.text, c.text) for s, c in contentless] == [("He", "said")]


def test_missing_split_raises(tiny_corpus):
    with pytest.raises(InputError, match="no corpus split"):
        read_split(tiny_corpus, "test")
    with pytest.raises(InputError):
        read_texts(tiny_corpus, "test")


def test_quote_kind():
    assert quote_kind("“We will win,”") == "direct"
    assert quote_kind("that it was “true”") == "mixed"
    assert quote_kind("that it was true") == "indirect"
