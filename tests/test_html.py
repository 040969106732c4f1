"""read_html on small hand-made pages: metadata sources, cleaning, charsets, boilerplate, errors."""
from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from reportedly.errors import InputError
from reportedly.ingest.html import parse_html, read_html

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the bus network to the northern suburbs, "
    "ending a debate that had lasted more than two years.",
    "“This is the biggest change to public transport here in a generation,” said Maria Lopez, "
    "who chairs the transport committee, after the vote.",
    "Opponents argued that the plan would cost far more than the budget allows, and that the "
    "money would be better spent on repairing roads that have been neglected for a decade.",
    "The first new routes are expected to open next spring, according to the council's own "
    "timetable, with the rest following over the next three years.",
    "Residents of the northern suburbs have long complained that they have no way to reach the "
    "city centre without a car, and several local groups welcomed the decision.",
]


def page(head: str = "", top: str = "", paragraphs=PARAGRAPHS, between: dict | None = None,
         h1: str | None = "Council expands bus network to northern suburbs") -> str:
    """A plain article page; ``between`` maps a paragraph index to HTML inserted before it."""
    between = between or {}
    body = "".join(f"{between.get(i, '')}<p>{p}</p>\n" for i, p in enumerate(paragraphs))
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article>{heading}{top}{body}</article>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def check_offsets(article) -> None:
    for para in article.paragraphs:
        assert article.text[para.start:para.end].strip() == article.text[para.start:para.end]
        assert article.text[para.start:para.end]
    assert "\n\n".join(article.text[p.start:p.end] for p in article.paragraphs) == article.text


# --- metadata sources -------------------------------------------------------------------------


