"""How the hybrid composes the model, layout-marked speech and the rules (stub extractors, no model)."""
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.hybrid import HybridExtractor
from reportedly.model import Attribution, Span

TEXT = "“Trump said we live in hell,” Padilla wrote on Monday.\n\nThe mayor warned against the plan."


class Fixed:
    def __init__(self, *atts):
        self.atts = list(atts)

    def extract(self, text, blocks):
        return list(self.atts)


def _att(cue, content, source=None):
    def span(s):
        start = TEXT.index(s)
        return Span.of(TEXT, start, start + len(s))
    return Attribution("", "indirect", span(content), span(source) if source else None, span(cue))


def _run(model, rules):
    blocks = [(a, spacy.blank("en")(TEXT[a:b])) for a, b in paragraph_spans(TEXT)]
    return [a.cue.text for a in HybridExtractor(Fixed(*model), Fixed(*rules)).extract(TEXT, blocks)]


def test_speech_inside_a_quote_is_left_to_the_quote():
    wrote = _att("wrote", "“Trump said we live in hell,”", "Padilla")
    nested = _att("said", "we live in hell", "Trump")
    assert _run([wrote, nested], []) == ["wrote"]
    assert _run([wrote], [nested]) == ["wrote"]


def test_rules_fill_in_only_where_the_model_found_nothing():
    wrote = _att("wrote", "“Trump said we live in hell,”", "Padilla")
    warned = _att("warned against", "the plan", "The mayor")
    rival = _att("wrote on Monday", "“Trump said we live in hell,”", "Padilla")
    assert _run([wrote], [rival, warned]) == ["wrote", "warned against"]


def test_a_rule_find_without_a_source_is_left_out():
    wrote = _att("wrote", "“Trump said we live in hell,”", "Padilla")
    sourceless = _att("warned against", "the plan")
    assert _run([wrote], [sourceless]) == ["wrote"]
