"""A small block classed like an article container before the article does not hide it."""
from __future__ import annotations

from reportedly.ingest.html.prepare.article_container import mark_article_container
from reportedly.ingest.html import parse_html, read_html
from test_html import PARAGRAPHS

QUESTIONS = ["How many buses will run on the new routes?", "When will the first routes open?"]

# Four long paragraphs: the page's prose block.
PROSE = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)


def _marked(body: str):
    """The page holding ``body``, parsed and with its article container marked."""
    tree = parse_html(f"<html><body>{body}</body></html>")
    mark_article_container(tree)
    return tree


def _page(crumbs: str) -> str:
    # Headings and a list between the paragraphs: trafilatura's fallback extractors, which
    # take over when its container search reads the breadcrumbs, keep paragraphs only.
    body = "".join(f"<h2>{q}</h2><p>{p}</p>" for q, p in zip(QUESTIONS, PARAGRAPHS))
    body += "<ul><li>Route 12 to the northern suburbs</li><li>Route 14 to the airport</li></ul>"
    body += "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)  # an article's length
    return (
        "<html lang='en'><head><title>Buses</title></head><body>"
        f"{crumbs}<h1>The council votes for more buses</h1>"
        f"<div class='wrap'><div class='basic-content article-body'>{body}</div></div></body></html>"
    )


def test_breadcrumbs_classed_as_page_content_do_not_hide_the_article():
    crumbs = ("<div class='page-content-breadcrumbs'><a href='/'>Home</a> / "
              "<a href='/news'>News</a></div>")
    article = read_html(_page(crumbs), "p")
    for heading in QUESTIONS:
        assert heading in article.text
    assert "Route 12 to the northern suburbs" in article.text


def test_the_decoy_keeps_its_names_under_data_attributes():
    tree = parse_html(_page("<div id='crumbs' class='page-content-breadcrumbs'>Home</div>"))
    mark_article_container(tree)
    crumbs = tree.find(".//body/div")
    assert crumbs.get("class") is None and crumbs.get("id") is None
    assert crumbs.get("data-class") == "page-content-breadcrumbs"
    assert crumbs.get("data-id") == "crumbs"
    assert tree.find(".//body/div[2]/div").get("class") == "basic-content article-body"


def test_a_short_first_block_is_kept_when_no_later_one_holds_an_article():
    tree = parse_html("<html><body><div class='page-content'><p>Short news.</p></div>"
                      "<div class='entry-content'><p>Another short one.</p></div></body></html>")
    mark_article_container(tree)
    assert tree.find(".//body/div").get("class") == "page-content"


def _builder_page(intro: str) -> str:
    # A site builder's page: no container class, no <article>; headings between paragraphs.
    body = "".join(f"<h3>{q}</h3><p>{p} {p}</p>" for q, p in zip(QUESTIONS, PARAGRAPHS))
    body += "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)
    return (
        "<html lang='en'><head><title>Buses</title></head><body>"
        "<div class='navbar'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<div class='text'>Blog</div><div class='section blog-template'>{intro}"
        f"<div class='w-richtext'>{body}</div></div>"
        "<div class='footer-links'><p>Contact us</p></div></body></html>"
    )


def test_the_block_holding_the_prose_is_named_when_no_class_names_one():
    tree = parse_html(_builder_page("<h1>The council votes for more buses</h1>"))
    mark_article_container(tree)
    # The wrapper that adds only the headline to the text block is taken.
    assert tree.find(".//body/div[3]").get("class") == "section blog-template article-body"
    assert tree.find(".//body/div[3]/div").get("class") == "w-richtext"


def test_the_prose_block_does_not_grow_over_a_menu_of_links():
    # The wrapper adds under 1.3x the prose block's text, but what it adds is a menu: links.
    body = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)
    menu = "".join(f"<li><a href='/s{i}'>Our service number {i} for you</a></li>" for i in range(12))
    tree = parse_html(f"<html><body><div class='app'><div class='text'>{body}</div>"
                      f"<ul>{menu}</ul></div></body></html>")
    mark_article_container(tree)
    assert tree.find(".//body/div").get("class") == "app"
    assert tree.find(".//body/div/div").get("class") == "text article-body"


