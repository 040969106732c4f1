"""Cleaning single metadata values read from a page: titles, bylines, dates.

Kept apart from ``decide`` (which decides *which* declaration to believe) so each rule can be
tested on plain strings.
"""
from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Iterable

from reportedly.ingest.html.meta.agencies import news_agency, split_agency
from reportedly.ingest.timestamps import TIME_OF_DAY, parse_timestamp

# --- titles ----------------------------------------------------------------------------------

# Separators between a headline and the outlet's name: "Headline | Outlet", "Outlet - Headline".
_TITLE_SEPS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|:)\s+")


def clean_title(raw: str | None, site: str | None) -> str | None:
    """A headline without markup residue and without the outlet's name around it.

    A segment is dropped when it names the outlet (``site``, compared loosely), or, for ``|``
    separators only, when it is a short trailing segment: "Headline | Section | Outlet" is common,
    while a headline containing " | " is rare. Dashes and colons are kept unless they separate
    the site's name, because headlines use them ("Biden – the early years").
    """
    if not raw:
        return None
    text = " ".join(html.unescape(raw).split())
    if not text:
        return None
    site_keys = _site_keys(site)
    parts = _TITLE_SEPS.split(text)
    seps = _TITLE_SEPS.findall(text)
    if len(parts) > 1:
        # Drop the site at either end, repeatedly ("Outlet | Section | Headline").
        while len(parts) > 1 and _is_site(parts[-1], site_keys):
            parts.pop()
            seps.pop()
        while len(parts) > 1 and _is_site(parts[0], site_keys):
            parts.pop(0)
            seps.pop(0)
        # Short trailing segments after a pipe: sections and outlet names we could not recognise.
        while len(parts) > 1 and seps[-1].strip() == "|" and len(parts[-1].split()) <= 4 \
                and len(" ".join(parts[:-1]).split()) >= 3:
            parts.pop()
            seps.pop()
        # A trailing domain name is the outlet whatever the headline's length ("GAME CHANGER |
        # Newegg.com").
        while len(parts) > 1 and _DOMAIN.fullmatch(parts[-1]):
            parts.pop()
            seps.pop()
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip() or None


# The endings that make a site's name a domain ("nytimes.com", "Newegg.com").
_TLDS = r"(?:\.(?:com|org|net|co\.uk|co|io|news|info|uk|us|ca|au|in))+"
_DOMAIN = re.compile(rf"(?:www\.)?[A-Za-z0-9][\w-]*{_TLDS}", re.IGNORECASE)


def _site_keys(site: str | None) -> set[str]:
    if not site:
        return set()
    keys = {_squash(site)}
    # "nytimes.com" and "The New York Times" both name the outlet; keep the bare domain word too.
    bare = re.sub(rf"^(?:www\.)|{_TLDS}$", "", site.lower())
    keys.add(_squash(bare))
    keys.add(_squash(re.sub(r"^the\s+", "", site.lower())))
    return {k for k in keys if k}


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.lower())


def _is_site(part: str, site_keys: set[str]) -> bool:
    p = _squash(part)
    if not p or not site_keys:
        return False
    for key in site_keys:
        if p == key or (len(key) >= 4 and (p.startswith(key) or p.endswith(key)) and len(p) <= len(key) + 12):
            return True
        if len(p) >= 4 and key.startswith(p):
            return True
    return False


# --- bylines ---------------------------------------------------------------------------------

