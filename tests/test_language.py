"""detect_language and word_count: which language a text is in, and how many words it has."""
from __future__ import annotations

from reportedly.language import detect_language, word_count

CHINESE = "市议会周一批准了一项计划，将公交网络扩展到北部郊区，新线路明年开通。"
ENGLISH = ("The council approved a plan on Monday to extend the bus network to the northern "
           "suburbs, with the first new routes opening next spring.")


def test_words_of_spaced_and_unspaced_scripts():
    assert word_count("Hello, world  and\tmore") == 4
    # str.split() sees one word; each character of a script written without spaces counts.
    assert word_count(CHINESE) == 34  # 32 characters and 2 punctuation marks
    assert word_count("Lukashenko 说 ok") == 3


def test_a_short_chinese_paragraph_is_long_enough_to_tell():
    assert detect_language(CHINESE).startswith("zh")
    assert detect_language(ENGLISH) == "en"


def test_too_short_to_tell():
    assert detect_language("Breaking news") is None


def test_too_short_to_tell_which_but_not_english():
    # Another alphabet than the Latin one: not English, however short (langdetect's best guess).
    assert detect_language("公交网络") not in (None, "en")
