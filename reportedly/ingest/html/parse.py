"""Turning a page's text into a tree: lenient parsing, as a browser reads broken markup.

The first stage of the reader (see ``reader``): everything after it reads this tree.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reportedly.errors import InputError

__all__ = ["parse_html", "looks_binary"]


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def looks_binary(text: str) -> bool:
    """Whether decoded page text is binary data (an image, a PDF) rather than a page."""
    # Real pages have next to no C0 control characters; images, PDFs and archives are full of them.
    head = text[:20_000]
    return len(_CONTROL.findall(head)) > max(10, len(head) // 100)


def parse_html(text: str, id: str = "page") -> lxml_html.HtmlElement:
    """Parse page text leniently (truncated or malformed markup is repaired, never fatal)."""
    # lxml refuses str input that declares an encoding in an XML prolog; drop the prolog.
    if text.lstrip().startswith("<?xml"):
        text = text.split("?>", 1)[1] if "?>" in text else text
    # Characters XML has no place for: control characters (a stray byte in a page, a corrupt
    # stretch of one) make lxml refuse the text later, when a step moves it ("All strings must
    # be XML compatible"), and a lone surrogate (half an emoji, from a JSON "\ud83d" escape)
    # ends libxml2's reading of the page there. Browsers show neither.
    text = _NOT_XML.sub("", text)
    try:
        tree = lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{id}: the page cannot be parsed as HTML ({exc})") from exc
    if tree is None:
        raise InputError(f"{id}: the page has no HTML content")
    _merge_stray_roots(tree)
    return tree


def _merge_stray_roots(root: lxml_html.HtmlElement) -> None:
    """Moves elements left beside the root into its body (their ``<head>`` parts into its head).

    A page that opens a second ``<html>`` (a template pasted into another) leaves libxml2 with
    two top-level elements, and everything after the second one, the article included, outside
    ``root``, where neither trafilatura nor our readers look (WCXB dev 0310: the whole article).
    Browsers merge a stray ``<html>`` or ``<body>`` into the open ones and show it all as one
    body; so do we. A stray keeps its own text and order, as a ``<div>``.
    """
    before = list(root.itersiblings(preceding=True))[::-1]
    after = list(root.itersiblings())
    if not before and not after:
        return
    head, body = root.find("head"), root.find("body")
    if head is None:
        head = etree.SubElement(root, "head")
        root.insert(0, head)
    if body is None:
        body = etree.SubElement(root, "body")
    for position, stray in enumerate(before):
        body.insert(position, _as_block(stray, head))
    for stray in after:
        body.append(_as_block(stray, head))


def _as_block(stray, head):
    if isinstance(stray.tag, str) and stray.tag in ("html", "body"):
        for part in stray.findall("head"):
            head.extend(list(part))
            stray.remove(part)
        for part in [stray, *stray.findall("body")]:
            part.tag = "div"
    return stray


# One parser, built once: comments and processing instructions are noise for every later step.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, recover=True, huge_tree=True)
# Every element lxml hands to Python (our walks and both trafilatura runs, whose copies of the
# tree keep this parser) gets its class from the parser's lookup. lxml.html's default lookup is
# a Python method, called about 10,000 times a page; it only picks the form classes (FormElement,
# InputElement, …: form-filling helpers nothing here uses) over HtmlElement. The C-level default
# lookup gives every element HtmlElement (text_content, drop_tree, … all there) at no Python cost.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
