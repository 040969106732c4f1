"""Photo credits are recognised by their form, never by an agency's name ending a sentence (issue 22)."""
from __future__ import annotations

import pytest

from reportedly.ingest.html.steps.boilerplate import is_boilerplate
from reportedly.ingest.html import read_html
from reportedly.ingest.plaintext import read_plaintext

LEAD_QUOTE = ("“We will rebuild every home that was lost, and we will start this week,” Governor Maria "
              "Lopez said on Tuesday, according to the Associated Press.")
PARAGRAPHS = [
    "Floodwaters rose across the county overnight, forcing hundreds of families from their homes "
    "and closing the main highway to the coast for the second time this year.",
    LEAD_QUOTE,
    "Crews worked through the night to restore electricity, and officials said most customers "
    "should have power back by the weekend, though some rural roads remain closed.",
    "The state has asked for federal disaster assistance, a spokesperson for the emergency "
    "management agency said, adding that damage estimates would take weeks.",
]
CAPTION = "Residents wade through a flooded street in Millbrook on Tuesday. (AP Photo/Jane Doe)"


@pytest.mark.parametrize("line", [
    "Photo: AP", "Image: Reuters", "Getty Images", "(AP Photo/Evan Vucci)", "AFP via Getty Images",
    "Jane Doe/Getty Images", "REUTERS/Jane Doe", "Photograph: Jane Doe/AFP via Getty Images",
    "Jane Doe, The Associated Press", "Image used under license from Shutterstock", CAPTION,
])
def test_credit_shapes_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    LEAD_QUOTE,
    "The ministry did not respond to a request for comment, according to the Associated Press.",
    "The agency said it had sold the pictures to Getty Images.",
    "The claim was first reported by Reuters.",
    "WASHINGTON (AP) — The Senate voted on Tuesday to pass the spending bill.",
    "The ministry told Reuters (which first reported the story) that it would respond.",
])
def test_a_sentence_naming_an_agency_is_not_a_credit(line):
    assert not is_boilerplate(line)


def test_plain_text_keeps_the_sentence_and_drops_the_credit():
    text = "Storm leaves thousands without power\n\n" + "\n\n".join(
        PARAGRAPHS[:1] + [CAPTION] + PARAGRAPHS[1:])
    article = read_plaintext(text, "storm")
    assert LEAD_QUOTE in article.text
    body = [article.text[p.start:p.end] for p in article.paragraphs if p.role == "body"]
    assert LEAD_QUOTE in body and CAPTION not in body
    assert CAPTION in [s.text for s in article.boilerplate]


def test_html_keeps_the_sentence_and_drops_the_credit():
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:1] + [CAPTION] + PARAGRAPHS[1:])
    html = ("<html lang='en'><head><title>Storm leaves thousands without power</title></head><body>"
            f"<article><h1>Storm leaves thousands without power</h1>{paragraphs}</article></body></html>")
    article = read_html(html, "storm")
    assert LEAD_QUOTE in article.text.split("\n\n")
    assert CAPTION not in article.text
    assert CAPTION in [s.text for s in article.boilerplate]


def test_credit_rules_do_not_backtrack_on_long_runs_of_capitals():
    # A first version of the name-and-agency form could split a word of capitals in
    # exponentially many ways: this line took seconds, and a page of such lines 17 s.
    import time

    line = "BREAKING NEWS UPDATE " + "X" * 40 + " continues below the fold"
    start = time.perf_counter()
    assert not is_boilerplate(line)
    assert not is_boilerplate("AP " + "A" * 150 + "/ x")
    assert time.perf_counter() - start < 0.5
