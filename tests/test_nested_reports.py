"""A named source's (or "it"/"they") "that" statement inside a model content is kept (needs the spaCy model)."""
import pytest

from reportedly.attribution.blocks import parse_blocks
from reportedly.attribution.hybrid import HybridExtractor
from reportedly.attribution.rules import RuleExtractor
from reportedly.model import Attribution, Span

pytestmark = pytest.mark.model


class Fixed:
    def __init__(self, *atts):
        self.atts = list(atts)

    def extract(self, text, blocks):
        return list(self.atts)


def _span(text, words):
    at = text.index(words)
    return Span.of(text, at, at + len(words))


def _run(text, source, cue, content):
    from reportedly.nlp import load_pipeline

    blocks = next(parse_blocks(load_pipeline(), [text]))
    outer = Attribution("", "indirect", _span(text, content), _span(text, source), _span(text, cue))
    found = HybridExtractor(Fixed(outer), RuleExtractor(require_source=True)).extract(text, blocks)
    return sorted((a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text) for a in found)


def test_a_named_source_told_that_inside_another_statement_is_its_own_statement():
    text = "South Africa said Mr Mugabe had told President Jacob Zuma on Wednesday that he was confined to his home."
    found = _run(text, "South Africa", "said", "Mr Mugabe had told President Jacob Zuma on Wednesday that he was confined to his home")
    assert ("Mr Mugabe", "told", "that he was confined to his home") in found


def test_it_or_they_inside_another_statement_is_theirs_when_the_subject_of_the_cue():
    text = "Jane Roe, a lawmaker, said it showed that precarious work was not just an issue for drivers."
    found = _run(text, "Jane Roe, a lawmaker,", "said", "it showed that precarious work was not just an issue for drivers")
    assert ("it", "showed", "that precarious work was not just an issue for drivers") in found


def test_a_pronoun_that_is_not_the_cues_own_subject_is_left_out():
    text = "Republicans want policies that cut taxes (they want lower rates and suggest that such rates would spur growth)."
    found = _run(text, "Republicans", "want", "policies that cut taxes (they want lower rates and suggest that such rates would spur growth)")
    assert [f[1] for f in found] == ["want"]
    text = "Aides said it is necessary to show that they have nothing to hide."
    found = _run(text, "Aides", "said", "it is necessary to show that they have nothing to hide")
    assert [f[1] for f in found] == ["said"]


def test_the_subject_of_an_infinitive_inside_another_statement_is_left_out():
    text = ("A new report from a committee recommends tweaking the Dietary Guidelines for Americans to suggest "
            "that people eat more beans.")
    found = _run(text, "A new report from a committee", "recommends",
                 "tweaking the Dietary Guidelines for Americans to suggest that people eat more beans")
    assert [f[1] for f in found] == ["recommends"]
