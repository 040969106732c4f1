"""Extracting the body's lines from the prepared tree with trafilatura (two runs, one kept).

The third stage of the reader: its output, one paragraph per line, is the list of candidate
lines that the line steps (``steps``) then judge.
"""
from __future__ import annotations

from copy import copy

import trafilatura
from lxml import html as lxml_html

from reportedly.ingest.html.options import DEFAULT_OPTIONS, ExtractOptions
from reportedly.ingest.html.upstream import check_version, note_fallback
from reportedly.ingest.html.words import shared_count, words

__all__ = ["extract_body"]

check_version("trafilatura")

# Both runs begin with the same work on the whole page: a copy of the tree, then two pruning
# passes whose regular-expression XPaths test every element's class and id (about 4 ms of a
# page's 80 on WCXB dev), then the cleaning of a copy. ``_both_runs`` does that once and runs the rest of each
# mode's cascade on the result, which is what ``bare_extraction`` would do for our options
# (no comments, no metadata, text out). It needs trafilatura's internal cascade stages; without
# them, each run is a plain ``bare_extraction`` (the same text, slower).
try:
    from trafilatura import core as _core
    from trafilatura.htmlprocessing import prune_unwanted_nodes as _prune
    from trafilatura.settings import Extractor as _Extractor
    from trafilatura.xml import xmltotxt as _xmltotxt
    from trafilatura.xpaths import (
        REMOVE_COMMENTS_AND_LISTS_XPATH as _COMMENTS_AND_LISTS,
        RAW_TREE_PRUNE_XPATH as _RAW_PRUNE,
    )
    # The stages and thresholds read below (an AttributeError here if a release renamed one).
    _CASCADE = (_core._forum_thread_page, _core._prepare_tree, _core._extract_and_compare,
                _core.html2txt, _core.ESCALATION_MAX_LENGTH, _core.ESCALATION_PAGE_SHARE)
except (ImportError, AttributeError):
    _CASCADE = None
    note_fallback("trafilatura.core cascade stages (_prepare_tree, _extract_and_compare, …)")

# What the reader asks of trafilatura: the main text with tables, no comments, images or
# metadata, no deduplication across pages (``bare_extraction``'s keywords, for the fallback).
_KEYWORDS = dict(include_comments=False, include_tables=True, include_images=False,
                 with_metadata=False, deduplicate=False)


def extract_body(tree: lxml_html.HtmlElement, url: str | None,
                 options: ExtractOptions = DEFAULT_OPTIONS.extract) -> str | None:
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
    balanced, generous = _both_runs(tree, url)
    if not balanced or not generous:
        return balanced or generous
    a, b = words(generous), words(balanced)  # read once for both tests
    if _extends(a, b, contained=options.recall_contains) and _keeps_paragraphs(generous, balanced):
        return generous
    if _paragraphs_of(generous, balanced, a, b, kept=options.recall_share_of_joined):
        return generous
    return balanced


