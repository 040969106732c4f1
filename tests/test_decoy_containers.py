"""A small block classed like an article container before the article does not hide it."""
from __future__ import annotations

from reportedly.ingest.decoy_containers import unmask_article_container
from reportedly.ingest.html import parse_html, read_html
from test_html import PARAGRAPHS

QUESTIONS = ["How many buses will run on the new routes?", "When will the first routes open?"]


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
    unmask_article_container(tree)
    crumbs = tree.find(".//body/div")
    assert crumbs.get("class") is None and crumbs.get("id") is None
    assert crumbs.get("data-class") == "page-content-breadcrumbs"
    assert crumbs.get("data-id") == "crumbs"
    assert tree.find(".//body/div[2]/div").get("class") == "basic-content article-body"


def test_a_short_first_block_is_kept_when_no_later_one_holds_an_article():
    tree = parse_html("<html><body><div class='page-content'><p>Short news.</p></div>"
                      "<div class='entry-content'><p>Another short one.</p></div></body></html>")
    unmask_article_container(tree)
    assert tree.find(".//body/div").get("class") == "page-content"