def test_json_ld_graph_with_author_objects_and_dates():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example Times"},
            {
                "@type": "NewsArticle",
                "headline": "Council expands bus network to northern suburbs",
                "datePublished": "2024-03-05T18:30:00-05:00",
                "dateModified": "2024-03-06T09:00:00Z",
                "author": [{"@type": "Person", "name": "Jane Doe"},
                           {"@type": "Person", "name": "John Roe"}],
                "publisher": {"@type": "Organization", "name": "Example Times"},
            },
        ],
    }
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    art = read_html(page(head), "a1")
    assert art.title == "Council expands bus network to northern suburbs"
    assert art.bylines == ("Jane Doe", "John Roe")
    assert art.outlet == "Example Times"
    assert art.published == datetime(2024, 3, 5, 18, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert art.published.isoformat() == "2024-03-05T18:30:00-05:00"  # the page's offset is kept
    assert art.updated == datetime(2024, 3, 6, 9, 0, tzinfo=timezone.utc)
    check_offsets(art)


def test_json_ld_author_as_string_and_report_type():
    ld = {"@type": "ReportageNewsArticle", "headline": "Bus plan", "author": "By Ana Ruiz, Staff Writer",
          "datePublished": "2024-03-05"}
    art = read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", h1=None), "a2")
    assert art.bylines == ("Ana Ruiz",)
    assert art.title == "Bus plan"


def test_broken_json_ld_does_not_crash():
    head = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
    art = read_html(page(head), "a3")
    assert art.title == "Council expands bus network to northern suburbs"


def test_opengraph_and_article_meta():
    head = (
        "<meta property='og:title' content='Council expands bus network | Example Gazette'>"
        "<meta property='og:site_name' content='Example Gazette'>"
        "<meta property='article:published_time' content='2023-11-02T07:15:00+01:00'>"
        "<meta property='article:modified_time' content='2023-11-03T10:00:00+01:00'>"
        "<meta name='author' content='Sam Patel'>"
    )
    art = read_html(page(head, h1=None), "og")
    assert art.title == "Council expands bus network"
    assert art.outlet == "Example Gazette"
    assert art.bylines == ("Sam Patel",)
    assert art.published.isoformat() == "2023-11-02T07:15:00+01:00"
    assert art.updated.isoformat() == "2023-11-03T10:00:00+01:00"


def test_visible_byline_with_two_authors_is_found_and_left_out_of_the_text():
    top = "<p class='byline'>By Jane Doe and John Roe</p><p><time datetime='2022-06-01'>June 1, 2022</time></p>"
    art = read_html(page(top=top), "by")
    assert art.bylines == ("Jane Doe", "John Roe")
    assert art.published.date().isoformat() == "2022-06-01"
    assert "By Jane Doe" not in art.text
    check_offsets(art)


def test_byline_cue_and_name_in_separate_elements():
    top = "<div class='meta'><span>Written by</span> <a href='/a/kim'>Lee Kim</a></div>"
    art = read_html(page(top=top), "by2")
    assert art.bylines == ("Lee Kim",)


def test_visible_h1_beats_seo_title_about_the_same_thing():
    head = "<title>Bus network expansion: northern suburbs get new routes - Example Post</title>"
    art = read_html(page(head), "h1")
    assert art.title == "Council expands bus network to northern suburbs"


def test_an_h1_that_is_the_sites_name_is_not_the_headline():
    # The blog's name as the page's first <h1>, the post's headline as a second one.
    headline = "<h1>Council expands bus network to northern suburbs</h1>"
    head = "<meta property='og:site_name' content='Jane Doe&#39;s Blog'>"
    art = read_html(page(head, top=headline, h1="Jane Doe's Blog"), "site")
    assert art.title == "Council expands bus network to northern suburbs"
    # No site name declared: "<blog>: <post>" in <title> and the post's title alone in og:title.
    head = ("<title>Transit Notes: Council expands bus network</title>"
            "<meta property='og:title' content='Council expands bus network'>")
    art = read_html(page(head, h1="Transit Notes"), "prefix")
    assert art.title == "Council expands bus network"
    # A page whose og:title is the site's name keeps its headline.
    head = ("<title>Council expands bus network to northern suburbs | Transit</title>"
            "<meta property='og:title' content='Transit'>")
    assert read_html(page(head), "og-site").title == "Council expands bus network to northern suburbs"


def test_a_later_h1_that_is_the_declared_title_beats_a_name_sharing_its_words():
    head = "<title>Council expands bus network - The City Council News</title>"
    art = read_html(page(head, top="<h1>Council expands bus network</h1>", h1="The Council Blog"), "later")
    assert art.title == "Council expands bus network"


def test_a_line_break_in_the_headline_is_a_space_and_inline_markup_is_not():
    art = read_html(page(h1="Council expands bus network (North)<br>Your guide to the new routes"), "br")
    assert art.title == "Council expands bus network (North) Your guide to the new routes"
    art = read_html(page(h1="Council doesn<span>’</span>t expand the bus network"), "inline")
    assert art.title == "Council doesn’t expand the bus network"


def test_a_date_or_a_nested_heading_inside_the_headline_is_left_out():
    art = read_html(page(h1="<time datetime='2025-12-18'>Dec 18 2025</time> Council expands bus network"), "t")
    assert art.title == "Council expands bus network"
    # Unclosed markup puts the post's meta line inside the <h1>.
    html = page(h1="Council expands bus network<h3>Posted on <time>July 1, 2024</time> by admin</h3>")
    assert read_html(html, "h3").title == "Council expands bus network"


def test_a_trailing_domain_name_is_the_outlet_even_after_a_short_headline():
    from reportedly.ingest.html.meta.clean import clean_title

    assert clean_title("GAME CHANGER | Newegg.com", None) == "GAME CHANGER"
    assert clean_title("Rates rise again | Business", None) == "Rates rise again"
    assert clean_title("Why Python 3.12 matters", None) == "Why Python 3.12 matters"


def test_page_without_any_metadata():
    art = read_html(page(h1=None), "bare")
    assert art.title is None
    assert art.bylines == ()
    assert art.published is None
    assert art.outlet is None
    assert art.text.startswith("The city council voted")
    check_offsets(art)


def test_date_only_stays_a_day_and_default_tz_applies_to_naive_times():
    # A day alone is a day (naive 00:00, as plain text and file names give it), never midnight UTC.
    head = "<meta property='article:published_time' content='2021-12-31'>"
    art = read_html(page(head), "d1")
    assert art.published == datetime(2021, 12, 31)
    assert art.published.isoformat() == "2021-12-31T00:00:00"
    tz = timezone(timedelta(hours=9))
    assert read_html(page(head), "d1", default_tz=tz).published.tzinfo is None
    head = "<meta property='article:published_time' content='2021-12-31 23:30:00'>"
    art = read_html(page(head), "d2", default_tz=tz)
    assert art.published.isoformat() == "2021-12-31T23:30:00+09:00"


# --- input handling ---------------------------------------------------------------------------


def test_gzipped_bytes():
    art = read_html(gzip.compress(page().encode("utf-8")), "gz.html.gz")
    assert "bus network" in art.text


def test_latin1_page_declaring_its_charset():
    html = page(paragraphs=[p.replace("city", "cité") for p in PARAGRAPHS]).replace(
        "<meta charset='utf-8'>", "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>")
    html = html.replace("“", '"').replace("”", '"').replace("’", "'")
    art = read_html(html.encode("latin-1"), "l1")
    assert "cité council" in art.text


def test_cp1252_page_without_declaration():
    html = page().replace("<meta charset='utf-8'>", "")
    art = read_html(html.encode("cp1252"), "cp")
    assert "“This is the biggest change" in art.text


def test_double_encoded_utf8_is_repaired():
    mangled = page().encode("utf-8").decode("latin-1").encode("utf-8")
    art = read_html(mangled, "dbl")
    assert "“This is the biggest change" in art.text


def test_truncated_and_malformed_html_does_not_crash():
    html = page()
    cut = html[: html.index(PARAGRAPHS[4][:20]) + 10]  # ends inside a paragraph, tags unclosed
    art = read_html(cut + "<div class=", "cut")
    assert "bus network" in art.text
    art = read_html("<html><body><article><p>" + "</div></span><p>".join(PARAGRAPHS) + "</td>", "bad")
    assert "Opponents argued" in art.text


def test_an_article_after_the_closing_html_tag_is_read():
    # libxml2 leaves what follows </html> (here the page's article, pasted after a site shell)
    # outside the root element; browsers show it in the body, and so must the reader.
    shell = "<html><head><title>Example Times</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    article = page(head="<meta name='author' content='Maria Lopez'>")
    art = read_html(shell + article, "two-roots")
    assert all(p[:40] in art.text for p in PARAGRAPHS)
    assert art.bylines == ("Maria Lopez",)
    check_offsets(art)


def test_stray_roots_are_merged_into_head_and_body_in_order():
    tree = parse_html("<html><body><p>one</p></body></html>"
                      "<html><head><title>t</title></head><body>loose <p>two</p> tail</body></html>")
    assert list(tree.itersiblings()) == []
    assert tree.find("head/title").text == "t"
    assert [t.strip() for t in tree.find("body").itertext()] == ["one", "loose", "two", "tail"]


@pytest.mark.parametrize("data", [b"", "   ", b"\n\t "])
def test_empty_input_raises(data):
    with pytest.raises(InputError, match="empty"):
        read_html(data, "empty")


def test_page_without_article_text_raises():
    with pytest.raises(InputError, match="no article text"):
        read_html("<html><head><title>Hi</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "nav")


def test_binary_data_raises_input_error():
    data = bytes(range(256)) * 40
    with pytest.raises(InputError, match="binary"):
        read_html(data, "img.png")


def test_control_characters_inside_a_page_are_dropped_not_fatal():
    # A corrupt stretch in the middle of a page: too little for it to look binary, but lxml
    # refuses such characters in any text a step moves.
    paragraphs = [PARAGRAPHS[0][:40] + "\x01\x02\x0b\x0c\x1f" + PARAGRAPHS[0][40:], *PARAGRAPHS[1:]]
    html = page(top="<script>var x = 1;</script><p>\x03</p>", paragraphs=paragraphs)
    art = read_html(html.encode("utf-8"), "ctrl")
    assert PARAGRAPHS[0][:40] in art.text and not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", art.text)
    # Half an emoji in text handed over as str (a JSON Lines record's "\ud83d" escape).
    art = read_html(page(paragraphs=paragraphs).replace("first", "first \ud83d"), "surrogate")
    assert PARAGRAPHS[-1] in art.text


def test_elements_nested_beyond_python_recursion_are_read():
    deep = "<div>" * 1500 + "<p>A note at the bottom of a deeply nested layout.</p>" + "</div>" * 1500
    art = read_html(page(top=deep), "deep")
    assert PARAGRAPHS[-1] in art.text
    # The headline's own text, read by the same kind of walk.
    h1 = "<span>" * 1500 + "Council expands bus network" + "</span>" * 1500
    assert read_html(page(h1=h1), "deep-h1").title == "Council expands bus network"


def test_lists_nested_too_deeply_for_trafilatura_are_a_clear_error():
    deep = "<ul><li>" * 900 + "item" + "</li></ul>" * 900
    with pytest.raises(InputError, match="nests its lists too deeply"):
        read_html(page(top=deep), "lists")


def test_json_ld_nested_thousands_deep_is_ignored():
    ld = "<script type='application/ld+json'>" + '{"a":' * 3000 + "1" + "}" * 3000 + "</script>"
    assert read_html(page(head=ld), "ld").title == "Council expands bus network to northern suburbs"


def test_a_chinese_page_is_read_not_taken_for_an_empty_one():
    # Written without spaces, each paragraph is one "word" to str.split(); the pipeline, not the
    # reader, says that reportedly does not analyse Chinese.
    paragraphs = ["市议会周一批准了一项计划，将公交网络扩展到北部郊区，新线路明年开通。"] * 3
    art = read_html(page(paragraphs=paragraphs, h1="市议会扩大公交网络"), "zh")
    assert paragraphs[0] in art.text


def test_corrupt_gzip_raises_input_error():
    with pytest.raises(InputError, match="gzip"):
        read_html(b"\x1f\x8b\x08\x00garbage-not-deflate", "bad.gz")


# --- boilerplate ------------------------------------------------------------------------------


def test_boilerplate_lines_are_left_out_and_recorded():
    between = {
        1: "<p>Advertisement</p>",
        2: "<p>Also read: Ten things to know about the new bus routes</p>",
        3: "<p>Sign up for our newsletter to get the news delivered to your inbox.</p>",
        4: "<p>Photo: Jane Smith/Reuters</p>",
    }
    art = read_html(page(between=between), "bp")
    for junk in ("Advertisement", "Also read", "Sign up", "Photo: Jane Smith"):
        assert junk not in art.text
    assert len(art.paragraphs) == len(PARAGRAPHS)
    check_offsets(art)
    left_out = [s.text for s in art.boilerplate]
    assert "Advertisement" in left_out
    assert "Photo: Jane Smith/Reuters" in art.image_credits
    # a zero-width span where the line was
    for span in art.boilerplate:
        assert span.start == span.end and 0 <= span.start <= len(art.text)


def test_prose_mentioning_a_newsletter_is_kept():
    paras = PARAGRAPHS[:4] + ["The council said it would announce the timetable in its weekly "
                              "newsletter, which is sent to every household in the district."]
    art = read_html(page(paragraphs=paras), "nl")
    assert "weekly newsletter" in art.text


# --- weighing sources against each other ------------------------------------------------------


def _ld_page(top: str) -> str:
    ld = {"@type": "NewsArticle", "headline": "Council expands bus network to northern suburbs",
          "datePublished": "2020-01-01T10:00:00+00:00", "dateModified": "2024-05-06T10:00:00+00:00"}
    return page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", top=top)


def test_date_printed_beside_the_headline_wins_over_declared():
    art = read_html(_ld_page("<div class='meta'><span>March 3, 2024</span></div>"), "p1")
    assert art.published.date().isoformat() == "2024-03-03"
    assert art.updated.date().isoformat() == "2024-05-06"



def test_a_note_of_the_original_publication_names_the_earlier_day():
    # A guide re-dated on every update, with a note of when it first appeared.
    note = "<p><em>This article was originally published on 26 Sep 2019 at 4:12pm but has been updated.</em></p>"
    art = read_html(_ld_page(note), "orig1")
    assert art.published.date().isoformat() == "2019-09-26"
    assert art.updated.date().isoformat() == "2024-05-06"
    # Another document's first publication is not the page's; nor is a later day.
    other = ("<p>The transport report, first published on March 3, 2012, found that the buses on "
             "the northern routes ran late on most weekday mornings.</p>")
    assert read_html(_ld_page(other), "orig2").published.isoformat() == "2020-01-01T10:00:00+00:00"
    later = ("<p>Originally published March 3, 2021 in the Evening Courier, this story has been "
             "updated several times since then by our staff.</p>")
    assert read_html(_ld_page(later), "orig3").published.isoformat() == "2020-01-01T10:00:00+00:00"
    earlier = later.replace("2021", "2019")
    assert read_html(_ld_page(earlier), "orig4").published.date().isoformat() == "2019-03-03"
    # The note's own clause only: no day in it, so not the update's day of the next sentence.
    month = "<p>Originally published in March 2019. Last updated on December 20, 2019, by the desk.</p>"
    assert read_html(_ld_page(month), "orig6").published.isoformat() == "2020-01-01T10:00:00+00:00"
    blog = "<p>This blog post was originally published on the 21st of June 2017 and updated since.</p>"
    assert read_html(_ld_page(blog), "orig5").published.date().isoformat() == "2017-06-21"

def test_printed_update_stamp_is_not_the_publication_date():
    art = read_html(_ld_page("<div class='meta'><span>Updated March 3, 2024</span></div>"), "p2")
    assert art.published.isoformat() == "2020-01-01T10:00:00+00:00"
    art = read_html(_ld_page("<div class='meta'><span>May 6, 2024</span></div>"), "p3")
    assert art.published.isoformat() == "2020-01-01T10:00:00+00:00"  # = dateModified: a stamp


def _declared_at_midnight_utc(top: str, id: str):
    """A page declaring 00:04 UTC on July 5, 2025, with ``top`` printed above its body."""
    ld = {"@type": "NewsArticle", "headline": "Council expands bus network to northern suburbs",
          "datePublished": "2025-07-05T00:04:00+00:00"}
    return read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", top=top), id)


def test_printed_local_day_of_the_declared_instant_keeps_the_declared_time():
    # 00:04 UTC on July 5 is the evening of July 4 in New York: the same article, not a
    # disagreement, and the declaration's time and offset are kept.
    top = "<div class='meta'><span>July 4, 2025</span></div>"
    art = _declared_at_midnight_utc(top, "tz")
    assert art.published.isoformat() == "2025-07-05T00:04:00+00:00"
    # Two days away is a disagreement, and the printed date wins.
    art = _declared_at_midnight_utc(top.replace("July 4", "July 3"), "tz2")
    assert art.published.date().isoformat() == "2025-07-03"


def test_declared_utc_instant_is_written_at_the_pages_own_offset_on_the_printed_day():
    # The page's <time> gives its offset (-05:00); at that offset the UTC instant is the
    # printed July 4, and the instant itself is unchanged.
    top = "<div class='meta'><time datetime='2025-07-04T19:04:00-05:00'>July 4, 2025</time></div>"
    art = _declared_at_midnight_utc(top, "tz3")
    assert art.published.isoformat() == "2025-07-04T19:04:00-05:00"
    assert art.published == datetime(2025, 7, 5, 0, 4, tzinfo=timezone.utc)


def test_organisation_author_only_when_no_person():
    ld = {"@type": "NewsArticle", "headline": "Bus plan",
          "author": {"@type": "Organization", "name": "Associated Press"}}
    art = read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>"), "org")
    assert art.bylines == ("Associated Press",)
    art = read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>",
                         top="<p class='byline'>By Jane Doe</p>"), "org2")
    assert art.bylines == ("Jane Doe",)


