"""The news agencies whose copy outlets run, as bylines print them (``Article.wire``).

A wire story's byline names the agency alone ("By The Associated Press"), beside the reporter
("Jane Doe, Reuters") or fused to the name with no separator a split would cut at ("Tom Davies
Associated Press"). ``news_agency`` reads an agency's name, ``split_agency`` cuts one off a
reporter's name; both give the agency's short name, the one the store's wire column uses.
"""
from __future__ import annotations

import re

__all__ = ["news_agency", "split_agency"]

# "By" before an agency's name alone ("By Reuters", "By: AFP").
_BY = re.compile(r"^by\s*:?\s+", re.IGNORECASE)

# Each agency by the short name the store's wire column uses
# (``Article.wire``), with the forms pages print it in. "Bloomberg" alone is not here: it is a
# surname too ("Michael Bloomberg").
_AGENCIES = (
    ("AP", r"(?i:(?:the\s+)?associated\s+press)|AP"),
    ("Reuters", r"(?i:reuters)"),
    ("AFP", r"AFP|(?i:agence\s+france[- ]presse)"),
    ("Bloomberg", r"(?i:bloomberg\s+news)"),
    ("PA Media", r"(?i:pa\s+media|(?:the\s+)?press\s+association)"),
    ("Xinhua", r"(?i:xinhua(?:\s+news\s+agency)?)"),
    ("dpa", r"dpa"),
)
_AGENCY_NAMES = [(short, re.compile(rf"(?:{form})\.?")) for short, form in _AGENCIES]
# An agency printed right after the reporter's name, with no separator a split would cut at
# ("Tom Davies Associated Press", "Jane Doe | Reuters").
_AGENCY_TAIL = re.compile(
    r"\s*(?:[|/–—-]\s*)?(?:" + "|".join(f"(?P<a{i}>{form})" for i, (_, form) in enumerate(_AGENCIES))
    + r")\.?$")


def news_agency(name: str | None) -> str | None:
    """The agency's short name ("AP") when ``name`` is a news agency's name and nothing else
    ("The Associated Press", "By Reuters", "AFP."); None for anything else, an outlet that
    carries an agency's name among other words ("Thomson Reuters Tax & Accounting") included."""
    text = _BY.sub("", " ".join((name or "").split())).strip(" .,:;|-–—")
    for short, pattern in _AGENCY_NAMES:
        if pattern.fullmatch(text):
            return short
    return None


def split_agency(text: str) -> tuple[str, str | None]:
    """A person's name and the agency printed after it: ("Tom Davies", "AP") for "Tom Davies
    Associated Press". The person is the byline; the agency is the wire the story came through.
    An agency alone stays ("Reuters", None): it is the byline of wire copy (``news_agency``
    says which agency it is).
    """
    m = _AGENCY_TAIL.search(text)
    if m is None:
        return text, None
    person = text[:m.start()].strip(" ,")
    if len(person.split()) < 2:
        return text, None
    short = _AGENCIES[int(next(k for k, v in m.groupdict().items() if v)[1:])][0]
    return person, short
