"""Which language an article is in; reportedly's models read English only."""
from __future__ import annotations

import re
import unicodedata

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect is random by default; the same text must give the same answer

MIN_WORDS = 12
MIN_CONFIDENCE = 0.9
# Scripts written without spaces between words (Chinese, Japanese): each character counts as a
# word, where str.split() would see a whole paragraph as one.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_UNSPACED}]|[^\\s{_UNSPACED}]+")


def word_count(text: str) -> int:
    """How many words ``text`` has: runs between spaces, and characters of unspaced scripts."""
    return len(_WORD.findall(text))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too unsure to say.

    Text written mostly in another alphabet than the Latin one is not English however short it
    is: langdetect's best guess then ("und" when it has none).
    """
    sample = text[:5000]
    if not mostly_latin(sample):
        try:
            return detect_langs(sample)[0].lang
        except LangDetectException:
            return "und"
    if word_count(sample) < MIN_WORDS:
        return None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= MIN_CONFIDENCE else None


def mostly_latin(text: str) -> bool:
    """Whether at least half of the letters of ``text`` are Latin (True for a text without letters).

    English is written in the Latin alphabet; a short Russian page or a Thai paragraph (one
    "word" to a space-counting rule) is too short for langdetect but plainly not English.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250" or unicodedata.name(c, "").startswith("LATIN"))
    return 2 * latin >= len(letters)
