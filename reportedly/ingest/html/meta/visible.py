"""Reading bylines from what a page shows its readers, not what it declares.

Many pages have no machine-readable author; the byline is printed: "By Jane Doe" under the
headline, "Written by" and a linked name in two elements, a bare name beside the date, or an
author box at the end. These functions read the visible text for ``decide``.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reportedly.ingest.html.vocabulary import HEADLINE_LABEL
from reportedly.ingest.html.meta.clean import split_byline

# Elements whose class, id, rel or data-testid names the author or byline: read by a walk in
# Python rather than an XPath of a dozen contains() per element (a third of the time).
_NOT_BYLINE_TAGS = {"script", "style", "meta", "link", "body", "html", "article", "main", "section"}
_NOT_BYLINE_CLASS = ("bio", "about", "avatar", "description", "image", "img", "comment")


def byline_elements(tree: lxml_html.HtmlElement) -> list:
    """In document order, the elements whose attributes mark them as a byline or author credit."""
    found = []
    for el in _document_elements(tree):
        if el.tag in _NOT_BYLINE_TAGS:
            continue
        cls, id_ = el.get("class") or "", el.get("id") or ""
        testid = el.get("data-testid") or ""
        if not ("byline" in cls or "Byline" in cls or "author" in cls or "Author" in cls
                or "author" in (el.get("rel") or "") or "author" in id_
                or "byline" in testid or "author" in testid):
            continue
        if any(word in cls for word in _NOT_BYLINE_CLASS) or "comment" in id_:
            continue
        found.append(el)
    return found


def _document_elements(tree: lxml_html.HtmlElement):
    # The whole document, as XPath's "//" reads it; parse_html has merged any stray second
    # <html> into the root, so the root holds it all.
    return tree.getroottree().getroot().iter(etree.Element)


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option"}


def visible_text(el) -> str:
    """The element's text without script/style content, one space between text nodes."""
    parts = [p for p in _text_flow(el, _shown) if isinstance(p, str)]
    return " ".join(" ".join(parts).split())


def _shown(el) -> bool:
    return isinstance(el.tag, str) and el.tag not in _SKIP_TAGS


def _text_flow(root, enter):
    """The text under ``root`` in document order: each text node as a string, and each element
    that ``enter`` declines as the element itself (its tail follows it; its inside is skipped).

    lxml's ``iterwalk``, not recursion: pages nest elements thousands deep, past Python's
    recursion limit. ``enter`` is asked as each element is reached, so it may depend on what
    the caller has seen so far.
    """
    if root.text:
        yield root.text
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if el is root:
            continue
        if event == "start":
            if enter(el):
                if el.text:
                    yield el.text
                continue
            walker.skip_subtree()
            yield el
        elif el.tail:
            yield el.tail


# Inside a headline: the post's date, and the next heading that unclosed markup nested in it
# ("<h1>Title<h3>Posted on … by …</h3>").
_NOT_HEADLINE = {"time", "h2", "h3", "h4", "h5", "h6"}


def line_text(el) -> str:
    """The element's text on one line: a ``<br>`` becomes a space, inline markup joins as is,
    and a ``<time>`` (a blog's "Dec 18 2025" inside its headline) or a nested heading is left out.

    ``text_content()`` glues the two lines of "Top MBA Programs of 2025 (US)<br>Your Guide …"
    into "(US)Your"; a space between every text node would split "Don<span>’</span>t".
    A label in an element of its own before the headline ("<strong>Blog:</strong> Best …",
    arXiv's "<span class="descriptor">Title:</span>") is not part of it.
    """
    label = _leading_label(el)
    skip = _SKIP_TAGS | _NOT_HEADLINE | {"br"}
    parts: list[str] = []
    for piece in _text_flow(el, lambda c: isinstance(c.tag, str) and c.tag not in skip
                            and c is not label):
        if isinstance(piece, str):
            parts.append(piece)
        elif piece.tag == "br":
            parts.append(" ")
    return " ".join("".join(parts).split())


