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
    found = _WORD.findall(text)
    # One lower() over the joined words instead of one per word (the reader compares
    # hundreds of texts a page). The same words: no lower-case mapping yields a space, and lower()
    # depends on context only for a final sigma, which looks past case-ignorable characters to
    # the next cased letter; a space is neither, so it ends a word as the end of the string does.
    # (Lower-casing *before* findall would not be the same: "İ" lowers to "i" + a combining dot,
    # which is not a word character.)
    return " ".join(found).lower().split(" ") if found else []


def word_key(text: str) -> str:
    """``text``'s words joined by single spaces: ``" ".join(words(text))``, without the list."""
    return " ".join(_WORD.findall(text)).lower()


def shared_count(a: list[str], b: list[str]) -> int:
    """How many words ``a`` and ``b`` share, counting repeats (multiset intersection)."""
    return sum((Counter(a) & Counter(b)).values())
