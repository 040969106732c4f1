"""Which extracted lines the page sets as a block quotation (``<blockquote>``).

A blockquote is HTML's markup for text quoted from another source: an excerpt of a post or a
paper, an embedded tweet or Instagram post (their embed code is a blockquote holding the post
and its signature, "— Name (@handle) date"). The text keeps no quote marks for it, so without
this mark a quoted post reads as the author's own prose. The extraction (trafilatura) gives
lines, not elements: a line is quoted when its text is found in one blockquote's text, compared
without spaces (a ``<br>`` inside a post splits it into lines that its text runs together).
"""
from __future__ import annotations

from collections.abc import Sequence

from lxml import html as lxml_html

__all__ = ["quotation_of_lines", "quoted_lines"]

# A line this short ("Yes.", "Share") could be found inside any quotation by chance.
_MIN_CHARS = 8
# A page that sets nearly all its text in blockquotes uses them for layout (an indented body),
# not for quotations: then nothing is marked.
_MAX_SHARE = 0.8


def quoted_lines(tree: lxml_html.HtmlElement, lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the ``lines`` whose text stands in a ``<blockquote>`` of ``tree``."""
    return frozenset(quotation_of_lines(tree, lines))


def quotation_of_lines(tree: lxml_html.HtmlElement, lines: Sequence[str]) -> dict[int, int]:
    """For each of the ``lines`` whose text stands in a ``<blockquote>`` of ``tree``, the
    ordinal of that blockquote (the first that holds it, in document order).

    Lines of one blockquote are one quotation, which may run over several paragraphs (an
    excerpt, a post of two paragraphs); consecutive blockquotes are as many quotations (a
    thread of posts, each embedded on its own).
    """
    quotations = [_compact(bq.text_content()) for bq in tree.iter("blockquote")
                  if bq.getparent() is None or not _inside_blockquote(bq)]
    if not any(quotations):
        return {}
    found: dict[int, int] = {}
    for i, line in enumerate(lines):
        compact = _compact(line)
        if len(compact) >= _MIN_CHARS:
            holder = next((k for k, q in enumerate(quotations) if q and compact in q), None)
            if holder is not None:
                found[i] = holder
    total = sum(len(_compact(line)) for line in lines)
    if total and sum(len(_compact(lines[i])) for i in found) > _MAX_SHARE * total:
        return {}
    return found


def _inside_blockquote(element) -> bool:
    return any(ancestor.tag == "blockquote" for ancestor in element.iterancestors())


def _compact(text: str) -> str:
    return "".join(text.split())
