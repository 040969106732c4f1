"""Steering trafilatura's search for the article's container.

trafilatura looks for the article with a list of XPath expressions, the first of which finds
blocks by their class or id ("entry-content", "page-content", "post-body", "article-body", …),
and reads the *first* block that it finds; then the first ``<article>``; then looser names. When
none of them gives the article, it falls back to other extractors (readability, jusText), which
keep the paragraphs but drop the headings and lists. Two things here send it to the article:

- **Decoys.** The container words also name other blocks: a breadcrumb bar classed
  "page-content-breadcrumbs", a header strip "page-header page-content", an empty "post"
  wrapper. Before the article, such a block is read first, found to hold next to nothing, and
  trafilatura moves on (WCXB dev: a Q&A page lost its 17 questions). A block of a few dozen
  words, while a later block of the same kind holds the article, loses its class and id (moved
  to ``data-`` attributes). Its text stays where it was, outside the article's container.
- **Unnamed articles.** A page with no container class and no ``<article>`` (site builders:
  Webflow's "w-richtext", Bricks, Framer), or whose first ``<article>`` is a teaser card away
  from the prose (a list page of restaurants, each card an ``<article>``), leaves trafilatura
  to the looser names and then its fallbacks, or to the card. When one block clearly holds the
  page's prose (most of its paragraph words, and over three times as many as any other block),
  it is named "article-body", the smallest ancestor being taken that adds little to it (an
  intro or a table in a sibling block, or the other part of a rich-text field split in two),
  short of one whose added text is mostly links (the site's menus, related posts). When the
  prose is split into sections, one block each, the smallest block holding 60 % of the
  paragraph words is named instead, if it holds little else. So it is when the only blocks
  named as containers are small ones elsewhere (a teaser's "featured-post-content"): they are
  decoys with no article behind them, and lose their names.

Only the first expression is checked for decoys: it is the one most pages match, and the later
ones (a class that starts with "main", the first ``<main>``) would cost more than the rare decoy
is worth.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html
from trafilatura import xpaths
from trafilatura.xpaths import BODY_XPATH

from reportedly.ingest.html.options import DEFAULT_OPTIONS, PrepareOptions
from reportedly.ingest.html.upstream import check_version, note_fallback

__all__ = ["mark_article_container"]

# Its thresholds, each with its reason, are ``options.PrepareOptions``.
_CONTAINER_CLASS = "article-body"  # a name trafilatura's first expression knows

# The first expression tests regular expressions on every element's class and id, which lxml
# runs through Python callbacks (1.8-2.7 ms a page); the same test written as a walk costs a
# fraction of that and finds the same blocks on all 711 WCXB dev pages. The token lists are
# trafilatura's own (private: see ``upstream``); with a version that lacks them, the XPath itself
# is used, and the fallback is reported.
check_version("trafilatura")
_CLASS_TOKENS = getattr(xpaths, "_ARTICLE_CONTENT_CLASS_TOKENS", None)
_ID_TOKENS = getattr(xpaths, "_ARTICLE_CONTENT_ID_TOKENS", None)
_CLASS_RE = re.compile("|".join(_CLASS_TOKENS)) if _CLASS_TOKENS else None
_ID_RE = re.compile("|".join(_ID_TOKENS)) if _ID_TOKENS else None
if _CLASS_RE is None or _ID_RE is None:
    note_fallback("trafilatura.xpaths._ARTICLE_CONTENT_CLASS_TOKENS/_ID_TOKENS")


def mark_article_container(tree: lxml_html.HtmlElement,
                           options: PrepareOptions = DEFAULT_OPTIONS.prepare) -> None:
    """Hide the class and id of small blocks that trafilatura's container search would read
    before a later block of the same kind that holds the article; name the block that holds
    the page's prose as the container when no block is named one (or only small ones, away from
    the prose, which are hidden) and there is no ``<article>`` (or the first one is elsewhere).
    """
    # Blocks are found and their words counted only as far as needed: on most pages the first
    # block is the article.
    found: list = []
    counts: list[int] = []
    for el in _containers(tree):
        found.append(el)
        counts.append(len(el.text_content().split()))
        if counts[-1] >= options.article_min_words or counts[-1] > options.decoy_max_words:
            break
    if not found:
        first = next(tree.iter("article"), None)
        prose = _prose_block(tree, options)
        if first is None or (prose is not None and not _related(first, prose)):
            _name(prose)
        return
    if counts[-1] <= options.decoy_max_words and next(tree.iter("article"), None) is None:
        # Only small blocks are named as containers: decoys all, if the prose is elsewhere.
        prose = _prose_block(tree, options)
        if prose is not None and not any(_related(el, prose) for el in found):
            _hide(found)
            _name(prose)
        return
    article = len(counts) - 1
    if article < 1 or counts[article] < max(options.article_min_words,
                                            options.article_ratio * max(counts[:article])):
        return
    decoys = found[:article]
    if any(_related(el, found[article]) for el in decoys):
        return  # a decoy inside the article (or around it) is read with it anyway
    _hide(decoys)


def _hide(blocks: list) -> None:
    for el in blocks:
        for name in ("class", "id"):
            if name in el.attrib:
                el.set(f"data-{name}", el.attrib.pop(name))


def _prose_block(tree, options: PrepareOptions):
    """The block that holds the page's prose, or None when no block clearly does."""
    words: dict = {}
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None:
            words[parent] = words.get(parent, 0) + len(p.text_content().split())
    if not words:
        return None
    ranked = sorted(words, key=words.get, reverse=True)
    best = ranked[0]
    total = sum(words.values())
    if (best.tag in ("body", "html") or words[best] < options.article_min_words
            or words[best] < options.prose_share * total
            or (len(ranked) > 1 and words[ranked[1]] > options.runner_up * words[best])):
        return _sections_block(words, total, options)
    node = _grown(best, options)
    return node if node.tag in ("div", "section", "main", "article") else None


