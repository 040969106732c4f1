"""Block quotations kept as such by the HTML reader (``Paragraph.quoted``): hand-made pages."""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.html import read_html
from reportedly.ingest.html.quoted import quoted_lines
from reportedly.serialize import article_dict
from test_html import PARAGRAPHS, page

POST = ('<blockquote class="twitter-tweet"><p lang="en">The new feature maps your face with the camera.'
        '<br><br>Notice how the line bends across both eyes. pic.twitter.com/abc</p>'
        '— Dana Whitfield (@dwhit) <a href="https://twitter.com/dwhit/status/1">July 3, 2019</a></blockquote>')


def test_the_lines_of_an_embedded_post_are_quoted_and_the_prose_is_not():
    article = read_html(page(between={2: POST}), "t")
    quoted = [article.text[p.start:p.end] for p in article.paragraphs if p.quoted]
    # A <br> inside the post splits it into lines whose text the blockquote runs together.
    assert quoted == ["The new feature maps your face with the camera.",
                      "Notice how the line bends across both eyes. pic.twitter.com/abc",
                      "— Dana Whitfield (@dwhit) July 3, 2019"]
    assert not any(p.quoted for p in article.paragraphs if PARAGRAPHS[0] in article.text[p.start:p.end])


def test_quoted_is_in_the_json_only_where_it_is_true():
    paragraphs = article_dict(read_html(page(between={2: POST}), "t"))["paragraphs"]
    assert [p.get("quoted") for p in paragraphs].count(True) == 3
    assert all(set(p) == {"start", "end", "role"} for p in paragraphs if not p.get("quoted"))


def test_short_lines_and_a_page_set_mostly_in_blockquotes_are_not_marked():
    tree = lxml_html.fromstring("<div><blockquote><p>Yes. I agree with all of it.</p></blockquote>"
                                "<p>Yes.</p><p>A paragraph of the author's own prose here.</p></div>")
    # "Yes." is in the quotation by chance: too short to tell.
    assert quoted_lines(tree, ["Yes. I agree with all of it.", "Yes.", "A paragraph of the author's own prose here."]) == {0}
    # A body set in a blockquote for its indent is no quotation.
    body = "All of the article's text is here, every paragraph of it, set in one blockquote."
    tree = lxml_html.fromstring(f"<div><blockquote><p>{body}</p></blockquote><p>Share this</p></div>")
    assert quoted_lines(tree, [body, "Share this"]) == frozenset()


def test_an_article_that_quotes_a_long_excerpt_keeps_it_quoted():
    # Most of a short news story may be the blog post it quotes (about 70% here).
    excerpt = ("The vulnerability stems from the fact that the client is allowed to send the server "
               "information about certain slots, which lets us craft a packet that is incredibly complex.")
    lead = "Askar has released attack code he said crashes any server hosting the game. Here's how it works."
    tree = lxml_html.fromstring(f"<div><p>{lead}</p><blockquote><p>{excerpt}</p></blockquote></div>")
    assert quoted_lines(tree, [lead, excerpt]) == {1}


def test_each_quoted_paragraph_knows_its_blockquote():
    # The two lines of one post share its number; a second post has its own (a thread of
    # posts is as many quotations, a post over paragraphs one).
    second = (POST.replace("The new feature", "Another post: the feature").replace("Notice how", "See how")
              .replace("July 3", "July 4"))
    article = read_html(page(between={2: POST + second}), "t")
    numbers = [p.quotation for p in article.paragraphs if p.quoted]
    assert numbers[:3] == [numbers[0]] * 3 and len(set(numbers)) == 2 and numbers[3:] == [numbers[3]] * 3
    assert all(p.quotation is None for p in article.paragraphs if not p.quoted)