def test_a_step_up_that_adds_a_back_link_only_is_taken():
    body = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)
    tree = parse_html(f"<html><body><div class='wrap'><a href='/blog'>Back to the blog</a>"
                      f"<div class='text'>{body}</div></div></body></html>")
    mark_article_container(tree)
    assert tree.find(".//body/div").get("class") == "wrap article-body"


def test_a_rich_text_field_split_in_two_is_named_with_both_parts():
    # The intro is a first rich-text block, the article a second one after a call to action;
    # the intro (with its list) is too long for the 1.3x growth test alone.
    intro = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    intro += "<ul>" + "".join(f"<li>{q}</li>" for q in QUESTIONS * 3) + "</ul>"
    body = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS * 2)
    tree = parse_html(
        f"<html><body><div class='blog-main'><div class='w-richtext'>{intro}</div>"
        "<div class='cta'>Book a demo with our team today</div>"
        f"<div class='w-richtext'>{body}</div></div></body></html>")
    mark_article_container(tree)
    assert tree.find(".//body/div").get("class") == "blog-main article-body"


def test_prose_spread_over_several_blocks_is_left_to_trafilatura():
    half = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS)
    tree = parse_html(f"<html><body><div class='a'>{half}</div><div class='b'>{half}</div>"
                      "</body></html>")
    mark_article_container(tree)
    assert [d.get("class") for d in tree.iter("div")] == ["a", "b"]


def test_an_article_split_into_sections_is_named_as_a_whole():
    sections = "".join(f"<div class='section'><h2>{q}</h2><p>{p} {p}</p><p>{p}</p></div>"
                       for q, p in zip(QUESTIONS * 2, PARAGRAPHS))
    tree = _marked("<div class='navbar'><a href='/'>Home</a></div>"
                   f"<div class='sections'>{sections * 2}</div>"
                   "<div class='footer-links'><p>Contact us</p></div>")
    assert tree.find(".//body/div[2]").get("class") == "sections article-body"
    assert [d.get("class") for d in tree.iter("div")].count("section") == 8


def test_small_named_blocks_give_way_to_the_prose_block():
    tree = _marked("<div class='featured-post-content'><a href='/x'>Another post</a></div>"
                   f"<div class='wrap'><div class='w-richtext'>{PROSE}</div></div>")
    assert tree.find(".//body/div").get("data-class") == "featured-post-content"
    assert tree.find(".//body/div[2]").get("class") == "wrap article-body"


def test_a_teaser_article_does_not_stand_for_the_page_s_prose():
    # trafilatura reads the first <article> when no block is named a container; here it is a
    # teaser card, and the page's prose sits in a plain block elsewhere.
    tree = _marked("<article class='card'><a href='/x'>Another post</a></article>"
                   f"<div class='wrap'><div class='list-items'>{PROSE}</div></div>"
                   "<article class='card'><a href='/y'>A third post</a></article>")
    assert tree.find(".//body/div").get("class") == "wrap article-body"


def test_an_article_holding_the_prose_is_left_to_trafilatura():
    tree = parse_html(f"<html><body><article><div class='text'>{PROSE}</div></article></body></html>")
    mark_article_container(tree)
    assert tree.find(".//body//div").get("class") == "text"


def test_the_thresholds_are_options():
    # A decoy is a block of at most PrepareOptions.decoy_max_words words: with a lower bound the
    # same breadcrumbs (four words) are no decoy, and keep their names.
    from dataclasses import replace

    from reportedly.ingest.html.options import DEFAULT_OPTIONS

    page = _page("<div class='page-content-breadcrumbs'>Home / News / Local / Buses</div>")
    strict = replace(DEFAULT_OPTIONS.prepare, decoy_max_words=3)
    for options, hidden in ((DEFAULT_OPTIONS.prepare, True), (strict, False)):
        tree = parse_html(page)
        mark_article_container(tree, options)
        assert (tree.find(".//body/div").get("class") is None) is hidden
