"""Class names and ids that make trafilatura throw away a page's own article blocks, set aside.

trafilatura discards an element whose class or id contains a word of its boilerplate lists
("embed", "icon", "sidebar", "widget", "menu", …). Pages also use those words for blocks of the
article: a class can name the *style* of what a block shows or the *layout* it sits in, and an
id can be the slug of the block's own heading. Each rule here recognises one such use on a block
that holds paragraphs of text, and unmarks the block (the class word is dropped, or the id moved
to ``data-anchor``), so that trafilatura's other tests (link density, text length) decide on it.
Collapsed accordion and FAQ panels are likewise shown (their text is hidden only until the
reader opens them, and trafilatura drops every hidden element), and a quotation set as a
``<figure>`` is read as a block, not dropped as an image: for reportedly, quotes are the point.
The tree is changed in place; it is the copy read for the body, after the metadata was read.
"""
from __future__ import annotations

import re
from itertools import chain, islice

from lxml import etree
from lxml import html as lxml_html

from reportedly.ingest.html.options import DEFAULT_OPTIONS, PrepareOptions
from reportedly.ingest.html.vocabulary import LAYOUT_CLASS, LAYOUT_WORDS, WORD_PART_CLASS

__all__ = ["unmark_content_blocks"]

# The rules' tests on a candidate block, compiled once; the candidates themselves are found by
# one walk over the page (``_candidates``). Nine whole-document XPaths, each testing every
# element's class or id (the accordion tests through regex call-backs), took 7 ms a page on
# WCXB dev; the walk and these tests take 2.4 ms, for the same changes to the same elements.
# Two list items of prose (over 40 characters, no link): a block's own text, where the items of
# a share widget, a social-icon row or a footer menu are links.
_PROSE_ITEMS = "count(.//li[string-length(normalize-space()) > 40][not(.//a)]) >= 2"
# "embed": site builders' blocks of the page's own HTML (Webflow's "w-embed", an "embed" wrapper
# around a data table, a directory's profile card listing services), which trafilatura takes for
# a share or social-media widget. Its list items must be prose without links: a share widget's
# items are links.
_EMBED_HOLDS = etree.XPath(f"boolean(.//table or count(.//p) >= 2 or {_PROSE_ITEMS})")
# "icon": a modifier class that names the style of the icons a block shows
# ("kt-accordion-icon-style-arrow" on the accordion that holds a guide's sections, in
# paragraphs or in lists of prose: plans and features). Icon lists of links (social icons,
# footer menus) are not prose.
_ICON_HOLDS = etree.XPath(f"boolean(count(.//p) >= 2 or {_PROSE_ITEMS})")
# A few words of trafilatura's list belong to single sites ("yin"), and occur inside ordinary
# words of class names: "buying-guide-table" around a comparison table is discarded for them.
# A lower-case class word with such a word inside is dropped from a block of the article.
_TABLE_OR_PARAGRAPHS = etree.XPath("boolean(.//table or count(.//p) >= 2)")
_WORD_PART_CLASS = WORD_PART_CLASS
# Layout classes: the wrapper of a page *with* a sidebar ("site-content with-sidebar",
# "c-layout-sidebar-left", React's "SidebarLayout") holds the article as well as the sidebar,
# and HubSpot wraps every module of a post, text included, in "hs_cos_wrapper_widget", and the
# post's rich-text body in "hs_cos_wrapper_meta_field" (HubSpot's word for a template field).
_LAYOUT_WORDS = LAYOUT_WORDS
_PARAGRAPHS = etree.XPath("boolean(count(.//p) >= 2)")
_LAYOUT_CLASS = LAYOUT_CLASS
# The class words above, as found by the walk (case-sensitive, like XPath's contains()).
_CLASS_WORDS = re.compile("embed|icon|yin|idebar|widget|meta_field")
# An id that is the slug of the section's own heading is an anchor for the table of contents
# ("menu-innovation-strategies-building-memorable-dining-experiences" reads as navigation).
_SECTION_HOLDS = etree.XPath("boolean((.//h2 or .//h3 or .//h4) and count(.//p) >= 2)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# A quotation set as a figure (<figure><blockquote>…</blockquote><figcaption>— Name</figcaption>,
# HTML's markup for a quote with its source, and WordPress's pull quote): trafilatura drops
# figures as images. Embedded posts (tweets, videos: "wp-block-embed") are not quotations.
_QUOTE_FIGURE_XPATH = "//figure[.//blockquote][not(contains(@class, 'embed'))]"
# A panel of an accordion or a FAQ, hidden by a class ("hidden", "kt-accordion-panel-hidden"),
# its style (display:none, height:0) or aria-hidden until opened. Navigation menus that
# collapse on phones are never such panels.
_ACCORDION = re.compile("accordion|faq", re.IGNORECASE)
_COLLAPSED = re.compile(r"(^|[ -])hid(den|e)\b|display: ?none|height: ?0|true", re.IGNORECASE)
# The same panel hidden by the ``hidden`` attribute (with aria-hidden), in an accordion that a
# data attribute may name instead of a class ('data-embed="accordion"' three levels up): the
# panel, its parent or its grandparent has a class, id or data-* attribute naming one
# (``PrepareOptions.panel_levels``).


# A <div> holding only text (and inline markup), set among the article's own <p> paragraphs: an
# "Updates:" box, a note. trafilatura's balanced mode drops such a div, even unclassed, when it
# sits between paragraphs. It is read as a paragraph when it has a sentence's worth of words,
# is not mostly link text and is not classed as a caption, credit, image or promotion.
_TEXT_DIV_XPATH = (
    "//div[count(../p) >= 2][not(ancestor::p)][normalize-space(text())]"
    "[not(.//div or .//p or .//ul or .//ol or .//li or .//table or .//h1 or .//h2 or .//h3"
    " or .//h4 or .//h5 or .//h6 or .//section or .//article or .//aside or .//nav or .//header"
    " or .//footer or .//form or .//blockquote or .//pre)]"
)
_NOT_PROSE_CLASS = re.compile(
    r"caption|credit|image|photo|\bcta\b|-cta\b|promo|advert|\bads?\b|newsletter|subscribe|share"
    r"|social|related|author|comment",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(r"nav|menu|header", re.IGNORECASE)
_HIDDEN_CLASS = re.compile(r"(?:^|-)hid(?:den|e)\b", re.IGNORECASE)


def unmark_content_blocks(tree: lxml_html.HtmlElement,
                          options: PrepareOptions = DEFAULT_OPTIONS.prepare) -> None:
    """Unmark article blocks that trafilatura would discard for a word in their class or id;
    read quotations set as figures and text-only divs among paragraphs; show collapsed
    accordion and FAQ panels.
    """
    classed, slugged, accordions, hidden = _candidates(tree)
    # Each rule tests the class as it is by its turn: an earlier rule may have dropped a word.
    for el in _classed(classed, "embed"):
        if _EMBED_HOLDS(el):
            el.set("class", el.get("class", "").replace("embed", "block"))
    for el in _classed(classed, "icon"):
        if _ICON_HOLDS(el):
            _drop_classes(el, lambda name: "icon" in name)
    for el in _classed(classed, "yin"):
        if _TABLE_OR_PARAGRAPHS(el):
            _drop_classes(el, _WORD_PART_CLASS.match)
    for el in _classed(classed, *_LAYOUT_WORDS):
        if _PARAGRAPHS(el):
            _drop_classes(el, _LAYOUT_CLASS.search)
    for el in slugged:
        if _SECTION_HOLDS(el) and _is_heading_slug(el.get("id", ""), el):
            el.set("data-anchor", el.attrib.pop("id"))
    for el in tree.xpath(_QUOTE_FIGURE_XPATH):
        el.tag = "div"
    for el in tree.xpath(_TEXT_DIV_XPATH):
        if _is_prose(el, options.text_div_min_words):
            el.tag = "p"
    panels = [el for el in accordions if _is_collapsed(el)]
    for el in panels + [el for el in hidden if _in_accordion(el, options.panel_levels)]:
        if not _NAVIGATION.search(f"{el.get('class', '')} {el.get('id', '')}"):
            _show(el)


def _candidates(tree):
    """One walk, in document order: the elements whose class holds one of the rules' words
    (body and html aside), those whose id could be a slug, those an accordion or a FAQ names,
    and those hidden by attributes. The rules only ever take words out of a class, so these are
    all the rules can match.
    """
    classed, slugged, accordions, hidden = [], [], [], []
    for el in tree.iter(etree.Element):
        cls, id_ = el.get("class"), el.get("id")
        if cls and el.tag not in ("body", "html") and _CLASS_WORDS.search(cls):
            classed.append(el)
        if id_ and "-" in id_:
            slugged.append(el)
        if (cls and _ACCORDION.search(cls)) or (id_ and _ACCORDION.search(id_)):
            accordions.append(el)
        if el.get("aria-hidden") == "true" and el.get("hidden") is not None:
            hidden.append(el)
    return classed, slugged, accordions, hidden


def _classed(elements, *words):
    return [el for el in elements if any(word in el.get("class", "") for word in words)]


def _in_accordion(el, levels: int) -> bool:
    nodes = islice(chain((el,), el.iterancestors()), levels)
    return any(_ACCORDION.search(value) for node in nodes for name, value in node.attrib.items()
               if name in ("class", "id") or name.startswith("data-"))


def _is_collapsed(el) -> bool:
    if not _ACCORDION.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    return bool(_COLLAPSED.search(
        f"{el.get('class', '')} {el.get('style', '')} {el.get('aria-hidden', '')}"))


def _is_prose(el, min_words: int) -> bool:
    if _NOT_PROSE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    text = el.text_content()
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return len(text.split()) >= min_words and links < len(text) / 2


def _show(el) -> None:
    el.attrib.pop("hidden", None)
    el.attrib.pop("style", None)
    el.attrib.pop("aria-hidden", None)
    _drop_classes(el, _HIDDEN_CLASS.search)


def _drop_classes(el, matches) -> None:
    names = el.get("class", "").split()
    kept = [name for name in names if not matches(name)]
    if len(kept) != len(names):
        el.set("class", " ".join(kept))


def _slug(text: str) -> str:
    return _NON_WORD.sub("-", text.lower()).strip("-")


def _is_heading_slug(id_: str, el) -> bool:
    """Whether ``id_`` (three or more words) is the slug of a heading inside ``el``."""
    slug = _slug(id_)
    if slug.count("-") < 2:
        return False
    return any(_slug(h.text_content()) == slug for h in el.iter("h2", "h3", "h4"))
