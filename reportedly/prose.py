"""Is a text an article at all? Say so before analysing it as English prose.

A crawler hands over login forms, error pages, binary junk decoded as text and runs of one key
held down. Analysed as articles they come back as English with attributions; the honest answer
is "not an article" and why. Each rule below names what every news article has and such text
lacks; all are deliberately loose, so that a one-sentence news brief still passes.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Letter runs; a "word" longer than this is not prose ("aaaa…" held down, base64, hashes): the
# longest English words in news ("counterrevolutionaries") have about 22 letters.
_WORD = re.compile(r"[^\W\d_]+")
MAX_WORD_LETTERS = 30
# Fewer words than any statement (a quote needs a speaker, a cue and what was said).
MIN_WORDS = 3
# Control characters (other than tab, line ends, form feed) are no part of any written text: a
# text with more than this share of them is binary data read as text. (U+0085 is a line end,
# and what Windows-1252's "…" becomes when the text was read as Latin-1.)
MAX_CONTROL_SHARE = 0.01
_NOT_CONTROLS = "\t\n\r\f\v\x85"
# The characters looked at one by one: enough to judge, bounded for a 5 MB input.
CHAR_SAMPLE = 50_000
# One word or one character making up more than this share of a text: in English prose the
# commonest word ("the") is about 6% of words and the commonest letter ("e") about 12%.
MAX_REPEAT_SHARE = 0.5
REPEAT_MIN_WORDS = 20
REPEAT_MIN_CHARS = 50
# Error and login pages name themselves with a few standard phrases, on lines of their own (a
# heading, a form label, a button), and say little else. Only a short text is judged, and only
# by such lines: a news brief may well report a "404" or a leaked "password", in sentences.
SHORT_PAGE_WORDS = 60
LABEL_WORDS = 6
_ERROR_PAGE = re.compile(
    r"\b(?:404|403|500|502|503)\b.{0,40}\b(?:not found|forbidden|error|unavailable)\b"
    r"|\bpage (?:not found|(?:you|you're|you are) (?:looking for|requested))\b"
    r"|\b(?:access denied|internal server error|service unavailable)\b",
    re.I | re.S,
)
_LOGIN_PAGE = re.compile(r"\b(?:sign|log) ?in\b", re.I)
_PASSWORD = re.compile(r"\bpassword\b", re.I)


def not_an_article(text: str) -> str | None:
    """Why ``text`` is not an article ("too little prose (2 words)", ...), or None when it may be one."""
    sample = text[:CHAR_SAMPLE]
    if sample and _control_share(sample) > MAX_CONTROL_SHARE:
        return "control characters, not text"
    letters = [c for c in sample if not c.isspace()]
    if len(letters) >= REPEAT_MIN_CHARS:
        char, n = Counter(letters).most_common(1)[0]
        if n > MAX_REPEAT_SHARE * len(letters):
            return f"one character repeated ({char!r} is {n:,} of {len(letters):,})"
    words = [w.casefold() for w in _WORD.findall(text) if len(w) <= MAX_WORD_LETTERS]
    if len(words) < MIN_WORDS:
        return f"too little prose ({len(words)} words)"
    if len(words) >= REPEAT_MIN_WORDS:
        word, n = Counter(words).most_common(1)[0]
        if n > MAX_REPEAT_SHARE * len(words):
            return f"one word repeated ({word!r} is {n:,} of {len(words):,} words)"
    if len(words) < SHORT_PAGE_WORDS:
        labels = [line for line in text.splitlines() if 0 < len(_WORD.findall(line)) <= LABEL_WORDS]
        if any(_ERROR_PAGE.search(line) for line in labels):
            return "an error page"
        if any(_LOGIN_PAGE.search(line) for line in labels) and any(_PASSWORD.search(line) for line in labels):
            return "a login page"
    return None


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if c not in _NOT_CONTROLS and unicodedata.category(c) == "Cc")
    return controls / len(text)
