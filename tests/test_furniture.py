"""Datelines, credits and captions: layout no one speaks in (hand-made texts, no model)."""
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.furniture import clear_furniture, credits, datelines
from reportedly.model import Attribution, Span

_nlp = spacy.blank("en")


def _blocks(text):
    return [(a, _nlp(text[a:b])) for a, b in paragraph_spans(text)]


def _datelines(text):
    return [text[a:b] for a, b in datelines(text, _blocks(text))]


def test_datelines_with_a_dash_anywhere_and_with_a_colon_near_the_top():
    text = ("Farmers expand cultivation\n\n"
            "RAJSHAHI, Dec 20, 2025 (BSS) - Farmers have expanded cultivation, officials said.\n\n"
            "NEW DELHI: The central bank kept its rate, the bank said.\n\n"
            "SIOUX FALLS, S.D. — Gov. Kristi Noem said the schools stay open.\n\n"
            "MOSCOW (AP) — A cargo ship broke up, the agency said.")
    assert _datelines(text) == ["RAJSHAHI, Dec 20, 2025 (BSS) - ", "NEW DELHI: ", "SIOUX FALLS, S.D. — ",
                                "MOSCOW (AP) — "]


def test_labels_and_headlines_are_no_datelines():
    # A headline's label is the headline's source; a transcript's labels come back; a role is no region.
    assert _datelines("POLL: Clinton leads\n\nText.") == []
    assert _datelines("Title\n\nWALLACE: Hello.\n\nPENCE: Hi.\n\nWALLACE: Bye.") == []
    assert _datelines("Title\n\nSACHA PFEIFFER, HOST: The legislature meets.") == []
    # Far down the article a bare "PLACE:" is a label, not a dateline.
    assert _datelines("Title\n\nOne.\n\nTwo.\n\nEUROPE: Markets fell.") == []


def test_credits_and_captions():
    text = ("Photo: AP\n\nCourtesy Samaya\n\n"
            "A farmer tends her field near the river. Photograph: Jane Doe/Reuters\n\n"
            "Courtesy is what the mayor asked of everyone at the meeting, she said.\n\n"
            "The photo: a field at dawn, said the farmer.")
    assert [text[a:b] for a, b in credits(text, _blocks(text))] == [
        "Photo: AP", "Courtesy Samaya", "A farmer tends her field near the river. Photograph: Jane Doe/Reuters"]


def test_clearing_cuts_datelines_off_and_drops_what_speaks_in_quiet_stretches():
    text = "SIOUX FALLS, S.D. — Gov. Kristi Noem said the schools stay open.\n\nPhoto: AP"
    source = Span.of(text, 0, text.index(" said"))
    said = text.index("said")
    att = Attribution("", "indirect", Span.of(text, said + 5, text.index(".\n")), source, Span.of(text, said, said + 4))
    credit = text.index("Photo")
    label = Attribution("", "indirect", Span.of(text, credit + 7, len(text)), Span.of(text, credit, credit + 5),
                        Span.of(text, credit + 5, credit + 6))
    blocks = _blocks(text)
    (kept,) = clear_furniture(text, [att, label], datelines(text, blocks), credits(text, blocks))
    assert kept.source.text == "Gov. Kristi Noem" and kept.content == att.content
