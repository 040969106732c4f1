"""Teasers of other stories inside the body: a label announcing a linked headline."""
from reportedly.ingest.html import read_html
from reportedly.ingest.html.steps.linked_teasers import announced_links

ARTICLE = ["The council approved the harbour plan on Monday after a long debate about ferries.",
           "The mayor said the first ferries would run in the spring, weather permitting.",
           "Officials said the cost would be shared between the city and the port authority."]


def test_a_label_announcing_a_linked_headline_is_a_teaser():
    lines = ARTICLE[:1] + ["[Read: Why the ferry fares doubled]", "Related: Harbour fees to rise",
                           "READ MORE: A guide to the new timetable"] + ARTICLE[1:]
    links = {"Why the ferry fares doubled", "Harbour fees to rise", "A guide to the new timetable"}
    assert announced_links(lines, lambda: links) == [1, 2, 3]


def test_a_label_over_prose_or_an_unlinked_line_is_text():
    lines = ["Read more about the plan on the council's website.",
             "Related: costs rose sharply in 2024, the report said.", "See also: the appendix"]
    assert announced_links(lines, lambda: {"the council's website"}) == []


def test_the_teaser_is_left_out_with_its_step_named():
    body = ("<p>" + ARTICLE[0] + "</p><p class='interstitial'>[Read: <a href='/other'>Why the ferry "
            "fares doubled</a>]</p>" + "".join(f"<p>{p}</p>" for p in ARTICLE[1:]))
    page = (f"<html><head><title>Harbour plan approved</title></head><body><article>"
            f"<h1>Harbour plan approved</h1>{body}</article></body></html>")
    art = read_html(page, "t")
    assert "ferry fares doubled" not in art.text
    assert [o.step for o in art.boilerplate if "fares" in o.text] == ["linked_teasers"]
