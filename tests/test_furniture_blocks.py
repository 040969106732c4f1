"""furniture_lines: teaser excerpts, calls to action, pop-ups and disclaimers, on hand-made pages."""
from __future__ import annotations

from reportedly.ingest.html import parse_html
from reportedly.ingest.furniture_blocks import furniture_lines, stream_lines

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



# A story stream: each card a box of its own, a heading wholly a link to another page over one
# paragraph, the excerpt ("… police said."), which reads like reported speech.
STREAM = ["A man was arrested after a car crashed into a bakery on Main Street, police said on Friday.",
          "The city council voted to close the old library, the mayor said in a statement on Tuesday."]
BODY = [" ".join([ARTICLE] * 2), "The work will take two years and cost about 40 million dollars, "
        "the authority said, and the ferries will keep running while the channel is dredged."] * 2


def _stream(texts: list[str]) -> str:
    return "".join(f"<li><div><h3><a href='/news/story-{i}.html'>Story {i}</a></h3><p>{t}</p></div></li>"
                   for i, t in enumerate(texts))


def _paragraphs(texts: list[str]) -> str:
    return "<div>" + "".join(f"<p>{t}</p>" for t in texts) + "</div>"


def _streamed(page: str, lines: list[str]) -> set[int]:
    return stream_lines(parse_html(page), lines, list(range(len(lines))))


def test_a_story_stream_before_or_after_the_story_is_found():
    before = f"<html><body><ul>{_stream(STREAM)}</ul>{_paragraphs(BODY)}</body></html>"
    assert _streamed(before, [*STREAM, *BODY]) == {0, 1}
    after = f"<html><body>{_paragraphs(BODY)}<ul>{_stream(STREAM)}</ul></body></html>"
    assert _streamed(after, [*BODY, *STREAM]) == {4, 5}


def test_a_stream_teaser_repeating_the_lead_takes_only_its_own_line():
    # The teaser of the page's own story repeats its first two paragraphs in one excerpt: the
    # body's paragraphs are not that excerpt and stay.
    lead = f"{BODY[0]} {BODY[1]}"
    page = f"<html><body><ul>{_stream([lead, STREAM[0]])}</ul>{_paragraphs(BODY)}</body></html>"
    assert _streamed(page, [lead, STREAM[0], *BODY]) == {0, 1}


def test_cards_inside_the_text_are_a_list_articles_entries():
    # "Channels worth following", each a linked card, between the article's paragraphs.
    page = (f"<html><body>{_paragraphs(BODY[:2])}<ul>{_stream(STREAM)}</ul>"
            f"{_paragraphs(BODY[2:])}</body></html>")
    assert _streamed(page, [*BODY[:2], *STREAM, *BODY[2:]]) == set()


def test_sections_opening_with_a_linked_heading_in_the_body_stay():
    # A list article's entries are siblings in its body, not boxes of their own.
    entries = "".join(f"<h3><a href='https://example.org/{i}'>Place {i}</a></h3><p>{t}</p>"
                      for i, t in enumerate(STREAM))
    page = f"<html><body><div>{entries}<p>{BODY[0]}</p><p>{BODY[1]}</p></div></body></html>"
    assert _streamed(page, [*STREAM, BODY[0], BODY[1]]) == set()


def test_a_page_made_of_cards_keeps_them():
    # Without the cards too little is left to be an article: they are the page.
    page = f"<html><body><p>Our picks this week.</p><ul>{_stream(STREAM)}</ul></body></html>"
    assert _streamed(page, ["Our picks this week.", *STREAM]) == set()
