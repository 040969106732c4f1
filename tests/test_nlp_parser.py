"""The dependency parser's stand-in gives exactly the parses spaCy's parser gives."""
import pytest
from spacy.attrs import DEP, HEAD, SENT_START

pytestmark = pytest.mark.model

TEXTS = [
    "Barack Obama met Angela Merkel and the European Central Bank in Berlin on Monday, June 3, 2016.",
    # Several sentences, quotes and a reporting clause in the middle.
    "\u201cWe will not stop,\u201d said Jean-Claude Juncker, president of the European Commission. "
    "He added that the summit in Hamburg would be the first of Donald J. Trump's presidency.",
    # Spaces, line breaks and marks that make odd tokens.
    "The  U.S.  Senate \n\n voted 52-48 ; Sen. Elizabeth Warren of Massachusetts said\tno .",
    "",
    "Reuters",
    # Long enough to make a sub-batch of its own once sorted by length.
    "According to officials who spoke on condition of anonymity because they were not authorised "
    "to discuss the matter, the letter, which was obtained by the Express and signed by officers "
    "of the fifth brigade, warned that the army would not follow orders it considered unlawful, "
    "and Lavrov, speaking in Moscow, said Russia had nothing to do with it.",
    "What did she say? Nothing. Nothing at all!",
]


@pytest.fixture(scope="module")
def pipelines(spacy_model):
    from reportedly.nlp.parser import GreedyParser

    return spacy_model, GreedyParser(spacy_model.get_pipe("parser"))


def _parses(docs):
    return [doc.to_array([HEAD, DEP, SENT_START]).tolist() for doc in docs]


def _tagged(nlp):
    return list(nlp.pipe(TEXTS, disable=["parser", "attribute_ruler", "lemmatizer", "ner"]))


@pytest.mark.parametrize("batch_size", [1, 3, 8, 64])
def test_the_stand_in_parses_as_spacy_parses(pipelines, batch_size):
    nlp, stand_in = pipelines
    tagged = _tagged(nlp)
    theirs = list(nlp.get_pipe("parser").pipe([d.copy() for d in tagged], batch_size=batch_size))
    ours = list(stand_in.pipe([d.copy() for d in tagged], batch_size=batch_size))
    assert [d.text for d in ours] == TEXTS  # in input order
    assert _parses(ours) == _parses(theirs)
    assert sum(len(list(d.sents)) for d in ours) > len(TEXTS)  # the texts do hold several sentences
    assert _parses(stand_in(d.copy()) for d in tagged) == _parses(theirs)  # one by one: spaCy's own loop
    for doc, their in zip(tagged, theirs):  # and the stand-in's loop over a single document
        one = [doc.copy()]
        stand_in.original.set_annotations(one, stand_in._parse(one))
        assert _parses(one) == _parses([their])


def test_classes_the_model_never_saw_are_scored_as_spacy_scores_them(pipelines):
    # Such a class gets the step's lowest score: chosen only when no other valid move scores more.
    nlp, stand_in = pipelines
    parser = nlp.get_pipe("parser")
    tagged = _tagged(nlp)
    unseen = parser.model.attrs["unseen_classes"]
    saved = set(unseen)
    try:
        unseen.update(range(0, parser.moves.n_moves, 3))
        theirs = list(parser.pipe([d.copy() for d in tagged], batch_size=8))
        ours = list(stand_in.pipe([d.copy() for d in tagged], batch_size=8))
    finally:
        unseen.clear()
        unseen.update(saved)
    assert _parses(ours) == _parses(theirs)
    assert _parses(ours) != _parses(parser.pipe([d.copy() for d in tagged], batch_size=8))  # it did change them


def test_the_loaded_pipeline_uses_the_stand_in():
    from reportedly.nlp import load_pipeline

    nlp = load_pipeline()
    assert type(nlp.get_pipe("parser").impl).__name__ == "GreedyParser"
    doc = nlp("Officers of the fifth brigade warned Lukashenko in a letter.")
    assert [(t.text, t.dep_, t.head.text) for t in doc][:2] == [("Officers", "nsubj", "warned"), ("of", "prep", "Officers")]


def test_only_spacys_greedy_dependency_parser_has_a_stand_in(pipelines):
    import spacy

    from reportedly.nlp.stand_ins import install
    from reportedly.nlp.parser import GreedyParser

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", name="parser")  # a "parser" that is no DependencyParser
    assert install(nlp) == []
    assert type(nlp.get_pipe("parser")).__name__ == "Sentencizer"
    with pytest.raises(ValueError):
        GreedyParser(pipelines[0].get_pipe("ner"))  # the recognizer is a Parser, not a DependencyParser
