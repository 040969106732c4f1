"""Article metadata from a web page's own declarations, weighed against each other.

A page usually says the same thing several times: JSON-LD, OpenGraph / ``article:*`` / Twitter /
Dublin Core ``<meta>`` tags, microdata, ``<time datetime>`` elements and a visible byline. Each
source is read into candidates; each field then takes the candidate of the most trusted source
that has one, with cross-checks where sources are known to disagree (titles carry site suffixes in
``<title>``; JSON-LD authors are sometimes the outlet itself; ``dateModified`` leaks into
``og:updated_time``). Cleaning of single values lives in ``html_clean``; reading printed
bylines from the visible text in ``html_visible``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from lxml import html as lxml_html

from reportedly.ingest.html_clean import (
    clean_author,
    clean_author_list,
    clean_title,
    is_weak_name,
    split_byline,
)
from reportedly.ingest.html_dates import declared_date, decide_published
from reportedly.ingest.html_dek import DEK_XPATH, decide_dek
from reportedly.ingest.html_visible import (
    byline_elements,
    byline_in_text,
    byline_near_title,
    cued_bylines,
    _looks_like_name,
    line_text,
    name_in_meta_line,
    pictured_names,
    text_near_h1,
    visible_text,
)

# Types whose fields describe the article itself; a WebPage is a weaker fallback.
_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
    "medicalwebpage", "posting", "discussionforumposting", "howto", "recipe", "review",
}
_PAGE_TYPES = {"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage"}
_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "localbusiness", "website"}


@dataclass(frozen=True)
class PageMeta:
    """What the page declares about its article; every field may be missing."""

    title: str | None = None
    bylines: tuple[str, ...] = ()
    outlet: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    description: str | None = None
    dek: str | None = None
    language: str | None = None
    url: str | None = None


@dataclass
class _Sources:
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
    src: "_Sources",
    tree: lxml_html.HtmlElement,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
    body_text: str | None = None,
) -> PageMeta:
    """Choose each field from declarations gathered earlier (see ``gather_declarations``).

    ``tree`` is only searched (by htmldate) when the page declares no publication date.
    """
    site = _outlet(src)
    title = _title(src, site)
    return PageMeta(
        title=title,
        bylines=_authors(src, site, body_text),
        outlet=site,
        published=decide_published(src, tree, url or src.canonical, default_tz),
        updated=declared_date(src, "modified", default_tz),
        description=_first(src.meta, "og:description", "description", "twitter:description"),
        dek=_dek(src, site, body_text, title),
        language=src.lang,
        url=url or src.canonical or _first(src.meta, "og:url"),
    )


# --- gathering -------------------------------------------------------------------------------


def gather_declarations(tree: lxml_html.HtmlElement) -> _Sources:
    """Everything the page declares about itself, read before the tree is pruned for text."""
    src = _Sources()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            for obj in _walk_ld(_load_json(script.text_content())):
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


def _load_json(raw: str):
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    raw = raw.replace("//<![CDATA[", "").replace("//]]>", "").strip()
    try:
        return json.loads(raw)
    except ValueError:
        pass
    # Common breakage: raw newlines/tabs inside strings, trailing commas.
    fixed = re.sub(r"[\n\r\t]+", " ", raw)
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
    try:
        return json.loads(fixed)
    except ValueError:
        return None


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


def _walk_ld(obj, depth: int = 0):
    """Every JSON-LD object in a document: lists, ``@graph`` and ``mainEntity`` flattened."""
    if depth > 6 or obj is None:
        return
    if isinstance(obj, list):
        for item in obj:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(obj, dict):
        if "@graph" in obj:
            yield from _walk_ld(obj["@graph"], depth + 1)
        if "@type" in obj:
            yield obj
        for key in ("mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            sub = obj.get(key)
            if isinstance(sub, (dict, list)):
                yield from _walk_ld(sub, depth + 1)


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _file_ld(src: _Sources, obj: dict) -> None:
    types = _types(obj)
    if types & _ARTICLE_TYPES:
        src.ld_articles.append(obj)
    elif types & _PAGE_TYPES:
        src.ld_pages.append(obj)
    elif types & _ORG_TYPES:
        src.ld_orgs.append(obj)
    elif "person" in types:
        src.ld_people.append(obj)


def _first(table: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in table.get(key, ()):
            if value and value.strip():
                return value.strip()
    return None


def _ld_text(value) -> str | None:
    """A JSON-LD value as text: strings as they are, objects by their ``name``."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


# --- choosing --------------------------------------------------------------------------------


def _outlet(src: _Sources) -> str | None:
    for obj in src.ld_articles:
        name = _ld_text(obj.get("publisher"))
        if name:
            return name
    name = _first(src.meta, "og:site_name", "application-name", "apple-mobile-web-app-title",
                  "publisher", "dc.publisher", "twitter:site")
    if name:
        return name.lstrip("@") or None
    for obj in src.ld_orgs:
        name = _ld_text(obj.get("name"))
        if name:
            return name
    return None


