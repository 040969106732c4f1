"""Article metadata from a web page's own declarations, weighed against each other.

A page usually says the same thing several times: JSON-LD, OpenGraph / ``article:*`` / Twitter /
Dublin Core ``<meta>`` tags, microdata, ``<time datetime>`` elements and a visible byline. Each
source is read into candidates; each field then takes the candidate of the most trusted source
that has one, with cross-checks where sources are known to disagree (titles carry site suffixes in
``<title>``; JSON-LD authors are sometimes the outlet itself; ``dateModified`` leaks into
``og:updated_time``). Cleaning of single values lives in ``clean``; reading printed
bylines from the visible text in ``visible``; choosing the bylines in ``authors`` and
the date in ``dates``; JSON-LD is read by ``json_ld``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from lxml import html as lxml_html

from reportedly.ingest.html.meta import json_ld
from reportedly.ingest.html.meta.authors import decide_credits
from reportedly.ingest.html.meta.clean import clean_title
from reportedly.ingest.html.meta.dates import decide_published, decide_updated
from reportedly.ingest.html.meta.dek import DEK_XPATH, decide_dek
from reportedly.ingest.html.meta.outlet import decide_outlet
from reportedly.ingest.html.meta.visible import (
    byline_elements,
    cued_bylines,
    line_text,
    pictured_names,
    text_near_h1,
    visible_text,
)


@dataclass(frozen=True)
class PageMeta:
    """What the page declares about its article; every field may be missing."""

    title: str | None = None
    bylines: tuple[str, ...] = ()
    wire: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    description: str | None = None
    dek: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass
class Declarations:
    """Raw declarations gathered from one page, before any choice is made."""

    ld_articles: list[dict] = field(default_factory=list)
    ld_pages: list[dict] = field(default_factory=list)
    ld_orgs: list[dict] = field(default_factory=list)
    ld_people: list[dict] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    itemprops: dict[str, list[str]] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)
    pubdate_times: list[str] = field(default_factory=list)
    title_tag: str | None = None
    h1s: list[str] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    rel_authors: list[str] = field(default_factory=list)
    near_title: list[str] = field(default_factory=list)
    h1_index: int | None = None
    cued_bylines: list[str] = field(default_factory=list)
    pictured: list[str] = field(default_factory=list)
    dek_texts: list[str] = field(default_factory=list)
    lang: str | None = None
    canonical: str | None = None


def extract_meta(
    tree: lxml_html.HtmlElement,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
    body_text: str | None = None,
) -> PageMeta:
    """Read a parsed page's metadata; ``body_text`` (the extracted article) helps find bylines."""
    return decide_meta(gather_declarations(tree), tree, url=url, default_tz=default_tz,
                       body_text=body_text)


def decide_meta(
    src: "Declarations",
    tree: lxml_html.HtmlElement,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
    body_text: str | None = None,
) -> PageMeta:
    """Choose each field from declarations gathered earlier (see ``gather_declarations``).

    ``tree`` is only searched (by htmldate) when the page declares no publication date.
    """
    site = _site(src)
    title = _title(src, site)
    published = decide_published(src, tree, url or src.canonical, default_tz)
    bylines, wire = decide_credits(src, site, body_text)
    return PageMeta(
        title=title,
        bylines=bylines,
        wire=wire,
        outlet=decide_outlet(src, tree, url or src.canonical or _first(src.meta, "og:url")),
        published=published,
        updated=decide_updated(src, published, default_tz),
        description=_first(src.meta, "og:description", "description", "twitter:description"),
        dek=_dek(src, site, body_text, title),
        language=src.lang,
        url=url or src.canonical or _first(src.meta, "og:url"),
    )


# --- gathering -------------------------------------------------------------------------------


