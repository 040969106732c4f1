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


# English's commonest words that are no word of another language written in the Latin alphabet
# ("to" is Polish and Czech, "of" Dutch, "will" German, "for" Norwegian, "in" and "a" half of
# Europe's: left out). In English news they are a seventh of the words (PolNeAR's 971 articles
# and the real-world gold: median 13.5%, all but 3 over 5%); in German, French, Spanish, Italian,
# Portuguese or Dutch prose next to none: a foreign text reaches 5% only when some 40% of it is
# English. A text at least that dense in them (and holding 8 of them, so that one English title
# in a short foreign paragraph does not count) is English without asking the
# identifier, whose model takes 0.4-0.9 s to load (an xz archive) in every process: most of the
# start-up of a one-article ``analyze``, and of each worker's. Other texts are asked as before.
ENGLISH_WORDS = frozenset("the and that with said from this would their which have has been were they".split())
ENGLISH_SHARE = 0.05
ENGLISH_MIN = 8
_EDGES = "\"'“”‘’«»()[]{}.,;:!?…-–—"


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
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    if plainly_english(words):
        return "en"
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_CONFIDENCE else None


def plainly_english(words: list[str]) -> bool:
    """Whether at least ``ENGLISH_SHARE`` of ``words``, and ``ENGLISH_MIN``, are ``ENGLISH_WORDS``."""
    common = sum(1 for w in words if w.strip(_EDGES).lower() in ENGLISH_WORDS)
    return common >= max(ENGLISH_MIN, ENGLISH_SHARE * len(words))


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
