"""Cleaning single metadata values: titles, bylines, dates, charsets."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from reportedly.ingest.html.steps.boilerplate import is_boilerplate
from reportedly.ingest.charset import decode_html, declared_charset
from reportedly.ingest.html.meta.clean import (
    clean_author,
    clean_author_list,
    clean_title,
    find_printed_date,
    numeric_day_first,
    parse_when,
    prints_day,
    split_byline,
)


@pytest.mark.parametrize("raw, site, expected", [
    ("Bus plan approved | Example Times", "Example Times", "Bus plan approved"),
    ("Bus plan approved - The New York Times", "The New York Times", "Bus plan approved"),
    ("Bus plan approved - Example Times", "www.exampletimes.com", "Bus plan approved"),
    ("Example Times | Bus plan approved", "Example Times", "Bus plan approved"),
    ("Bus plan approved | Politics | Example Times", "Example Times", "Bus plan approved"),
    ("Bus plan approved | Local News", None, "Bus plan approved"),
    ("Biden – the early years", None, "Biden – the early years"),
    ("Q&amp;A: what the bus plan means", None, "Q&A: what the bus plan means"),
    ("", None, None),
])
def test_clean_title(raw, site, expected):
    assert clean_title(raw, site) == expected


@pytest.mark.parametrize("raw, expected", [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, John Roe & Ana Ruiz", ["Jane Doe", "John Roe", "Ana Ruiz"]),
    ("Ana Ruiz, MS, RD", ["Ana Ruiz, MS, RD"]),
    ("Written by: Lee Kim · March 3, 2025", ["Lee Kim"]),
    ("https://www.facebook.com/someone", []),
    ("This post was written by Dana Pell, Head of Marketing and Community Development", ["Dana Pell"]),
    ("By Shelby Moss, DVM . Reviewed by Molly Pratt, DVM", ["Shelby Moss, DVM"]),
    ("Medically reviewed by Molly Pratt", []),
    ("Jake Dunn, Managing Principal at Method Architecture", ["Jake Dunn"]),
    ("Jane Doe, Staff Writer, and John Roe", ["Jane Doe", "Staff Writer", "John Roe"]),  # role dropped later
    ("Author Jane Doe", ["Jane Doe"]),  # the label without its colon
    ("Authority Magazine", ["Authority Magazine"]),
    # the employer after an abbreviated rank is not a co-author
    ("Ben Jordan, Sr. Director of Operations, Acme Van Lines", ["Ben Jordan"]),
    ("Jane Doe and From The Long Road", ["Jane Doe"]),  # the book it is excerpted from
    # one body whose name joins its fields with "and", not two people
    ("Center for Drug Evaluation and Research", ["Center for Drug Evaluation and Research"]),
    ("Department of Health and Human Services", ["Department of Health and Human Services"]),
])
def test_split_byline(raw, expected):
    assert split_byline(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Jane Doe, Staff Writer", "Jane Doe"),
    ("Jane Doe - Senior Correspondent", "Jane Doe"),
    ("Jane Doe Email the author", "Jane Doe"),
    ("Resy Staff", "Resy Staff"),
    ("Staff Writer", None),
    ("jane@example.com", None),
    ("Florence says", None),
    ("if(e.dataset.src)", None),
    ("sara.r.peter", "sara.r.peter"),  # a declared handle; weak, but a name
    ("Paramita (Guha) Ghosh", "Paramita (Guha) Ghosh"),
    ("Jane Doe (left)", None),
    ("NOC Admin", None),
    ("Senior Project Manager", None),  # a job title (an image's alt), not "Senior Project"
    ("Previous", None),
    ("example.com", None),
])
def test_clean_author(raw, expected):
    assert clean_author(raw) == expected


def test_clean_author_list_drops_the_outlet_and_duplicates():
    assert clean_author_list(["Jane Doe", "jane doe", "Example Times"], "Example Times") == ["Jane Doe"]


@pytest.mark.parametrize("raw, iso", [
    ("2024-03-05T18:30:00-05:00", "2024-03-05T18:30:00-05:00"),
    ("2024-03-05T18:30:00Z", "2024-03-05T18:30:00+00:00"),
    ("2024-03-05T18:30:00.123456789+0100", "2024-03-05T18:30:00.123456+01:00"),
    ("2024-03-05 18:30:00 -0600", "2024-03-05T18:30:00-06:00"),
    ("2024-03-05", "2024-03-05T00:00:00"),  # a day, not midnight UTC
    ("2024-03-05T10:00", "2024-03-05T10:00:00"),  # no zone written: none invented
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00+00:00"),
])
def test_parse_when(raw, iso):
    assert parse_when(raw).isoformat() == iso


def test_parse_when_rejects_nonsense_and_far_future():
    assert parse_when("yesterday-ish") is None
    assert parse_when("1850-01-01") is None
    future = (datetime.now(timezone.utc) + timedelta(days=30)).date().isoformat()
    assert parse_when(future) is None


@pytest.mark.parametrize("text, day", [
    ("Updated March 3, 2025 at 5pm", "2025-03-03"),
    ("3 Mar 2025", "2025-03-03"),
    ("Dec. 19th, 2024 · 5 min read", "2024-12-19"),
    ("2025-03-04", "2025-03-04"),
    ("03/04/2025", None),  # day and month could be either way round
    ("12.12.2025", "2025-12-12"),  # ... but not when they are equal
    ("25/03/2024", "2024-03-25"),  # ... or when one of them can only be the day
    ("03-25-2024", "2024-03-25"),
])
def test_find_printed_date(text, day):
    found = find_printed_date(text)
    assert (found.date().isoformat() if found else None) == day


def test_ambiguous_numeric_dates_follow_the_pages_own_order():
    # "12/16/2025" beside the headline shows the page writes month first.
    day_first = numeric_day_first(["12/16/2025", "Candidate Experience", "03/01/2017"])
    assert day_first is False
    assert find_printed_date("03/01/2017", day_first=day_first).date().isoformat() == "2017-03-01"
    assert find_printed_date("03/01/2017", day_first=True).date().isoformat() == "2017-01-03"
    assert numeric_day_first(["25/03/2024", "12/16/2025"]) is None  # the texts disagree
    assert numeric_day_first(["03/01/2017", "no dates"]) is None


def test_parse_when_does_not_guess_an_ambiguous_numeric_date():
    # A <time datetime="02-12-2025">: February 12 or December 2 (dateparser would say February).
    assert parse_when("02-12-2025") is None
    assert parse_when("25-12-2025").date().isoformat() == "2025-12-25"


def test_declared_charset_and_decoding():
    assert declared_charset(b"<meta charset='windows-1251'>") == "cp1251"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">') == "cp1252"
    assert decode_html("\ufeffcafé".encode("utf-8")) == "café"
    assert decode_html("<meta charset=windows-1251><p>Привет</p>".encode("cp1251")).endswith("Привет</p>")


@pytest.mark.parametrize("line, junk", [
    ("Advertisement", True),
    ("ADVERTISEMENT - CONTINUE READING BELOW", True),
    ("Also read: How the council voted", True),
    ("Share this article", True),
    ("Photo: Jane Smith/Reuters", True),
    ("(Photo by John Doe/Getty Images)", True),
    ("Updated: March 3, 2025", True),
    ("Published in 2019, the report found that bus use had doubled.", False),
    ("Share prices fell sharply on Tuesday after the announcement.", False),
    ("Watch out for the new timetable, the council said.", False),
    ("Advertiser Disclosure", True),
    ("Disclosure: This post contains affiliate links. If you use them, we may earn a small commission.", True),
    ("If you purchase through our links, we may earn a commission.", True),
    ("Streamers earn a commission when viewers buy games via affiliate links.", False),
])
def test_is_boilerplate(line, junk):
    assert is_boilerplate(line) is junk


@pytest.mark.parametrize("text, printed", [
    ("Issued January 1, 2025.", True),
    ("Issued 1st Jan 2025", True),
    ('<time datetime="2025-01-01T09:00">', True),
    ("on 01/01/2025", True),
    ("© 2025 Example Media", False),
    ("January 12, 2025", False),
    ("January 1, 2024", False),
])
def test_prints_day(text, printed):
    assert prints_day(text, date(2025, 1, 1)) is printed
