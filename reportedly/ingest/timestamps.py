"""Time stamps as pages and scraped text write them, read with one policy for every reader.

The policy (plain text, JSONL, WARC and HTML all read stamps through ``parse_timestamp``):

- a numeric offset, ``Z``, ``UTC`` or ``GMT`` written with the time is the instant's offset;
- a zone abbreviation ("07:47 PM EST", "06:24 IST") is read in the user's zone (``--tz``) when
  one is given, else in the zone our table below gives it;
- a time written without a zone is read in the user's zone when one is given, else it stays
  naive: we never invent an offset (UTC is a guess like any other);
- a day without a time is a day: a naive datetime at 00:00, whatever the zone. (That is how
  ``Article.published`` has always held a bare day from plain text and file names; the JSON
  output writes it without an offset, "2024-03-05T00:00:00".)

Time-zone abbreviations are ambiguous ("IST" is India, Israel or Ireland; dateparser picks
Israel). We resolve them deliberately with the table below, which favours the reading most
common in English-language news, and the user can override it (``--tz``). Zones with daylight
saving are named by region, so "ET" in July gets -04:00.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
# Names of one offset only, whoever reads them: never overridden by the user's zone.
_UNIVERSAL = {"UTC", "GMT", "Z"}

_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?\s*$")
# A time of day as pages print it: "07:47 PM", "7:47pm", "19:47:05", "5 p.m.".
TIME_OF_DAY = r"\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)"
_HAS_TIME = re.compile(rf"(?<![\d:])(?:{TIME_OF_DAY})", re.IGNORECASE)
# A zone written after a time: "07:47 PM EST", "10:00 (IST)", "14:30 GMT+1", "10:00 +0530".
_ZONE_AFTER_TIME = re.compile(
    rf"(?<![\d:])(?P<time>{TIME_OF_DAY})\s*\(?(?:(?P<abbr>[A-Z]{{1,5}})\b(?P<sign_after>\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?"
    r"|(?P<offset>[+-]\d{2}:?\d{2}\b))\)?", re.IGNORECASE)
_ISO = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)"
    r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?", re.IGNORECASE)


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


def _signed_offset(text: str) -> timezone | None:
    m = re.fullmatch(r"\s*([+-])(\d{1,2}):?(\d{2})?\s*", text)
    return _offset_zone(m) if m else None


def stamp_zone(written: str | None, zone: tzinfo | None) -> tzinfo | None:
    """The zone a stamp is read in, from the zone ``written`` beside its time and the user's ``zone``.

    A numeric offset, UTC or GMT is the stamp's own; an abbreviation from our table yields to the
    user's zone; nothing written gives the user's zone, or None (naive: no offset is invented).
    """
    if not written:
        return zone
    written = written.strip().strip("()")
    offset = _signed_offset(re.sub(r"^(?:UTC|GMT)", "", written, flags=re.IGNORECASE))
    if offset is not None:
        return offset
    if written.upper() in _UNIVERSAL:
        return timezone.utc
    if written.upper() in ZONE_ABBREVIATIONS:
        return zone or ZoneInfo(ZONE_ABBREVIATIONS[written.upper()])
    return zone


def at_zone(naive: datetime, written: str | None, zone: tzinfo | None, *, has_time: bool) -> datetime:
    """``naive`` (as printed) in the zone the policy gives it; a day without a time stays naive."""
    if not has_time:
        return naive.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    tz = stamp_zone(written, zone)
    return naive.replace(tzinfo=tz) if tz is not None else naive


def is_day(when: datetime) -> bool:
    """Whether ``when`` holds a day only (naive, at 00:00: see the module's policy)."""
    return when.tzinfo is None and (when.hour, when.minute, when.second, when.microsecond) == (0, 0, 0, 0)


def earlier(a: datetime, b: datetime) -> bool:
    """Whether ``a`` is surely before ``b``.

    Two times, both with offsets or both naive (the same page's clock), by a minute or more:
    stamps are printed to the minute, and "14:48" is not before a declared "14:48:03". A day,
    or a naive time against one with an offset, only by an earlier day.
    """
    if not is_day(a) and not is_day(b) and (a.tzinfo is None) == (b.tzinfo is None):
        return a <= b - timedelta(minutes=1)
    return a.date() < b.date()


def checked_update(published: datetime | None, updated: datetime | None) -> datetime | None:
    """``updated``, unless it is earlier than ``published``.

    An update cannot precede the publication: such a pair is a CMS's stale modification date
    (or a draft's), and the publication the page shows is kept, not swapped for it.
    """
    if updated is None or published is None:
        return updated
    return None if earlier(updated, published) else updated


# The labels printed before a stamp, saying which of the article's times it is.
UPDATE_LABEL = re.compile(r"updat|modif|revised|reviewed", re.IGNORECASE)
PUBLICATION_LABEL = re.compile(r"publi(?:shed|cation)|posted|first appeared|created", re.IGNORECASE)


def is_update_stamp(before: str, context: str) -> bool:
    """Whether a date printed after ``before`` (the text up to it) gives an update, not the publication.

    A publication label nearer the date than any update label makes it the publication ("Updated
    Nov 20, 2024, first published Nov 19, 2024": the second date is the first publication);
    otherwise an update label anywhere in ``context`` (the date's own line and its neighbours:
    "Nov 20, 2024 (updated)") makes it an update.
    """
    published = [m.start() for m in PUBLICATION_LABEL.finditer(before)]
    updated = [m.start() for m in UPDATE_LABEL.finditer(before)]
    if published and (not updated or published[-1] > updated[-1]):
        return False
    return bool(UPDATE_LABEL.search(context))


def parse_timestamp(value: str, zone: tzinfo | None = None, *, need_year: bool = False) -> datetime | None:
    """The instant (or the day) written in ``value``, by the policy above; None when it holds no date.

    Reads ISO 8601, RFC 2822, epoch seconds and the ways pages print stamps ("07:47 PM EST Nov
    19, 2024", "July 11th, 2022 at 06:24 IST"). ``zone`` is the user's zone (``--tz``). With
    ``need_year`` a printed stamp must give its year (HTML declarations: a bare "Nov 19" in an
    attribute is more often something else than a date).
    """
    text = " ".join(value.split())
    if not text:
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        return _from_iso(iso, zone)
    if re.fullmatch(r"\d{10}(?:\d{3})?", text):  # epoch seconds or milliseconds
        return datetime.fromtimestamp(int(text) / (1000 if len(text) == 13 else 1), tz=timezone.utc)
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
        # An ISO day with a time in another form ("2024-11-19 07:47 PM EST"), else one we cannot
        # read at all ("2020-01-10T00:59:47ZZ"): then the day.
        when = _from_print(text, zone, need_year)
        if when is not None:
            return when
        try:
            return datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    if re.match(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\d", text, re.IGNORECASE):
        try:
            when = parsedate_to_datetime(text)  # RFC 2822: "Tue, 05 Mar 2024 10:00:00 GMT"
            # email.utils reads "-0000" (and a missing zone) as naive: "no zone known".
            return when if when.tzinfo is not None or not re.search(r"[+-]\d{4}|GMT|UTC", text) else \
                when.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    return _from_print(text, zone, need_year)


def _from_iso(m: re.Match, zone: tzinfo | None) -> datetime | None:
    try:
        day = date.fromisoformat(m.group("day"))
    except ValueError:
        return None
    if not m.group("time"):
        return datetime(day.year, day.month, day.day)
    clock = re.sub(r"(\.\d{6})\d+", r"\1", m.group("time").replace(",", "."))
    if len(clock.split(":")[0]) == 1:
        clock = "0" + clock
    try:
        naive = datetime.fromisoformat(f"{m.group('day')}T{clock}")
    except ValueError:
        return datetime(day.year, day.month, day.day)
    written = m.group("zone")
    if written and written.upper() == "Z":
        written = "UTC"
    return at_zone(naive, written, zone, has_time=True)


def _from_print(text: str, zone: tzinfo | None, need_year: bool) -> datetime | None:
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\s+at\s+|\s*@\s*", " ", text)
    written = None
    for m in _ZONE_AFTER_TIME.finditer(text):
        abbr, offset = m.group("abbr"), m.group("offset")
        if abbr and abbr.isupper() and (abbr in ZONE_ABBREVIATIONS or m.group("sign_after")):
            written = abbr + (m.group("sign_after") or "")
        elif offset:
            written = offset
        if written is not None:
            text = f"{text[:m.start()]}{m.group('time')} {text[m.end():]}"
            break
    has_time = bool(_HAS_TIME.search(text))
    if need_year and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None
    import dateparser  # slow to import (a second): only printed stamps need it

    parsed = dateparser.parse(
        text.strip(" ,|-–"),
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
                  "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]
                  + (["year"] if need_year else [])},
    )
    if parsed is None:
        return None
    if parsed.tzinfo is not None:  # a zone dateparser read itself (a name we do not list)
        return parsed if has_time else parsed.replace(hour=0, minute=0, second=0, tzinfo=None)
    return at_zone(parsed, written, zone, has_time=has_time)
