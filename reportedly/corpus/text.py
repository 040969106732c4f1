"""Folding text for matching: the canonical form of a statement and its word shingles."""
from __future__ import annotations

import re
import unicodedata

# Curly quotes, dashes and ellipses are typography, not wording: outlets differ in them.
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]")


def canonical(text: str) -> str:
    """Case-folded, accents and punctuation removed, whitespace collapsed: "It's  “OK”." -> "its ok"."""
    if not text.isascii():
        # Accents off ("José" = "Jose"); a regex over the NFKD form is much faster than a
        # per-character loop, and the common combining marks are all in this block.
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = text.replace("'", "").replace("\u2019", "")  # "it's" and "its" are one word when folded
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.casefold())).strip()


def shingles(words: list[str], size: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams of ``words``; a text shorter than ``size`` is one shingle of itself."""
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
