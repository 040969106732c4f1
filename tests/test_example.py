"""The canonical example article, end to end (needs the spaCy model)."""
import pytest

from reportedly.ingest.plaintext import read_plaintext

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analysis(example_text, analyzer):
    return analyzer.analyze(read_plaintext(example_text, "belarus-military-letter"))


def norm(span):
    # The scraped text has non-breaking spaces; the spans keep them, the checks ignore them.
    return " ".join(span.text.split()) if span is not None else None


def with_content(analysis, part):
    return [a for a in analysis.attributions if part in norm(a.content)]


def test_no_attribution_touches_boilerplate(analysis):
    for att in analysis.attributions:
        for span in (att.source, att.cue, att.content):
            if span is None:
                continue
            for bp in analysis.article.boilerplate:
                assert not (span.start < bp.end and bp.start < span.end), (att, bp)


def test_lukashenko_quote(analysis):
    (att,) = [a for a in with_content(analysis, "We have not done it yet. But we have to be ready") if a.cue.text == "said"]
    assert att.kind == "direct" and norm(att.source) == "Lukashenko"


def test_officers_letter(analysis):
    atts = with_content(analysis, "By entering the war against Ukraine")
    assert any(a.source and "officers" in norm(a.source) and a.cue.text == "wrote" for a in atts)


def test_express_reported(analysis):
    assert any(a.source and norm(a.source) in ("the Express", "Express") and a.cue.text == "reported" for a in analysis.attributions)


def test_lavrov_agreement_is_indirect(analysis):
    (att,) = with_content(analysis, "nuclear drills are in violation")
    assert att.kind == "indirect" and att.cue.text == "agreed" and norm(att.source) == "Russia's foreign minister"


def test_letter_as_document_source(analysis):
    assert any(a.source and norm(a.source) == "the letter" and a.cue.text == "read" for a in analysis.attributions)


def test_language_and_entities(analysis):
    assert analysis.article.language == "en"
    names = {e.text for e in analysis.entities if e.label == "PERSON"}
    assert "Alexander Lukashenko" in names
