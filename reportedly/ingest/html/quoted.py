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

__all__ = ["quoted_lines"]

# A line this short ("Yes.", "Share") could be found inside any quotation by chance.
_MIN_CHARS = 8
# A page that sets nearly all its text in blockquotes uses them for layout (an indented body),
# not for quotations: then nothing is marked.
_MAX_SHARE = 0.8


def quoted_lines(tree: lxml_html.HtmlElement, lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the ``lines`` whose text stands in a ``<blockquote>`` of ``tree``."""
    quotations = [_compact(bq.text_content()) for bq in tree.iter("blockquote")
                  if bq.getparent() is None or not _inside_blockquote(bq)]
    quotations = [q for q in quotations if q]
    if not quotations:
        return frozenset()
    found = set()
    for i, line in enumerate(lines):
        compact = _compact(line)
        if len(compact) >= _MIN_CHARS and any(compact in q for q in quotations):
            found.add(i)
    total = sum(len(_compact(line)) for line in lines)
    if total and sum(len(_compact(lines[i])) for i in found) > _MAX_SHARE * total:
        return frozenset()
    return frozenset(found)


def _inside_blockquote(element) -> bool:
    return any(ancestor.tag == "blockquote" for ancestor in element.iterancestors())


def _compact(text: str) -> str:
    return "".join(text.split())
