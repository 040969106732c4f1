from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from reportedly.errors import InputError
from reportedly.ingest.plaintext import read_plaintext, split_names

IST = timezone(timedelta(hours=5, minutes=30))

SCRAPED = """Updated March 2nd, 2023 at 10:15 IST

Minister resigns after report

The report, released on Monday, found failures at every level.

By Jane Doe and John Roe
Photo: Reuters | Image:self
Advertisement

The minister said he would step down. "I take full responsibility," he said.

Also Read: Another story entirely

A second paragraph of body text.
Share this article
Published March 2nd, 2023 at 10:02 IST
"""


def test_example_metadata(example_text):
    article = read_plaintext(example_text, "belarus")
    assert article.title == "Russia's ally Belarus' Lukashenko faces wrath of own military for involvement in war"
    assert article.dek.startswith("Fifth brigade of the Special Forces, in an open letter to Lukashenko")
    assert article.bylines == ("Zaini Majeed",)
    assert article.image_credits == ("AP",)
    assert article.published == datetime(2022, 7, 11, 6, 23, tzinfo=IST)
    assert article.published.isoformat() == "2022-07-11T06:23:00+05:30"
    assert article.updated.isoformat() == "2022-07-11T06:24:00+05:30"


def test_example_boilerplate_is_not_analysed(example_text):
    article = read_plaintext(example_text, "belarus")
    analysed = [example_text[p.start : p.end] for p in article.paragraphs]
    assert not any("Advertisement" in chunk for chunk in analysed)
    assert not any("Reported by" in chunk or "IMAGE:" in chunk for chunk in analysed)
    assert [b.text for b in article.boilerplate].count("Advertisement") == 2


def test_scraped_layout():
    article = read_plaintext(SCRAPED, "x")
    assert article.title == "Minister resigns after report"
    assert article.dek == "The report, released on Monday, found failures at every level."
    assert article.bylines == ("Jane Doe", "John Roe")
    assert article.image_credits == ("Reuters",)
    assert article.published.isoformat() == "2023-03-02T10:02:00+05:30"
    roles = [p.role for p in article.paragraphs]
    assert roles == ["title", "dek", "body", "body"]
    body = [SCRAPED[p.start : p.end] for p in article.paragraphs if p.role == "body"]
    assert body[0].startswith("The minister said")
    assert not any("Also Read" in b or "Share" in b for b in body)


def test_user_zone_overrides_abbreviation():
    article = read_plaintext(SCRAPED, "x", zone=ZoneInfo("Europe/Dublin"))
    assert article.published.isoformat() == "2023-03-02T10:02:00+00:00"


def test_plain_paragraphs_without_header():
    text = "First paragraph is long enough to be body text, with a full sentence in it.\n\nSecond one."
    article = read_plaintext(text, "x")
    assert article.title is None or article.title.startswith("First")
    assert [text[p.start : p.end] for p in article.paragraphs] == [
        "First paragraph is long enough to be body text, with a full sentence in it.",
        "Second one.",
    ]


def test_offsets_are_exact():
    article = read_plaintext(SCRAPED, "x")
    for span in article.boilerplate:
        assert SCRAPED[span.start : span.end] == span.text


def test_only_furniture_is_an_error():
    with pytest.raises(InputError):
        read_plaintext("Advertisement\nShare this article\n", "x")


def test_split_names():
    assert split_names("Jane Doe, John Roe and Ann Poe") == ["Jane Doe", "John Roe", "Ann Poe"]