def _title(src: _Sources, site: str | None) -> str | None:
    """The headline: the visible ``<h1>`` when a declared title confirms it, else declared.

    An h1 that is the site's name (a blog's masthead) is never the headline.

    ``og:title`` and ``<title>`` often carry the outlet ("Headline | Outlet"); JSON-LD headlines
    are sometimes truncated at 110 characters (Google's old limit).
    """
    declared = []
    for obj in src.ld_articles:
        for key in ("headline", "name", "alternativeHeadline"):
            t = _ld_text(obj.get(key))
            if t:
                declared.append(t)
                break
    for key in ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "title"):
        declared.extend(src.meta.get(key, ()))
    declared.extend(src.itemprops.get("headline", ()))
    if src.title_tag:
        declared.append(src.title_tag)
    for obj in src.ld_pages:
        t = _ld_text(obj.get("name")) or _ld_text(obj.get("headline"))
        if t:
            declared.append(t)
    cleaned = [c for c in (clean_title(t, site) for t in declared) if c]
    h1s = [c for c in (clean_title(h, None) for h in src.h1s)
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


def _authors(src: _Sources, site: str | None, body_text: str | None) -> tuple[str, ...]:
    """People credited with the article, most trusted declaration first."""
    # (names, whether a one-word or handle-like name from this source may stand alone)
    candidates: list[tuple[list[str], bool]] = []
    for obj in src.ld_articles:
        candidates.append((_ld_people(obj.get("author")) or _ld_people(obj.get("creator")), True))
    if src.h1_index is not None:
        # Printed beside the headline: before the declared author, which is often the CMS
        # account that posted the page (an editor, "admin") rather than the writer.
        beside = src.near_title[max(0, src.h1_index - 3):]
        candidates.append((byline_near_title(beside, cue_within=15), True))
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "cxenseparse:author", "byl", "twitter:creator"):
        values = src.meta.get(key, ())
        if values:
            candidates.append(([p for v in values for p in split_byline(v)], True))
    # An itemprop=author element is sometimes the whole author box with a biography: only a
    # byline-length text is read as names.
    bylines = [v for v in src.itemprops.get("author", ())[:3] if len(v) <= 120]
    if bylines:
        candidates.append(([p for v in bylines for p in split_byline(v)], True))
    # Elements found by class name catch widgets and categories too: one word from them is noise.
    for text in _nearest_first(src.byline_texts, src)[:4]:
        candidates.append((split_byline(text), False))
    if src.rel_authors:
        candidates.append(([p for v in src.rel_authors[:4] for p in split_byline(v)], True))
    candidates.append((byline_near_title(src.near_title), True))
    if body_text:
        candidates.append((byline_in_text(body_text), True))
    candidates.append((name_in_meta_line(src.near_title, src.h1_index), False))
    for text in src.cued_bylines:
        candidates.append((split_byline(text), False))
    # After what the page prints (the label names the WordPress account that posted, not always
    # the writer). Yoast and similar emit the byline as a labelled Twitter card pair:
    # twitter:label1 = "Written by", twitter:data1 = the name.
    for n in range(1, 5):
        label = " ".join(src.meta.get(f"twitter:label{n}", [""])[0].split()).lower()
        if label in ("written by", "author", "by"):
            candidates.append((split_byline(src.meta.get(f"twitter:data{n}", [""])[0]), True))
    for obj in src.ld_pages:
        candidates.append((_ld_people(obj.get("author")), True))
    weak: list[str] = []
    printed = set(_beside_headline(src))
    for group, weak_ok in candidates:
        people = clean_author_list(group, site)
        if people and not all(is_weak_name(p) for p in people):
            return tuple(people)
        # A one-word name ("Mazi") that the page also prints alone beside the headline is the
        # byline as readers see it, not a widget's label.
        if people and weak_ok and any(p in printed for p in people):
            return tuple(people)
        if people and weak_ok and not weak:
            weak = people
    if weak:
        return tuple(weak)
    # A declared name typed all in lower case ("kirstin boatto") is still the author's name.
    declared = [p for obj in src.ld_articles for p in _ld_people(obj.get("author"))]
    declared += [p for v in src.meta.get("author", ())[:2] for p in split_byline(v)]
    lower = [n for n in (" ".join(d.split()) for d in declared) if _LOWER_NAME.fullmatch(n)]
    if lower:
        return tuple(dict.fromkeys(lower))
    # No person: an organisation the page itself declares as author ("Reuters", a company blog).
    for obj in src.ld_articles:
        orgs = _ld_org_authors(obj.get("author"))
        if orgs:
            return tuple(orgs)
    # An author card: a portrait whose alt text is the name printed beside it. After an
    # organisation declared in JSON-LD, and only when one person is pictured (more is a team
    # or testimonials). Before a meta author that only repeats the site's name: that is the
    # CMS's default, not a credit.
    if len(src.pictured) == 1:
        people = clean_author_list(src.pictured, site)
        if people:
            return tuple(people)
    for value in src.meta.get("author", ())[:1]:
        name = " ".join(value.split())
        if name and site and _norm(name) == _norm(site):
            return (name,)
    # A personal site: the site's own name is a person's ("Jane Doe", "Jane Doe's blog"), so the
    # site's author wrote the page. Only a person-shaped name; a company name is never inferred.
    owner = _site_owner(src, site, body_text)
    return (owner,) if owner else ()