def _leading_label(el):
    """The element that opens ``el`` with a label ("Blog:") before more of it, or None."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or (el.text or "").strip():
        return None
    if not (first.tail or "").strip() and first.getnext() is None:
        return None  # the label is all there is
    return first if HEADLINE_LABEL.fullmatch(" ".join(first.text_content().split())) else None


def text_near_h1(
    tree: lxml_html.HtmlElement, before: int = 12, after: int = 40
) -> tuple[list[str], int | None]:
    """The visible text nodes around the first ``<h1>``, in order, and the h1's index among them.

    Bylines are printed around the headline; this is where ``byline_near_title`` looks.
    """
    body = tree.find("body")
    if body is None:
        return [], None
    chunks: list[str] = []
    h1_at = None
    skip = _SKIP_TAGS | {"nav", "footer", "aside", "form"}

    def enters(el) -> bool:
        # The first <h1> is read whole, as one chunk; other elements are walked into.
        return (isinstance(el.tag, str) and el.tag not in skip
                and not (el.tag == "h1" and h1_at is None))

    for piece in _text_flow(body, enters):
        if isinstance(piece, str):
            if piece.strip():
                chunks.append(" ".join(piece.split()))
        elif piece.tag == "h1" and h1_at is None:
            h1_at = len(chunks)
            chunks.append(" ".join(piece.text_content().split()))
        if h1_at is not None and len(chunks) > h1_at + after:
            break
    if h1_at is None:
        return [], None
    start = max(0, h1_at - before)
    return chunks[start: h1_at + after + 1], h1_at - start


# The texts that open an author credit, as a text node of the page reads once its whitespace is
# normalised: a prefix ("By Jane Doe", "Written by", "Author: Jane") or the whole node ("By", "Author").
_CUE_PREFIXES = ("By ", "by ", "Written by", "Written By", "Posted by", "Author:",
                 # "This post was written by Jane Doe, ..." (an author note before or after the article)
                 "This post was written by", "This article was written by")
_CUE_WHOLE = {"By", "by", "Author", "Authors", "Contributor:", "Contributors:", "Article by", "Article By"}
_CUE_INITIALS = frozenset(p[0] for p in (*_CUE_PREFIXES, *_CUE_WHOLE))
# XPath's normalize-space(): only these four characters are whitespace (not U+00A0).
_XML_SPACE = " \t\r\n"
_XML_SPACES = re.compile("[ \t\r\n]+")


def _is_cue_text(text: str | None) -> bool:
    head = text.lstrip(_XML_SPACE) if text else ""
    if not head or head[0] not in _CUE_INITIALS:
        return False
    normalised = _XML_SPACES.sub(" ", head.rstrip(_XML_SPACE))
    return normalised in _CUE_WHOLE or normalised.startswith(_CUE_PREFIXES)


def _cue_text_holders(tree: lxml_html.HtmlElement):
    """In document order, the element holding each text node that opens an author credit.

    An element holds its ``text`` and its ``tail`` (as lxml's ``getparent()`` of a text node
    says). A walk in Python with a cheap first-letter test: the same nodes as an XPath
    ``//text()[starts-with(normalize-space(), 'By ') or ...]``, at a fifth of its cost.
    """
    root = tree.getroottree().getroot()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if _is_cue_text(el.text if event == "start" else el.tail):
            yield el


# A heading-like label alone in its element; the name follows ("<h3>Author</h3><p>Jane Doe</p>").
_LABELS = {"author", "authors", "contributor", "contributors", "article by"}


def cued_bylines(tree: lxml_html.HtmlElement, limit: int = 5) -> list[str]:
    """Short elements anywhere on the page that read "By X" / "Written by X" (author boxes)."""
    found: list[str] = []
    for parent in _cue_text_holders(tree):
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _SKIP_TAGS:
            continue
        if any(a.tag in ("nav", "footer", "form") and not _in_article(a)
               for a in parent.iterancestors()):
            continue
        el = parent
        text = visible_text(el)
        label = text.rstrip(" :").lower()
        if label in _LABELS:
            nxt = el.getnext()
            name = visible_text(nxt) if nxt is not None and isinstance(nxt.tag, str) else ""
            if not name and el.getparent() is not None:
                whole = visible_text(el.getparent())
                name = whole[len(text):] if whole.startswith(text) else ""
            name = name.strip(" :")
            if name[:1].isupper() and len(name) < 80:
                found.append(f"By {name}")
                if len(found) >= limit:
                    break
            continue
        # "By" alone in its own element: the name is in the next element of the same line.
        if len(text.split()) <= 2:
            nxt = el.getnext()
            if nxt is not None and isinstance(nxt.tag, str):
                text = f"{text} {visible_text(nxt)}"
            elif el.getparent() is not None:
                text = visible_text(el.getparent())
        if 3 < len(text) < 100 and _BY_CUE.match(text):
            found.append(text)
            if len(found) >= limit:
                break
    return found


def _in_article(el) -> bool:
    """Inside the article: an author box in the article's own header/footer bar counts."""
    return any(a.tag == "article" for a in el.iterancestors())