_BY_PREFIX = re.compile(
    r"^(?:this|the)\s+(?:post|article|story|piece|blog post|guest post)\s+(?:was|is)\s+"
    r"(?:written|authored|contributed|reported)\s+by\s*:?\s+|"
    r"^(?:(?:written|reported|posted|published|compiled|edited|words|story|text|reviewed)\s+)?"
    r"(?:by|from)\s*[:\-]?\s+|^(?:authors?|byline|writer|posted by|written by)\s*[:\-]\s*|"
    # The label printed without a colon before the name: "Author Jane Doe", "AUTHORS A and B".
    r"^(?:authors?|writer)\s+(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Role words that follow a name ("Jane Doe, Staff Writer", "Jane Doe - Reporter").
_ROLES = (
    r"staff|senior|chief|contributing|contributor|special|political|business|science|health|"
    r"sports?|technology|tech|digital|news|managing|associate|deputy|executive|freelance|"
    r"investigative|national|foreign|global|white house|washington|correspondent|reporter|writer|"
    r"editor|columnist|journalist|producer|analyst|intern|fellow|photographer|critic|"
    r"bureau chief|anchor|host|co-?founder|founder|ceo|cto|author|director|manager|specialist|"
    r"strategist|consultant|officer|president|coordinator|engineer|scientist|researcher|principal|partner"
)
# Ranks that open a job title ("Senior Project Manager", "Chief Growth Officer").
_RANKS = {"senior", "sr", "sr.", "junior", "jr.", "chief", "deputy", "associate", "assistant",
          "executive", "managing", "principal", "lead", "head"}
_ROLE_TAIL = re.compile(rf"(?:\s*[,|\-–—]\s*|\s+)(?:(?:an?|the)\s+)?(?:(?:{_ROLES})\b\s*)+(?:\s+(?:at|for|of)\s+.*)?$", re.IGNORECASE)
_ONLY_ROLE = re.compile(rf"^(?:(?:an?|the)\s+)?(?:(?:{_ROLES})\b\s*)+$", re.IGNORECASE)
_NOISE = re.compile(
    r"\b(?:e-?mail the author|email|follow(?: on \w+)?|twitter|facebook|linkedin|instagram|"
    r"updated|published|posted|last modified|read more|view (?:all )?(?:posts|articles)|"
    r"more (?:from|by)|see all|min(?:ute)?s? read|share|comments?|photo(?:s|graph)?|image)\b.*$",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}®?|[A-Z][a-z]?\.?(?:[A-Z][a-z]?\.?){1,3}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|IV|Esq\.?|MPH|MSc|BSc|MBA|PharmD|DrPH|RDN?|LDN?|CDCES)$")
# Academic and professional degrees printed after a name ("Ana Ruiz, MS, RD").
_DEGREE = re.compile(r"MA|MS|MSc|MD|Ph\.?D|RN|RDN?|MPH|DVM|MBA|JD|BSN|DNP|NP|CPA|CFA|CFP|LCSW|PharmD")
_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bwith\b|\n|\s[-–—•·]\s)\s*", re.IGNORECASE)
_GENERIC = {"admin", "administrator", "webmaster", "undefined", "unknown author", "staff", "editor", "editors", "guest", "unknown", "anonymous",
            "editorial", "editorial team", "staff writer", "news desk", "web desk", "newsroom",
            "the editors", "wire", "reuters staff", "user", "null", "none", "by"}


# What a printed name is made of: letters, spaces, initials, apostrophes, hyphens.
_NAME_SHAPE = re.compile(r"[^\W\d_][\w.'’\- ]*", re.UNICODE)


# Strings found in author slots that are not names: comment headers, widgets, template keys.
_NOT_A_NAME = re.compile(
    r"\bsays$|^(?:\w+\s+)?by:?$|\b(?:posts|insights from|view profile|read bio|more articles)\b"
    r"|\b(?:privacy|policy|cookies?|terms|conditions|subscribe|newsletter|designer|home|categor(?:y|ies))\b"
    # An account menu printed in a byline-classed header ("Sign In | Sign Up | My Account").
    r"|\b(?:sign|log)\s?(?:in|up|out|on)\b|\bmy account\b"
    r"|^head of\b|^(?:previous|next)(?: (?:post|article|story))?$|[a-z]\.(?:com|org|net|io|co|uk|de|ai|app|dev|info|html?|php|js)\b|[{}()=<>\"/\\]",
    re.IGNORECASE,
)


_ACCOUNT_WORDS = {"admin", "administrator", "webmaster", "sysadmin", "moderator"}
_BRACKETED_NAME = re.compile(r"(?<=\S)\s+\([A-Z][\w'’\-]*\)(?=\s+\S)")


