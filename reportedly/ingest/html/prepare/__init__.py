"""Preparing the tree before the body is extracted: what trafilatura would misread is changed.

The second stage of the reader, after the metadata was read from the whole tree: elements that
are never article text are removed; article blocks that trafilatura would discard for a word in
their class are unmarked (``content_marks``); the article's container is marked where the page
hides it (``article_container``). The tree is changed in place.
"""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.html.options import DEFAULT_OPTIONS, PrepareOptions
from reportedly.ingest.html.prepare.article_container import mark_article_container
from reportedly.ingest.html.prepare.content_marks import unmark_content_blocks
from reportedly.ingest.html.vocabulary import PRUNED_TAGS

__all__ = ["prepare_tree"]


def prepare_tree(tree: lxml_html.HtmlElement,
                 options: PrepareOptions = DEFAULT_OPTIONS.prepare) -> None:
    """Remove what is never article text and unmark or mark article blocks (in place)."""
    # Removed once here, after the metadata (JSON-LD lives in <script>) is read, so that both
    # trafilatura runs copy and clean a much smaller tree.
    for el in list(tree.iter(*PRUNED_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    # Blocks of the article that trafilatura would discard for a word in their class or id.
    unmark_content_blocks(tree, options)
    # A breadcrumb bar classed like an article container before the article, or an article
    # in a block that no class names, would send trafilatura to its fallback extractors.
    mark_article_container(tree, options)
