"""Which language an article is in; reportedly's models read English only."""
from __future__ import annotations

import functools
import re
import unicodedata

MIN_WORDS = 12
MIN_CONFIDENCE = 0.9
# Scripts written without spaces between words (Chinese, Japanese): each character counts as a
# word, where str.split() would see a whole paragraph as one.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_UNSPACED}]|[^\\s{_UNSPACED}]+")


def word_count(text: str) -> int:
    """How many words ``text`` has: runs between spaces, and characters of unspaced scripts."""
    return len(_WORD.findall(text))


@functools.lru_cache(maxsize=1)
def _identifier():
    # py3langid (langid.py's maintained fork, BSD): deterministic, about five times as fast as
    # langdetect (unmaintained since 2021) and right more often on short non-English texts.
    # Probabilities normalised, so that MIN_CONFIDENCE means what it meant with langdetect.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # Only languages with an ISO 639-1 code, the codes our output gives. The others are mostly
    # close kin of one that has one (Wu and Cantonese beside Chinese, Nigerian Pidgin beside
    # English), which would split its probability: a Chinese paragraph scored zh 0.64, wuu 0.36.
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too unsure to say.

    Text written mostly in another alphabet than the Latin one is not English however short it
    is: the identifier's best guess then.
    """
    sample = text[:5000]
    if not mostly_latin(sample):
        return _identifier().classify(sample)[0]
    if word_count(sample) < MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_CONFIDENCE else None


def mostly_latin(text: str) -> bool:
    """Whether at least half of the letters of ``text`` are Latin (True for a text without letters).

    English is written in the Latin alphabet; a short Russian page or a Thai paragraph (one
    "word" to a space-counting rule) is too short to identify by its words but plainly not English.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c < "\u0250" or unicodedata.name(c, "").startswith("LATIN"))
    return 2 * latin >= len(letters)
