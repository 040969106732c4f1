"""Each attribution pattern on a small hand-made text (needs the spaCy model)."""
import pytest

from reportedly.model import Article, Paragraph

pytestmark = pytest.mark.model


def attributions(analyzer, text):
    article = Article("t", text, (Paragraph(0, len(text)),))
    return analyzer.analyze(article).attributions


def find(atts, content_part):
    for att in atts:
        if content_part in att.content.text:
            return att
    raise AssertionError(f"no attribution with {content_part!r}: {[a.content.text for a in atts]}")


def test_direct_quote_after_reporting_clause(rules_analyzer):
    att = find(attributions(rules_analyzer, '"We will not back down," the mayor said on Tuesday.'), "back down")
    assert (att.kind, att.source.text, att.cue.text) == ("direct", "the mayor", "said")
    assert att.content.text == '"We will not back down,"'


def test_an_inverted_source_after_a_quote_the_parser_read_as_the_subject(rules_analyzer):
    # The parser takes "standards" in the quote for the subject and "one" for an attribute:
    # a subject inside the quote its cue reports is no source, the noun after the cue is.
    text = "New signs went up: “New lower prices. Same high standards,” reads one, against a photo of carrots."
    att = find(attributions(rules_analyzer, text), "Same high")
    assert (att.source.text, att.cue.text, att.content.text) == ("one", "reads", "“New lower prices. Same high standards,”")


def test_curly_quote_before_cue(rules_analyzer):
    att = find(attributions(rules_analyzer, "Smith said: “The budget is balanced.”"), "balanced")
    assert att.kind == "direct" and att.source.text == "Smith"


def test_indirect_speech(rules_analyzer):
    att = find(attributions(rules_analyzer, "The minister said that the talks had failed."), "talks")
    assert (att.kind, att.source.text, att.cue.text) == ("indirect", "The minister", "said")
    assert att.content.text == "that the talks had failed"


def test_warned_against(rules_analyzer):
    att = find(attributions(rules_analyzer, "Doctors warned against reopening the schools too early."), "reopening")
    assert att.cue.text == "warned" and att.source.text == "Doctors"


def test_mixed_quote(rules_analyzer):
    att = find(attributions(rules_analyzer, 'She said the plan was "a disaster waiting to happen" for the city.'), "disaster")
    assert att.kind == "mixed"


def test_according_to(rules_analyzer):
    att = find(attributions(rules_analyzer, "Prices rose by ten percent last year, according to the central bank."), "Prices")
    assert (att.cue.text, att.source.text) == ("according to", "the central bank")
    assert att.content.text == "Prices rose by ten percent last year"


def test_outlet_as_source(rules_analyzer):
    att = find(attributions(rules_analyzer, "The army is preparing an offensive, the Express reported."), "offensive")
    assert att.source.text == "the Express" and att.cue.text == "reported"


def test_document_as_source(rules_analyzer):
    att = find(attributions(rules_analyzer, '"The border will stay closed," the letter read.'), "border")
    assert att.source.text == "the letter" and att.cue.text == "read" and att.kind == "direct"


def test_anonymous_sources(rules_analyzer):
    atts = attributions(rules_analyzer, "A source said the deal was close. Officials said talks would resume.")
    assert find(atts, "deal").source.text == "A source"
    assert find(atts, "talks").source.text == "Officials"


def test_participle_inherits_source(rules_analyzer):
    att = find(attributions(rules_analyzer, "The paper revealed the plan, adding that officers had objected."), "officers")
    assert att.source.text == "The paper" and att.cue.text == "adding"


def test_quote_over_paragraphs(rules_analyzer):
    text = "“The first part of the statement.\n\n“And the second part,” the spokesman said."
    article = Article("t", text, (Paragraph(0, 33), Paragraph(35, len(text))))
    (att,) = [a for a in rules_analyzer.analyze(article).attributions if a.cue and a.cue.text == "said"]
    assert att.content.fragments and "first part" in att.content.text and "second part" in att.content.text


def test_unbalanced_quotes_do_not_crash(rules_analyzer):
    atts = attributions(rules_analyzer, 'He said "this never closes. Later she said "short" and left. "Dangling')
    assert all(a.content.text for a in atts)


def test_no_attribution_in_plain_narration(rules_analyzer):
    assert attributions(rules_analyzer, "The bridge was built in 1932 and repainted in 1990.") == ()


def test_a_quote_ending_the_paragraph_before_is_not_the_next_paragraphs_cues(rules_analyzer):
    from reportedly.ingest import read_article

    text = ('“Coffee has a long half-life,” says Slayton. "I suggest that clients stop after midday."\n\n'
            "Klinger also advises coffee before workouts.")
    atts = rules_analyzer.analyze(read_article(text, "t")).attributions
    assert not any(att.source is not None and att.source.text == "Klinger" and "midday" in att.content.text
                   for att in atts)