_BYLINE_LINE = re.compile(r"^\s*(?:written |reported |words )?by[:\s]+(.{3,120})$", re.IGNORECASE | re.MULTILINE)


_BY_CUE = re.compile(
    r"^(?:(?:this|the)\s+(?:post|article|story|piece|blog post|guest post)\s+(?:was|is)\s+"
    r"(?:written|authored|contributed|reported)\s+"
    r"|(?:written|posted|published|reported|words|story|article)\s+)?by\s*:?\s*(.*)$"
    r"|^(?:author|authors|writer|byline)\s*:\s*(.*)$",
    re.IGNORECASE,
)


_NAME_JOINERS = ("and", "&", ",", ", and", "and,")
_REVIEWED = re.compile(r"\b(?:reviewed|edited|checked|verified|illustrated|photographed)$", re.IGNORECASE)


def byline_near_title(chunks: list[str], cue_within: int | None = None) -> list[str]:
    """A "By X" / "Written by: X" printed around the headline (the cue and name may be apart).

    With ``cue_within``, only a cue among the first that many chunks counts; the names after it
    may run further ("By A, B, C, D and E").
    """
    for i, chunk in enumerate(chunks[:cue_within]):
        m = _BY_CUE.match(chunk)
        if not m:
            continue
        if i and _REVIEWED.search(chunks[i - 1]):
            continue  # "Medically reviewed" + "by" + a name: the reviewer, not the writer
        rest = (m.group(1) if m.group(1) is not None else m.group(2) or "").strip()
        if not rest:
            # The cue and the name are separate text nodes, sometimes with a date between.
            j = _name_after_cue(chunks, i)
            if j is not None:
                rest = chunks[j]
                if _HANDLE.fullmatch(rest):
                    return [rest]  # "by" + "jsteinhardt": the account's name as printed
                rest = " and ".join(_joined_names(chunks, j))
        if _CITATION_YEAR.search(rest) and not _DATELIKE.search(rest):
            continue  # "by Kan Chu Sen, 1721.": a caption crediting a book, not this page
        if rest and rest[0].isupper() and len(rest) < 120:
            return split_byline(rest)
    return []


def _joined_names(chunks: list[str], j: int) -> list[str]:
    """``chunks[j]`` and the names joined to it by separator nodes.

    "By <a>Jane</a>, <a>John</a> and <a>Ana</a>": every name is its own text node, and so is
    each separator between them.
    """
    names = [chunks[j]]
    while j + 2 < len(chunks) and chunks[j + 1].strip().lower() in _NAME_JOINERS \
            and len(chunks[j + 2]) < 60 and chunks[j + 2][:1].isupper():
        names.append(chunks[j + 2])
        j += 2
    return names


