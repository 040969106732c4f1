"""Word bags for comparing pieces of a page: lower-cased ``\\w+`` words and their overlap.

The HTML reader compares texts of one page with each other (two extraction runs, the extraction
and the declared ``articleBody``, a printed standfirst and the declared description); case and
punctuation differ between those copies, the words do not.
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The lower-cased ``\\w+`` words of ``text``, in order."""
    return [w.lower() for w in _WORD.findall(text)]


def shared_count(a: list[str], b: list[str]) -> int:
    """How many words ``a`` and ``b`` share, counting repeats (multiset intersection)."""
    return sum((Counter(a) & Counter(b)).values())
