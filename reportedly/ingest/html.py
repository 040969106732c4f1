"""Reading one web page (``.html``, ``.htm``, ``.html.gz``) into an ``Article``.

The body comes from trafilatura; the metadata from our own layer (``html_meta``), which weighs the
page's declarations against each other. ``Article.text`` is the body only: its paragraphs joined
by a blank line, without the title (that is ``Article.title``) and without boilerplate lines,
which are kept in ``Article.boilerplate`` as zero-width spans at the place they were left out.
"""
from __future__ import annotations

import re
from datetime import tzinfo

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from reportedly.errors import InputError, TooLargeError
from reportedly.ingest.article_container import mark_article_container
from reportedly.ingest.article_end import find_article_end
from reportedly.ingest.boilerplate import split_boilerplate
from reportedly.ingest.charset import decode_html, gunzip_if_needed
from reportedly.ingest.content_marks import unmark_content_blocks
from reportedly.ingest.declared_body import declared_article_body, declared_body_bounds
from reportedly.ingest.furniture_blocks import furniture_lines, stream_lines
from reportedly.ingest.headline_start import lines_before_headline
from reportedly.ingest.html_meta import decide_meta, gather_declarations
from reportedly.ingest.mojibake import repair_mojibake
from reportedly.ingest.next_stream import restore_streamed_body, streamed_bodies
from reportedly.ingest.thin_body import restore_dropped_paragraphs
from reportedly.ingest.words import shared_count, words
from reportedly.language import word_count
from reportedly.model import Article, Paragraph, Span

__all__ = ["read_html", "parse_html"]

MAX_BYTES = 20_000_000  # bigger than any article page; larger inputs are not articles
MIN_WORDS = 10  # fewer words than the shortest news brief


