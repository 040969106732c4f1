"""The word bags the HTML reader compares texts with (``reportedly.ingest.html.words``)."""
from __future__ import annotations

import re

import pytest

from reportedly.ingest.html.words import shared_count, word_key, words

_WORD = re.compile(r"\w+")


@pytest.mark.parametrize("text", [
    "", "  ", "—", "The Quick, brown fox.", "snake_case and CamelCase",
    # lower() is contextual for a capital sigma at the end of a word: ς, not σ
    "ΟΔΟΣ ΑΣ.Σ ΣΑΣ", "ΑΣʰ Β", "ʰΣ x",
    # "İ" lower-cases to "i" + a combining dot (two characters, the second not a word character)
    "İstanbul İİ", "Straße STRASSE ǅemal",
])
def test_words_and_key_are_the_per_word_lower_case(text):
    per_word = [w.lower() for w in _WORD.findall(text)]
    assert words(text) == per_word
    assert word_key(text) == " ".join(per_word)


def test_shared_count_counts_repeats():
    assert shared_count(words("a a b c"), words("A b b d")) == 2
