"""The headline read_html chooses among the page's <h1>s and declared titles."""
from __future__ import annotations

from test_html import page

from reportedly.ingest.html import read_html


def test_an_h1_as_long_as_a_summary_is_not_the_headline():
    summary = ("Learn which bus routes the council will add to the northern suburbs and when, with "
               "expert tips on how the new network changes your commute and what the expansion will "
               "cost the city")
    head = "<title>Council expands bus network to northern suburbs | Example Post</title>"
    art = read_html(page(head, h1=summary), "long")
    assert art.title == "Council expands bus network to northern suburbs"