def read_html(
    data: bytes | str,
    id: str,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
    source_path: str | None = None,
) -> Article:
    """Read a web page into an Article: extracted body text, paragraphs and metadata.

    ``data`` is the page as bytes (any charset, gzipped or not) or as already decoded text.
    ``default_tz`` is the zone for times the page gives without an offset or zone (naive when
    None: no offset is invented); a day without a time stays a day (see ``timestamps``).
    Raises InputError when the page is empty or has no article text, TooLargeError when it is
    over 20 MB.
    """
    if isinstance(data, (bytes, bytearray)):
        raw = gunzip_if_needed(bytes(data))
        if len(raw) > MAX_BYTES:
            raise TooLargeError(f"{id}: the page is {len(raw)} bytes, over the {MAX_BYTES} limit")
        text = decode_html(raw)
    elif isinstance(data, str):
        text = data
        if len(text) > MAX_BYTES:
            raise TooLargeError(f"{id}: the page is {len(text)} characters, over the {MAX_BYTES} limit")
    else:
        raise InputError(f"{id}: expected bytes or str, got {type(data).__name__}")
    text = repair_mojibake(text)
    if not text.strip():
        raise InputError(f"{id}: the page is empty")
    if _looks_binary(text):
        raise InputError(f"{id}: the data looks binary (control characters), not an HTML page")
    tree = parse_html(text, id)

    declarations = gather_declarations(tree)
    streamed = streamed_bodies(tree)  # in <script>s, which are pruned next
    _prune(tree)
    try:
        body = _extract_body(tree, url)
    except RecursionError:
        # trafilatura reads nested lists by recursion: lists some 450 levels deep (unclosed
        # <ul><li> repeated down an old page) exhaust Python's stack.
        raise InputError(f"{id}: the page nests its lists too deeply to be read "
                         "(hundreds of levels)") from None
    if body is None:
        raise InputError(f"{id}: no article text found in the page (is it an article page?)")
    meta = decide_meta(declarations, tree, url=url, default_tz=default_tz, body_text=body)
    # An extraction that is a fragment of its own container gets the dropped paragraphs back.
    lines = restore_dropped_paragraphs(tree, body.split("\n"))
    # A Next.js page that leaves sections of its article in its data stream, unrendered.
    lines = restore_streamed_body(lines, streamed)
    # Related-post lists, author boxes and consent banners after the article are left out like
    # boilerplate lines (and kept as such in Article.boilerplate).
    end = find_article_end(lines, _link_texts(tree), _excerpt_texts(tree), meta.bylines)
    # What the page prints above its headline (promotion bars, breadcrumbs) is not the article.
    head = min(lines_before_headline(tree, lines, meta.title), end)
    # Lines before or after the article body the page declares in JSON-LD (breadcrumbs, bios,
    # calls to action) are left out the same way.
    start, end = declared_body_bounds(
        lines[head:end], declared_article_body(declarations.ld_articles + declarations.ld_pages))
    start, end = start + head, end + head
    kept, dropped, credits = split_boilerplate(lines[start:end], title=meta.title,
                                               bylines=meta.bylines)
    kept = [(i + start, line) for i, line in kept]
    dropped = [(i + start, line) for i, line in dropped]
    # Excerpts of other posts, calls to action, pop-ups and disclaimers the page names as such.
    furniture = furniture_lines(tree, lines)
    furniture |= stream_lines(tree, lines, [i for i, _line in kept if i not in furniture])
    dropped += [(i, line) for i, line in kept if i in furniture]
    kept = [(i, line) for i, line in kept if i not in furniture]
    outside = [*range(start), *range(end, len(lines))]
    dropped += [(i, " ".join(lines[i].split())) for i in outside if lines[i].strip()]
    # Counted so that a page in Chinese is read (the pipeline then says which language it is).
    kept_words = sum(word_count(line) for _, line in kept)
    if kept_words < MIN_WORDS:
        # What is left is a menu item or a cookie notice, not an article.
        raise InputError(f"{id}: no article text found in the page (only {kept_words} words of text)")

    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    boilerplate: list[Span] = []
    pos = 0
    dropped_at = iter(sorted(dropped))
    next_drop = next(dropped_at, None)
    for index, line in kept:
        # Anchor each dropped line where it would have been: a zero-width span before this line.
        while next_drop is not None and next_drop[0] < index:
            boilerplate.append(Span(pos, pos, next_drop[1]))
            next_drop = next(dropped_at, None)
        if pieces:
            pos += 2
        paragraphs.append(Paragraph(pos, pos + len(line), "body"))
        pieces.append(line)
        pos += len(line)
    while next_drop is not None:
        boilerplate.append(Span(pos, pos, next_drop[1]))
        next_drop = next(dropped_at, None)
    return Article(
        id=id,
        text="\n\n".join(pieces),
        paragraphs=tuple(paragraphs),
        title=meta.title,
        dek=meta.dek,
        bylines=meta.bylines,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        updated=meta.updated,
        image_credits=tuple(credits),
        language=meta.language,
        boilerplate=tuple(boilerplate),
        source_path=source_path,
    )


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _looks_binary(text: str) -> bool:
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


# Never article text; removed once here, after the metadata (JSON-LD lives in <script>) is read,
# so that both trafilatura runs copy and clean a much smaller tree.
_PRUNE = ("script", "style", "noscript", "template", "svg", "iframe", "link", "canvas")


def _prune(tree: lxml_html.HtmlElement) -> None:
    for el in list(tree.iter(*_PRUNE)):
        if el.getparent() is not None:
            el.drop_tree()
    # Blocks of the article that trafilatura would discard for a word in their class or id.
    unmark_content_blocks(tree)
    # A breadcrumb bar classed like an article container before the article, or an article
    # in a block that no class names, would send trafilatura to its fallback extractors.
    mark_article_container(tree)