def printed_coauthors(chunks: list[str], declared: list[str]) -> list[str]:
    """The names printed with the first ``declared`` author, when they include all of them.

    Declarations often name only the first author (Yoast's JSON-LD, ``<meta name=author>``)
    where the byline beside the headline prints "Rui Ma, Heba Ledwon, Manoel Cortes Mendez &
    Suparn Patra". Two names joined by a bare comma are a name and its role ("Mike Marshall" /
    "," / "Shipping Expert"): a list of people has an "and" or at least three names. Empty
    when the page prints no such list that holds every declared name.
    """
    if not declared:
        return []
    first = declared[0].lower()
    for j, chunk in enumerate(chunks):
        if first in chunk.lower() and len(chunk) < 60:
            joined = _joined_names(chunks, j)
            names = split_byline(" and ".join(joined))
            joiners = chunks[j + 1: j + 2 * len(joined) - 1: 2]
            listed = len(names) >= 3 or any(c.strip() != "," for c in joiners)
            printed = " ; ".join(names).lower()
            if listed and len(names) > len(declared) and all(d.lower() in printed for d in declared):
                return names
            return []
    return []


# A user handle printed as the byline ("jsteinhardt", "h.szeyee"): one lower-case token.
_HANDLE = re.compile(r"[a-z][a-z0-9._\-]{2,39}")
# A name credited with a bare year is a work being cited ("by Kan Chu Sen, 1721", "by Jane
# Austen, 1813"); a byline carries a full date ("by: Ziyi Xu, Dec 17, 2025") or none.
_CITATION_YEAR = re.compile(r",\s*(?:1[0-9]|20)\d\d\.?\s*$")
_PUNCTUATION = re.compile(r"[\W_]*")


def _name_after_cue(chunks: list[str], i: int) -> int | None:
    """The index of the name after a bare "By" at ``chunks[i]``, or None.

    The name is the first text after the cue that is not a date or a separator ("By" / "|" /
    "Jane Doe", "Written By" / "Feb 11, 2019" / "Jane Doe"). When that text is not a name (a
    sentence of the article, a lower-case word), the cue credits nobody: taking a capitalised
    text further on gave the next line of the page ("By" / "jsteinhardt" / "18th Dec 2025" /
    "AI Alignment Forum", the site's section).
    """
    for j in range(i + 1, min(i + 4, len(chunks))):
        chunk = chunks[j]
        if _DATELIKE.search(chunk) or _PUNCTUATION.fullmatch(chunk):
            continue
        if (chunk[:1].isupper() and len(chunk) < 80) or _HANDLE.fullmatch(chunk):
            return j
        return None
    return None


_DATELIKE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bmin(?:ute)?s?\s+read\b|^(?:updated|published|posted)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.|van|von|der|de|da|del|la|le|bin|al|el|di)$")
_NOT_NAME_WORDS = {
    "the", "of", "and", "for", "to", "in", "with", "how", "what", "why", "best", "top", "your",
    "our", "read", "more", "new", "get", "free", "trial", "log", "sign", "home", "blog", "menu",
    "share", "updated", "published", "posted", "news", "about", "contact", "guide", "tips",
    "reviews", "review", "all", "on", "by", "a", "an", "is", "are", "my", "this", "min",
    "table", "contents", "search", "privacy", "policy", "terms", "services", "products", "team",
}


