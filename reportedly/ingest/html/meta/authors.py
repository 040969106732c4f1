"""The article's bylines, from the page's declarations and what it prints beside the headline.

Used by ``decide``; reads the declarations it gathered (its ``_Sources``): JSON-LD authors,
``<meta>`` (Highwire ``citation_author`` among them) and microdata authors, byline-classed
elements, ``rel=author`` links, the text around the headline, author cards. The most trusted
source that yields a real person wins; weaker fallbacks (a declared organisation, a portrait's
name, the site owner's name) come last.
"""
from __future__ import annotations

import re

from reportedly.ingest.html.meta import json_ld
from reportedly.ingest.html.meta.agencies import news_agency
from reportedly.ingest.html.meta.clean import (
    byline_agency,
    clean_author,
    clean_author_list,
    is_weak_name,
    split_byline,
)
from reportedly.ingest.html.meta.visible import (
    _looks_like_name,
    byline_in_text,
    byline_near_title,
    name_in_meta_line,
    printed_coauthors,
)

__all__ = ["decide_credits"]


def decide_credits(src, site: str | None, body_text: str | None) -> tuple[tuple[str, ...], str | None]:
    """The bylines and the news agency whose copy the article is (its short name: "AP").

    The agency comes from the byline, fused to the reporter's name ("Tom Davies Associated
    Press"), printed beside it ("Jane Doe, Reuters") or alone ("By The Associated Press"), or
    from a declaration that names it as the copy's author or source (JSON-LD ``author``,
    ``creator``, ``sourceOrganization``, ``provider``; a ``<meta>`` byline). An agency printed
    beside a person is the wire, not a co-author: the person alone is the byline. An agency
    alone stays the byline of wire copy.
    """
    bylines, raw = _choose(src, site, body_text)
    agencies = [*map(byline_agency, raw), *map(news_agency, bylines)]
    wire = next(filter(None, agencies), None) or _declared_agency(src)
    people = tuple(b for b in bylines if not news_agency(b))
    return people or bylines, wire


def _declared_agency(src) -> str | None:
    """An agency the page declares as its copy's author or source, named and nothing else."""
    names: list = []
    for obj in src.ld_articles:
        for key in ("author", "creator", "sourceOrganization", "provider"):
            value = obj.get(key)
            names += value if isinstance(value, list) else [value]
    names = [json_ld.text(v.get("name")) if isinstance(v, dict) else v for v in names]
    for key in ("author", "byl", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
                "parsely-author"):
        names += src.meta.get(key, ())
    return next(filter(None, (news_agency(n) for n in names if isinstance(n, str))), None)