# Lower-case words that belong inside names ("Marna van der Merwe", "Luiz da Silva").
_PARTICLES = {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "du", "del", "della",
              "di", "la", "le", "bin", "ibn", "al", "el", "y", "ter", "ten", "zu", "af", "e"}


# Collective bylines keep their small words: "the Lavazza Team", "The Currency editors".
_COLLECTIVE = re.compile(r"\b(?:team|staff|editors|desk|newsdesk|contributors|doctors|newsroom)\b",
                         re.IGNORECASE)


def is_weak_name(name: str) -> bool:
    """A one-word or user-handle-like name ("kffnirmitap", "andrew.keaveney", "Sat")."""
    if _COLLECTIVE.search(name):
        return False  # "Newsdesk", "Staff": a collective byline, not a handle
    return " " not in name.strip() or name == name.lower()


_DATE_IN_BYLINE = re.compile(
    r"\s*(?:[-–—|·•,]\s*)?(?:(?:updated|published|posted|last updated)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d+\s*min(?:ute)?s?\s+read)",
    re.IGNORECASE,
)


# "IndustrySelect on Tuesday", "BeauHD on": a dateline fragment after the name.
_TRAILING_ON = re.compile(r"\s+on\b.*$|\s+(?:at|in)$")  # lower-case only: "Audiophile On" is a name


_OTHER_CREDIT = re.compile(
    r"\s*[.|·•,;]?\s*\b(?:(?:medically|clinically|expert|editorially)\s+)?(?:reviewed|edited|fact[- ]checked"
    r"|checked|illustrated|photographed|verified)\s+by\b.*$", re.IGNORECASE)
# An organisation's name joins its fields with "and" after an "of" or "for" ("Department of
# Health and Human Services"); split there it gave "Human Services" as an author.
_BODY_OF_AND = re.compile(r"(?:[A-Z][\w.'’-]* )+(?:of|for) [A-Z][\w.'’ -]* and [A-Z][\w.'’ -]*")
# "Sr. Director of Operations": the rank may be abbreviated.
_ROLE_OF = re.compile(
    rf",\s*(?:the\s+)?(?:(?:sr|snr|asst|assoc|exec)\.?\s+)?(?:(?:head|director|vice president|vp|manager|chief|dean|professor|lead|principal"
    rf"|partner|{_ROLES})\b\s*)+(?:at|of|for)\b.*$", re.IGNORECASE)


def split_byline(raw: str | None) -> list[str]:
    """The names in one byline string ("By Jane Doe and John Roe, Staff Writers").

    Post-nominal credentials stay with their name ("Ana Ruiz, MS, RD"), as the page prints them.
    """
    if not raw:
        return []
    text = " ".join(html.unescape(str(raw)).split())
    text = _BY_PREFIX.sub("", text)
    if not text or text.startswith(("http://", "https://", "www.")):
        return []
    # A byline element often carries the date and reading time: "Jane Doe · March 3, 2025".
    text = _DATE_IN_BYLINE.split(text, maxsplit=1)[0] if _DATE_IN_BYLINE.search(text[3:]) else text
    # Other credits on the same line name reviewers and editors, not writers: "By Jane Doe, DVM.
    # Reviewed by John Roe, DVM". A role "of" something ends the name list too: in "Jane Doe,
    # Head of Marketing and Community Development" the "and" joins departments, not people.
    text = _OTHER_CREDIT.split(text, maxsplit=1)[0]
    text = _ROLE_OF.split(text, maxsplit=1)[0]
    if _BODY_OF_AND.fullmatch(text):
        return [text]  # "Center for Drug Evaluation and Research": one body, not two people
    pieces = [p for p in _SPLIT.split(text) if p and p.strip()]
    names: list[str] = []
    for piece in pieces:
        piece = piece.strip(" .:-–—")
        if names and piece.lower().startswith("from "):
            continue  # "Tomson Highway and From Masculindians": the book it is excerpted from
        if names and _CREDENTIAL.match(piece):
            names[-1] = f"{names[-1]}, {piece}"
            continue
        first, _, rest = piece.partition(" ")
        if names and rest and _DEGREE.fullmatch(first.rstrip(",.")):
            # "Brenda Goodman, MA WebMD Health News": the credential closes the name; what the
            # byline prints after it is the desk or outlet, not another person.
            names[-1] = f"{names[-1]}, {first}"
            continue
        names.append(piece)
    return names


