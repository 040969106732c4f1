"""Name lines over quote paragraphs (vox pops, round-ups): hand-made texts, no model."""
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.headers import read_headers
from reportedly.attribution.quotes import find_quotes

_nlp = spacy.blank("en")


def _found(text):
    spans = paragraph_spans(text)
    blocks = [(a, _nlp(text[a:b])) for a, b in spans]
    return [(a.source.text, a.cue, [text[s:e] for s, e in a.content.pieces])
            for a in read_headers(text, blocks, find_quotes(text, spans))]


def test_each_quote_under_a_name_line_is_that_persons():
    text = ("We asked our gardening friends what keeps them going.\n\n"
            "Uli Lorimer, Director of Horticulture at Native Plant Trust:\n\n"
            "“December is a time of reflection.”\n\n"
            "Jeff Lorenz and Kayla Fell of Refugia:\n\n"
            "“At this time of year, we are enamored by the landscape.\n\n"
            "“One simple thing everyone can do is to talk to their neighbors.”\n\n"
            "“We plant milkweed every spring.”\n\n"
            "Readers can send us their own stories.")
    assert _found(text) == [
        ("Uli Lorimer", None, ["“December is a time of reflection.”"]),
        # A quote over two paragraphs is one; the closed quote after it is another.
        ("Jeff Lorenz and Kayla Fell", None, ["“At this time of year, we are enamored by the landscape.",
                                              "“One simple thing everyone can do is to talk to their neighbors.”"]),
        ("Jeff Lorenz and Kayla Fell", None, ["“We plant milkweed every spring.”"]),
    ]


def test_a_name_alone_over_a_quote_once_is_no_header():
    # Without a colon, one name line over a quote may be a caption or a byline.
    assert _found("Jane Smith\n\n“We will win,” the mayor said.") == []
    # A sentence is no name line, nor a line over prose.
    assert _found("The mayor said this:\n\n“We will win.”") == []
    assert _found("Uli Lorimer, Director of Horticulture:\n\nHe tends the gardens.") == []


def test_two_name_lines_without_colons():
    text = ("Sonya Herridge, Phoenix\n\n“He represents our greatest shame.”\n\n"
            "Pamela Padilla, Los Angeles\n\n“He is ignorant of our culture.”")
    assert [s for s, _c, _p in _found(text)] == ["Sonya Herridge", "Pamela Padilla"]
