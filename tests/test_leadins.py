"""Quotes a colon introduces inside a paragraph: the subject before the colon is quoted
(hand-made texts through the default pipeline)."""
import pytest

from reportedly.ingest import read_article

pytestmark = pytest.mark.model


def _said(analyzer, text):
    analysis = analyzer.analyze(read_article(text, "t"))
    return [(att.source.text if att.source else None, att.cue.text if att.cue else None, att.content.text)
            for att in analysis.attributions if att.content.text.startswith("“") and att.cue and att.cue.text == ":"]


def test_a_quote_after_a_colon_is_the_subjects(analyzer):
    text = ("The philosopher Luis de Miranda wrote a history of neon lighting.\n\n"
            "De Miranda beautifully evokes the notion of neon lighting in his introduction: “When we hear "
            "the word neon, an image pops into our heads. This image is itself a mood.”")
    assert _said(analyzer, text) == [("De Miranda", ":", "“When we hear the word neon, an image pops into our "
                                                         "heads. This image is itself a mood.”")]


def test_a_title_or_a_subject_that_cannot_speak_is_no_lead_in(analyzer):
    text = ("The book came out in 2012.\n\n"
            "Its English edition has a new title: “Being and Neonness”.\n\n"
            "The plan has one clear goal: “Cut the city's emissions by half before the decade is out.”")
    assert _said(analyzer, text) == []