def clean_author(raw: str, site: str | None = None) -> str | None:
    """One person's name without "By", roles, contact prompts; None when it is not a person."""
    text = _byline_text(raw)
    if text is None:
        return None
    text = _without_site(split_agency(text)[0], site)
    if _SUBJECT.match(text):
        return None
    # Keep credentials ("Jane Doe, MD"); drop roles after them.
    head, _, creds = text.partition(", ")
    if creds and all(_CREDENTIAL.match(c.strip()) for c in creds.split(",")):
        base = head
    else:
        base, creds = text, ""
    # A nickname or maiden name in brackets belongs to the name ("Paramita (Guha) Ghosh"); the
    # shape checks below read the name without it.
    probe = _BRACKETED_NAME.sub(" ", base)
    if _ONLY_ROLE.match(probe) or _NOT_A_NAME.search(probe):
        return None
    stripped = _ROLE_TAIL.sub("", base).strip(" .,:;|-–—")
    if stripped != base and stripped.split()[:1] and stripped.split()[0].lower() in _RANKS:
        return None  # "Senior Project Manager": a job title, whose rank is no first name
    # "Resy Staff", "SFist Contributor": a collective byline, where the role is half the name.
    if len(stripped.split()) >= 2 or (stripped and stripped.lower() != stripped and " " not in base):
        base = stripped
    if not base or _ONLY_ROLE.match(base):
        return None
    words = _BRACKETED_NAME.sub(" ", base).split()
    if not _NAME_SHAPE.fullmatch(" ".join(words)):
        return None
    if len(words) > 5 or any(ch.isdigit() for ch in base) or base.lower() in _GENERIC:
        return None
    if any(w.lower() in _ACCOUNT_WORDS for w in words):
        return None  # "NOC Admin", "Site Administrator": the CMS account that posted
    if site and _squash(base) == _squash(site):
        return None
    if len(words) > 1 and not _COLLECTIVE.search(base) and any(
            w[:1].islower() and w not in _PARTICLES for w in words):
        # "Personal finance", "Human in the Loop", "john doe": prose or a handle, not a name
        return None
    return f"{base}, {creds}" if creds else base


# A noun phrase cut from a sentence ("The Russian foreign ministry said ..."), read where a
# byline stands: an article and a people's adjective open it, which no person's name does.
_DEMONYMS = (
    "American|British|English|Scottish|Welsh|Irish|French|German|Dutch|Belgian|Swiss|Austrian"
    "|Italian|Spanish|Portuguese|Greek|Turkish|Russian|Ukrainian|Belarusian|Polish|Czech"
    "|Hungarian|Romanian|Bulgarian|Serbian|Croatian|Swedish|Norwegian|Danish|Finnish|Estonian"
    "|Latvian|Lithuanian|Georgian|Armenian|Azerbaijani|Kazakh|Israeli|Palestinian|Iranian|Iraqi"
    "|Syrian|Lebanese|Jordanian|Saudi|Yemeni|Egyptian|Libyan|Tunisian|Algerian|Moroccan"
    "|Sudanese|Ethiopian|Somali|Kenyan|Nigerian|Ghanaian|South African|Chinese|Japanese|Korean"
    "|North Korean|South Korean|Taiwanese|Vietnamese|Thai|Indonesian|Malaysian|Filipino|Indian"
    "|Pakistani|Afghan|Bangladeshi|Canadian|Mexican|Brazilian|Argentine|Chilean|Colombian"
    "|Venezuelan|Cuban|Peruvian|Australian|European|Asian|African|Arab|Soviet"
)
_SUBJECT = re.compile(rf"(?:the|a|an)\s+(?:{_DEMONYMS})s?\b", re.IGNORECASE)