def _both_runs(tree: lxml_html.HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """The balanced run's text and the recall run's (``fast``: without trafilatura's fallback
    extractors, as accurate here, 0.9434 vs 0.9433 F1 on WCXB dev, at about half the cost),
    each what ``bare_extraction`` gives, the page-wide pruning done once for both."""
    if _CASCADE is None:
        return (_bare_text(tree, url, favor_recall=False), _bare_text(tree, url, favor_recall=True, fast=True))
    # bare_extraction's own start, for a tree without comments kept: a copy (the reader's tree
    # stays as it is), then the pruning of appended articles and of comment sections.
    pruned = copy(tree)
    forum = _core._forum_thread_page(pruned)
    pruned = _prune(pruned, _RAW_PRUNE)
    if not forum:
        pruned = _prune(pruned, _COMMENTS_AND_LISTS)
    balanced, recall = _extractor(recall=False), _extractor(recall=True)
    # Then each mode cleans a copy and converts its tags, the same way in both but where the
    # recall mode undoes a cleaning that left no paragraph: the balanced mode's result serves
    # both when it kept one. (The recall run, being fast, never reads the pre-conversion copy.)
    cleaned, backup = _core._prepare_tree(pruned, balanced, url)
    if backup.find(".//p") is not None:
        generous = _run((copy(cleaned), backup), pruned, tree, url, recall)
    else:
        generous = _run(_core._prepare_tree(pruned, recall, url), pruned, tree, url, recall)
    return _run((cleaned, backup), pruned, tree, url, balanced), generous


def _run(prepared: tuple, pruned: lxml_html.HtmlElement, tree: lxml_html.HtmlElement,
         url: str | None, extractor) -> str | None:
    """One mode's text from its cleaned tree (``prepared``: converted, and a copy from before
    the conversion): trafilatura's main extractor, then (balanced mode) its comparison with
    the fallback extractors; the rest of its cascade, which engages only on a short text (a
    rescue from the raw page, a retry in recall mode), is left to a plain ``bare_extraction``
    of the whole page, which then gives the text."""
    recall = extractor.focus == "recall"
    try:
        body, text = _core._extract_and_compare(*prepared, pruned, extractor)
    except (TypeError, ValueError):
        # bare_extraction's answer to these is no text; it is asked, to give its own.
        return _bare_text(tree, url, favor_recall=recall, fast=extractor.fast)
    if len(text) < extractor.min_extracted_size or (
            not recall and 0 < len(text) < _core.ESCALATION_MAX_LENGTH
            and len(text) < _core.ESCALATION_PAGE_SHARE * len(_core.html2txt(pruned))):
        return _bare_text(tree, url, favor_recall=recall, fast=extractor.fast)
    if extractor.max_tree_size and len(body) > extractor.max_tree_size:
        return _bare_text(tree, url, favor_recall=recall, fast=extractor.fast)
    text = _xmltotxt(body, extractor.formatting)
    return text if text and text.strip() else None


_EXTRACTORS: dict[bool, object] = {}


def _extractor(*, recall: bool):
    """trafilatura's options for a mode, built once (as ``bare_extraction`` builds them from
    ``_KEYWORDS``; the URL, which they would also hold, is only used in its log messages)."""
    if recall not in _EXTRACTORS:
        _EXTRACTORS[recall] = _Extractor(output_format="python", fast=recall, recall=recall,
                                         comments=False, tables=True, images=False,
                                         with_metadata=False, dedup=False)
    return _EXTRACTORS[recall]


def _bare_text(tree: lxml_html.HtmlElement, url: str | None, *, favor_recall: bool,
               fast: bool = False) -> str | None:
    doc = trafilatura.bare_extraction(tree, url=url, fast=fast, favor_recall=favor_recall, **_KEYWORDS)
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


def _paragraphs_of(split: str, joined: str, a: list[str], b: list[str], *, kept: float) -> bool:
    """Whether ``split`` (words ``a``) is most of ``joined``'s text (words ``b``) in at least
    twice as many lines.

    The balanced run, too, sometimes reads an article as one line (WCXB dev: five pages of
    1,000 to 2,000 words, all on one line, with the furniture between the paragraphs), where the
    recall run gives the same text in paragraphs without it: nearly all of its words are in the
    balanced run, which they make up most of (three quarters; on the one page where they made up
    two thirds, the balanced run's line held a part of the article the recall run missed).
    """
    if not a or split.count("\n") + 1 < 2 * (joined.count("\n") + 1) or len(a) < kept * len(b):
        return False
    return shared_count(a, b) / len(a) > 0.9


def _extends(a: list[str], b: list[str], *, contained: float) -> bool:
    """Whether the words ``a`` are more than the words ``b`` and contain most of them."""
    if len(a) <= len(b) or not b:
        return False
    return shared_count(a, b) / len(b) > contained
