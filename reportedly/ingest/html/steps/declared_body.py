"""Trimming extracted lines to the article body the page declares in JSON-LD (``articleBody``).

Some pages repeat their article's text in the JSON-LD ``articleBody`` of their ``NewsArticle`` or
``BlogPosting``. That copy is written by the CMS from the article's own field, so it has no
breadcrumbs, share rows, author bios or calls to action. It is not used as the body itself: it is
often flattened (no paragraphs), sometimes a teaser or a truncated excerpt, and sometimes leaves
out sections (FAQs, tables) that the page prints. It is used only to cut lines at the *edges* of
the extracted text that it does not contain, and only when it declares the same article as the
extraction (most words shared), so a teaser or another article's body never cuts anything.
"""
from __future__ import annotations

import html
import re

from reportedly.ingest.html.words import shared_count, words as _words
from reportedly.ingest.html.options import DEFAULT_OPTIONS, DeclaredBodyOptions

__all__ = ["declared_article_body", "declared_body_bounds"]

_TAG = re.compile(r"<[^>]+>")


def declared_article_body(ld_objects: list[dict]) -> str | None:
    """The first non-empty JSON-LD ``articleBody`` string among ``ld_objects``, or None."""
    for obj in ld_objects:
        body = obj.get("articleBody")
        if isinstance(body, str) and body.strip():
            return body
    return None


def declared_body_bounds(lines: list[str], declared: str | None,
                         options: DeclaredBodyOptions = DEFAULT_OPTIONS.declared_body) -> tuple[int, int]:
    """``(start, end)``: the slice of ``lines`` that the declared article body bounds.

    Leading lines before the first line found in ``declared`` and trailing lines after the last
    one are outside; lines in between are never cut (the declaration may leave out captions,
    headings or tables that the article prints). Returns ``(0, len(lines))`` when there is no
    usable declaration: missing, under 100 words, or not the same article (word-F1 under 0.7).
    """
    whole = (0, len(lines))
    if not declared:
        return whole
    declared_words = _words(_TAG.sub(" ", html.unescape(declared)))
    if len(declared_words) < options.min_words:
        return whole
    extracted_words = [w for line in lines for w in _words(line)]
    if _f1(extracted_words, declared_words) < options.same_article_f1:
        return whole
    vocabulary = set(declared_words)
    trigrams = set(zip(declared_words, declared_words[1:], declared_words[2:]))

    def inside(line: str) -> bool:
        words = _words(line)
        if not words:
            return False
        grams = list(zip(words, words[1:], words[2:]))
        if not grams:  # one or two words: all of them must be in the declaration
            return all(w in vocabulary for w in words)
        return sum(g in trigrams for g in grams) / len(grams) >= options.line_share

    start, end = whole
    while end > start and not inside(lines[end - 1]):
        end -= 1
    while start < end and not inside(lines[start]):
        start += 1
    if start >= end:  # nothing matched line by line: leave the extraction alone
        return whole
    return start, end


def _f1(a: list[str], b: list[str]) -> float:
    overlap = shared_count(a, b)
    if not overlap:
        return 0.0
    precision, recall = overlap / len(a), overlap / len(b)
    return 2 * precision * recall / (precision + recall)
