"""furniture_lines: teaser excerpts, calls to action, pop-ups and disclaimers, on hand-made pages."""
from __future__ import annotations

from reportedly.ingest.html import parse_html
from reportedly.ingest.html.steps.furniture_blocks import furniture_lines

ARTICLE = ("The harbour authority approved a plan on Monday to dredge the eastern channel, which "
           "has silted up so badly that the larger ferries can no longer dock at low tide.")
TEASERS = ["Navigating the disability claims process can be overwhelming while dealing with a",
           "When the agency denies your claim, it can feel like you have hit a dead end. Many"]


def _cards(texts: list[str], cls: str = "post__excerpt") -> str:
    return "".join(f"<article><h3>Post</h3><div class='{cls}'>{t}</div></article>" for t in texts)


def test_excerpts_of_two_teaser_cards_are_found():
    page = f"<html><body><p>{ARTICLE}</p>{_cards(TEASERS)}</body></html>"
    assert furniture_lines(parse_html(page), [ARTICLE, *TEASERS]) == {1, 2}


def test_one_excerpt_is_a_standfirst_and_stays():
    page = f"<html><body>{_cards(TEASERS[:1])}<p>{ARTICLE}</p></body></html>"
    assert furniture_lines(parse_html(page), [TEASERS[0], ARTICLE]) == set()


def test_an_article_wrapped_in_an_excerpt_class_stays():
    # A theme that names its body wrapper "…_excerpt": the block is article-sized.
    body = " ".join([ARTICLE] * 6)
    page = (f"<html><body><div class='blog_excerpt'><p>{body}</p></div>"
            f"{_cards(TEASERS[:1])}</body></html>")
    assert furniture_lines(parse_html(page), [body, TEASERS[0]]) == set()



def test_a_listicle_made_of_excerpts_stays():
    # The excerpts are the entries of a list article and hold most of its words.
    page = f"<html><body><p>{ARTICLE[:60]}</p>{_cards(TEASERS)}</body></html>"
    assert furniture_lines(parse_html(page), [ARTICLE[:60], *TEASERS]) == set()

def test_calls_to_action_popups_and_disclaimers_are_found():
    cta = "Book a free consultation with our team of injury lawyers today"
    popup = "Join our mailing list to get the latest offers in your inbox"
    note = "This article is for information only and is not financial advice"
    page = (f"<html><body><p>{ARTICLE}</p><div class='wp-block-cta'><p>{cta}</p></div>"
            f"<div class='newsletter-popup'><p>{popup}</p></div>"
            f"<p class='post-disclaimer'>{note}</p></body></html>")
    assert furniture_lines(parse_html(page), [ARTICLE, cta, popup, note]) == {1, 2, 3}


def test_an_article_inside_a_so_named_wrapper_stays():
    # A layout class on the article's wrapper ("has-cta") is not a call to action.
    body = " ".join([ARTICLE] * 6)
    page = f"<html><body><div class='layout has-cta'><p>{body}</p></div></body></html>"
    assert furniture_lines(parse_html(page), [body]) == set()


def test_class_words_are_read_as_words():
    # "cta" inside another word ("factable") names nothing.
    page = f"<html><body><div class='factable'><p>{ARTICLE}</p></div></body></html>"
    assert furniture_lines(parse_html(page), [ARTICLE]) == set()


def test_a_page_wide_wrapper_does_not_hide_the_dialogs_in_it():
    popup = "Join our mailing list to get the latest offers in your inbox"
    body = " ".join([ARTICLE] * 6)
    page = (f"<html><body><div class='modal-open'><p>{body}</p>"
            f"<div class='popup'><p>{popup}</p></div></div></body></html>")
    assert furniture_lines(parse_html(page), [body, popup]) == {1}


def test_banners_and_subscription_boxes_are_found_in_sections_and_asides():
    banner = "Save twenty percent on every annual plan until the end of the month"
    box = "Get the weekly briefing delivered to your inbox every Friday morning"
    page = (f"<html><body><section class='offer-banner'><p>{banner}</p></section>"
            f"<p>{ARTICLE}</p><aside class='subscribe-box'><p>{box}</p></aside></body></html>")
    assert furniture_lines(parse_html(page), [banner, ARTICLE, box]) == {0, 2}
