"""lines_before_headline: extracted lines the page prints above its headline, on hand-made pages."""
from __future__ import annotations

from reportedly.ingest.html.steps.headline_start import lines_before_headline
from reportedly.ingest.html import parse_html

PROMO = "Free standard shipping on orders $40 or more. See our shipping page"
BODY = [
    "The harbour authority approved a plan on Monday to dredge the eastern channel, which has "
    "silted up so badly that the larger ferries can no longer dock at low tide.",
    "Work is due to start in the autumn and last about four months.",
]
TITLE = "Harbour to dredge the eastern channel"


def _page(top: str, under: str = "", after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<html><body><div class='promo'>{top}</div><main><h1>{TITLE}</h1>{under}"
            f"{paragraphs}</main>{after}</body></html>")


def test_promotion_bar_above_the_headline_is_cut():
    tree = parse_html(_page(f"<span>{PROMO}</span>"))
    assert lines_before_headline(tree, [PROMO, *BODY], TITLE) == 1


def test_a_line_also_printed_under_the_headline_stays():
    # A table of contents above the headline lists the article's first heading.
    tree = parse_html(_page("<a>Introduction</a>", under="<h2>Introduction</h2>"))
    assert lines_before_headline(tree, ["Introduction", *BODY], TITLE) == 0


def test_no_headline_h1_no_cut():
    tree = parse_html(_page(f"<span>{PROMO}</span>"))
    assert lines_before_headline(tree, [PROMO, *BODY], "Another title") == 0


def test_a_copy_of_the_headline_far_below_the_article_is_not_its_start():
    # The article is printed first; the only <h1> sits in a "republish" box after it.
    filler = " ".join(["word"] * 500)
    page = ("<html><body>" + "".join(f"<p>{p}</p>" for p in BODY)
            + f"<div class='republish'><h1>{TITLE}</h1><p>{filler}</p><p>Republish terms apply"
            " to this story</p></div></body></html>")
    lines = [*BODY, "Republish terms apply to this story"]
    assert lines_before_headline(parse_html(page), lines, TITLE) == 0


def test_every_line_above_the_headline_keeps_them_all():
    tree = parse_html(_page(f"<span>{PROMO}</span>"))
    assert lines_before_headline(tree, [PROMO], TITLE) == 0


def test_only_punctuation_after_the_leading_lines_is_no_cut():
    # Every line with words is printed before the headline: cutting them would leave nothing.
    tree = parse_html(_page(f"<span>{PROMO}</span>"))
    assert lines_before_headline(tree, [PROMO, "* * *", "|"], TITLE) == 0
