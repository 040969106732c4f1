"""Reading "Updated July 11th, 2022 at 06:24 IST" as a time-zoned instant.

Time-zone abbreviations are ambiguous ("IST" is India, Israel or Ireland; dateparser picks
Israel). We resolve them deliberately with the table below, which favours the reading most
common in English-language news, and the user can override it (``--tz``).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

from ..errors import InputError

# Abbreviation -> IANA zone. Zones with daylight saving are named by region, so that
# "ET" in July gets -04:00; abbreviations that name one offset map to that zone's city.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "IST": "Asia/Kolkata",  # India Standard Time: the reading used by Indian outlets
    "UTC": "UTC", "GMT": "UTC", "Z": "UTC",
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "BST": "Europe/London", "WET": "Europe/Lisbon", "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
    "PKT": "Asia/Karachi", "NPT": "Asia/Kathmandu", "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "SAST": "Africa/Johannesburg",
    "WAT": "Africa/Lagos", "EAT": "Africa/Nairobi",
}

_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?\s*$")
_ABBREVIATION = re.compile(r"\b([A-Z]{1,5})\s*$")


def parse_zone(value: str) -> tzinfo:
    """A zone from an IANA name ("Asia/Kolkata"), an abbreviation ("IST") or an offset ("+05:30")."""
    value = value.strip()
    offset = _OFFSET.fullmatch(value)
    if offset:
        return _offset_zone(offset)
    if value.upper() in ZONE_ABBREVIATIONS:
        return ZoneInfo(ZONE_ABBREVIATIONS[value.upper()])
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError(f"unknown time zone {value!r}: give an IANA name like Asia/Kolkata or an offset like +05:30") from exc


def _offset_zone(match: re.Match) -> timezone:
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if sign == "-" else delta)


def parse_timestamp(value: str, zone: tzinfo | None = None) -> datetime | None:
    """The instant written in ``value``, or None when it holds no date.

    An explicit numeric offset in the text wins; otherwise ``zone`` (the user's ``--tz``)
    wins over an abbreviation; otherwise the abbreviation is looked up in our table.
    Without any of these the result is naive: we do not invent an offset.
    """
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.strip())
    text = re.sub(r"\s+at\s+", " ", text)
    found_zone: tzinfo | None = None
    offset = _OFFSET.search(text)
    if offset and re.search(r"\d{1,2}:\d{2}", text[: offset.start()]):
        found_zone = _offset_zone(offset)
        text = text[: offset.start()]
    else:
        abbreviation = _ABBREVIATION.search(text)
        if abbreviation and abbreviation.group(1) in ZONE_ABBREVIATIONS:
            text = text[: abbreviation.start()]
            found_zone = zone or ZoneInfo(ZONE_ABBREVIATIONS[abbreviation.group(1)])
        else:
            found_zone = zone
    parsed = dateparser.parse(
        text.strip(" ,|"),
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past", "STRICT_PARSING": False},
    )
    if parsed is None:
        return None
    return parsed.replace(tzinfo=found_zone) if found_zone else parsed
