import json
from datetime import datetime, timedelta, timezone

import pytest

from reportedly.errors import InputError
from reportedly.ingest.html import read_html
from reportedly.ingest.html.meta.clean import parse_when
from reportedly.ingest.plaintext import read_plaintext
from reportedly.ingest.timestamps import checked_update, parse_timestamp, parse_zone


@pytest.mark.parametrize(
    "text, iso",
    [
        ("July 11th, 2022 at 06:24 IST", "2022-07-11T06:24:00+05:30"),
        ("2022-07-11 06:24 +0530", "2022-07-11T06:24:00+05:30"),
        ("March 3, 2021 10:00 a.m. ET", "2021-03-03T10:00:00-05:00"),
        ("July 3, 2021 10:00 ET", "2021-07-03T10:00:00-04:00"),
        ("1 May 2020 14:30 GMT", "2020-05-01T14:30:00+00:00"),
    ],
)
def test_stamps(text, iso):
    assert parse_timestamp(text).isoformat() == iso


def test_no_zone_stays_naive():
    assert parse_timestamp("March 3, 2021").tzinfo is None


def test_user_zone_wins_over_abbreviation_but_not_offset():
    jerusalem = parse_zone("Asia/Jerusalem")
    assert parse_timestamp("July 11th, 2022 at 06:24 IST", jerusalem).utcoffset() == timedelta(hours=3)
    assert parse_timestamp("2022-07-11 06:24 +0530", jerusalem).utcoffset() == timedelta(hours=5, minutes=30)


def test_zone_forms():
    assert parse_zone("+05:30").utcoffset(None) == timedelta(hours=5, minutes=30)
    assert str(parse_zone("IST")) == "Asia/Kolkata"
    with pytest.raises(InputError):
        parse_zone("Mars/Olympus")


def test_not_a_date():
    assert parse_timestamp("no date here") is None


# --- one policy for plain text and HTML (issue 22) ----------------------------------------------

BODY = [
    "The city council voted on Tuesday to expand the bus network to the northern suburbs, "
    "ending a debate that had lasted more than two years.",
    "Opponents argued that the plan would cost far more than the budget allows, and that the "
    "money would be better spent on repairing roads that have been neglected for a decade.",
    "The first new routes are expected to open next spring, according to the council's own "
    "timetable, with the rest following over the next three years.",
]
HEADLINE = "Council expands bus network to northern suburbs"


def html_page(head: str = "", stamp: str = "") -> str:
    """A small article page: ``head`` in <head>, ``stamp`` printed under the headline."""
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
            f"<article><h1>{HEADLINE}</h1><div class='meta'>{stamp}</div>{body}</article></body></html>")


def text_page(*stamps: str) -> str:
    return "\n\n".join([HEADLINE, *stamps, *BODY])


def ld(**dates) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE, **dates}
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"



