import json

import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.brat import read_split
from reportedly.attribution.crf import CrfExtractor, token_runs
from reportedly.attribution.train import bio, block_sequences, train_crfs


def blank_blocks(nlp, text):
    # No trained pipeline: tokens only, every token its own head, no tags. Enough for the
    # features (they degrade to words and positions) and fast.
    return [(a, nlp(text[a:b])) for a, b in paragraph_spans(text)]


def test_paragraph_spans_trim_and_skip_blank_blocks():
    text = "Title\n\n  First para.\nstill first.\n \n\nSecond.\n"
    spans = paragraph_spans(text)
    assert [text[a:b] for a, b in spans] == ["Title", "First para.\nstill first.", "Second."]


def test_bio_and_runs_round_trip():
    tags = bio(6, [[1, 2], [4]], "CON")
    assert tags == ["O", "B-CON", "I-CON", "O", "B-CON", "O"]
    assert token_runs(tags, "CON") == [(1, 3), (4, 5)]
    assert token_runs(["I-SRC", "I-SRC", "O"], "SRC") == [(0, 2)]


def test_block_sequences_label_source_and_content(tiny_corpus):
    nlp = spacy.blank("en")
    alpha = read_split(tiny_corpus, "train")[0]
    offset, doc = blank_blocks(nlp, alpha.text)[1]  # "The mayor said the bridge would open in May."
    base, cue_tags, roles = block_sequences(doc, offset, 1, alpha.attributions)
    assert [t.text for t, tag in zip(doc, cue_tags) if tag != "O"] == ["said"]
    ((feats, tags),) = roles
    assert [t.text for t, tag in zip(doc, tags) if tag.endswith("SRC")] == ["The", "mayor"]
    assert [t.text for t, tag in zip(doc, tags) if tag.endswith("CON")] == "the bridge would open in May".split()
    assert "in_cue" in feats[2]


def test_training_on_a_tiny_corpus_gives_a_loadable_model(tiny_corpus, tmp_path):
    nlp = spacy.blank("en")
    arts = read_split(tiny_corpus, "train")
    parsed = [blank_blocks(nlp, a.text) for a in arts]
    meta = train_crfs(arts, parsed, tmp_path, params={"max_iterations": 30, "c1": 0.0})
    assert meta["role_sequences"] == 6
    assert json.loads((tmp_path / "meta.json").read_text())["kind"] == "crf"
    extractor = CrfExtractor(tmp_path)
    text = "Storm Coming\n\nThe mayor said the bridge would open in May.\n"
    found = extractor.extract(text, blank_blocks(nlp, text))
    assert [a.cue.text for a in found] == ["said"]
    assert "bridge" in found[0].content.text
    for a in found:
        assert text[a.content.start : a.content.end].startswith(a.content.text.split()[0])


def test_missing_model_raises(tmp_path):
    import pytest

    from reportedly.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="train one"):
        CrfExtractor(tmp_path)


def test_quote_feature_index_and_quote_depth():
    from reportedly.attribution.features import QUOTE_FEATURE, base_features

    doc = spacy.blank("en")('He said “we will win” today.')
    feats = base_features(doc, 1)
    assert all(f[QUOTE_FEATURE].startswith("q=") for f in feats)
    inside = [t.text for t, f in zip(doc, feats) if f[QUOTE_FEATURE] == "q=1"]
    assert inside == ["“", "we", "will", "win", "”"]
