"""Chain patterns on small hand-made texts (needs the spaCy model)."""
import pytest

from reportedly.model import Article, Paragraph

pytestmark = pytest.mark.model


def analyse(analyzer, *paragraphs, outlet=None):
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for p in paragraphs:
        spans.append(Paragraph(start, start + len(p)))
        start += len(p) + 2
    return analyzer.analyze(Article("t", text, tuple(spans), outlet=outlet))


def prov_of(analysis, cue):
    for att, prov in zip(analysis.attributions, analysis.provenance):
        if att.cue and att.cue.text == cue:
            return att, prov
    raise AssertionError(f"no cue {cue!r}: {[a.cue and a.cue.text for a in analysis.attributions]}")


def test_told_that_said_nests(rules_analyzer):
    a = analyse(rules_analyzer, "Mary Jones told reporters that Peter Smith had said the deal was dead.")
    outer, _ = prov_of(a, "told")
    _, inner = prov_of(a, "said")
    assert inner.via == (outer.id,) and inner.via_basis == "nested"
    assert inner.chain == ("this article", "Mary Jones", "Peter Smith")


def test_according_to_the_letter_carries_what_follows(rules_analyzer):
    a = analyse(rules_analyzer, "According to the letter, the officers said that the war was a mistake.")
    letter, _ = prov_of(a, "According to")
    _, officers = prov_of(a, "said")
    assert officers.via == (letter.id,) and officers.chain[-2:] == ("letter", "officers")


def test_the_paper_revealed_is_a_chain_root_named_by_the_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "The Guardian reported the deal. The paper revealed that the talks had failed.", outlet="Daily Planet")
    _, prov = prov_of(a, "revealed")
    assert prov.via == () and prov.chain == ("Daily Planet", "Guardian")


def test_wrote_in_the_letter_seen_by_the_paper(rules_analyzer):
    a = analyse(
        rules_analyzer,
        "The army is unhappy, the Express reported.",
        '"The war is lost," the officers wrote in the letter seen by the paper.',
    )
    express, _ = prov_of(a, "reported")
    _, prov = prov_of(a, "wrote")
    assert prov.via == (express.id,) and prov.via_basis == "medium"
    assert prov.chain == ("this article", "Express", "letter", "officers")


def test_same_speaker_keeps_its_place(rules_analyzer):
    a = analyse(rules_analyzer, 'According to the report, prices rose. "Wages fell too," the report said. "Rents doubled," it continued.')
    _, said = prov_of(a, "said")
    _, continued = prov_of(a, "continued")
    assert continued.chain == said.chain


def test_outlet_relayed_in_the_paragraph_carries_later_statements(rules_analyzer):
    a = analyse(rules_analyzer, "The talks failed, Reuters reported. Mayor John Smith said the city would sue.")
    reuters, _ = prov_of(a, "reported")
    _, smith = prov_of(a, "said")
    assert smith.via == (reuters.id,) and smith.via_basis == "context"
    assert smith.chain == ("this article", "Reuters", "John Smith")


def test_outlet_cited_once_does_not_carry_other_paragraphs(rules_analyzer):
    a = analyse(rules_analyzer, "The talks failed, Reuters reported.", "Mayor John Smith said on Tuesday the city would sue.")
    _, smith = prov_of(a, "said")
    assert smith.via == () and smith.chain == ("this article", "John Smith")


def test_first_hand_quote_has_no_carrier(rules_analyzer):
    a = analyse(rules_analyzer, '"We will sue," Mayor John Smith said.')
    _, prov = prov_of(a, "said")
    assert prov.via == () and prov.via_basis is None and prov.chain == ("this article", "John Smith")


def test_any_extractor_output_works_even_without_source_or_cue():
    from reportedly.model import Attribution, Span
    from reportedly.pipeline import Analyzer

    class Bare:
        def extract(self, text, blocks):
            return [Attribution("", "direct", Span.of(text, 0, 9)), Attribution("", "indirect", Span.of(text, 11, 21), cue=Span.of(text, 28, 32))]

    text = "Prices up. Wages fell, some said."
    analysis = Analyzer(extractor=Bare()).analyze(Article("t", text, (Paragraph(0, len(text)),)))
    assert [p.speaker.type for p in analysis.provenance] == ["unknown", "unknown"]
    assert analysis.provenance[0].chain == ("this article", "(unknown)") and analysis.provenance[0].cue_strength is None
    assert analysis.attributions[1].cue.text == "said" and analysis.provenance[1].cue_strength == "neutral"
    assert analysis.profile.statements == 2


# Relays named in the sentence: the outlet the source spoke to is a hop before the speaker.

def test_told_an_outlet_puts_it_in_the_chain(rules_analyzer):
    a = analyse(rules_analyzer, '"We were never consulted," the chief executive told Business Insider.')
    _, prov = prov_of(a, "told")
    assert prov.chain == ("this article", "Business Insider", "chief executive")
    assert prov.via_basis == "relay" and prov.via == ()


def test_interview_with_an_outlet_is_a_relay(rules_analyzer):
    a = analyse(rules_analyzer, '"We are done with this," Jane Roe said in an interview with the BBC.')
    _, prov = prov_of(a, "said")
    assert prov.chain == ("this article", "BBC", "Jane Roe")


def test_statement_to_an_outlet_is_a_relay_before_the_statement(rules_analyzer):
    a = analyse(rules_analyzer, "Jane Roe said in a statement to Reuters that the bill was dead.")
    _, prov = prov_of(a, "said")
    assert prov.chain == ("this article", "Reuters", "statement", "Jane Roe")


def test_speaking_to_an_outlet_is_a_relay(rules_analyzer):
    a = analyse(rules_analyzer, '"The plan is dead," Jane Roe said, speaking to CNN on Sunday.')
    _, prov = prov_of(a, "said")
    assert prov.chain == ("this article", "CNN", "Jane Roe")


def test_told_a_committee_is_no_relay(rules_analyzer):
    a = analyse(rules_analyzer, "John Smith told the Senate committee that he was innocent.")
    _, prov = prov_of(a, "told")
    assert prov.chain == ("this article", "John Smith")


def test_named_relay_beats_an_outlet_cited_before(rules_analyzer):
    a = analyse(rules_analyzer, "According to TechCrunch, the startup raised $5 million. "
                "The company told USA Today that it would hire 50 people.")
    _, prov = prov_of(a, "told")
    assert "USA Today" in prov.chain and "TechCrunch" not in prov.chain


def test_document_seen_by_an_outlet_is_relayed_by_it(rules_analyzer):
    a = analyse(rules_analyzer, "Intelligence reports seen by Reuters suggest that the army is divided.")
    _, prov = prov_of(a, "suggest")
    assert prov.chain[:2] == ("this article", "Reuters") and prov.speaker.type == "document"


def test_the_publisher_is_not_its_own_relay(rules_analyzer):
    a = analyse(rules_analyzer, "Mayor John Smith told Reuters that the city would sue.", outlet="Reuters")
    _, prov = prov_of(a, "told")
    assert prov.chain == ("Reuters", "John Smith")


def test_via_an_outlet_is_a_relay(rules_analyzer):
    a = analyse(rules_analyzer, "The deal is off, Jane Roe said via USA Today.")
    _, prov = prov_of(a, "said")
    assert prov.chain == ("this article", "USA Today", "Jane Roe")
