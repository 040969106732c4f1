"""The dek (standfirst, subtitle) of a web page's article.

A dek is the sentence or two under the headline that says what the article is about, printed
apart from the body. Pages mark it in three ways, tried in this order:

1. an element whose class names it ("dek", "standfirst", "subtitle", ...) printed beside the
   headline (a class found anywhere else is a teaser box or a "Key takeaways" panel);
2. a sentence printed just under the headline that the page also declares as its description
   (the description confirms that the line is a summary, not a caption or a menu);
3. the declared description itself (JSON-LD ``description``, ``og:description``,
   ``twitter:description``, ``<meta name=description>``), written for search results and
   social cards: it is a summary the outlet wrote, so it stands in for a dek when none is
   printed.

A candidate that is a passage of the extracted body (CMSs fill the description with the first
paragraph, often cut off with "...") is the lede or the text itself, not a dek, and is not
taken; nor is a description that repeats the headline or describes the site.
"""
from __future__ import annotations

import html
import re

from reportedly.ingest.html.words import words as _words

__all__ = ["DEK_XPATH", "decide_dek"]

# Elements that hold a dek by their class, among the first elements after the headline (an
# XPath from the first <h1>: searching the whole page costs several ms on large pages). The
# text is checked again to be one of the first lines under the headline.
DEK_XPATH = (
    "following::*[position() <= 40]"
    "[not(self::article or self::main or self::section or self::script or self::style)]"
    "[contains(@class,'dek') or contains(@class,'standfirst') or contains(@class,'subtitle')"
    " or contains(@class,'sub-title') or contains(@class,'subhead') or contains(@class,'strapline')"
    " or contains(@class,'deck') or contains(@class,'Dek') or contains(@class,'Standfirst')"
    " or contains(@class,'Subtitle') or contains(@data-testid,'dek') or contains(@data-testid,'standfirst')]"
)
_MIN_WORDS, _MAX_WORDS = 5, 80
_TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*$")
_NOT_DEK = re.compile(r"^(?:by\b|written by|posted|published|updated|last updated|photo|image|credit)",
                      re.IGNORECASE)


def decide_dek(
    dek_texts: list[str],
    beside_headline: list[str],
    descriptions: list[str],
    body_text: str | None,
    *,
    site: str | None = None,
    site_descriptions: tuple[str, ...] = (),
    title: str | None = None,
) -> str | None:
    """The article's dek, or None when the page gives none that is not its lede.

    ``dek_texts``: texts of dek-classed elements; ``beside_headline``: the printed text nodes
    after the headline, in order; ``descriptions``: the declared descriptions, most specific
    first; ``body_text``: the extracted body (a candidate that opens it is the lede).
    ``site`` and ``site_descriptions`` (the site's own JSON-LD description) recognise the
    site-wide description that some CMSs put on every page; a description that only repeats
    the ``title`` is not a dek.
    """
    body = " ".join(_words(body_text or ""))
    after = [c for c in beside_headline if c.strip()]
    for text in dek_texts:
        text = _clean(text)
        # The class says what it is: taken even when the extractor also kept it in the body.
        # It must be one of the first lines under the headline (a "subtitle" class further
        # down is a section heading).
        if _is_dek_shaped(text) and (len(text.split()) >= 8 or text.endswith((".", "!"))) \
                and any(text in c or c in text for c in after[:3] if len(c) > 20):
            return text
    about_site = {_clean(d) for d in site_descriptions}
    declared = [d for d in (_clean(x) for x in descriptions)
                if _is_dek_shaped(d) and d not in about_site and not _names_site(d, site)
                and not (title and _overlap(d, title) >= 0.8)]
    for chunk in after[:4]:
        chunk = _clean(chunk)
        if _is_dek_shaped(chunk) and not _in_body(chunk, body) \
                and any(_overlap(chunk, d, of_larger=True) >= 0.5 for d in declared):
            return chunk
    for text in declared:
        if not _TRUNCATED.search(text) and not _in_body(text, body):
            return text
    return None


def _clean(text: str) -> str:
    return " ".join(html.unescape(text or "").split())


def _is_dek_shaped(text: str) -> bool:
    n = len(text.split())
    # A sentence: not a lower-case fragment ("most influential conferences of 2026").
    return _MIN_WORDS <= n <= _MAX_WORDS and not text[:1].islower() and not _NOT_DEK.match(text)


def _names_site(text: str, site: str | None) -> bool:
    """"The Software Report is your source for ...": the site describing itself."""
    return bool(site) and text.lower().startswith(site.lower())


def _in_body(text: str, body: str) -> bool:
    """Whether ``text`` is a passage of the body (its first eight words appear there)."""
    words = _words(text)[:8]
    return len(words) >= 5 and f" {' '.join(words)} " in f" {body} "


def _overlap(a: str, b: str, *, of_larger: bool = False) -> float:
    """Shared words as a share of the smaller (or, with ``of_larger``, the larger) word set.

    A printed line and a declared description must agree as wholes (of the larger): a photo
    caption naming the same person shares only a few of the description's words.
    """
    wa, wb = set(_words(a)), set(_words(b))
    size = max(len(wa), len(wb)) if of_larger else min(len(wa), len(wb))
    return len(wa & wb) / max(1, size)
