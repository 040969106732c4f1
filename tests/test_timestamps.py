from datetime import timedelta

import pytest

from reportedly.errors import InputError
from reportedly.ingest.timestamps import parse_timestamp, parse_zone


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