def test_public_api_is_all():
    import reportedly.ingest.html as module

    assert module.__all__ == ["read_html", "parse_html"]
    for name in module.__all__:
        assert callable(getattr(module, name)) and getattr(module, name).__doc__


def test_one_word_widget_text_in_an_author_class_is_not_a_byline():
    top = "<div class='author-category'>Wellness</div>"
    art = read_html(page(top=top), "w1")
    assert art.bylines == ()
    ld = {"@type": "NewsArticle", "headline": "Bus plan", "author": {"@type": "Person", "name": "janedoe"}}
    art = read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>"), "w2")
    assert art.bylines == ("janedoe",)  # a declared handle is still the best the page gives


def test_twitter_card_written_by_label_gives_the_author():
    head = ("<meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' "
            "content='7 minutes'><meta name='twitter:label2' content='Written by'>"
            "<meta name='twitter:data2' content='Jane Doe'>")
    assert read_html(page(head), "tw").bylines == ("Jane Doe",)


def test_declared_author_in_lower_case_is_kept():
    ld = {"@type": "Article", "headline": "Bus plan",
          "author": {"@type": "Person", "name": "kirstin boatto"}}
    art = read_html(page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>"), "lc")
    assert art.bylines == ("kirstin boatto",)


# A one-person site speaks as "I".
FIRST_PERSON = [p.replace("The city council", "I watched as the city council", 1) + " I think my "
                "neighbours will use it." for p in PARAGRAPHS]


def test_personal_site_name_is_the_author_only_when_person_shaped():
    head = "<title>Go ahead, self-host Postgres | Pierce Freeman</title>"
    assert read_html(page(head, paragraphs=FIRST_PERSON), "own1").bylines == ("Pierce Freeman",)
    head = "<title>Preparing a transition | Colin Watson's blog</title>"
    assert read_html(page(head, paragraphs=FIRST_PERSON), "own2").bylines == ("Colin Watson",)
    head = "<meta property='og:site_name' content='Acme Design Studio'><title>Bus plan</title>"
    assert read_html(page(head), "own3").bylines == ()
    head = ("<meta property='og:site_name' content='Polly Barks'><title>Bus plan</title>")
    art = read_html(page(head, top="<p class='byline'>By Jane Doe</p>"), "own4")
    assert art.bylines == ("Jane Doe",)


@pytest.mark.parametrize("box", [
    "<div><h3>Author</h3><p>Lisa D. Ellis</p></div>",
    "<div><strong>Contributors:</strong> Lisa D. Ellis</div>",
    "<div><h2>Article by</h2><div>Lisa D. Ellis</div></div>",
])
def test_labelled_author_box_after_the_article(box):
    assert read_html(page(top="", between={4: box}), "lbl").bylines == ("Lisa D. Ellis",)


def test_label_after_the_name_is_not_read_as_a_cue():
    box = "<div><p>Lisa D. Ellis <span>Author</span></p></div>"
    assert read_html(page(between={4: box}), "lbl2").bylines != ("D. Ellis Author",)


def test_by_cue_in_a_nav_bar_inside_the_article():
    top = "<nav><span>by </span><p><a href='/a/jd'>Jane Doe</a></p></nav>"
    assert read_html(page(top=top), "nav").bylines == ("Jane Doe",)


def test_bare_name_beside_date_followed_by_category():
    top = ("<p>Dec 26, 2025 <span>&bull;</span> <img src='a.png' class='avatar'/> Mahua Das in "
           "<a href='/c/projects'>Projects</a></p>")
    assert read_html(page(top=top), "cat").bylines == ("Mahua Das",)


def test_author_card_portrait_alt_matches_the_printed_name():
    card = "<div class='card'><img src='/img/avatar.jpg' alt='Jane Doe'><div><p>Jane Doe</p></div></div>"
    assert read_html(page(between={4: card}), "pic").bylines == ("Jane Doe",)
    two = card + card.replace("Jane Doe", "John Roe")
    assert read_html(page(between={4: two}), "pic2").bylines == ()
    comment = f"<div class='comment-list'>{card}</div>"
    assert read_html(page(between={4: comment}), "pic3").bylines == ()


def test_author_card_in_the_article_header_inside_main():
    card = ("<main><header><div><div><img src='/img/avatar.jpg' alt='Jane Doe'></div><div>Jane Doe</div>"
            "</div></header></main>")
    assert read_html(page(between={4: card}), "pic4").bylines == ("Jane Doe",)


def test_date_written_with_dashes_beside_a_bare_name():
    top = "<p>Bence Kovar</p><p>02-12-2025</p>"
    assert read_html(page(top=top), "dash").bylines == ("Bence Kovar",)


def test_name_over_a_job_title_under_the_headline():
    top = "<div><p>Juliette Carrow</p><p>Tech Writer</p><a href='/a/jc'>Articles by Juliette</a></div>"
    assert read_html(page(top=top), "role").bylines == ("Juliette Carrow",)


def test_byline_element_beside_the_headline_beats_earlier_widgets():
    # A sidebar of other posts' authors comes first in the markup; the article's own byline
    # is the one printed under the headline.
    side = "".join(f"<li><span class='author'>{n}</span></li>" for n in ("Ann Lee", "Bo Chan"))
    html = page(top="<p class='author-name'>Craig Mott</p>").replace("<article>", f"<aside><ul>{side}</ul></aside><article>")
    assert read_html(html, "near").bylines == ("Craig Mott",)


def test_one_word_declared_name_printed_beside_the_headline_wins():
    head = "<meta property='article:author' content='Mazi'>"
    widget = "<div class='author'>David Shields November 6, 2025</div>"
    html = page(head, top="<p>Mazi</p><p>December 19, 2025</p>", between={4: widget})
    assert read_html(html, "weak").bylines == ("Mazi",)


def test_printed_by_cue_beside_the_headline_beats_the_declared_account():
    head = "<meta name='author' content='Luke Dale'>"
    assert read_html(page(head, top="<p>By: Paul Fenn</p>"), "acct").bylines == ("Paul Fenn",)


def test_reviewer_beside_the_headline_is_not_the_author():
    head = "<meta property='article:author' content='Jill Kuba, MS, RD'>"
    top = "<p>Medically reviewed <span>by</span> <a>Kim Rose</a> &mdash; Written by <a>Jill Kuba, MS, RD</a></p>"
    assert read_html(page(head, top=top), "rev").bylines == ("Jill Kuba, MS, RD",)


def test_author_note_this_post_was_written_by():
    note = "<p><em>This post was written by</em> <a href='/a/vm'>Vanessa Mend, MD</a>, gastroenterologist.</p>"
    assert read_html(page(between={0: note}), "note").bylines == ("Vanessa Mend, MD",)


def test_author_card_beats_a_meta_author_that_is_the_site_name():
    head = ("<meta property='og:site_name' content='Human in the Loop'>"
            "<meta name='author' content='Human in the Loop'>")
    card = "<div class='card'><img src='/img/avatar.jpg' alt='Tim Grey'><div><p>Tim Grey</p></div></div>"
    assert read_html(page(head, between={4: card}), "card").bylines == ("Tim Grey",)


def test_printed_update_stamp_when_the_page_declares_no_date():
    # The only date the page shows its readers is labelled "Last updated"; without it,
    # htmldate's search of the page would take the date of an older post in the sidebar.
    top = "<div><span>Last updated:</span> <span>Dec 12, 2025</span></div>"
    art = read_html(_with_older_post_beside(page(top=top)), "upd")
    assert art.published.date().isoformat() == "2025-12-12"


def _with_older_post_beside(html: str) -> str:
    """The page with a sidebar dating another post, where htmldate's search would look."""
    return html.replace("<footer>", "<aside><p>Older post, 2023-03-02</p></aside><footer>")


def test_itemprop_author_box_with_a_biography_is_not_split_into_names():
    box = ("<div itemprop='author'>Author: Hardtail Canada. Dan lives and works in Calgary, Alberta, "
           "and bikes year-round. Checkout the Editor Bio in the About menu for his biking history!</div>")
    assert "Alberta" not in read_html(page(between={4: box}), "bio").bylines


def test_date_in_a_sentence_fragment_under_the_headline_is_not_the_printed_date():
    head = "<meta property='article:published_time' content='2025-11-24T13:30:10+00:00'>"
    top = "<p>Deals <a href='/d'>this week</a> and is valid November 26 - December 3, 2025</p>"
    assert read_html(page(head, top=top), "frag").published.date().isoformat() == "2025-11-24"


def test_every_co_author_after_a_separate_by_cue_is_kept():
    top = ("<p><span>By</span> <a>Craig Rand</a><span>,</span> <a>Alli Mills</a><span>,</span> "
           "<a>Eszter Horn</a> <span>on</span> <span>March 12, 2026</span></p>")
    assert read_html(page(top=top), "co").bylines == ("Craig Rand", "Alli Mills", "Eszter Horn")


def test_time_marked_pubdate_beats_a_declared_resave_stamp():
    # The CMS rewrote datePublished on its last save (it equals dateModified); the template's
    # <time pubdate> still marks the day the article appeared, in a line after the article (too
    # far from the headline to be read as the printed date).
    ld = {"@type": "Article", "headline": "Council expands bus network to northern suburbs",
          "datePublished": "2025-11-29T12:28:31-05:00", "dateModified": "2025-11-29T12:28:31-05:00"}
    stamp = "<p>Published <time pubdate datetime='2025-08-13'>August 13, 2025</time></p>"
    html = page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", paragraphs=PARAGRAPHS * 3)
    art = read_html(html.replace("</article>", stamp + "</article>"), "pubdate")
    assert art.published.date().isoformat() == "2025-08-13"
    assert art.updated.date().isoformat() == "2025-11-29"
    # On the same day the declaration is kept, for its time and offset.
    ld["datePublished"] = "2025-08-13T09:15:00-04:00"
    html = page(f"<script type='application/ld+json'>{json.dumps(ld)}</script>", paragraphs=PARAGRAPHS * 3)
    art = read_html(html.replace("</article>", stamp + "</article>"), "pubdate2")
    assert art.published.isoformat() == "2025-08-13T09:15:00-04:00"


def test_time_marked_pubdate_in_a_comment_dates_the_comment_not_the_article():
    # A theme's comment times carry pubdate too; the article's own date is the declared one
    # (printed as the local day of a US evening post).
    head = "<meta property='article:published_time' content='2025-12-19T02:41:41+00:00'>"
    top = "<p>Posted on December 18, 2025</p>"
    comment = ("<div class='comment-author'><a class='comment-time' href='#c1'>"
               "<time pubdate datetime='2025-12-20T10:24:57-05:00'>December 20, 2025</time></a></div>")
    art = read_html(page(head, top=top).replace("</article>", "</article>" + comment), "cmt")
    # The declared instant, written at the page's own offset (from the comment's <time>).
    assert art.published.isoformat() == "2025-12-18T21:41:41-05:00"


def test_share_buttons_under_the_headline_do_not_push_the_date_out_of_reach():
    buttons = "".join(f"<a href='#'>Share to {n}</a>" for n in ("LinkedIn", "Facebook", "Threads", "Bluesky"))
    # Five button labels, two writers and an editor between the headline and the only date.
    top = (f"<p>What the new routes mean for you.</p><div>{buttons}<a href='#'>Copy link</a></div>"
           "<p>Written by:</p><p>Ann Lee</p><p>Bo Chan</p><p>Edited by:</p>"
           "<p>Cy Ortiz</p><p>Updated Feb 11, 2026</p>")
    art = read_html(_with_older_post_beside(page(top=top)), "share")
    assert art.published.date().isoformat() == "2026-02-11"


def test_co_authors_printed_beside_the_headline_complete_a_declaration_of_the_first():
    head = "<meta name='author' content='Rui Ma'>"
    top = ("<p><a>Rui Ma</a><span>,</span><a>Heba Ledwon</a><span>&amp;</span>"
           "<a>Suparn Patra</a></p><p>Nov 25th, 2025</p>")
    assert read_html(page(head, top=top), "co2").bylines == ("Rui Ma", "Heba Ledwon", "Suparn Patra")


def test_a_role_after_a_comma_beside_the_headline_is_not_a_co_author():
    head = "<meta name='author' content='Mike Marshall'>"
    top = "<p><a>Mike Marshall</a><span>,</span><span>Shipping Expert</span></p>"
    assert read_html(page(head, top=top), "role").bylines == ("Mike Marshall",)


def test_rel_author_link_beside_the_headline_beats_a_by_cue_before_category_links():
    top = ("<p><span>By</span> <a href='/c/checklists'>Wedding Checklists</a> "
           "<a href='/c/engaged'>Just Engaged</a> <a rel='author' href='/author/nm'>Naoise McNally</a></p>")
    aside = "<aside><a rel='author' href='/author/jd'>Jane Doe</a></aside>"
    html = page(top=top).replace("</article>", "</article>" + aside)
    assert read_html(html, "rel").bylines == ("Naoise McNally",)


def test_highwire_citation_authors_are_every_author_in_reading_order():
    head = ("<meta name='DC.Creator' content='Jennifer Huberty'>"
            "<meta name='citation_author' content='Jennifer Huberty'>"
            "<meta name='citation_author' content='Green, Jeni'>"
            "<meta name='citation_author' content='Chong Lee, PhD'>")
    assert read_html(page(head), "cit").bylines == ("Jennifer Huberty", "Jeni Green", "Chong Lee, PhD")


def test_a_copyright_year_is_not_a_publication_date():
    # htmldate's last resort turns "© 2025" into 2025-01-01: a day the page never printed.
    footer = "<footer><p>© 2025 Example Media Group. All rights reserved.</p></footer>"
    art = read_html(page().replace("</body>", footer + "</body>"), "copy")
    assert art.published is None
    # A first of January the page does print is a date like any other.
    footer = "<p class='note'>This notice was issued on January 1, 2025.</p>" + footer
    art = read_html(page().replace("</body>", footer + "</body>"), "jan1")
    assert art.published.date().isoformat() == "2025-01-01"



def test_htmldate_reads_a_date_only_dateparser_can_with_the_english_parser(monkeypatch):
    # "March the 3rd, 2020" is past htmldate's own patterns: its last resort, dateparser, reads
    # it, with an English parser (all 200 locales take seconds to load), swapped back after.
    from htmldate import extractors

    from reportedly.ingest.html.meta import dates as html_dates

    default, english = extractors.get_external_parser, html_dates._english_parser
    used = []
    monkeypatch.setattr(html_dates, "_english_parser", lambda: used.append(1) or english())
    art = read_html(page(top="<p class='date'>March the 3rd, 2020</p>"), "dp")
    assert art.published.date().isoformat() == "2020-03-03"
    assert used and extractors.get_external_parser is default


def test_printed_update_stamp_is_the_update_when_none_is_declared():
    top = "<p><span>August 16, 2019</span> <span>- Updated July 9, 2025</span></p>"
    art = read_html(page(top=top), "stamp")
    assert art.published.date().isoformat() == "2019-08-16"
    assert art.updated.date().isoformat() == "2025-07-09"
    # A declared modification date is the update, whatever the page prints.
    head = "<meta property='article:modified_time' content='2025-08-01T10:00:00+00:00'>"
    assert read_html(page(head, top=top), "declared").updated.isoformat() == "2025-08-01T10:00:00+00:00"
    # The stamp on the publication day itself (where the only date printed is "Updated …").
    assert read_html(page(top="<p>Updated July 9, 2025</p>"), "same").updated is None

# --- author round (session 14) ----------------------------------------------------------------


def test_handle_after_a_separate_by_cue_is_the_byline_not_the_next_capitalised_text():
    top = ("<p><span>by</span> <a href='/users/jsmith'>jsmith</a> <span>18th Dec 2025</span> "
           "<a href='/forum'>Alignment Forum</a></p>")
    assert read_html(page(top=top), "handle").bylines == ("jsmith",)


def test_by_cue_followed_by_a_sentence_credits_nobody():
    top = ("<p>Written By</p><p>Feb 11, 2019</p><p>Lush lawns dug up and roads ripped up are the "
           "old way of finding a leak in a pipe under the street.</p><p>Thankfully, the rise of</p>")
    assert read_html(page(top=top), "sentence").bylines == ()


def test_book_credited_with_a_year_in_a_caption_is_not_the_byline():
    top = "<p><img src='fold.gif'><em>Mathematical Contests</em> by Kan Chu Sen, 1721.</p>"
    assert read_html(page(top=top), "cite").bylines == ()
    dated = "<p>by: Ziyi Xu, Dec 17, 2025</p>"
    assert read_html(page(top=dated), "dated").bylines == ("Ziyi Xu",)


def test_title_suffix_is_the_author_only_on_a_page_written_as_i():
    # "| Human Resources" ends the title of a university department's page: a section, not a
    # person, on a page that speaks as nobody (or as "we").
    head = "<title>Yoga: Body, Breath and Mind Series | Human Resources</title>"
    assert read_html(page(head), "suffix").bylines == ()


def test_declared_site_name_is_the_author_only_when_the_page_speaks_as_it():
    head = "<meta property='og:site_name' content='Google Cloud'><title>What is cloud computing?</title>"
    assert read_html(page(head), "neutral").bylines == ()
    ours = [p + " We think our riders will use it." for p in PARAGRAPHS]
    assert read_html(page(head, paragraphs=ours), "we").bylines == ("Google Cloud",)


def test_product_photo_with_its_caption_is_not_an_author_card():
    card = ("<div class='card'><img src='/cdn/iStock-48380.jpg' alt='Energy Saving Light Bulbs'>"
            "<div><p>Energy Saving Light Bulbs</p></div></div>")
    assert read_html(page(between={4: card}), "product").bylines == ()
    portrait = card.replace("/cdn/iStock-48380.jpg", "/img/x.jpg' class='rounded-full")
    portrait = portrait.replace("Energy Saving Light Bulbs", "Jane Doe")
    assert read_html(page(between={4: portrait}), "portrait").bylines == ("Jane Doe",)


def test_collective_byline_beside_the_date_under_the_headline():
    top = "<div><a href='/team'>The Harbour Team</a><span>Published</span> | <span>Oct 10, 2025</span></div>"
    assert read_html(page(top=top), "team").bylines == ("The Harbour Team",)


def test_category_after_a_filed_under_label_is_not_a_name():
    top = "<p>Posted under</p><p><a href='/c/tires'>Car Tires</a></p><p>March 3, 2025</p>"
    assert read_html(page(top=top), "filed").bylines == ()


def test_a_recall_run_that_ran_the_paragraphs_together_is_not_kept(monkeypatch):
    from reportedly.ingest.html import extract as html_module
    paragraphs = [f"Paragraph {n} of the article says something about the harbour and its ferries."
                  for n in range(6)]
    balanced = "\n".join(paragraphs)
    merged = "Caption A ferry at dawn. Photo Credit Jane Doe " + " ".join(paragraphs)

    monkeypatch.setattr(html_module, "_both_runs", lambda tree, url: (balanced, merged))
    assert html_module.extract_body(None, None) == balanced
    # With its paragraphs kept, the longer recall run that contains the balanced one wins.
    merged = "A ferry at dawn, photographed from the pier.\n" + balanced
    assert html_module.extract_body(None, None) == merged


def test_a_balanced_run_that_ran_the_paragraphs_together_gives_way_to_the_recall_run(monkeypatch):
    from reportedly.ingest.html import extract as html_module
    paragraphs = [f"Paragraph {n} of the article says something about the harbour and its ferries."
                  for n in range(6)]
    split = "\n".join(paragraphs)
    joined = "Updated on 09/10/2025 " + " ".join(paragraphs) + " Share this article"

    monkeypatch.setattr(html_module, "_both_runs", lambda tree, url: (joined, split))
    assert html_module.extract_body(None, None) == split
    # Not when the recall run's paragraphs are only a part of the balanced run's text.
    split = "\n".join(paragraphs[:3])
    assert html_module.extract_body(None, None) == joined
