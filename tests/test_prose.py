"""Text that is not an article gets "not an article" and why, before any analysis (prose.py);
text in another alphabet is not English however short (language.py). Hand-made texts, no model."""
import pytest

from reportedly.errors import NotAnArticleError, UnsupportedLanguageError
from reportedly.language import detect_language, mostly_latin
from reportedly.model import Article, Paragraph
from reportedly.prose import not_an_article

BRIEFS = [
    "Officials said the bridge would reopen on Monday.",
    "He said no.",
    "Prices up. Wages fell, some said.",
    "Hackers stole the password of 2,000 users, who were asked to log in again, the company said on Monday.",
    "Users saw a 404 error and an internal server error for an hour on Monday, the company said.",
    "Sign in to vote, the clerk said.\nVoters who lost their password were turned away, officials said.",
    "The mayor said the plan was “a disaster…”\x85Critics disagreed.",
    "José said the café would open; “it’s ready,” he told reporters.",
]


@pytest.mark.parametrize("text", BRIEFS)
def test_short_news_text_is_an_article(text):
    assert not_an_article(text) is None


@pytest.mark.parametrize("text, reason", [
    ("\x00" * 10, "control characters"),
    ("The mayor said\x00\x01\x02\x03 the bridge would reopen", "control characters"),
    ("a" * 4096, "one character repeated"),
    ("-" * 80 + "\nHeadline", "one character repeated"),
    ("buy " * 100, "one word repeated"),
    ("", "too little prose (0 words)"),
    ("404 Not Found", "too little prose"),
    ("12345 67890 !!!", "too little prose (0 words)"),
    ("Page not found\nSorry, the page you requested could not be found.\nGo to the homepage", "an error page"),
    ("Error 503\nService unavailable\nPlease try again later.", "an error page"),
    ("Sign in\nEmail address\nPassword\nForgot your password?\nRemember me\nSign in with Google", "a login page"),
    ("Log in to your account\nUsername\nPassword\nLog in", "a login page"),
])
def test_junk_is_not_an_article(text, reason):
    assert reason in not_an_article(text)


def test_other_alphabets_are_not_english_however_short():
    assert detect_language("Войти Пароль") == "ru"
    assert detect_language("ประเทศไทยมีประชากรประมาณหกสิบหกล้านคน") == "th"
    assert not mostly_latin("Ошибка 404: страница не найдена")
    assert mostly_latin("Mayor Ann Lee said “Добрый день” to the delegation on Monday.")
    assert detect_language("Officials said the bridge would reopen.") is None  # too short to tell: English assumed


class _Unused:
    def pipe(self, texts):
        raise AssertionError("a text that is not an article is never parsed")

    def extract(self, text, blocks):
        raise AssertionError("nor searched for attributions")


@pytest.mark.parametrize("text, error", [
    ("a" * 4096, NotAnArticleError),
    ("Sign in\nEmail\nPassword\nSign in", NotAnArticleError),
    ("Войти в систему\nПароль", UnsupportedLanguageError),
])
def test_the_pipeline_says_not_an_article_before_any_analysis(text, error):
    from reportedly.pipeline import Analyzer

    analyzer = Analyzer(extractor=_Unused(), nlp=_Unused())
    article = Article("junk", text, (Paragraph(0, len(text)),))
    with pytest.raises(error) as raised:
        analyzer.analyze(article)
    assert error.status == 422
    (result,) = analyzer.analyze_many([article])
    assert not result.ok and result.errors == (str(raised.value),)
    if error is NotAnArticleError:
        assert "junk: not an article: " in result.errors[0]
