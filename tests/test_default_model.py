"""The committed attribution model: it loads, and finds attributions in hand-made sentences."""
import pytest

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.crf import MODEL_DIR, load_default_extractor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analyse():
    from reportedly.attribution.batch import PIPELINE_EXCLUDE
    from reportedly.nlp import load_pipeline

    nlp = load_pipeline(PIPELINE_EXCLUDE)
    extractor = load_default_extractor()

    def run(text):
        return extractor.extract(text, [(a, nlp(text[a:b])) for a, b in paragraph_spans(text)])

    return run


def test_committed_model_is_small_and_described():
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 50 * 1024 * 1024
    assert load_default_extractor().meta["kind"] == "crf"


def test_indirect_speech(analyse):
    text = "Bridge to Open\n\nThe mayor said on Tuesday that the new bridge would open in May.\n"
    (att,) = analyse(text)
    assert att.source.text == "The mayor"
    assert att.cue.text == "said"
    assert "the new bridge would open in May" in att.content.text
    assert att.kind == "indirect"
    assert text[att.content.start : att.content.end] == att.content.text


def test_direct_quote_with_trailing_source(analyse):
    text = "“We have never seen anything like this storm,” said Jane Roe, a spokeswoman for the city."
    (att,) = analyse(text)
    assert "Jane Roe" in att.source.text
    assert att.cue.text == "said"
    assert "never seen anything like this storm" in att.content.text
    assert att.kind == "direct"


def test_according_to_and_several_paragraphs(analyse):
    text = (
        "Schools Reopen\n\n"
        "The bill would raise taxes on the rich, according to an analysis by the Tax Policy Center.\n\n"
        "Parents told reporters they were relieved by the decision."
    )
    found = analyse(text)
    cues = [a.cue.text for a in found]
    assert "according to" in cues and "told" in cues
    according = found[cues.index("according to")]
    assert according.source.text == "an analysis by the Tax Policy Center"
    assert according.content.text == "The bill would raise taxes on the rich"
    told = found[cues.index("told")]
    assert told.source.text == "Parents"
    assert "relieved" in told.content.text


def test_a_coordinated_cue_takes_the_subject_of_its_first_verb(analyse):
    text = ("Belarusian President Alexander Lukashenko had earlier held a meeting with Sergey Lavrov "
            "in Minsk, and had pledged support in the ongoing aggression in Ukraine.")
    pledged = [a for a in analyse(text) if "pledged" in a.cue.text]
    assert pledged and pledged[0].source is not None
    assert pledged[0].source.text.endswith("Alexander Lukashenko")


def test_a_lead_in_with_a_colon_introduces_the_next_paragraph(analyse):
    text = ("The senator spoke for an hour. He said:\n\n"
            "“We will repeal this law on the first day, and we will not apologise for it.”")
    said = [a for a in analyse(text) if a.cue.text.startswith("said")]
    assert said and said[0].content.text.startswith("“We will repeal this law")
    assert said[0].kind == "direct"


def test_an_inverted_parenthetical_reporting_clause_has_its_subject_after_the_verb(analyse):
    # The role CRF takes the fronted subject ("The combination,") for the source.
    for text, source in [("The combination, say economists, marks a journey into uncharted financial territory.",
                          "economists"),
                         ("The plan, said the mayor, is the best the city has seen in years.", "the mayor")]:
        (att,) = analyse(text)
        assert att.source.text == source, text
        assert [text[a:b] for a, b in att.content.pieces][0] == text.split(",")[0], text


def test_a_fronted_condition_is_part_of_what_was_said_and_a_fronted_time_is_not(analyse):
    text = "Even if a game is not tuned for the new console, Microsoft says you might still see improvements."
    (att,) = analyse(text)
    assert [text[a:b] for a, b in att.content.pieces] == [
        "Even if a game is not tuned for the new console", "you might still see improvements"]
    text = "After the vote on Tuesday, Smith said the plan would fail."
    (att,) = analyse(text)
    assert att.content.text == "the plan would fail"
