"""Reports named after what they report: "…, Yahoo Finance reported." (hand-made texts, no model)."""
import pytest
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.trailing import leading_reports, trailing_reports
from reportedly.model import Attribution, Span

_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def _span(text, words):
    at = text.index(words)
    return Span.of(text, at, at + len(words))


def _att(text, content, source=None, cue=None, kind="indirect"):
    return Attribution("", kind, _span(text, content), _span(text, source) if source else None,
                       _span(text, cue) if cue else None)


def _run(text, *atts):
    blocks = [(a, _NLP(text[a:b])) for a, b in paragraph_spans(text)]
    found = trailing_reports(text, blocks, list(atts))
    return sorted((att.source.text if att.source else None, att.cue.text if att.cue else None,
                   [text[a:b] for a, b in att.content.pieces]) for att in found)


def test_a_clause_holding_a_statement_is_the_trailing_names_report():
    text = ("The chief executive, Jane Roe, said in a memo that the cuts would go on as prices fell, "
            "Yahoo Finance reported earlier this year.")
    inner = _att(text, "that the cuts would go on as prices fell, Yahoo Finance reported earlier", "The chief executive, Jane Roe,", "said")
    assert _run(text, inner) == [
        ("The chief executive, Jane Roe,", "said", ["that the cuts would go on as prices fell"]),
        ("Yahoo Finance", "reported", ["The chief executive, Jane Roe, said in a memo that the cuts would go on as prices fell"]),
    ]


def test_an_inverted_reporter_is_the_source_not_the_content():
    text = "Earlier this month, the state declared an emergency over the fires, reported Euro News. Smoke rose."
    misread = _att(text, "Euro News", None, "reported")
    assert _run(text, misread) == [
        ("Euro News", "reported", ["Earlier this month, the state declared an emergency over the fires"])]


def test_a_report_the_model_read_is_kept_and_other_sentences_are_untouched():
    text = "Local authorities urged people to stay home, BFM TV reported. “It is over,” Smith said."
    report = _att(text, "Local authorities urged people to stay home", "BFM TV", "reported")
    quote = _att(text, "“It is over,”", "Smith", "said", kind="direct")
    assert _run(text, report, quote) == [
        ("BFM TV", "reported", ["Local authorities urged people to stay home"]),
        ("Smith", "said", ["“It is over,”"])]


def test_no_report_inside_a_quote_or_with_a_complement():
    text = "“We lost the vote on Monday, Smith said,” she added."
    assert _run(text) == []
    text = "“It’s lost, and we lost the vote on Monday, Smith said,” she added."
    assert _run(text) == []
    text = '"We lost the vote on Monday, Smith said," she added.'
    assert _run(text) == []
    text = "The plant closed on Friday, the Times reported that the owner had left."
    assert _run(text) == []


def test_a_cue_with_another_source_or_a_day_for_a_name_is_left_alone():
    text = "“Our assumption is that the veto will be overridden,” Mitch McConnell, R-Ky., said Tuesday."
    quote = _att(text, "“Our assumption is that the veto will be overridden,”", "Mitch McConnell, R-Ky.,", "said", "direct")
    assert _run(text, quote) == [("Mitch McConnell, R-Ky.,", "said", ["“Our assumption is that the veto will be overridden,”"])]
    text = "The senators agreed that the veto will be overridden, said Tuesday."
    assert _run(text) == []
    text = "The senators agreed that the veto will be overridden, I wrote last week."
    assert _run(text) == []


def _lead(text, *atts):
    blocks = [(a, _NLP(text[a:b])) for a, b in paragraph_spans(text)]
    return sorted((att.source.text if att.source else None, att.cue.text if att.cue else None, att.content.text)
                  for att in leading_reports(text, blocks, list(atts)))


def test_a_sentence_opening_with_as_someone_explained_is_their_statement():
    text = "As the authors explain, research in monkeys shows that decisions come late. It rained."
    shows = _att(text, "that decisions come late", "research in monkeys", "shows")
    assert _lead(text, shows) == [
        ("research in monkeys", "shows", "that decisions come late"),
        ("the authors", "explain", "research in monkeys shows that decisions come late")]
    text = "As The Atlantic recently noted, trust in government is collapsing."
    assert _lead(text) == [("The Atlantic", "recently noted", "trust in government is collapsing")]


def test_as_clauses_that_are_no_report_or_already_read_are_left_alone():
    assert _lead("As I wrote last week, the plan will fail.") == []
    assert _lead("As prices rose, the plan failed.") == []
    text = "As the minister said, the plan will fail."
    said = _att(text, "the plan will fail", "the minister", "said")
    assert _lead(text, said) == [("the minister", "said", "the plan will fail")]


@pytest.mark.model
def test_the_parse_must_make_the_source_the_subject_of_the_cue():
    from reportedly.nlp import load_pipeline

    nlp = load_pipeline()
    text = "As part of its annual workout trends report, ClassPass shared that Pilates was the top workout."
    assert leading_reports(text, [(0, nlp(text))], []) == []
    text = "As The Atlantic recently noted, trust in government is collapsing around the world."
    assert [a.source.text for a in leading_reports(text, [(0, nlp(text))], [])] == ["The Atlantic"]
    text = "Earlier this month, the state declared an emergency over the fires, reported Euro News."
    assert [a.source.text for a in trailing_reports(text, [(0, nlp(text))], [])] == ["Euro News"]


def test_according_to_with_the_source_read_as_content_gets_its_source_back():
    from reportedly.attribution.trailing import according_to_sources

    text = ("According to a blog post for InfoAmazonia, the space institute predicts that rainfall will be "
            "below normal.")
    misread = _att(text, "a blog post for InfoAmazonia, the space institute predicts that rainfall will be below normal",
                   None, "According to")
    [fixed] = according_to_sources(text, [misread])
    assert (fixed.source.text, fixed.content.text) == (
        "a blog post for InfoAmazonia", "the space institute predicts that rainfall will be below normal")
    # A find with its source, or a content with no short phrase before a comma, is left as it was.
    read = _att(text, "the space institute predicts that rainfall will be below normal",
                "a blog post for InfoAmazonia", "According to")
    assert according_to_sources(text, [read]) == [read]
    text = "According to the plan the space institute predicts that rainfall will be below normal, even now."
    misread = _att(text, "the plan the space institute predicts that rainfall will be below normal, even now",
                   None, "According to")
    assert according_to_sources(text, [misread]) == [misread]
