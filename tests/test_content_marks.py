"""Article blocks whose class or id trafilatura takes for boilerplate are unmarked and read."""
from __future__ import annotations

import pytest

from reportedly.ingest.html.prepare.content_marks import unmark_content_blocks
from reportedly.ingest.html import parse_html, read_html
from test_html import PARAGRAPHS

SECTION = [
    "Menus that change with the seasons let a kitchen buy what local farms have in plenty, and "
    "diners come back to see what is new on the board each month of the year.",
    "Chefs who plan a season ahead can agree prices with growers early, which keeps costs down "
    "and gives the farms a buyer they can count on when the harvest comes in.",
]


def _page(block: str) -> str:
    # The block follows the article's other paragraphs: alone on a page, trafilatura keeps it
    # whatever its class (it never removes nearly all of a page's text).
    lede = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html lang='en'><head><title>Seasonal menus</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>How restaurants plan seasonal menus</h1>{lede}{block}</article>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in SECTION)


@pytest.mark.parametrize("block", [
    # A section anchored by its heading's slug: "menu" reads as navigation to trafilatura.
    "<div id='menu-innovation-for-seasonal-dining'><h2>Menu innovation for seasonal dining</h2>"
    f"{_paragraphs()}</div>",
    # An accordion whose modifier class names its icon style.
    f"<div class='kt-accordion-wrap kt-accordion-icon-style-arrow'><h2>Planning</h2>{_paragraphs()}</div>",
    # The same accordion holding lists of prose (plans, features) rather than paragraphs.
    "<div class='kt-accordion-wrap kt-accodion-icon-style-basic'><h2>Plans</h2><ul>"
    + "".join(f"<li>{p}</li>" for p in SECTION) + "</ul></div>",
    # A comparison table in a block whose class holds "yin" (one site's word in trafilatura's
    # list) inside "buying".
    "<div class='buying-guide-table'><table><tr><th>Plan</th><th>What it gives</th></tr>"
    + "".join(f"<tr><td>Plan {i}</td><td>{p}</td></tr>" for i, p in enumerate(SECTION))
    + "</table></div>",
    # The wrapper of a page with a sidebar.
    f"<div class='site-content with-sidebar'><h2>Planning</h2>{_paragraphs()}</div>",
    # Accordion panels hidden by the hidden attribute, the accordion named in a data attribute.
    "<section data-embed='accordion' class='embed'><div data-theme-key='accordion-wrapper'>"
    + "".join(f"<div><h3><button aria-expanded='false'>Point {i}</button></h3>"
              f"<div aria-hidden='true' hidden><p>{p}</p></div></div>"
              for i, p in enumerate(SECTION)) + "</div></section>",
    # A box of text in a bare <div> among the article's paragraphs (an "Updates:" note).
    f"<div class='special-container'><strong>Updates:</strong>&nbsp;{SECTION[0]}</div>"
    f"<p>{SECTION[1]}</p>",
    # A site builder's "embed" block holding a list of prose items (a mover's services).
    "<div class='mover-profile embed'><h2>Services</h2><ul>"
    + "".join(f"<li>{p}</li>" for p in SECTION) + "</ul></div>",
    # HubSpot's rich-text field of a post ("meta" is HubSpot's word for a template field).
    "<span class='hs_cos_wrapper hs_cos_wrapper_meta_field hs_cos_wrapper_type_rich_text'>"
    f"<h2>Planning</h2>{_paragraphs()}</span>",
    # A quotation set as a figure, with its source in the caption.
    f"<figure class='wp-block-pullquote'><blockquote><p>{SECTION[0]}</p><p>{SECTION[1]}</p>"
    "</blockquote><figcaption>Ana Ruiz, chef</figcaption></figure>",
    # FAQ answers in collapsed accordion panels, hidden until the reader opens them.
    "<h2>FAQ</h2>" + "".join(
        f"<h3>Question {i}?</h3><div id='faq-content-{i}' class='accordion-content hidden'"
        f" style='height:0;overflow:hidden' aria-hidden='true'><p>{p}</p></div>"
        for i, p in enumerate(SECTION)),
])
def test_article_block_with_a_boilerplate_word_is_read(block):
    article = read_html(_page(block), "p")
    for paragraph in SECTION:
        assert paragraph in article.text


def test_unmarking_keeps_other_class_names_and_the_anchor():
    tree = parse_html(
        "<html><body><div id='menu-innovation-for-seasonal-dining' class='a b-icon-style c'>"
        f"<h2>Menu innovation for seasonal dining</h2>{_paragraphs()}</div></body></html>")
    unmark_content_blocks(tree)
    block = tree.find(".//div")
    assert block.get("class") == "a c"
    assert block.get("id") is None
    assert block.get("data-anchor") == "menu-innovation-for-seasonal-dining"


@pytest.mark.parametrize("html", [
    # A real sidebar, a real icon and a real menu keep their marks.
    f"<aside class='sidebar'>{_paragraphs()}</aside>",
    "<span class='share-icon'>Share</span>",
    # An icon list of links (a footer menu) is not prose.
    "<ul class='elementor-icon-list-items'><li><a href='/a'>Our services for homes and small "
    "businesses</a></li><li><a href='/b'>Our offices in the city centre and the suburbs</a></li></ul>",
    # "Paying" in a capitalised class word: a paywall's switch, not a word part.
    f"<div class='PicoSignal HideWhenPaying'>{_paragraphs()}</div>",
    f"<div id='main-menu-links'><h2>Our menus</h2>{_paragraphs()}</div>",
    # An embedded post is not a quotation of the article's.
    "<figure class='wp-block-embed is-provider-twitter'><blockquote class='twitter-tweet'>"
    "<p>Buses!</p></blockquote></figure>",
    # A share widget's list items are links, however long their text.
    "<div class='social-embed'><ul><li><a href='/f'>Share this article on Facebook with your "
    "friends</a></li><li><a href='/t'>Share this article on Twitter with your followers</a></li>"
    "</ul></div>",
    # A hidden dialog far from any accordion stays hidden.
    "<div class='faq-page'><div><div><div id='login' aria-hidden='true' hidden><p>Log in</p>"
    "</div></div></div></div>",
    # A phone's collapsed navigation menu stays hidden.
    "<div class='accordion-nav hidden' style='display:none'><p>Home</p><p>News</p></div>",
    # One paragraph is not a block of the article.
    f"<div class='site-content with-sidebar'><p>{SECTION[0]}</p></div>",
])
def test_other_marks_are_left_alone(html):
    tree = parse_html(f"<html><body>{html}</body></html>")
    before = [(el.tag, el.get("class"), el.get("id")) for el in tree.iter()]
    unmark_content_blocks(tree)
    assert [(el.tag, el.get("class"), el.get("id")) for el in tree.iter()] == before


def test_a_captioned_or_promoted_text_div_stays_a_div():
    paragraphs = "".join(f"<p>{p}</p>" for p in SECTION)
    tree = parse_html(
        f"<html><body><article>{paragraphs}"
        "<div class='background-credits'>Paris Baguette opened eighty bakeries in North America "
        "this year, with more planned for next year. | Photo by Lisa Jennings</div>"
        "<div class='blog-cta-snippet'>Looking for some personalized answers about your "
        "retirement plan? Our partner helps you build one and keep it on track.</div>"
        "<div>Too short to be a paragraph.</div></article></body></html>")
    unmark_content_blocks(tree)
    assert [el.tag for el in tree.find(".//article")] == ["p", "p", "div", "div", "div"]