def _extract_body(tree: lxml_html.HtmlElement, url: str | None) -> str | None:
    """The main text, one paragraph per line, or None when trafilatura finds none.

    trafilatura is run twice, in its balanced and its recall-favouring mode. The recall run is
    kept when it is longer and contains (nearly) all of the balanced run's words: it then found
    the same article with the parts the balanced run cut off (intros, lists, late sections).
    When it is shorter or different, it latched onto another block and the balanced run wins;
    so it does when it ran the paragraphs together (``_keeps_paragraphs``). The other way
    round, a balanced run that ran them together gives way to the recall run's paragraphs of
    the same text (``_paragraphs_of``).
    On WCXB dev this choice is worth about +0.008 body F1 over either mode alone.
    """
    balanced = _trafilatura_text(tree, url, favor_recall=False)
    # The recall run skips trafilatura's fallback extractors (fast=True): as accurate here
    # (0.9434 vs 0.9433 F1 on WCXB dev) at about half the cost.
    generous = _trafilatura_text(tree, url, favor_recall=True, fast=True)
    if not balanced:
        return generous
    if generous and _extends(generous, balanced) and _keeps_paragraphs(generous, balanced):
        return generous
    if generous and _paragraphs_of(generous, balanced):
        return generous
    return balanced


def _trafilatura_text(
    tree: lxml_html.HtmlElement, url: str | None, *, favor_recall: bool, fast: bool = False
) -> str | None:
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    return text if text and text.strip() else None


def _keeps_paragraphs(longer: str, shorter: str) -> bool:
    """Whether ``longer`` has at least half as many lines as ``shorter``.

    The recall run sometimes reads a container whose blocks it does not recognise as one line:
    the whole article run together with its captions, credits and byline ("Caption … Photo
    Credit … Subhead …", 2,000 words on one line where the balanced run has 40 paragraphs).
    It has more words and contains the balanced run's, but it lost the paragraphs and added
    the furniture between them, which the line rules can then no longer take out.
    """
    return longer.count("\n") + 1 >= (shorter.count("\n") + 1) / 2


def _paragraphs_of(split: str, joined: str, *, kept: float = 0.75) -> bool:
    """Whether ``split`` is most of ``joined``'s text in at least twice as many lines.

    The balanced run, too, sometimes reads an article as one line (WCXB dev: five pages of
    1,000 to 2,000 words, all on one line, with the furniture between the paragraphs), where the
    recall run gives the same text in paragraphs without it: nearly all of its words are in the
    balanced run, which they make up most of (three quarters; on the one page where they made up
    two thirds, the balanced run's line held a part of the article the recall run missed).
    """
    a, b = words(split), words(joined)
    if not a or split.count("\n") + 1 < 2 * (joined.count("\n") + 1) or len(a) < kept * len(b):
        return False
    return shared_count(a, b) / len(a) > 0.9


def _link_texts(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """The whitespace-normalised texts of the page's links of three or more words."""
    texts = (" ".join(a.text_content().split()) for a in tree.iter("a"))
    return frozenset(t for t in texts if t.count(" ") >= 2)


# Themes class the summary printed under each post in a feed "excerpt" or "Excerpt" ("post-excerpt",
# "elementor-post__excerpt", "tile-excerpt"); a longer element so classed is a wrapper.
_EXCERPT_MAX_WORDS = 90


def _excerpt_texts(tree: lxml_html.HtmlElement) -> tuple[str, ...]:
    """The whitespace-normalised texts of the page's post excerpts (elements classed so)."""
    texts = (" ".join(e.text_content().split())
             for e in tree.xpath("//*[contains(@class, 'xcerpt')]"))
    return tuple(t for t in texts if t and t.count(" ") < _EXCERPT_MAX_WORDS)


def _extends(longer: str, shorter: str, *, contained: float = 0.9) -> bool:
    """Whether ``longer`` has more words than ``shorter`` and contains most of them."""
    a, b = words(longer), words(shorter)
    if len(a) <= len(b) or not b:
        return False
    return shared_count(a, b) / len(b) > contained
