"""Quotes a short reporting clause introduces, however the tagger read it (hand-made texts
through the default pipeline)."""
import pytest

from reportedly.ingest import read_article

pytestmark = pytest.mark.model


def _quotes(analyzer, text):
    analysis = analyzer.analyze(read_article(text, "t"))
    return {att.content.text: (att.source.text if att.source else None, att.cue.text if att.cue else None)
            for att in analysis.attributions if att.content.text.startswith(("“", '"'))}


def test_a_name_and_a_cue_word_before_a_comma_introduce_the_quote(analyzer):
    # "states" after a name in apposition is tagged as a noun; the words still say who speaks.
    text = ("In another post in which Emery links to an article that falsely attributes a quote to the "
            "governor-elect Jones, Emery states, “Incredibly, some people think they have to invent "
            "words to make him look bad.”")
    assert _quotes(analyzer, text) == {
        "“Incredibly, some people think they have to invent words to make him look bad.”": ("Emery", "states")}


def test_a_subject_and_a_cue_word_opening_a_colon_lead_in_introduce_the_quote(analyzer):
    text = ("The survey asked developers about their tools.\n\n"
            "Another respondent highlighted AI’s opportunities to help teams address toolchain challenges: "
            "“AI is growing fast, and our current toolchain can be massively improved with AI integrations.”")
    found = _quotes(analyzer, text)
    assert found == {"“AI is growing fast, and our current toolchain can be massively improved with AI "
                     "integrations.”": ("Another respondent", "highlighted")}


def test_in_someones_words_introduces_the_quote(analyzer):
    text = ("The team studied how the brain decides.\n\n"
            "In Dr. Okafor's words, \"Could the moment the brain has enough evidence be the moment "
            "we feel we have decided?\"")
    assert _quotes(analyzer, text) == {
        "\"Could the moment the brain has enough evidence be the moment we feel we have decided?\"":
            ("Dr. Okafor", "In Dr. Okafor's words")}


def test_no_quote_without_a_speaking_subject_or_for_a_phrase(analyzer):
    text = ("The campaign's notes, “We will win this state by ten points,” were found later.\n\n"
            "Its sales notes, “Buy two of these and get the third one free,” were printed in red.\n\n"
            "Emery states, “fake news”.")
    assert _quotes(analyzer, text) == {}


def test_a_speech_act_with_no_content_announces_the_quote_sentence_after_it(analyzer):
    text = ("Mary Okafor, the city's first budget director, once summed up the danger of debt with a "
            "metaphor. “It is not the storm at the door that ruins you, but the leak in the roof.”")
    assert _quotes(analyzer, text) == {
        "“It is not the storm at the door that ruins you, but the leak in the roof.”": ("Mary Okafor", "summed up")}


def test_no_quote_is_announced_by_a_denied_act_or_one_that_reports_something(analyzer):
    for first in ("Mary Okafor did not describe the danger of debt that way.",
                  "Mary Okafor once said that the danger of debt was real."):
        text = first + " “It is not the storm at the door that ruins you, but the leak in the roof.”"
        quote = "“It is not the storm at the door that ruins you, but the leak in the roof.”"
        assert _quotes(analyzer, text).get(quote, (None, None))[1] not in ("describe", "said")


def _posts(analyzer, text):
    analysis = analyzer.analyze(read_article(text, "t"))
    return [(att.source.text if att.source else None, att.cue.text if att.cue else None, att.content.text)
            for att in analysis.attributions if att.source is not None and att.source.text.startswith("@")]


def test_a_post_pasted_under_its_handle_after_a_lead_in_is_the_handles(analyzer):
    text = ("The thread went on for hours.\n\n"
            "Dana is clearly tired of the argument: @dana_writes: @kim_b I don’t know why this matters "
            "to anyone, but I stand by what I wrote.")
    # The accounts replied to are no part of the post; "I don't know why …" is said within it.
    assert _posts(analyzer, text) == [
        ("@dana_writes", ":", "I don’t know why this matters to anyone, but I stand by what I wrote.")]


def test_a_handle_with_no_label_colon_or_a_short_post_is_no_pasted_post(analyzer):
    text = ("Follow the thread at @dana_writes for more on the argument about the city budget.\n\n"
            "Dana answered: @dana_writes: Thanks all.")
    assert _posts(analyzer, text) == []
