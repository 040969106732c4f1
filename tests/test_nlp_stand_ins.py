"""The stand-ins for spaCy's attribute ruler and lemmatizer set exactly what the originals set."""
import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups
from spacy.tokens import Doc

from reportedly.nlp.stand_ins import TableAttributeRuler, TableLemmatizer, install

ATTRS = ("pos_", "tag_", "dep_", "lemma_")


def _attributes(doc):
    return [tuple(getattr(t, a) for a in ATTRS) + (str(t.morph),) for t in doc]


def _doc(nlp, words, tags, deps, spaces=None):
    heads = list(range(len(words)))  # every token its own root: only the labels matter here
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def _ruler(nlp):
    ruler = nlp.add_pipe("attribute_ruler")
    # A tag map, then exceptions: a later rule overrides an earlier one on the same token.
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "VBZ"}]], {"POS": "VERB", "MORPH": "Number=Sing|Person=3"})
    ruler.add([[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]], {"POS": "AUX", "LEMMA": "be"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], {"POS": "PRON"})
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "'s"]}}]], {"POS": "VERB"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
    return ruler


def test_attribute_ruler_stand_in_sets_what_the_matcher_sets():
    nlp = spacy.blank("en")
    ruler = _ruler(nlp)
    words = ["There", "is", "nothin'", "that", "Gon", "na", "stop", "the", "dog", "is", "\n", "it", "'s"]
    tags = ["EX", "VBZ", "NN", "DT", "VBG", "TO", "VB", "DT", "NN", "VBZ", "_SP", "PRP", "VBZ"]
    deps = ["expl", "ROOT", "attr", "nsubj", "dep", "aux", "xcomp", "det", "nsubj", "ccomp", "dep", "nsubj", "ROOT"]
    expected = _attributes(ruler(_doc(nlp, words, tags, deps)))
    got = _attributes(TableAttributeRuler(ruler)(_doc(nlp, words, tags, deps)))
    assert got == expected
    # The rules did apply: the later rule wins ("is" after "There" is VERB, the one after "dog" AUX).
    assert got[1][0] == "VERB" and got[9][0] == "AUX" and got[9][3] == "be"
    assert got[5][3] == "to" and got[2][3] == "nothing" and got[3][0] == "PRON" and got[7][0] != "PRON"


def test_an_unknown_kind_of_pattern_keeps_the_original():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(ValueError):
        TableAttributeRuler(ruler)
    assert install(nlp) == []
    assert nlp.get_pipe("attribute_ruler") is ruler


def _lemmatizer(nlp):
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"]], "verb": [["ed", ""], ["ed", "e"]]})
    lookups.add_table("lemma_index", {"noun": ["city", "dog"], "verb": ["bake", "walk"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}, "verb": {"went": ["go"]}})
    lemmatizer = EnglishLemmatizer(nlp.vocab, None, mode="rule")
    lemmatizer.initialize(lookups=lookups)
    return lemmatizer


def test_lemmatizer_stand_in_gives_the_rule_lemmas():
    nlp = spacy.blank("en")
    words = ["Cities", "mice", "baked", "walked", "went", "Paris", "dogs", "zorbs", "Dogs"]
    pos = ["NOUN", "NOUN", "VERB", "VERB", "VERB", "PROPN", "NOUN", "NOUN", "NOUN"]

    def doc():
        return Doc(nlp.vocab, words=words, pos=pos)

    expected = [t.lemma_ for t in _lemmatizer(nlp)(doc())]
    stand_in = TableLemmatizer(_lemmatizer(nlp))
    assert [t.lemma_ for t in stand_in(doc())] == expected
    assert [t.lemma_ for t in stand_in(doc())] == expected  # from its cache the second time
    assert expected[:5] == ["city", "mouse", "bake", "walk", "go"]


def test_a_lemma_already_set_is_kept():
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["gon", "na"], pos=["VERB", "PART"], lemmas=["go", "to"])
    assert [t.lemma_ for t in TableLemmatizer(_lemmatizer(nlp))(doc)] == ["go", "to"]


@pytest.mark.model
def test_the_loaded_pipeline_matches_the_original_components():
    from reportedly.nlp import load_model, load_pipeline

    original = load_model(("ner",))
    ours = load_pipeline(("ner",))
    assert type(ours.get_pipe("attribute_ruler")).__name__ == "_Slot"
    text = ("\u201cWe ain't gonna stop,\u201d she said. There's nothin' left, y'all. Let's go!\n\n"
            "The cities' mayors, who had baked 3.5 pies, weren't there. It's what I told you and it.")
    for paragraph in text.split("\n\n"):
        assert _attributes(ours(paragraph)) == _attributes(original(paragraph))
