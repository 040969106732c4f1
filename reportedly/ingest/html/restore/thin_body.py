"""Restoring paragraphs that the extractor dropped from the article's own container.

trafilatura prunes blocks by their class names ("widget", "slides", "accordion", page-builder
wrappers) and sometimes keeps only a fragment of an article: a sidebar-sized block or the
paragraphs outside such wrappers. Where the extracted lines sit in the page is a strong hint of
where the article is: the smallest element that holds all of them is the article's container.
When that container holds *more* words in ordinary, unextracted ``<p>`` paragraphs than the
extraction has in all, the extraction is a fragment and those paragraphs are put back in
document order. A container that merely has a few more paragraphs (a bio, a call to action,
an FAQ the gold may or may not keep) is left alone: on WCXB dev, restoring paragraphs in every
container wins on 30 pages and loses on 65, and only the thin extractions are clear gains.
"""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.html.words import word_key
from reportedly.ingest.html.options import DEFAULT_OPTIONS, RestoreOptions
from reportedly.ingest.html.vocabulary import BLOCK_TAGS as _BLOCKS
from reportedly.ingest.html.vocabulary import FURNITURE_CLASS as _FURNITURE_CLASS
from reportedly.ingest.html.vocabulary import FURNITURE_TAGS as _FURNITURE_TAGS

__all__ = ["restore_dropped_paragraphs"]


def restore_dropped_paragraphs(tree: lxml_html.HtmlElement, lines: list[str],
                               options: RestoreOptions = DEFAULT_OPTIONS.restore) -> list[str]:
    """``lines`` with the container's dropped paragraphs restored when the extraction is thin.

    Returns ``lines`` unchanged unless at least three of them are located in the page, their
    common container is not the whole ``<body>``, and the container's paragraphs that were not
    extracted (``<p>`` of 15+ words, outside nav/aside/footer/share/related/comment/author
    blocks, not mostly link text) have more words than all of ``lines`` together.
    """
    line_keys = [word_key(line) for line in lines]
    extracted = " " + " ".join(line_keys) + " "
    extracted_words = extracted.count(" ") - 1
    # Whatever the container, what can be restored is among the page's paragraphs of enough
    # words that were not extracted; when those together are too few, nothing can be, and the
    # page is not indexed (the index reads every block's text: a tenth of the reader's own time).
    if _unextracted_words(tree, extracted, options) <= extracted_words:
        return lines
    order: dict = {}
    by_key: dict[str, object] = {}
    for position, el in enumerate(tree.iter()):
        order[el] = position
        if el.tag in _BLOCKS:
            text = el.text_content()
            # Most blocks are menu items and labels, too short to be kept: a key is never longer
            # than its text (a space stands for one or more non-word characters) but where "İ"
            # lower-cases to two characters. Their words are not read.
            if len(text) <= options.min_key_chars and "\u0130" not in text:
                continue
            key = word_key(text)
            if len(key) > options.min_key_chars:
                by_key.setdefault(key, el)
    located = [by_key.get(key) for key in line_keys]
    found = [el for el in located if el is not None]
    if len(found) < options.min_located:
        return lines
    container = _common_ancestor(found)
    if container is None or container.tag in ("body", "html"):
        return lines
    restored: list[tuple[int, str]] = []
    for el in container.iter("p"):
        text = " ".join(el.text_content().split())
        key = word_key(text)
        if len(key.split()) < options.min_paragraph_words or f" {key} " in extracted:
            continue
        if _in_furniture(el, container) or _link_share(el, text) > options.max_link_share:
            continue
        if any(a.tag == "p" for a in el.iterancestors()):
            continue
        restored.append((order[el], text))
    if sum(len(t.split()) for _, t in restored) <= extracted_words:
        return lines
    # Each extracted line keeps its place: where it was found, or right after the line before.
    placed: list[tuple[float, int, str]] = []
    last = -1.0
    for i, (line, el) in enumerate(zip(lines, located)):
        last = float(order[el]) if el is not None else last + 1e-6
        placed.append((last, i, line))
    placed += [(float(pos), -1, text) for pos, text in restored]
    return [text for _, _, text in sorted(placed, key=lambda p: (p[0], p[1]))]


def _unextracted_words(tree, extracted: str, options: RestoreOptions) -> int:
    """The words of every ``<p>`` in the page long enough to restore and not extracted: an upper
    bound of what ``restore_dropped_paragraphs`` can give back, whatever the container."""
    total = 0
    for el in tree.iter("p"):
        text = el.text_content()
        key = word_key(text)
        if len(key.split()) >= options.min_paragraph_words and f" {key} " not in extracted:
            total += len(text.split())  # counted as the restore counts them
    return total


def _common_ancestor(elements: list) -> object | None:
    first = [elements[0], *elements[0].iterancestors()]
    common = set(first)
    for el in elements[1:]:
        common &= {el, *el.iterancestors()}
    return next((a for a in first if a in common), None)


def _in_furniture(el, container) -> bool:
    node = el
    while node is not None and node is not container:
        if node.tag in _FURNITURE_TAGS:
            return True
        if _FURNITURE_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def _link_share(el, text: str) -> float:
    links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return links / max(1, len(text))
