"""The numpy tagger (attribution/linear_crf.py) against crfsuite's own, the reference: the same
labels, the same marginals up to rounding, the same scores when a token's features are scored
in two parts."""
import random
from types import SimpleNamespace

import numpy as np
import pycrfsuite
import pytest

from reportedly.attribution.crf import MODEL_DIR
from reportedly.attribution.linear_crf import BATCH_CELLS, _read_model, read_crfs


def _reference(path, rows):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    tags = tagger.tag(rows)
    labels = tagger.labels()
    marginals = np.array([[tagger.marginal(y, t) for y in labels] for t in range(len(rows))])
    return tags, labels, marginals


def _decode(crf, sequences):
    scores = [crf.scores(crf.attributes.ids(rows)) for rows in sequences]
    return [SimpleNamespace(best=b, marginals=m) for b, m in zip(crf.best(scores), crf.marginals(scores))]


@pytest.fixture(scope="module")
def toy_model(tmp_path_factory):
    """A CRF trained on hand-made sequences: words, a repeated feature, a few labels."""
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(3)
    for _ in range(60):
        words = [rng.choice("the mayor said bridge would open in may".split()) for _ in range(rng.randint(1, 9))]
        rows = [["bias", "w=" + w, "w=" + w, "prev=" + (words[i - 1] if i else "^")] for i, w in enumerate(words)]
        labels = ["CUE" if w == "said" else "SRC" if w == "mayor" else "O" for w in words]
        trainer.append(rows, labels)
    trainer.set_params({"max_iterations": 50, "c1": 0.1})
    path = tmp_path_factory.mktemp("crf") / "toy.crfsuite"
    trainer.train(str(path))
    return path


def test_toy_model_tags_and_marginals_as_crfsuite(toy_model):
    (crf,) = read_crfs(toy_model)
    sequences = [
        [["bias", "w=the"], ["bias", "w=mayor", "w=mayor"], ["bias", "w=said", "never-seen"]],
        [["bias", "w=said"]],
        [["unknown"], ["w=mayor", "prev=the"], ["bias"], ["w=said", "w=said", "w=said"]],
    ]
    for rows, decoded in zip(sequences, _decode(crf, sequences)):
        tags, labels, marginals = _reference(toy_model, rows)
        assert [crf.labels[y] for y in decoded.best] == tags
        order = [crf.label_index[y] for y in labels]
        assert np.allclose(decoded.marginals[:, order], marginals, rtol=0, atol=1e-12)


def test_scores_in_two_parts_equal_the_whole_to_the_bit(toy_model):
    (crf,) = read_crfs(toy_model)
    rows = [["bias", "w=the", "prev=^"], ["w=mayor", "x", "w=mayor", "prev=the", "bias"]]
    whole = crf.scores(crf.attributes.ids(rows))
    first = crf.scores(crf.attributes.ids([r[:2] for r in rows]))
    split = crf.scores(crf.attributes.ids([r[2:] for r in rows]), start=first)
    assert np.array_equal(whole, split)


def test_models_read_together_share_attribute_ids():
    cue, role = read_crfs(MODEL_DIR / "cue.crfsuite", MODEL_DIR / "role.crfsuite")
    assert cue.attributes is role.attributes
    assert cue.labels == ("O", "B-CUE", "I-CUE")
    # A feature only the role model knows weighs nothing for the cue model.
    ids = cue.attributes.ids([["in_cue"]])
    assert not cue.weights[ids].any() and role.weights[ids].any()


@pytest.mark.parametrize("name", ["cue", "role"])
def test_shipped_models_tag_random_sequences_as_crfsuite(name):
    """Sequences of the model's own features drawn at random (with unknown ones and repeats),
    of lengths around BATCH_CELLS' splits, decoded together."""
    path = MODEL_DIR / f"{name}.crfsuite"
    names = _read_model(path.read_bytes())[1]
    (crf,) = read_crfs(path)
    rng = random.Random(7)
    sequences = []
    for length in [1, 2, 3, 17, 40, 40, 300] + [rng.randint(1, 60) for _ in range(30)]:
        sequences.append([rng.sample(names, 25) + ["not a feature"] + rng.sample(names, 2) * 2 for _ in range(length)])
    assert sum(map(len, sequences)) > 0
    for rows, decoded in zip(sequences, _decode(crf, sequences)):
        tags, labels, marginals = _reference(path, rows)
        assert [crf.labels[y] for y in decoded.best] == tags
        order = [crf.label_index[y] for y in labels]
        assert np.allclose(decoded.marginals[:, order], marginals, rtol=0, atol=1e-9)


