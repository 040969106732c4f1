"""Blocks that name themselves furniture in their class, which the extractor read as article.

trafilatura discards blocks by words in their class or id, but not every word a page uses for
its furniture. Two kinds leak into the extracted text, and the page says what they are:

- *Excerpts of other posts.* Blog themes and page builders list other posts as cards with a
  title and an excerpt, the first sentences of the post cut off ("… At O'Malley Tunstall,",
  "inspire […]"), in a block classed ``elementor-post__excerpt``, ``post-excerpt``,
  ``display-card-excerpt``. Read only where a page has two or more such blocks of teaser size:
  a single excerpt block is more likely the page's own standfirst, a long one is the article
  itself in a theme that calls its body wrapper "…_excerpt", and excerpts holding most of the
  extracted words are the entries of a list article ("the city's best restaurants").
  Story streams build the same card without naming it (``stream_lines``): a container of its
  own holding a heading that is nothing but a link to another page and one paragraph, the
  excerpt. A heading the article opens a section with is text, not a link, and its paragraphs
  are siblings in the body, not each in a box of its own; a heading wholly a link names the
  page it leads to, and the paragraph under it is that page's summary. Cards inside the text
  are a list article's entries (channels to follow, each linked): only a run of two or more
  cards that opens or closes the extracted text is a stream beside the story. A stream can
  outweigh the story (twenty teasers beside 400 words), so the share of words is no test here:
  the cards stay only when too little is left without them to be an article (a section front).
  A card's excerpt is matched as a whole line only: the teaser of the page's own story repeats
  its lead, and the body's second paragraph must not go with it.
- *Calls to action, pop-ups, banners and disclaimers*: a ``cta`` or ``call-to-action`` block
  ("Book a free consultation"), a ``popup`` or ``modal`` dialog (a newsletter form, a location
  picker), a ``banner`` (an offer across the page), a ``subscribe`` or ``social`` box, a
  ``disclaimer`` or ``disclosure`` note (commissions, "not financial advice"). These words name
  what the block is for, not how it looks, and the article is none of them.

Only blocks of teaser size (under 120 or 150 words) count: a wrapper so named around the whole
article (a theme's "has-cta" layout, a page held in a modal) is not furniture. Extracted lines
that are the text of such a block, or of a part of it, are left out.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reportedly.ingest.words import word_key

__all__ = ["furniture_lines", "stream_lines"]

_MIN_EXCERPTS = 2  # one is a standfirst; a list of teasers has several
_MAX_EXCERPT_WORDS = 120  # a teaser's excerpt is a few sentences, not an article
_MAX_EXCERPT_SHARE = 0.5  # of the extracted words; more, and the excerpts are the article
_MAX_BLOCK_WORDS = 150  # a call to action, a dialog or a disclaimer, not a page wrapper
_MIN_LEFT_WORDS = 100  # beside a stream, at least a news brief; less, and the cards are the page
_MIN_KEY_CHARS = 20  # shorter lines ("Read more") are not read as a block's text
_PURPOSE = re.compile(
    r"\bcta\b|call-?to-?action|pop-?up|modal|disclaimer|disclosure|banner|subscri|social", re.I)
# One pass over the tree in C finds the candidates; _PURPOSE then reads their class as words.
# Each contains() is tried on every element the path reaches, so the path reaches only the
# tags such blocks are built of (a quarter of a page's elements; links, list items and inline
# text are not).
_PARTS = ("excerpt", "cta", "call-to", "pop", "modal", "discl", "banner", "subscri", "social")
_TEST = "[@class][" + " or ".join(f"contains(@class, '{part}')" for part in _PARTS) + "]"
_CANDIDATES = etree.XPath(" | ".join(f"//{tag}{_TEST}" for tag in ("div", "p", "section", "aside")))
_HEADINGS = " or ".join(f"self::h{n}" for n in range(2, 7))
# A paragraph whose previous sibling element is a heading holding a link (checked in
# _card_excerpts to be the whole heading).
_CARD_EXCERPTS = etree.XPath(f"//p[preceding-sibling::*[1][{_HEADINGS}][.//a[@href]]]")


def furniture_lines(tree: lxml_html.HtmlElement, lines: list[str]) -> set[int]:
    """Indices of ``lines`` that are the text of teaser excerpts, calls to action, pop-ups or
    disclaimers (see the module docstring)."""
    excerpts: list[lxml_html.HtmlElement] = []
    blocks: list[lxml_html.HtmlElement] = []
    for el in _CANDIDATES(tree):
        cls = el.get("class") or ""
        if "excerpt" in cls:
            excerpts.append(el)
        elif _PURPOSE.search(cls):
            blocks.append(el)
    # Sizes first, nesting second: a page-wide wrapper so named ("modal-open" on the body) must
    # not hide the dialogs inside it.
    excerpt_keys = _outermost_keys(excerpts, _MAX_EXCERPT_WORDS)
    teasers = _matching_lines(lines, excerpt_keys) if len(excerpt_keys) >= _MIN_EXCERPTS else set()
    # A listicle ("the city's best restaurants") is its excerpts: when they hold most of the
    # extracted words they are the article, not teasers beside it.
    words = [len(line.split()) for line in lines]
    if sum(words[i] for i in teasers) > _MAX_EXCERPT_SHARE * sum(words):
        teasers = set()
    return teasers | _matching_lines(lines, _outermost_keys(blocks, _MAX_BLOCK_WORDS))


def stream_lines(tree: lxml_html.HtmlElement, lines: list[str], kept: list[int]) -> set[int]:
    """Indices of the ``kept`` lines (in order) that are excerpts of a stream of story cards
    opening or closing the text (see the module docstring)."""
    keys = set(_outermost_keys(_card_excerpts(tree), _MAX_EXCERPT_WORDS))
    if len(keys) < _MIN_EXCERPTS:
        return set()
    body = [i for i in kept if lines[i].strip()]
    is_card = [word_key(lines[i]) in keys for i in body]
    head = next((n for n, card in enumerate(is_card) if not card), len(body))
    tail = next((n for n, card in enumerate(reversed(is_card)) if not card), len(body))
    cards = {body[n] for n in range(head)} | {body[-1 - n] for n in range(tail)}
    if len(cards) < _MIN_EXCERPTS:
        return set()
    if sum(len(lines[i].split()) for i in body if i not in cards) < _MIN_LEFT_WORDS:
        return set()
    return cards


def _card_excerpts(tree: lxml_html.HtmlElement) -> list:
    """The paragraphs right under a heading that is wholly one link to another page, the two
    alone in their container (other elements there hold no paragraph or heading)."""
    found = []
    for p in _CARD_EXCERPTS(tree):
        heading = p.getprevious()
        box = p.getparent()
        if sum(1 for el in box.iter("p", "h2", "h3", "h4", "h5", "h6")) != 2:
            continue
        links = [a for a in heading.iter("a") if a.get("href")]
        text = word_key(heading.text_content())
        if (len(links) == 1 and text and word_key(links[0].text_content()) == text
                and not links[0].get("href", "").startswith("#")):
            found.append(p)
    return found


def _matching_lines(lines: list[str], keys: list[str]) -> set[int]:
    """Indices of the lines that are the text of one of the blocks ``keys``, or of a part of it."""
    if not keys:
        return set()
    furniture = " | " + " | ".join(keys) + " | "
    out = set()
    for i, line in enumerate(lines):
        key = word_key(line)
        if len(key) > _MIN_KEY_CHARS and f" {key} " in furniture:
            out.add(i)
    return out


def _outermost_keys(blocks: list, max_words: int) -> list[str]:
    """The texts of the blocks under ``max_words`` words that are not inside another such one."""
    sized = {}
    for block in blocks:
        key = word_key(block.text_content())
        if key and key.count(" ") < max_words:
            sized[block] = key
    return [key for block, key in sized.items()
            if not any(a in sized for a in block.iterancestors())]
