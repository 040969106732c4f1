"""Lines left out of the body (``Article.boilerplate``): each with its step and reason, and
offsets that say what they are (a span of the text, or an anchor where an HTML line stood)."""
import json
from pathlib import Path

import jsonschema
import pytest

from reportedly.ingest.html import read_html
from reportedly.ingest.plaintext import read_plaintext
from reportedly.model import Omission
from reportedly.report import explain_omissions
from reportedly.serialize import article_dict

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "reportedly" / "schema"
                     / "reportedly-1.schema.json").read_text())

PAGE = ("<html><head><title>Harbour plan approved</title></head><body><article>"
        "<h1>Harbour plan approved</h1><p>By Jane Doe</p>"
        "<p>The council approved the harbour plan on Monday after a long debate about ferries.</p>"
        "<p>Advertisement</p>"
        "<p>The mayor said the first ferries would run in the spring, weather permitting.</p>"
        "<p>Officials said the cost would be shared between the city and the port authority.</p>"
        "<p>Was this article helpful?</p><p>Yes</p><p>No</p>"
        "</article></body></html>")


def test_html_omissions_name_their_step_and_reason():
    art = read_html(PAGE, "p")
    why = {o.text: (o.step, o.reason) for o in art.boilerplate}
    assert why["Advertisement"] == ("boilerplate", "an advertisement label")
    assert why["Harbour plan approved"] == ("headline_start", "printed above the headline")
    assert why["By Jane Doe"] == ("boilerplate", "the byline")
    assert why["Was this article helpful?"] == ("article_end",
                                                "after the article's end (a reader-feedback prompt)")
    assert why["Yes"][0] == "article_end"


def test_html_omissions_are_anchors_between_paragraphs():
    art = read_html(PAGE, "p")
    ends = {0} | {p.end for p in art.paragraphs}
    for o in art.boilerplate:
        # Not a span of the text: the line was taken out; start == end is where it stood, right
        # after the body text before it (0 when none is).
        assert not o.in_text and o.start == o.end and o.start in ends
    ad = next(o for o in art.boilerplate if o.text == "Advertisement")
    assert art.text[:ad.start].endswith("debate about ferries.")
    assert art.text[ad.start:].lstrip().startswith("The mayor said")


def test_plaintext_omissions_are_spans_of_the_text():
    art = read_plaintext("Harbour plan approved\n\nBy Jane Doe\n\nThe council approved the harbour "
                         "plan on Monday after a long debate.\n\nAdvertisement\n\nThe mayor said "
                         "ferries would run in spring.\n", "t")
    assert art.boilerplate
    for o in art.boilerplate:
        assert o.in_text and art.text[o.start:o.end] == o.text and o.reason and not o.step


def test_an_anchor_outside_the_text_has_one_offset():
    with pytest.raises(ValueError):
        Omission(3, 5, "Advertisement", in_text=False)


def test_the_json_carries_the_reason_and_validates():
    article = article_dict(read_html(PAGE, "p"))
    ad = next(o for o in article["boilerplate"] if o["text"] == "Advertisement")
    assert ad["reason"] == "an advertisement label" and ad["step"] == "boilerplate"
    assert ad["in_text"] is False and ad["start"] == ad["end"]
    item = {"$defs": SCHEMA["$defs"], **SCHEMA["$defs"]["omission"]}
    for o in article["boilerplate"]:
        jsonschema.validate(o, item)
    # A 1.2 reader's span (start, end, text) still validates: the new fields are optional.
    jsonschema.validate({"start": 0, "end": 0, "text": "x"}, item)


def test_explain_lists_each_left_out_line_with_step_and_reason():
    lines = explain_omissions(read_html(PAGE, "p"))
    assert lines[0].startswith("  Left out of the body (")
    text = "\n".join(lines)
    assert "boilerplate: an advertisement label" in text and "Advertisement" in text
    assert "article_end: after the article's end (a reader-feedback prompt)" in text