def gather_declarations(tree: lxml_html.HtmlElement) -> Declarations:
    """Everything the page declares about itself, read before the tree is pruned for text."""
    src = Declarations()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            for obj in json_ld.walk(json_ld.load_json(script.text_content())):
                _file_ld(src, obj)
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content:
            src.meta.setdefault(key, []).append(content)
    for el in tree.xpath("//*[@itemprop]"):
        if el.tag == "meta":
            continue
        prop = el.get("itemprop").strip().lower()
        value = el.get("datetime") or el.get("content") or ""
        if not value and prop in ("author", "creator", "name", "headline"):
            value = el.text_content()
        if value.strip():
            src.itemprops.setdefault(prop, []).append(" ".join(value.split()))
    for el in tree.iter("time"):
        value = el.get("datetime") or ""
        if value.strip():
            src.times.append(value.strip())
            if _marks_publication(el):
                src.pubdate_times.append(value.strip())
    titles = tree.xpath("//head/title | //title")
    if titles:
        src.title_tag = " ".join(titles[0].text_content().split()) or None
    src.h1s = [t for t in (line_text(h) for h in tree.iter("h1")) if t][:5]
    # Visible bylines: short elements whose class or id names the author or byline.
    for el in byline_elements(tree):
        text = visible_text(el)
        if 2 < len(text) < 120:
            if "author" in (el.get("rel") or ""):
                src.rel_authors.append(text)
            else:
                src.byline_texts.append(text)
    src.near_title, src.h1_index = text_near_h1(tree)
    for h1 in tree.iter("h1"):
        src.dek_texts = [t for t in (visible_text(el) for el in h1.xpath(DEK_XPATH)[:8]) if t]
        break
    src.cued_bylines = cued_bylines(tree)
    src.pictured = pictured_names(tree)
    html_el = tree if tree.tag == "html" else tree.getroottree().getroot()
    src.lang = (html_el.get("lang") or "").strip() or None if html_el is not None else None
    for link in tree.xpath("//link[@rel='canonical']/@href")[:1]:
        src.canonical = link.strip() or None
    return src


_COMMENTS = re.compile(r"comment", re.IGNORECASE)


def _marks_publication(time_el) -> bool:
    """Whether a ``<time>`` is marked with HTML5's ``pubdate`` attribute as the article's date.

    ``pubdate`` said "this is when the article (or the document) was published"; templates put it
    on the date they print under or after the headline, and it stays right when an SEO plugin
    rewrites JSON-LD ``datePublished`` on every save. Themes also put it on each comment's time
    (WordPress's "comment-time"): a ``<time>`` inside an element classed or named for comments
    dates a comment, not the article.
    """
    if time_el.get("pubdate") is None:
        return False
    return not any(_COMMENTS.search(f"{a.get('class') or ''} {a.get('id') or ''}")
                   for a in time_el.iterancestors())


def _file_ld(src: Declarations, obj: dict) -> None:
    types = json_ld.types(obj)
    if types & json_ld.ARTICLE_TYPES:
        src.ld_articles.append(obj)
    elif types & json_ld.PAGE_TYPES:
        src.ld_pages.append(obj)
    elif types & json_ld.ORG_TYPES:
        src.ld_orgs.append(obj)
    elif "person" in types:
        src.ld_people.append(obj)


