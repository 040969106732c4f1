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


def test_a_declared_headline_cut_at_a_length_limit_gives_way_to_the_whole_one():
    whole = ("Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 Readers "
             "Find Solutions (Including One Universal Trick That 9/10 Works)")
    cut = whole[:whole.index(" One Universal")]
    ld = ('<script type="application/ld+json">{"@type": "Article", "headline": "%s"}</script>' % cut)
    head = (f"{ld}<meta property='og:title' content='{whole} - Emily Henderson'>"
            "<meta property='og:site_name' content='Emily Henderson'>")
    assert read_html(page(head, h1=None), "cut").title == whole
    # A shorter title that the longer one extends after a separator is a headline of its own.
    head = ("<title>Best Moving Companies in New York (2025) – Top Local &amp; Long-Distance "
            "Movers</title><meta property='og:title' content='Best Moving Companies in New York (2025)'>")
    assert read_html(page(head, h1=None), "sub").title == "Best Moving Companies in New York (2025)"


def test_the_site_name_printed_in_the_h1_after_the_headline_is_dropped():
    head = "<meta property='og:site_name' content='Artlyst'>"
    art = read_html(page(head, h1="Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst"), "h1site")
    assert art.title == "Critics’ Choice: Best UK Art Exhibitions 2025"


def test_a_label_before_the_headline_in_its_own_element_is_not_part_of_it():
    h1 = "<strong>Blog:</strong> Council expands bus network to northern suburbs"
    art = read_html(page(h1=h1), "label")
    assert art.title == "Council expands bus network to northern suburbs"
    assert not art.text.startswith("Blog:")  # the headline's line is still the headline
    # A headline that is a label and a phrase of one piece keeps it.
    art = read_html(page(h1="Opinion: <em>why</em> the buses matter"), "kicker")
    assert art.title == "Opinion: why the buses matter"