@pytest.mark.parametrize("stamp, iso", [
    ("Nov 19, 2024 07:47 PM EST", "2024-11-19T19:47:00-05:00"),  # not 07:47Z
    ("11:34 PM EST Nov 19, 2024", "2024-11-19T23:34:00-05:00"),  # that day, not the one before
    ("July 11, 2022 06:24 IST", "2022-07-11T06:24:00+05:30"),  # India, from the table, not UTC
    ("2024-03-05 10:00 IST", "2024-03-05T10:00:00+05:30"),
    ("2024-03-05T10:00", "2024-03-05T10:00:00"),  # no zone written: none invented
    ("March 5, 2024 10:00", "2024-03-05T10:00:00"),
    ("2024-03-05", "2024-03-05T00:00:00"),  # a day stays a day
    ("March 5, 2024", "2024-03-05T00:00:00"),
    ("2024-03-05T18:30:00Z", "2024-03-05T18:30:00+00:00"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
    ("2020-01-10T00:59:47ZZ", "2020-01-10T00:00:00"),  # a time we cannot read: the day is kept
])
def test_plain_text_and_html_read_a_stamp_alike(stamp, iso):
    assert parse_timestamp(stamp).isoformat() == iso
    assert parse_when(stamp).isoformat() == iso


def test_the_users_zone_applies_to_a_time_not_to_a_day():
    tokyo = timezone(timedelta(hours=9))
    for parse in (parse_timestamp, parse_when):
        assert parse("2024-03-05T10:00", tokyo).isoformat() == "2024-03-05T10:00:00+09:00"
        assert parse("2024-03-05", tokyo).isoformat() == "2024-03-05T00:00:00"


@pytest.mark.parametrize("stamp, iso", [
    ("Published 07:47 PM EST Nov 19, 2024", "2024-11-19T19:47:00-05:00"),
    ("Posted Nov 19, 2024 11:34 PM EST", "2024-11-19T23:34:00-05:00"),
    ("Published: July 11, 2022 06:24 IST", "2022-07-11T06:24:00+05:30"),
    ("Published March 5, 2024 at 10:00", "2024-03-05T10:00:00"),  # naive: the page gives no zone
    ("Published March 5, 2024", "2024-03-05T00:00:00"),  # a day, no invented midnight UTC
])
def test_a_stamp_printed_beside_the_headline_is_the_same_instant_in_html_and_text(stamp, iso):
    assert read_html(html_page(stamp=stamp), "p").published.isoformat() == iso
    assert read_plaintext(text_page(stamp), "p").published.isoformat() == iso


@pytest.mark.parametrize("declared, iso", [
    ("2024-03-05T10:00", "2024-03-05T10:00:00"),
    ("2024-03-05", "2024-03-05T00:00:00"),
    ("2022-07-11 06:24 IST", "2022-07-11T06:24:00+05:30"),
])
def test_a_declared_stamp_without_zone_invents_none(declared, iso):
    head = f"<meta property='article:published_time' content='{declared}'>"
    assert read_html(html_page(head), "d").published.isoformat() == iso


def test_an_update_before_the_publication_is_not_output():
    page = html_page(ld(datePublished="2024-03-05T10:00:00+00:00", dateModified="2024-03-01T09:00:00+00:00"))
    art = read_html(page, "u")
    assert art.published.isoformat() == "2024-03-05T10:00:00+00:00"
    assert art.updated is None
    text = read_plaintext(text_page("Published March 5, 2024 10:00 IST", "Updated March 1, 2024 09:00 IST"), "u")
    assert text.published.isoformat() == "2024-03-05T10:00:00+05:30"
    assert text.updated is None


def test_checked_update():
    utc = timezone.utc
    published = datetime(2024, 3, 5, 10, tzinfo=utc)
    assert checked_update(published, datetime(2024, 3, 5, 9, tzinfo=utc)) is None
    assert checked_update(published, datetime(2024, 3, 5, 11, tzinfo=utc)) == datetime(2024, 3, 5, 11, tzinfo=utc)
    # A day against an instant: only an earlier day is surely earlier.
    assert checked_update(published, datetime(2024, 3, 5)) == datetime(2024, 3, 5)
    assert checked_update(published, datetime(2024, 3, 4)) is None
    assert checked_update(None, datetime(2024, 3, 4)) == datetime(2024, 3, 4)


@pytest.mark.parametrize("stamp", [
    "Updated Nov 20, 2024, first published Nov 19, 2024",
    "Published Nov 19, 2024 | Updated Nov 20, 2024",
])
def test_the_first_publication_shown_beats_a_revision(stamp):
    for art in (read_html(html_page(stamp=stamp), "r"), read_plaintext(text_page(stamp), "r")):
        assert art.published.isoformat() == "2024-11-19T00:00:00"
        assert art.updated.isoformat() == "2024-11-20T00:00:00"


def test_an_update_within_the_minute_of_the_publication_is_kept():
    # "14:48" printed or declared to the minute is not before a publication at 14:48:03.
    utc = timezone.utc
    assert checked_update(datetime(2025, 11, 14, 14, 48, 3, tzinfo=utc),
                          datetime(2025, 11, 14, 14, 48, tzinfo=utc)) is not None
    assert checked_update(datetime(2024, 3, 5, 10), datetime(2024, 3, 5, 9)) is None  # both naive


def test_a_json_record_reads_its_dates_by_the_same_policy():
    from reportedly.ingest.jsonl import read_record

    tokyo = timezone(timedelta(hours=9))
    record = {"text": "\n\n".join(BODY), "published": "2024-03-05", "updated": "2024-03-06T10:00"}
    art = read_record(record, "j", zone=tokyo)
    assert art.published.isoformat() == "2024-03-05T00:00:00"  # a day, not midnight in Tokyo
    assert art.updated.isoformat() == "2024-03-06T10:00:00+09:00"
