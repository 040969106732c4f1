"""Where the article starts: not before its headline.

An article's text follows its headline. What a page prints *above* the headline is the site's:
promotion bars ("Free shipping on orders $40+", one line per country), breadcrumbs, category
labels, the submission date of a preprint. The extractor sometimes takes such lines in when its
fallback picks a block that spans the page's top. Where the headline is printed as an ``<h1>``
with the page's own title, the extracted lines at the start that the page prints before that
``<h1>`` are left out.

Only a leading run is cut, and only lines found before the headline and nowhere after it: the
article's first section heading may be listed in a table of contents above the headline too.
Pages whose ``<h1>`` is not the headline (a site name, a section title) give no headline and keep
every line; so does a page whose article is printed far from under its ``<h1>`` (a copy of the
headline in a "republish this article" box after the article).
"""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.html.meta.visible import line_text
from reportedly.ingest.html.words import word_key
from reportedly.ingest.html.options import DEFAULT_OPTIONS, HeadlineOptions

__all__ = ["lines_before_headline"]


def lines_before_headline(tree: lxml_html.HtmlElement, lines: list[str], title: str | None,
                          options: HeadlineOptions = DEFAULT_OPTIONS.headline) -> int:
    """How many of the leading ``lines`` the page prints before its headline ``<h1>``.

    The headline is the first ``<h1>`` whose words are the words of ``title``. Returns 0 when there
    is none, when no leading line is found before it, or when every line would go.
    """
    headline = _headline(tree, title)
    if headline is None:
        return 0
    # All text before the headline in document order (its ancestors' text after it is not in).
    before = " " + word_key(" ".join(headline.xpath("preceding::text()"))) + " "
    if len(before) <= 2:
        return 0
    after = None  # read only when a line is found before the headline: most pages have none
    cut = 0
    for i, line in enumerate(lines):
        key = word_key(line)
        if not key:
            continue
        if f" {key} " not in before:
            break
        if after is None:
            after = " " + word_key(" ".join(headline.xpath("following::text()"))) + " "
        # A line also printed after the headline may be the article's own (its first section
        # heading, listed in a table of contents above the headline too).
        if f" {key} " in after:
            break
        cut = i + 1
    if not cut or cut == len(lines):
        return 0
    # The article goes on right under the headline; where the first kept line is printed far
    # below it, this <h1> is a copy of the headline (a "republish this article" box after the
    # article) and what came before it was the article itself.
    first_kept = next((key for key in map(word_key, lines[cut:]) if key), None)
    if first_kept is None:  # only punctuation is left after the cut: every line would go
        return 0
    opening = " ".join(first_kept.split()[:options.opening_words])
    at = after.find(f" {opening} ")
    if at < 0 or after.count(" ", 0, at) > options.near_words:
        return 0
    return cut


def _headline(tree: lxml_html.HtmlElement, title: str | None):
    wanted = word_key(title or "")
    if not wanted:
        return None
    for h1 in tree.iter("h1"):
        if word_key(line_text(h1)) == wanted:
            return h1
    return None
