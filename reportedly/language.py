"""Which language an article is in; reportedly's models read English only."""
from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0  # langdetect is random by default; the same text must give the same answer

MIN_WORDS = 12
MIN_CONFIDENCE = 0.9


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too unsure to say."""
    sample = text[:5000]
    if len(sample.split()) < MIN_WORDS:
        return None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= MIN_CONFIDENCE else None