def _without_site(text: str, site: str | None) -> str:
    """A person's name without the site's name printed right after it ("Brian Truitt USA
    TODAY", a template that joins the byline and the outlet): the site is the outlet, not part
    of the name. A name that is only the site's stays (``clean_author`` decides on it)."""
    keys = _site_keys(site)
    words = text.split()
    for k in range(1, len(words) - 1):
        if _squash(" ".join(words[-k:])) in keys:
            return " ".join(words[:-k]).rstrip(" ,|-–—")
    return text


def _byline_text(raw: str) -> str | None:
    """One byline piece without "By", contact prompts, stamps and a dateline's "on ..."; None
    when it is an address or a handle."""
    text = " ".join(html.unescape(raw).split())
    text = _BY_PREFIX.sub("", text).strip(" .,:;|-–—")
    if not text or "@" in text or "://" in text or text.startswith("www."):
        return None
    text = _NOISE.sub("", text).strip(" .,:;|-–—")
    return _TRAILING_ON.sub("", text)


def byline_agency(raw: str) -> str | None:
    """The news agency a byline piece credits: printed after the reporter's name ("Tom Davies
    Associated Press") or alone ("By Reuters"); its short name ("AP"), or None."""
    text = _byline_text(raw)
    return (split_agency(text)[1] or news_agency(text)) if text else None


