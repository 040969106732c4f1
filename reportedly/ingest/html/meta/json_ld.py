"""Reading JSON-LD, the structured data pages declare about themselves (schema.org objects).

Pages embed it in ``<script type="application/ld+json">``, often broken (HTML comments, CDATA,
raw newlines in strings, trailing commas) and nested (lists, ``@graph``, ``mainEntity``). These
helpers mend and flatten it and read values the ways schema.org allows them to be written.
"""
from __future__ import annotations

import json
import re

__all__ = ["ARTICLE_TYPES", "ORG_TYPES", "PAGE_TYPES", "load_json", "text", "types", "walk"]

# Types whose fields describe the article itself; a WebPage is a weaker fallback.
ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
    "medicalwebpage", "posting", "discussionforumposting", "howto", "recipe", "review",
}
PAGE_TYPES = {"webpage", "itempage", "aboutpage", "faqpage", "qapage", "collectionpage"}
ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "localbusiness", "website"}


def load_json(raw: str):
    """A JSON-LD script's data, or None; comments, CDATA and common breakage are mended."""
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:]
    if raw.endswith("-->"):
        raw = raw[:-3]
    raw = raw.replace("//<![CDATA[", "").replace("//]]>", "").strip()
    try:
        return json.loads(raw)
    except RecursionError:
        return None  # nested thousands deep: no page's metadata, and mending cannot help
    except ValueError:
        pass
    # Common breakage: raw newlines/tabs inside strings, trailing commas.
    fixed = re.sub(r"[\n\r\t]+", " ", raw)
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
    try:
        return json.loads(fixed)
    except ValueError:
        return None


def walk(obj, depth: int = 0):
    """Every JSON-LD object in a document: lists, ``@graph`` and ``mainEntity`` flattened."""
    if depth > 6 or obj is None:
        return
    if isinstance(obj, list):
        for item in obj:
            yield from walk(item, depth + 1)
    elif isinstance(obj, dict):
        if "@graph" in obj:
            yield from walk(obj["@graph"], depth + 1)
        if "@type" in obj:
            yield obj
        for key in ("mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            sub = obj.get(key)
            if isinstance(sub, (dict, list)):
                yield from walk(sub, depth + 1)


def types(obj: dict) -> set[str]:
    """An object's ``@type``s, lower-cased."""
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def text(value) -> str | None:
    """A JSON-LD value as text: strings as they are, objects by their ``name``."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return text(value.get("name"))
    if isinstance(value, list) and value:
        return text(value[0])
    return None