def _first(table: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in table.get(key, ()):
            if value and value.strip():
                return value.strip()
    return None


# --- choosing --------------------------------------------------------------------------------


def _site(src: Declarations) -> str | None:
    """Every name the page gives itself, the first found: what titles and bylines are cleaned of.

    An account handle ("@SputnikInt") or a URL counts here, since titles end with them too.
    """
    for obj in src.ld_articles:
        name = json_ld.text(obj.get("publisher"))
        if name:
            return name
    name = _first(src.meta, "og:site_name", "application-name", "apple-mobile-web-app-title",
                  "publisher", "dc.publisher", "twitter:site")
    if name:
        return name.lstrip("@") or None
    for obj in src.ld_orgs:
        name = json_ld.text(obj.get("name"))
        if name:
            return name
    return None


def _title(src: Declarations, site: str | None) -> str | None:
    """The headline: the visible ``<h1>`` when a declared title confirms it, else declared.

    An h1 that is the site's name (a blog's masthead) is never the headline; one that prints
    the site's name beside the headline ("Best UK Art Exhibitions 2025 – Artlyst") loses it, as
    declared titles do.

    ``og:title`` and ``<title>`` often carry the outlet ("Headline | Outlet"); JSON-LD headlines
    are sometimes truncated at 110 characters (Google's old limit).
    """
    declared = []
    for obj in src.ld_articles:
        for key in ("headline", "name", "alternativeHeadline"):
            t = json_ld.text(obj.get(key))
            if t:
                declared.append(t)
                break
    for key in ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "title"):
        declared.extend(src.meta.get(key, ()))
    declared.extend(src.itemprops.get("headline", ()))
    if src.title_tag:
        declared.append(src.title_tag)
    for obj in src.ld_pages:
        t = json_ld.text(obj.get("name")) or json_ld.text(obj.get("headline"))
        if t:
            declared.append(t)
    cleaned = _untruncated([c for c in (clean_title(t, site) for t in declared) if c])
    h1s = [c for c in (clean_title(h, site) for h in src.h1s)
           if c and not _is_site_name(c, site, declared)]
    if not cleaned:
        return h1s[0] if h1s else None
    # The visible headline is the article's title as printed; declared titles are often SEO
    # variants of it ("Top 10 Health Trends" vs "Health And Nutrition Trends For 2026"). An h1
    # about the same thing as a declared title (half of its words shared) is taken; an h1 that
    # shares nothing is the site's logo or a section name. The first such h1 is taken, unless
    # a later one is a declared title outright: a blog's name may share a few words with it
    # ("The Go Blog" and "Defer, Panic, and Recover - The Go Programming Language").
    overlaps = [(h, max(_word_overlap(h, c) for c in cleaned[:4])) for h in h1s
                if 2 <= len(h.split()) <= _HEADLINE_MAX_WORDS]
    for wanted in (1.0, 0.5):
        for h, overlap in overlaps:
            if overlap >= wanted:
                return h
    return cleaned[0]


# A headline cut to fit a length limit (JSON-LD's 110 characters) is a long one; one cut at a
# separator ("Headline – Subtitle") may be the headline without its subtitle.
_TRUNCATED_MIN_CHARS = 60
_CONTINUES = re.compile(r" [^\W_]")


def _untruncated(titles: list[str]) -> list[str]:
    """``titles`` with each one that another continues mid-sentence replaced by that one.

    A JSON-LD headline "… Find Solutions (Including" beside an ``og:title`` "… Find Solutions
    (Including One Universal Trick That 9/10 Works)" was cut at a length limit.
    """
    out = []
    for title in titles:
        if len(title) >= _TRUNCATED_MIN_CHARS:
            title = next((t for t in titles if t.startswith(title)
                          and _CONTINUES.match(t, len(title))), title)
        out.append(title)
    return out


def _is_site_name(h1: str, site: str | None, declared: list[str]) -> bool:
    """Whether an ``<h1>`` is the site's name (blogs print it as the page's first heading).

    It is when it is the outlet's declared name, or when a declared title joins the h1 and a
    longer title by a separator ("Engora Data Blog: Small adventures with small language
    models") and another declared title is that longer one alone. (A page whose ``og:title``
    is its site's name, "Robomow", leaves its real headline an h1.)
    """
    key = _norm(h1)
    site_key = _norm(site or "")
    if site_key and key == site_key:
        return True
    alone = {_norm(t) for t in declared} - {site_key}
    for title in declared:
        parts = [_norm(p) for p in _SITE_SEPS.split(title, maxsplit=1)]
        if len(parts) == 2 and key in parts:
            other = parts[1] if parts[0] == key else parts[0]
            if other in alone and len(other.split()) > len(key.split()):
                return True
    return False


# Longer than any headline: an <h1> of this many words is a summary or a sentence of the page.
_HEADLINE_MAX_WORDS = 25
_SITE_SEPS = re.compile(r"\s+[|–—-]\s+|:\s+")


def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _dek(src: Declarations, site: str | None, body_text: str | None, title: str | None) -> str | None:
    descriptions = [d for obj in src.ld_articles for d in [json_ld.text(obj.get("description"))] if d]
    for key in ("og:description", "twitter:description", "description"):
        descriptions.extend(src.meta.get(key, ())[:1])
    about_site = tuple(d for obj in src.ld_orgs for d in [json_ld.text(obj.get("description"))] if d)
    after = src.near_title[src.h1_index + 1: src.h1_index + 6] if src.h1_index is not None else []
    return decide_dek(src.dek_texts, after, descriptions, body_text, site=site,
                      site_descriptions=about_site, title=title)
