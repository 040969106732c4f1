"""teaser_excerpt_lines: excerpts of other posts' teaser cards, on hand-made pages."""
from __future__ import annotations

from reportedly.ingest.html import parse_html
from reportedly.ingest.teaser_excerpts import teaser_excerpt_lines

ARTICLE = ("The harbour authority approved a plan on Monday to dredge the eastern channel, which "
           "has silted up so badly that the larger ferries can no longer dock at low tide.")
TEASERS = ["Navigating the disability claims process can be overwhelming while dealing with a",
           "When the agency denies your claim, it can feel like you have hit a dead end. Many"]


def _cards(texts: list[str], cls: str = "post__excerpt") -> str:
    return "".join(f"<article><h3>Post</h3><div class='{cls}'>{t}</div></article>" for t in texts)


def test_excerpts_of_two_teaser_cards_are_found():
    page = f"<html><body><p>{ARTICLE}</p>{_cards(TEASERS)}</body></html>"
    assert teaser_excerpt_lines(parse_html(page), [ARTICLE, *TEASERS]) == {1, 2}


def test_one_excerpt_is_a_standfirst_and_stays():
    page = f"<html><body>{_cards(TEASERS[:1])}<p>{ARTICLE}</p></body></html>"
    assert teaser_excerpt_lines(parse_html(page), [TEASERS[0], ARTICLE]) == set()


def test_an_article_wrapped_in_an_excerpt_class_stays():
    # A theme that names its body wrapper "…_excerpt": the block is article-sized.
    body = " ".join([ARTICLE] * 6)
    page = (f"<html><body><div class='blog_excerpt'><p>{body}</p></div>"
            f"{_cards(TEASERS[:1])}</body></html>")
    assert teaser_excerpt_lines(parse_html(page), [body, TEASERS[0]]) == set()