def _dek(src: _Sources, site: str | None, body_text: str | None, title: str | None) -> str | None:
    descriptions = [d for obj in src.ld_articles for d in [_ld_text(obj.get("description"))] if d]
    for key in ("og:description", "twitter:description", "description"):
        descriptions.extend(src.meta.get(key, ())[:1])
    about_site = tuple(d for obj in src.ld_orgs for d in [_ld_text(obj.get("description"))] if d)
    after = src.near_title[src.h1_index + 1: src.h1_index + 6] if src.h1_index is not None else []
    return decide_dek(src.dek_texts, after, descriptions, body_text, site=site,
                      site_descriptions=about_site, title=title)


def _beside_headline(src: _Sources) -> list[str]:
    """The printed text nodes just before and after the headline (where bylines are)."""
    if src.h1_index is None:
        return []
    return src.near_title[max(0, src.h1_index - 3): src.h1_index + 12]


def _nearest_first(texts: list[str], src: _Sources) -> list[str]:
    """Byline-classed texts printed beside the headline first; the rest in page order.

    Sidebars and "latest posts" widgets reuse the byline class for other posts' authors and
    often come earlier in the markup than the article's own byline.
    """
    beside = [c for c in _beside_headline(src) if len(c) > 2]
    near = [t for t in texts if any(c in t for c in beside)]
    return near + [t for t in texts if t not in near]


_LOWER_NAME = re.compile(r"[^\W\d_A-Z]{2,}(?: [^\W\d_A-Z]{2,}){1,2}")
_OWNER_SUFFIX = re.compile(r"[’']s\s+(?:blog|site|weblog|journal|notes|newsletter)$", re.IGNORECASE)


def _site_owner(src: _Sources, site: str | None, body_text: str | None = None) -> str | None:
    """The site's own name as the author, when the site speaks as the article's writer.

    A declared site name (``og:site_name``, a publisher) is the author of a page written in
    its voice, "I" or "we" (a one-person blog, a company blog: "Silverback Strategies"); a page
    that speaks as nobody (a glossary, a trade site's news) names no author. The last part of
    the ``<title>`` is often a section, a department or a product line ("| Human Resources",
    "| Logitech Ergo Series"), so it counts only on a page written in the first person singular
    ("Go ahead, self-host Postgres | Pierce Freeman").
    """
    singular, plural = _voice(body_text or "")
    names = [site] if site and singular + plural >= 3 else []
    if src.title_tag and singular >= max(3, plural):
        parts = re.split(r"\s+[|–—-]\s+", src.title_tag)
        if len(parts) > 1:
            names.append(parts[-1])
    for name in names:
        name = _OWNER_SUFFIX.sub("", " ".join(name.split()))
        if _looks_like_name(name) and len(name.split()) <= 3:
            person = clean_author(name, None)
            if person and not is_weak_name(person) and not _COLLECTIVE_OR_ORG.search(person):
                return person
    return None


_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself)\b")
_PLURAL = re.compile(r"\b(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Oo]urs|us|ourselves)\b")


def _voice(text: str) -> tuple[int, int]:
    """How often a text says "I/me/my" and "we/our/us": who it speaks as."""
    return len(_SINGULAR.findall(text)), len(_PLURAL.findall(text))


_COLLECTIVE_OR_ORG = re.compile(
    r"\b(?:team|staff|editors|news|media|blog|group|inc|llc|ltd|co|company|studio|studios|labs?|"
    r"press|magazine|journal|digital|online|daily|times|post|review|network|house|shop|store|"
    r"club|academy|institute|center|centre|foundation|university|college|school|health|"
    r"clinic|travel|food|kitchen|home|design|agency|solutions|services|tech|systems)\b",
    re.IGNORECASE)


def _ld_org_authors(value) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _ld_org_authors(v)]
    name = _ld_text(value.get("name")) if isinstance(value, dict) else value
    if not isinstance(name, str):
        return []
    name = " ".join(name.split())
    if not 1 < len(name) < 80 or "://" in name or any(ch.isdigit() for ch in name) \
            or name.lower() in ("undefined", "null", "none", "admin", "webmaster"):
        return []
    return [name]


def _ld_people(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [p for v in value for p in _ld_people(v)]
    if isinstance(value, dict):
        types = _types(value)
        if types & _ORG_TYPES and "person" not in types:
            return []  # the outlet credited as author: not a person
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if not isinstance(name, str):
            given, family = value.get("givenName"), value.get("familyName")
            name = " ".join(x for x in (given, family) if isinstance(x, str)) or None
        return split_byline(name) if name else []
    if isinstance(value, str):
        return split_byline(value)
    return []