def test_batches_split_long_sequences(monkeypatch, toy_model):
    import reportedly.attribution.linear_crf as linear_crf

    monkeypatch.setattr(linear_crf, "BATCH_CELLS", 6)
    (crf,) = read_crfs(toy_model)
    sequences = [[["bias", "w=said"]] * n for n in (4, 1, 3, 0, 2)]
    decoded = _decode(crf, sequences)
    assert [len(d.best) for d in decoded] == [4, 1, 3, 0, 2]
    for rows, d in zip(sequences, decoded):
        if rows:
            assert [crf.labels[y] for y in d.best] == _reference(toy_model, rows)[0]
    assert BATCH_CELLS >= 10_000


@pytest.mark.model
def test_extractor_finds_the_same_in_groups_of_any_size(monkeypatch, analyzer):
    """Tagging paragraphs (and cues' roles) in groups changes nothing: one paragraph or one
    cue at a time finds what a whole article at once finds."""
    import reportedly.attribution.crf as crf
    from reportedly.ingest.plaintext import read_plaintext

    text = ("The mayor said the bridge would open in May.\n\n"
            "\"We are ready,\" she told reporters, adding that the budget was tight.\n\n"
            "Critics disagreed. \"It is too late,\" said Tom Hale, a councillor.")
    article = read_plaintext(text, "groups")
    blocks, _ = analyzer.parse(article)
    extractor = crf.load_default_extractor()
    whole = extractor.extract(article.text, blocks)
    assert len(whole) >= 3
    monkeypatch.setattr(crf, "GROUP_TOKENS", 1)
    assert extractor.extract(article.text, blocks) == whole


def _segment_ids_match_names(doc):
    from reportedly.attribution.features import ParagraphFeatures, Segments

    (crf,) = read_crfs(MODEL_DIR / "role.crfsuite")
    lookup = crf.attributes.lookup
    features = ParagraphFeatures(doc, 1)
    segments = Segments(lookup, limit=3)  # a small memo, forgotten and refilled on the way
    assert [list(row) for row in features.base_segments(segments)] == [lookup(row) for row in features.base]
    for start in range(len(doc)):
        for window in [None, (max(0, start - 2), min(len(doc), start + 3))]:
            names = features.cue_part(start, start + 1, window)
            ids = features.cue_part(start, start + 1, window, segments)
            assert [list(row) for row in ids] == [lookup(row) for row in names]
            assert any(any(row) for row in ids)


def test_segment_ids_are_the_ids_of_the_names():
    import spacy

    _segment_ids_match_names(spacy.blank("en")('The mayor said "the bridge will open in May," and left.'))


@pytest.mark.model
def test_segment_ids_are_the_ids_of_the_names_on_a_parse(analyzer):
    _segment_ids_match_names(analyzer.nlp('The mayor said "the bridge will open in May," according to aides.'))


@pytest.mark.model
def test_extractor_tags_as_crfsuite_on_its_features_by_name(analyzer):
    """End to end on a parse: the extractor's way (segment ids, base scored once per paragraph,
    each cue's part added) gives crfsuite's tags on the same features by name."""
    from reportedly.attribution.crf import load_default_extractor, token_runs
    from reportedly.attribution.features import ParagraphFeatures
    from reportedly.ingest.plaintext import read_plaintext

    text = ("Storm Coming\n\n"
            "The mayor said on Monday that the bridge would open in May, according to aides.\n\n"
            "\"We are ready,\" she told reporters. Critics, he added, \"are not.\"\n\n"
            "Officials declined to comment, but a spokesman wrote that the plan was \"on track.\"")
    article = read_plaintext(text, "reference")
    blocks, _ = analyzer.parse(article)
    extractor = load_default_extractor()
    cue, role, segments = extractor._cue, extractor._role, extractor._segments
    cue_ref, role_ref = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    cue_ref.open(str(MODEL_DIR / "cue.crfsuite"))
    role_ref.open(str(MODEL_DIR / "role.crfsuite"))
    roles = 0
    for index, (_offset, doc) in enumerate(blocks):
        features = ParagraphFeatures(doc, index)
        ids = cue.attributes.matrix(features.base_segments(segments))
        tags = [cue.labels[y] for y in cue.best([cue.scores(ids)])[0]]
        assert tags == cue_ref.tag(features.base)
        base = role.scores(ids)
        cues = token_runs(tags, "CUE")
        for (start, end), (lo, hi) in zip(cues, features.role_windows(cues)):
            part = cue.attributes.matrix(features.cue_part(start, end, (lo, hi), segments))
            best = role.best([role.scores(part, base[lo:hi])])[0]
            assert [role.labels[y] for y in best] == role_ref.tag(features.for_cue(start, end, (lo, hi)))
            roles += 1
    assert roles >= 4