def _grown(best, options: PrepareOptions):
    """The smallest ancestor of the prose block that adds little to it but what the article
    holds beside it.

    The article's intro or a table can sit in a sibling block: an ancestor that adds little
    text to the block holds them too. But a step up whose added text is mostly links adds a
    menu, a header or footer, or a list of related posts, not the article's own: the climb
    stops below it (WCXB dev: a React page's root adds the site's menus and still passes the
    growth test; a hub page's related cards sit one level above the prose). A step that adds
    only a few words (a back link, a share button) is taken whatever they are. A rich-text field
    split in two by an embed or a call to action leaves a sibling with the block's own tag and
    class, holding paragraphs of its own: its words count with the block's, so the parent that
    joins them is taken (a Webflow post whose intro is a first "w-richtext" block).
    """
    node, size = best, len(best.text_content().split())
    words, links = size, _link_words(best)
    twin_words, twin_links = _twins(best, options.twin_prose)
    size += twin_words
    while (parent := node.getparent()) is not None and parent.tag not in ("body", "html"):
        parent_words = len(parent.text_content().split())
        if parent_words > options.ancestor_growth * size:
            break
        parent_links = _link_words(parent)
        added = parent_words - words
        if (added > options.few_words
                and parent_links - links - twin_links > options.added_link_share * added):
            break
        node, words, links, twin_links = parent, parent_words, parent_links, 0
    return node


def _twins(block, twin_prose: float) -> tuple[int, int]:
    """Words and link words of the block's siblings with its tag and class that hold
    paragraphs of their own (the other parts of a split rich-text field)."""
    cls, parent = block.get("class"), block.getparent()
    if not cls or parent is None:
        return 0, 0
    words = links = 0
    for sib in parent:
        if sib is block or sib.tag != block.tag or sib.get("class") != cls:
            continue
        n = len(sib.text_content().split())
        own = sum(len(p.text_content().split()) for p in sib if p.tag == "p")
        if n and own >= twin_prose * n:
            words += n
            links += _link_words(sib)
    return words, links


def _link_words(el) -> int:
    return sum(len(a.text_content().split()) for a in el.iter("a"))


def _name(node) -> None:
    if node is not None:
        node.set("class", f"{node.get('class') or ''} {_CONTAINER_CLASS}".strip())


def _sections_block(words: dict, total: int, options: PrepareOptions):
    """The smallest block holding 60 % of the page's paragraph words, the share one block must
    hold alone, when it is mostly prose (it adds little text to them): an article split into
    sections."""
    held: dict = {}
    for parent, n in words.items():
        for a in (parent, *parent.iterancestors()):
            held[a] = held.get(a, 0) + n
    # Blocks that hold over half of the words hold one another: the deepest is the smallest.
    chain = [a for a, n in held.items()
             if n >= options.prose_share * total and a.tag not in ("body", "html")]
    if not chain:
        return None
    node = max(chain, key=lambda a: sum(1 for _ in a.iterancestors()))
    if node.tag not in ("div", "section", "main") or held[node] < options.article_min_words:
        return None
    if len(node.text_content().split()) > options.ancestor_growth * held[node]:
        return None  # a page wrapper, with its menus and footers
    return node


def _containers(tree) -> Iterator:
    """``BODY_XPATH[0](tree)``: the blocks classed as article containers, each parent's first."""
    if _CLASS_RE is None or _ID_RE is None:
        yield from (el for el in BODY_XPATH[0](tree) if el is not None)
        return
    parents = set()
    for el in tree.iter("article", "div", "main", "section"):
        cls, id_ = el.get("class"), el.get("id")
        if not (cls in ("post", "entry") or el.get("itemprop") == "articleBody"
                or id_ == "articleContent" or (id_ and _ID_RE.search(id_))
                or (cls and _CLASS_RE.search(cls))):
            continue
        parent = el.getparent()
        if parent in parents:  # XPath's "[1]" after the test: each parent's first such child
            continue
        parents.add(parent)
        yield el


def _related(a, b) -> bool:
    """Whether one element holds the other."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())
