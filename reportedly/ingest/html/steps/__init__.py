"""The line steps, in the order they run: each takes lines out of the extracted body.

Every step has the contract of ``pipeline`` (``judge(page, options) -> verdicts``). The first
three cut at the edges of the body (what follows the article's end, what precedes its headline,
what lies outside the article body the page declares); the next three take single lines anywhere
(whole-line furniture, the text of blocks classed as furniture, story cards); the last takes
the site's disclaimers closing the body. Each module holds its rule;
this one only adapts it to the contract. To ablate a step, run the reader with ``steps=`` a
list without it (see docs/html-reader.md, "Adding or ablating a rule").
"""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.html.options import Options
from reportedly.ingest.html.page import Page, Verdict
from reportedly.ingest.html.pipeline import Step
from reportedly.ingest.html.steps.article_end import article_end
from reportedly.ingest.html.steps.boilerplate import judge_lines
from reportedly.ingest.html.steps.disclaimers import closing_disclaimers
from reportedly.ingest.html.steps.declared_body import declared_article_body, declared_body_bounds
from reportedly.ingest.html.steps.furniture_blocks import furniture_lines, stream_lines
from reportedly.ingest.html.steps.headline_start import lines_before_headline
from reportedly.ingest.html.steps.linked_teasers import announced_links
from reportedly.ingest.html.vocabulary import EXCERPT_CLASS_PART

__all__ = ["STEPS", "link_texts", "excerpt_texts"]


def _end(page: Page, options: Options) -> list[Verdict]:
    live = page.live_lines
    end, reason = article_end(live, link_texts(page.tree),
                              excerpt_texts(page.tree, options.article_end.excerpt_max_words),
                              page.meta.bylines, options.article_end)
    return [Verdict(i, "article_end", f"after the article's end ({reason})")
            for i in page.live[end:]]


def _headline(page: Page, options: Options) -> list[Verdict]:
    # The rule reads all the extracted lines (the leading run it cuts is counted on them), and
    # drops those still in the body.
    head = lines_before_headline(page.tree, list(page.lines), page.meta.title, options.headline)
    return [Verdict(i, "headline_start", "printed above the headline")
            for i in page.live if i < head]


def _declared(page: Page, options: Options) -> list[Verdict]:
    d = page.declarations
    declared = declared_article_body(d.ld_articles + d.ld_pages)
    start, end = declared_body_bounds(page.live_lines, declared, options.declared_body)
    return [Verdict(i, "declared_body", "outside the article body the page declares (JSON-LD)")
            for i in page.live[:start] + page.live[end:]]


def _boilerplate(page: Page, options: Options) -> list[Verdict]:
    judged = judge_lines(page.live_lines, title=page.meta.title, bylines=page.meta.bylines,
                         options=options.boilerplate)
    return [Verdict(page.live[j], "boilerplate", reason) for j, _, reason in judged if reason]


def _furniture(page: Page, options: Options) -> list[Verdict]:
    furniture = furniture_lines(page.tree, list(page.lines), options.furniture)
    return [Verdict(i, "furniture_blocks",
                    "the text of a block classed as furniture (a teaser, a call to action, "
                    "a pop-up, a disclaimer)")
            for i in page.live if i in furniture]


def _stream(page: Page, options: Options) -> list[Verdict]:
    cards = stream_lines(page.tree, list(page.lines), list(page.live), options.furniture)
    return [Verdict(i, "story_stream", "the excerpt of a card in a stream of other stories that "
                    "opens or closes the text") for i in page.live if i in cards]


def _teasers(page: Page, options: Options) -> list[Verdict]:
    live = page.live
    return [Verdict(live[j], "linked_teasers", "the linked headline of another story, announced "
                    "('Read: …')") for j in announced_links(page.live_lines, lambda: link_texts(page.tree))]


def _disclaimers(page: Page, options: Options) -> list[Verdict]:
    live = page.live
    return [Verdict(live[j], "disclaimers", "a disclaimer of the site closing the body")
            for j in closing_disclaimers(page.live_lines, options.disclaimers)]


STEPS: tuple[Step, ...] = (
    Step("article_end", _end, "everything after the article's last line: related posts, author "
         "boxes, sources, consent banners, feedback and paywall prompts, feeds of other posts"),
    Step("headline_start", _headline, "a leading run of lines the page prints above its headline"),
    Step("declared_body", _declared, "leading and trailing lines outside the JSON-LD articleBody"),
    Step("boilerplate", _boilerplate, "single short lines of furniture anywhere (patterns, "
         "credits, copies), and the headline and byline repeated among the first lines"),
    Step("furniture_blocks", _furniture, "lines that are the text of blocks classed as furniture"),
    Step("story_stream", _stream, "excerpts of a run of story cards (a heading wholly a link over "
         "one paragraph, each in a box of its own) that opens or closes the text"),
    Step("linked_teasers", _teasers, "lines announcing another story's linked headline "
         "('Read: …', 'Related: …')"),
    Step("disclaimers", _disclaimers, "the site's disclaimers closing the body (whose views, "
         "not advice, who paid for it), by their form and place"),
)


def link_texts(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """The whitespace-normalised texts of the page's links of three or more words."""
    texts = (" ".join(a.text_content().split()) for a in tree.iter("a"))
    return frozenset(t for t in texts if t.count(" ") >= 2)


def excerpt_texts(tree: lxml_html.HtmlElement, max_words: int) -> tuple[str, ...]:
    """The whitespace-normalised texts of the page's post excerpts (elements classed so) of
    fewer than ``max_words`` words (a longer element so classed is a wrapper)."""
    texts = (" ".join(e.text_content().split())
             for e in tree.xpath(f"//*[contains(@class, '{EXCERPT_CLASS_PART}')]"))
    return tuple(t for t in texts if t and t.count(" ") < max_words)