def _choose(src, site: str | None, body_text: str | None) -> tuple[tuple[str, ...], list[str]]:
    """The bylines, and the raw strings of the declaration they were read from."""
    # (names, whether a one-word or handle-like name from this source may stand alone)
    candidates: list[tuple[list[str], bool]] = []
    for obj in src.ld_articles:
        candidates.append((_ld_people(obj.get("author")) or _ld_people(obj.get("creator")), True))
    # A rel=author link (HTML's own mark for the author's page) printed beside the headline,
    # before a "By" cue there: the cue may be followed by the post's category links first
    # ("By" / "Wedding Checklists" / "Just Engaged" / "Naoise McNally"). Elsewhere on the page
    # such links also name the authors of other posts.
    printed = _beside_headline(src)
    linked = [p for v in src.rel_authors[:4] if v in printed for p in split_byline(v)]
    if linked:
        candidates.append((linked, True))
    if src.h1_index is not None:
        # Printed beside the headline: before the declared author, which is often the CMS
        # account that posted the page (an editor, "admin") rather than the writer.
        beside = src.near_title[max(0, src.h1_index - 3):]
        candidates.append((byline_near_title(beside, cue_within=15), True))
    # Scholarly pages' Highwire Press tags (one per author, in order) list every author where
    # their Dublin Core and author tags name only the first.
    cited = [_first_last(v) for key in ("citation_author", "citation_authors")
             for v in src.meta.get(key, ())]
    if cited:
        candidates.append((cited, True))
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
    weak_group: list[str] = []
    for group, weak_ok in candidates:
        people = clean_author_list(group, site)
        if people and not all(is_weak_name(p) for p in people):
            # The declaration named the first author; the byline prints them all.
            return tuple(clean_author_list(printed_coauthors(printed, people), site) or people), group
        # A one-word name ("Mazi") that the page also prints alone beside the headline is the
        # byline as readers see it, not a widget's label.
        if people and weak_ok and any(p in printed for p in people):
            return tuple(people), group
        if people and weak_ok and not weak:
            weak, weak_group = people, group
    if weak:
        return tuple(weak), weak_group
    # A declared name typed all in lower case ("kirstin boatto") is still the author's name.
    declared = [p for obj in src.ld_articles for p in _ld_people(obj.get("author"))]
    declared += [p for v in src.meta.get("author", ())[:2] for p in split_byline(v)]
    lower = [n for n in (" ".join(d.split()) for d in declared) if _LOWER_NAME.fullmatch(n)]
    if lower:
        return tuple(dict.fromkeys(lower)), []
    # No person: an organisation the page itself declares as author ("Reuters", a company blog).
    for obj in src.ld_articles:
        orgs = _ld_org_authors(obj.get("author"))
        if orgs:
            return tuple(orgs), []
    # An author card: a portrait whose alt text is the name printed beside it. After an
    # organisation declared in JSON-LD, and only when one person is pictured (more is a team
    # or testimonials). Before a meta author that only repeats the site's name: that is the
    # CMS's default, not a credit.
    if len(src.pictured) == 1:
        people = clean_author_list(src.pictured, site)
        if people:
            return tuple(people), []
    for value in src.meta.get("author", ())[:1]:
        name = " ".join(value.split())
        if name and site and _norm(name) == _norm(site):
            return (name,), []
    # A personal site: the site's own name is a person's ("Jane Doe", "Jane Doe's blog"), so the
    # site's author wrote the page. Only a person-shaped name; a company name is never inferred.
    owner = _site_owner(src, site, body_text)
    return ((owner,) if owner else ()), []


def _beside_headline(src) -> list[str]:
    """The printed text nodes just before and after the headline (where bylines are)."""
    if src.h1_index is None:
        return []
    return src.near_title[max(0, src.h1_index - 3): src.h1_index + 12]


def _nearest_first(texts: list[str], src) -> list[str]:
    """Byline-classed texts printed beside the headline first; the rest in page order.

    Sidebars and "latest posts" widgets reuse the byline class for other posts' authors and
    often come earlier in the markup than the article's own byline.
    """
    beside = [c for c in _beside_headline(src) if len(c) > 2]
    near = [t for t in texts if any(c in t for c in beside)]
    return near + [t for t in texts if t not in near]


_LOWER_NAME = re.compile(r"[^\W\d_A-Z]{2,}(?: [^\W\d_A-Z]{2,}){1,2}")
_OWNER_SUFFIX = re.compile(r"[’']s\s+(?:blog|site|weblog|journal|notes|newsletter)$", re.IGNORECASE)


def _site_owner(src, site: str | None, body_text: str | None = None) -> str | None:
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
    name = json_ld.text(value.get("name")) if isinstance(value, dict) else value
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
        types = json_ld.types(value)
        if types & json_ld.ORG_TYPES and "person" not in types:
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


def _first_last(value: str) -> str:
    """A Highwire author name in reading order: "Kaufman, Jeff T." -> "Jeff T. Kaufman".

    Highwire allows the family name first, before a comma. A comma before a credential
    ("Ana Ruiz, MD") is not that comma: ``split_byline`` keeps such a name whole.
    """
    if value.count(",") != 1 or len(split_byline(value)) != 2:
        return value
    family, given = (" ".join(part.split()) for part in value.split(","))
    return f"{given} {family}"


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()
