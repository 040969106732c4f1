"""A site's disclaimers closing the body: furniture that no class names.

Pages close articles with the site's fine print, set as one more paragraph: "The views expressed
are the author's own", "This content is for informational purposes only and is not financial
advice", "Disclaimer: ...". Where a class names such a block, ``furniture_blocks`` takes it; here
it is known by its form (a short paragraph that is one of these statements) and its place (the
last lines of the body, after the article): the same sentence inside the article is the
article's. Notes about the article itself are the article's text and stay: an editor's note, a
correction ("An earlier version of this article misstated ..."), an update.
"""
from __future__ import annotations

import re

from reportedly.ingest.html.options import DEFAULT_OPTIONS, DisclaimerOptions

__all__ = ["closing_disclaimers"]

_WORK = r"(?:article|post|blog(?: post)?|piece|column|story|content|page|site|website|video|newsletter)"
_DISCLAIMER = re.compile(
    # A labelled disclaimer or disclosure.
    r"(?:legal |important |editorial )?(?:disclaimer|disclosure)s?\s*[:.\-–—]"
    # Whose views: "The views expressed (in this article) are (solely) those of the author(s)",
    # "Opinions expressed by contributors are their own".
    r"|(?:the |all )?(?:views?|opinions?)(?:,? (?:thoughts|and|or|views|opinions))*"
    r" (?:expressed|stated|shared)\b.{0,80}?\b(?:are|is)\s+(?:solely\s+)?"
    r"(?:(?:those|that) of the (?:authors?|writers?|contributors?)|(?:the )?(?:authors?|writers?)['’]?s?"
    r"|(?:their|his|her|my) own)"
    # What the content is not: "This article is for informational purposes only", "... does not
    # constitute financial advice", "is not intended as a substitute for medical advice".
    rf"|(?:this|the|all) (?:information|{_WORK}|material)\b.{{0,60}}?\b(?:is|are) (?:provided |intended )?"
    r"(?:solely )?for (?:general )?(?:informational|information|educational|entertainment) purposes(?: only)?"
    rf"|(?:this|the|nothing in this) (?:information|{_WORK}|material)\b.{{0,60}}?\b"
    r"(?:does not|doesn['’]t|do not|is not|should not be (?:considered|construed as)) (?:constitute )?"
    r"(?:intended (?:as|to be) )?(?:an? )?(?:substitute for )?(?:professional )?"
    r"(?:financial|investment|legal|medical|tax|health) advice"
    # Who paid or made it: "This article was produced by X", "This content is sponsored by X".
    rf"|this {_WORK} (?:was|is|has been) (?:produced|created|sponsored|paid for|brought to you|provided)"
    r" (?:by|for|in (?:partnership|collaboration|association) with|on behalf of)\b",
    re.IGNORECASE,
)


def closing_disclaimers(lines: list[str], options: DisclaimerOptions = DEFAULT_OPTIONS.disclaimers) -> list[int]:
    """The indices of the trailing run of ``lines`` that are the site's disclaimers (at most
    ``options.max_lines``, each a paragraph of at most ``options.max_words`` words); the first
    line is never one (the body is not emptied)."""
    found: list[int] = []
    for i in range(len(lines) - 1, 0, -1):
        if len(found) >= options.max_lines:
            break
        line = " ".join(lines[i].split())
        if len(line.split()) > options.max_words or not _DISCLAIMER.match(line):
            break
        found.append(i)
    return found[::-1]
