"""Teasers of other stories set inside the body: a label announcing a link ("Read: …").

News pages interleave their own other stories with the paragraphs: "[Read: Why Tunisia …]",
"Related: Harbour fees to rise", "READ MORE: …", each the headline of another page, linked.
Read as text, their headlines become the article's sentences (and "X says Y" headlines became
attributions). A line whose whole text is a link on the page is no such sign alone: list
articles link their entries and pages link their own headings (on WCXB dev, 1,104 of 1,243
kept lines wholly a link are gold text). A label announcing another story before the linked
headline is: the page itself says the line is a pointer elsewhere.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection

__all__ = ["announced_links"]

# "Read:", "[Read more: …]", "Related story -", "See also:", "Also read:", "Don't miss:".
_ANNOUNCED = re.compile(
    r"[\[(]?\s*(?:read(?: more| next| also)?|related(?: story| article| stories| coverage| content)?"
    r"|see also|also read|also see|more on this(?: story)?|must read|don['’]?t miss|recommended"
    r"(?: reading)?|further reading)\s*[:|»\-–—]\s*(?P<headline>.+?)\s*[\])]?",
    re.IGNORECASE,
)


def announced_links(lines: list[str], link_texts: Callable[[], Collection[str]]) -> list[int]:
    """Indices of ``lines`` that are a label announcing another story and that story's linked
    headline; ``link_texts()`` gives the page's link texts, whitespace-normalised (read only
    when a line is so labelled)."""
    found = []
    links = None
    for i, line in enumerate(lines):
        text = " ".join(line.split())
        m = _ANNOUNCED.fullmatch(text)
        if m is None:
            continue
        links = link_texts() if links is None else links
        if m.group("headline") in links or text in links:
            found.append(i)
    return found
