"""The entity recognizer's stand-in finds exactly the entities spaCy's recognizer finds."""
import pytest
from spacy.attrs import ENT_IOB, ENT_TYPE

pytestmark = pytest.mark.model

TEXTS = [
    # Multi-word entities of several labels, one at the start and one at the end of the doc.
    "Barack Obama met Angela Merkel and the European Central Bank in Berlin on Monday, June 3, 2016",
    # A sentence boundary inside a name-like run: an entity may not cross it.
    "I met John. Smith Barney said $3.5 million was paid to the New York Stock Exchange.",
    # Spaces and line breaks: no entity starts on whitespace.
    "The  U.S.  Senate \n\n voted 52-48 ; Sen. Elizabeth Warren of Massachusetts said\tno .",
    "",
    "Reuters",
    "\u201cWe will not stop,\u201d said Jean-Claude Juncker, president of the European Commission, "
    "adding that the G20 summit in Hamburg would be the first of Donald J. Trump's presidency.",
]


@pytest.fixture(scope="module")
def pipelines(spacy_model):
    from reportedly.nlp.entities import GreedyEntityRecognizer

    return spacy_model, GreedyEntityRecognizer(spacy_model.get_pipe("ner"))


def _entities(doc):
    return doc.to_array([ENT_IOB, ENT_TYPE]).tolist()


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_the_stand_in_finds_the_entities_spacy_finds(pipelines, batch_size):
    nlp, stand_in = pipelines
    parsed = list(nlp.pipe(TEXTS, disable=["ner"]))
    theirs = list(nlp.get_pipe("ner").pipe([d.copy() for d in parsed], batch_size=batch_size))
    ours = list(stand_in.pipe([d.copy() for d in parsed], batch_size=batch_size))
    assert [_entities(d) for d in ours] == [_entities(d) for d in theirs]
    assert [[(e.text, e.label_) for e in d.ents] for d in ours] == [[(e.text, e.label_) for e in d.ents] for d in theirs]
    assert any(len(d.ents) > 2 for d in ours)  # the texts do hold entities
    assert [_entities(stand_in(d.copy())) for d in parsed] == [_entities(d) for d in theirs]


def test_preset_entities_are_left_to_the_original(pipelines):
    nlp, stand_in = pipelines
    doc = nlp("Smith Barney met Angela Merkel in Berlin.", disable=["ner"])
    doc.set_ents([doc.char_span(0, 12, label="ORG")], default="missing")
    theirs = nlp.get_pipe("ner")(doc.copy())
    ours = stand_in(doc.copy())
    assert _entities(ours) == _entities(theirs)
    assert (ours.ents[0].text, ours.ents[0].label_) == ("Smith Barney", "ORG")


def test_the_loaded_pipeline_uses_the_stand_in():
    from reportedly.nlp import load_pipeline

    nlp = load_pipeline()
    assert type(nlp.get_pipe("ner").impl).__name__ == "GreedyEntityRecognizer"
    assert [(e.text, e.label_) for e in nlp("Angela Merkel visited Paris.").ents] == [
        ("Angela Merkel", "PERSON"), ("Paris", "GPE")]


def test_a_component_that_is_not_spacys_recognizer_keeps_its_place():
    import spacy

    from reportedly.nlp.stand_ins import install

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", name="ner")  # a "ner" that is no EntityRecognizer
    assert install(nlp) == []
    assert type(nlp.get_pipe("ner")).__name__ == "EntityRuler"

