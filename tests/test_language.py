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
    # Another alphabet than the Latin one: not English, however short (the identifier's best guess).
    assert detect_language("公交网络") not in (None, "en")


NON_ENGLISH = {
    "de": "Der Bundeskanzler sagte am Montag, dass die Regierung die Steuern im nächsten Jahr nicht erhöhen werde.",
    "fr": "Le ministre a déclaré lundi que le gouvernement ne relèverait pas les impôts l'année prochaine, malgré la crise.",
    "es": "El ministro dijo el lunes que el gobierno no subirá los impuestos el próximo año, a pesar de la crisis.",
    "it": "Il ministro ha detto lunedì che il governo non aumenterà le tasse il prossimo anno, nonostante la crisi.",
    "pt": "O ministro disse na segunda-feira que o governo não vai aumentar os impostos no próximo ano, apesar da crise.",
    "nl": "De minister zei maandag dat de regering de belastingen volgend jaar niet zal verhogen, ondanks de crisis.",
    "ru": "Министр заявил в понедельник, что правительство не будет повышать налоги в следующем году, несмотря на кризис.",
}


def test_news_sentences_in_other_languages():
    for code, text in NON_ENGLISH.items():
        assert detect_language(text) == code, code


def test_english_with_foreign_names_and_quotes_is_english():
    text = ("French President François Hollande told reporters in Paris that “la France est prête”, "
            "before Chancellor Angela Merkel said Germany would support the plan on Monday.")
    assert detect_language(text) == "en"


def test_same_answer_every_time():
    assert len({detect_language(NON_ENGLISH["pt"]) for _ in range(5)}) == 1


NEWS = ("The mayor said on Monday that the city would open the bridge again in March. Officials "
        "from the transport office, who have been studying the repairs since the flood, said they "
        "were confident that the work would be finished on time and that their budget, which the "
        "council approved last year, was enough.")


def test_plain_english_needs_no_identifier(monkeypatch):
    # Dense in English's commonest words: English, without loading the identifier's model.
    import reportedly.language as language

    def no_identifier():
        raise AssertionError("the identifier was asked")

    monkeypatch.setattr(language, "_identifier", no_identifier)
    assert detect_language(NEWS) == "en"
    assert detect_language(NEWS + " " + NON_ENGLISH["de"]) == "en"  # a German sentence quoted


def test_a_foreign_text_with_a_few_english_words_is_still_identified():
    # One English name, or a short English quote, in a foreign paragraph is not enough.
    assert detect_language("Die Band The Beatles hat am Montag ein neues Album veröffentlicht, sagte der "
                           "Sprecher der Plattenfirma in London, und the fans waren begeistert.") == "de"
    assert detect_language(NON_ENGLISH["fr"] + " « That is what they have said », a-t-il ajouté, "
                           + NON_ENGLISH["fr"]) == "fr"