def clean_author_list(names: list[str], site: str | None = None) -> list[str]:
    """Clean and de-duplicate a list of names, keeping order."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        person = clean_author(name, site)
        if person and _squash(person) not in seen:
            seen.add(_squash(person))
            out.append(person)
    return out


# --- dates -----------------------------------------------------------------------------------

def parse_when(raw: str | None, default_tz: tzinfo | None = None) -> datetime | None:
    """The instant (or the day) a page's declaration or printed stamp gives; None when unparseable.

    Read by ``timestamps.parse_timestamp``, the one policy for plain text and HTML: a written
    offset or zone is kept, a time without one is in ``default_tz`` (the user's ``--tz``) or
    naive when none is given, and a day without a time is a naive 00:00 (a day, never an
    instant). A printed stamp must give its year; a numeric day and month that read both ways
    are not guessed.
    """
    if not raw or not isinstance(raw, str):
        return None
    text = raw.strip()
    if not text or len(text) > 80:
        return None
    m = _NUMERIC_DATE.fullmatch(text)
    if m and _numeric_day_month(int(m.group(1)), int(m.group(2))) is None:
        return None  # "02-12-2025": February 12 or December 2; not guessed (dateparser would)
    when = parse_timestamp(text, default_tz, need_year=True)
    return _sane(when) if when is not None else None


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](?:19|20)\d\d\b")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PRINTED_DATES = (
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+((?:19|20)\d\d)\b", re.IGNORECASE), ("m", "d", "y")),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b", re.IGNORECASE), ("d", "m", "y")),
    (re.compile(r"\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (re.compile(r"\b((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})\b"), ("y", "m", "d")),
    # Day and month in numbers, either order ("12.12.2025", "25/03/2024"): only read when the
    # order does not matter or one number can only be the day (see _numeric_day_month).
    (re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)\b"), ("a", "b", "y")),
)


def _month(text: str) -> int | None:
    """The month's number from "3", "03", "Mar", "March"."""
    return int(text) if text.isdigit() else _MONTHS.get(text[:3].lower())


def find_printed_date(text: str, default_tz: tzinfo | None = None, *,
                      day_first: bool | None = None) -> datetime | None:
    """The first unambiguous date printed in a short text ("Updated March 3, 2025", "3 Mar 2025").

    Numeric day/month orders that could be read both ways (03/04/2025) are not guessed; with
    ``day_first`` (the page's own order, see ``numeric_day_first``) they are read that way.
    A time printed beside the date is read with it (see ``_with_printed_time``).
    """
    found = printed_dates(text, default_tz, day_first=day_first)
    return found[0][1] if found else None


def printed_dates(text: str, default_tz: tzinfo | None = None, *,
                  day_first: bool | None = None) -> list[tuple[int, datetime]]:
    """Every unambiguous date printed in ``text`` as ``(position, when)``, in reading order."""
    candidates = []
    for rank, (pattern, order) in enumerate(_PRINTED_DATES):
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            if "a" in parts:
                a, b = int(parts["a"]), int(parts["b"])
                day_month = _numeric_day_month(a, b)
                if day_month is None and day_first is not None:
                    day_month = (a, b) if day_first else (b, a)
                if day_month is None:
                    continue
                parts["d"], parts["m"] = (str(n) for n in day_month)
            try:
                when = datetime(int(parts["y"]), _month(parts["m"]), int(parts["d"]))
            except (TypeError, ValueError):
                continue
            if _sane(when):
                candidates.append((m.start(), rank, m.end(), when))
    out: list[tuple[int, datetime]] = []
    taken_to = -1
    for start, _, end, when in sorted(candidates):
        if start >= taken_to:  # one date per stretch of text: the earliest pattern that reads it
            out.append((start, _with_printed_time(when, text, start, end, default_tz)))
            taken_to = end
    return out


# A time printed beside a date, with its zone if one is printed: "Nov 19, 2024 07:47 PM EST",
# "11:34 PM EST Nov 19, 2024", "March 3, 2025 at 5pm", "5 March 2025 (10:00 IST)".
_ZONE_WORD = r"\(?(?-i:[A-Z]{1,5})(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2}\b"
_CLOCK = rf"(?:{TIME_OF_DAY})(?:\s*(?:{_ZONE_WORD}))?"
_TIME_AFTER = re.compile(rf"[\s,]*(?:at\s+|@\s*|[-–|•·]\s*|\()?({_CLOCK})", re.IGNORECASE)
_TIME_BEFORE = re.compile(rf"(?<![\d:])({_CLOCK})[\s,]*(?:on\s+|[-–|•·]\s*)?$", re.IGNORECASE)


def _with_printed_time(day: datetime, text: str, start: int, end: int,
                       default_tz: tzinfo | None) -> datetime:
    """``day`` at the time printed right after or before it in ``text``, read by the policy of
    ``timestamps`` (its zone if printed, else ``default_tz``, else naive); the day alone if none."""
    after = _TIME_AFTER.match(text, end)
    before = _TIME_BEFORE.search(text[:start])
    clock = after.group(1) if after else before.group(1) if before else None
    if clock is None:
        return day
    when = parse_timestamp(f"{day.date().isoformat()} {clock.strip('( )')}", default_tz)
    return when if when is not None and when.date() == day.date() else day


def prints_day(text: str, day: date) -> bool:
    """Whether ``text`` prints ``day`` as a whole date ("January 1, 2025", "2025-01-01", "1/1/2025").

    A numeric date that reads both ways counts for either reading.
    """
    if day.isoformat() in text:  # "2025-01-01T09:00:00" too
        return True
    for pattern, order in _PRINTED_DATES:
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            if int(parts["y"]) != day.year:
                continue
            if "a" in parts:
                readings = {(int(parts["a"]), int(parts["b"])), (int(parts["b"]), int(parts["a"]))}
            else:
                readings = {(int(parts["d"]), _month(parts["m"]))}
            if (day.day, day.month) in readings:
                return True
    return False


def numeric_day_first(texts: Iterable[str]) -> bool | None:
    """Whether the numeric dates in ``texts`` put the day first, as far as they tell.

    A page that prints "12/16/2025" writes month first, so its "03/01/2017" is March 1. None
    when no date decides it, or when the texts disagree.
    """
    orders = set()
    for text in texts:
        for m in _NUMERIC_DATE.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if a > 12 >= b:
                orders.add(True)
            elif b > 12 >= a:
                orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def _numeric_day_month(a: int, b: int) -> tuple[int, int] | None:
    """(day, month) of two numbers printed in an unknown order; None when it is ambiguous."""
    if a == b or b > 12 >= a:
        return (a, b) if a == b else (b, a)
    if a > 12 >= b:
        return (a, b)
    return None


def _sane(when: datetime) -> datetime | None:
    """Reject dates no news article has: before 1990 or more than two days in the future."""
    now = datetime.now(timezone.utc)
    if when.year < 1990 or when.replace(tzinfo=when.tzinfo or timezone.utc) > now + timedelta(days=2):
        return None
    return when