def _looks_like_name(chunk: str) -> bool:
    """"Jane Q. Doe": two to four capitalised words, none of them a common non-name word."""
    words = chunk.replace("Dr.", "").split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower() in _NOT_NAME_WORDS for w in words):
        return False
    return all(_NAME_WORD.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2


_WRITER_ROLE = re.compile(
    r"\b(?:writer|editor|reporter|correspondent|columnist|contributor|journalist|author)s?\b",
    re.IGNORECASE)


_CATEGORY_LABEL = re.compile(
    r"\b(?:posted|filed|published)\s+(?:under|in)\s*:?$|^(?:categor(?:y|ies)|tags?|topics?)\s*:?$",
    re.IGNORECASE)
_COLLECTIVE_BYLINE = re.compile(
    r"(?:The\s+)?(?:[A-Z][\w'’&.\-]*\s+){1,3}(?:Team|Staff|Editors|Editorial(?:\s+(?:Team|Staff|Board))?|Newsroom)")


def name_in_meta_line(chunks: list[str], h1_at: int | None) -> list[str]:
    """A bare name printed next to the article's date or reading time, just below the headline.

    Many sites print "Jane Doe · 5 min read · March 3, 2025" with no "By"; a name-shaped text
    right beside a date-shaped one in the few lines after the headline is that byline.
    """
    if h1_at is None:
        return []
    window = chunks[h1_at + 1: h1_at + 10]
    for i, chunk in enumerate(window):
        # "Jane Doe in <a>Category</a>": the section the post was filed in follows the name.
        chunk = re.sub(r"\s+in$", "", chunk)
        if i and _CATEGORY_LABEL.search(window[i - 1]):
            continue  # "Posted under" / "Car Tires": the section the post was filed in
        neighbours = window[max(0, i - 2): i] + window[i + 1: i + 4]
        beside_date = any(_DATELIKE.search(n) for n in neighbours if len(n) < 60)
        # "The Upwork Team" / "Published | Oct 10, 2025": a collective byline, as printed.
        if beside_date and _COLLECTIVE_BYLINE.fullmatch(chunk):
            return [chunk]
        if not _looks_like_name(chunk):
            continue
        if beside_date:
            return [chunk]
        # "Jane Doe" / "Tech Writer": a name over a job title is an author card.
        if i + 1 < len(window) and len(window[i + 1]) < 60 and _WRITER_ROLE.search(window[i + 1]):
            return [chunk]
    return []


def byline_in_text(text: str) -> list[str]:
    """A "By X and Y" line among the first lines of the extracted text."""
    head = "\n".join(text.split("\n")[:8])
    m = _BYLINE_LINE.search(head)
    return split_byline(m.group(1)) if m else []


# Keys per kind of date, most specific first; page-level keys come after article-level ones.


def _in_main(el) -> bool:
    """A page header/nav inside ``<main>`` or ``<article>`` is the article's, not the site's."""
    return any(a.tag in ("article", "main") for a in el.iterancestors())


# How templates mark a person's photo: in its class, its file's path or its container's class.
_PORTRAIT = re.compile(r"author|avatar|profile|headshot|portrait|rounded|circle|gravatar|bio\b"
                       r"|team|staff|people|person|member|writer|contributor|expert", re.IGNORECASE)


def _is_portrait(img) -> bool:
    """Whether an image is marked as a person's photo (an author card's portrait).

    Product shots, webcam stills and promotions also carry a caption that repeats their alt
    ("Energy Saving Light Bulbs", "Career Quiz"); an author's photo is styled or filed as one
    ("blog_author-image", "rounded-full", "profile.example.com/tim_100.png").
    """
    parent = img.getparent()
    marks = [img.get("class"), img.get("src"), img.get("data-src"),
             parent.get("class") if parent is not None else None]
    return any(_PORTRAIT.search(m) for m in marks if m)


def pictured_names(tree: lxml_html.HtmlElement, limit: int = 2) -> list[str]:
    """Author boxes with no cue: a portrait whose ``alt`` is a name printed right beside it.

    ``<img alt="Jane Doe"><div>Jane Doe</div>``: the photo and the caption agree, which is how
    author cards look. Comment threads (avatars beside commenters' names) are skipped.
    """
    found: list[str] = []
    for img in tree.xpath("//img[@alt]"):
        alt = " ".join((img.get("alt") or "").split())
        if not _looks_like_name(alt) or alt in found or not _is_portrait(img):
            continue
        if any((a.tag in ("nav", "header") and not _in_main(a))
               or "comment" in f"{a.get('class', '')} {a.get('id', '')}".lower()
               for a in img.iterancestors() if isinstance(a.tag, str)):
            continue
        box = img.getparent()
        for _ in range(3):
            if box is None or box.getparent() is None:
                break
            box = box.getparent()
            texts = [" ".join(t.split()) for t in box.xpath(".//text()")]
            if alt in texts:
                found.append(alt)
                break
            if len(" ".join(texts)) > 600:
                break
        if len(found) >= limit:
            break
    return found
