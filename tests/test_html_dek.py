"""The dek of an HTML page: dek-classed element, printed standfirst, declared description."""
from __future__ import annotations

import json

from reportedly.ingest.html import read_html
from reportedly.ingest.html.meta.dek import decide_dek

BODY = ("The council voted on Tuesday to expand the bus network to the northern suburbs.\n"
        "Opponents said the plan would cost far more than the budget allows.")
STANDFIRST = "The vote ends two years of argument over who pays for the new routes."


def test_dek_classed_element_under_the_headline():
    assert decide_dek([STANDFIRST], [STANDFIRST, "By Jane Doe"], [], BODY) == STANDFIRST


def test_dek_classed_heading_further_down_is_not_a_dek():
    assert decide_dek([STANDFIRST], ["By Jane Doe", "May 3, 2025", "Share", STANDFIRST], [], BODY) is None
    assert decide_dek(["Why it matters?"], ["Why it matters?"], [], BODY) is None


def test_printed_line_confirmed_by_the_description():
    declared = "The vote ends two years of argument over who pays for new bus routes."
    assert decide_dek([], [STANDFIRST, "By Jane Doe"], [declared], BODY) == STANDFIRST


def test_photo_caption_sharing_a_few_words_is_not_confirmed():
    caption = "Maria Lopez in the council chamber / John Roe"
    declared = "Maria Lopez, who chairs the transport committee, explains why the council chamber voted yes."
    assert decide_dek([], [caption], [declared], BODY) == declared


def test_declared_description_stands_in_when_nothing_is_printed():
    assert decide_dek([], ["By Jane Doe"], ["What the new bus routes mean for commuters."], BODY) \
        == "What the new bus routes mean for commuters."


def test_description_that_is_the_body_or_the_site_or_the_title_is_not_a_dek():
    lede = "The council voted on Tuesday to expand the bus network to the northern suburbs."
    assert decide_dek([], [], [lede], BODY) is None
    assert decide_dek([], [], ["The council voted on Tuesday to expand the bus ..."], "") is None
    assert decide_dek([], [], ["Example Times is your source for local news and sport."], BODY,
                      site="Example Times") is None
    assert decide_dek([], [], ["Our site covers the city every day of the week."], BODY,
                      site_descriptions=("Our site covers the city every day of the week.",)) is None
    assert decide_dek([], [], ["Council expands bus network to northern suburbs"], BODY,
                      title="Council expands bus network to northern suburbs") is None


def test_read_html_fills_the_dek_and_leaves_the_text_alone():
    ld = {"@type": "NewsArticle", "headline": "Council expands bus network",
          "description": "What the new bus routes mean for commuters in the north."}
    paras = "".join(f"<p>{line} More detail follows in the report.</p>" for line in BODY.split("\n")) * 2
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head>"
            f"<body><article><h1>Council expands bus network</h1><p class='article-dek'>{STANDFIRST}</p>"
            f"{paras}</article></body></html>")
    art = read_html(html, "dek")
    assert art.dek == STANDFIRST
    html = html.replace(f"<p class='article-dek'>{STANDFIRST}</p>", "")
    assert read_html(html, "dek2").dek == "What the new bus routes mean for commuters in the north."
