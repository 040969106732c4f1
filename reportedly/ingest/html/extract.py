"""Extracting the body's lines from the prepared tree with trafilatura (two runs, one kept).

The third stage of the reader: its output, one paragraph per line, is the list of candidate
lines that the line steps (``steps``) then judge.
"""
from __future__ import annotations

import trafilatura
from lxml import html as lxml_html

from reportedly.ingest.html.options import DEFAULT_OPTIONS, ExtractOptions
from reportedly.ingest.html.words import shared_count, words

__all__ = ["extract_body"]


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
    balanced = _trafilatura_text(tree, url, favor_recall=False)
    # The recall run skips trafilatura's fallback extractors (fast=True): as accurate here
    # (0.9434 vs 0.9433 F1 on WCXB dev) at about half the cost.
    generous = _trafilatura_text(tree, url, favor_recall=True, fast=True)
    if not balanced:
        return generous
    if generous and _extends(generous, balanced, contained=options.recall_contains) \
            and _keeps_paragraphs(generous, balanced):
        return generous
    if generous and _paragraphs_of(generous, balanced, kept=options.recall_share_of_joined):
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


def _paragraphs_of(split: str, joined: str, *, kept: float) -> bool:
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

def _extends(longer: str, shorter: str, *, contained: float) -> bool:
    """Whether ``longer`` has more words than ``shorter`` and contains most of them."""
    a, b = words(longer), words(shorter)
    if len(a) <= len(b) or not b:
        return False
    return shared_count(a, b) / len(b) > contained
