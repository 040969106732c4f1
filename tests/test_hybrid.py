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


def _spans(text, source, cue, content):
    def span(s, after=0):
        start = text.index(s, after)
        return Span.of(text, start, start + len(s))
    source = span(source)
    return Attribution("", "direct", span(content), source, span(cue, source.end))


def _hybrid(text, model):
    blocks = [(a, spacy.blank("en")(text[a:b])) for a, b in paragraph_spans(text)]
    return HybridExtractor(Fixed(*model), Fixed()).extract(text, blocks)


def test_a_transcript_label_the_model_misreads_is_the_layouts():
    text = ("A talk\n\nJon Hartley: Welcome to the podcast, everyone.\n\n"
            "Myron Scholes: The market is more uncertain than people believe.\n\nHartley: Thank you.")
    misread = _spans(text, "Myron", "Scholes:", "The market is more uncertain than people believe.")
    found = _hybrid(text, [misread])
    assert [(a.source.text, a.cue.text) for a in found] == [("Jon Hartley", ":"), ("Myron Scholes", ":"),
                                                            ("Hartley", ":")]


def test_headings_and_list_labels_are_not_speech_below_the_headline():
    text = ("Poll: Clinton leads\n\nMarkets around the world.\n\n"
            "Europe: Markets fell sharply on Monday.\n\n- Home prices moderate: Prices rose 2 percent.")
    found = _hybrid(text, [_spans(text, "Poll", ":", "Clinton leads"),
                           _spans(text, "Europe", ":", "Markets fell sharply on Monday."),
                           _spans(text, "Home prices moderate", ":", "Prices rose 2 percent.")])
    assert [a.source.text for a in found] == ["Poll"]


def test_a_follow_on_and_a_dateline_in_the_composed_output():
    text = ("SIOUX FALLS, S.D. — “We will not close schools,” Gov. Kristi Noem said.\n\n"
            "“Our children need to learn in classrooms.”")
    said = _spans(text, "SIOUX FALLS, S.D. — “We will not close schools,” Gov. Kristi Noem", "said",
                  "“We will not close schools,”")
    found = _hybrid(text, [said])
    assert [(a.source.text, a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("“We will not close schools,” Gov. Kristi Noem", "said", "“We will not close schools,”"),
        ("“We will not close schools,” Gov. Kristi Noem", None, "“Our children need to learn in classrooms.”")]


def test_speech_inside_an_interview_answer_is_left_to_the_answer():
    # An answer is the interviewee's verbatim speech, a quote set by layout: "We've found that …"
    # inside it is part of it, as speech inside quote marks is part of the quote.
    text = ("Peterson said the new kitchen opens in May.\n\n"
            "Q: What are the benefits of fasting?\n\n"
            "A: We’ve found that fasting does help people lose weight.\n\n"
            "Q: What would you recommend?\n\n"
            "A: I suggest eating breakfast like a king.")
    inside = _spans(text, "We", "’ve found", "that fasting does help people lose weight")
    outside = _spans(text, "Peterson", "said", "the new kitchen opens in May")
    found = _hybrid(text, [outside, inside])
    assert [(a.cue.text if a.cue else None, a.content.text) for a in found] == [
        ("said", "the new kitchen opens in May"),
        (None, "We’ve found that fasting does help people lose weight."),
        (None, "I suggest eating breakfast like a king.")]
