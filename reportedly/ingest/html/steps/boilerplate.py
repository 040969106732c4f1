"""Recognising boilerplate lines that leak into extracted article text.

Body extractors keep the article's block, and with it the block's furniture: "Advertisement",
"Also read: ...", newsletter and share prompts, photo credits, the byline and the headline
repeated. These lines are not the article's words and must not be analysed (a photo credit
"Photo: Jane Doe/Reuters" looks like an attribution). Every rule is a whole-line rule on a short
line: a sentence of prose that mentions a newsletter stays.
"""
from __future__ import annotations

import re

from reportedly.ingest.credits import is_credit
from reportedly.ingest.html.options import DEFAULT_OPTIONS, BoilerplateOptions
from reportedly.ingest.html.vocabulary import HEADLINE_LABEL

_FLAGS = re.IGNORECASE
# Whole-line patterns are tried on lines up to this many characters (see BoilerplateOptions).
_MAX_LEN = DEFAULT_OPTIONS.boilerplate.max_chars
# Whole-line patterns, each with what the line is (the reason a dropped line is given).
_PATTERNS = [(reason, re.compile(p, _FLAGS)) for reason, p in (
    ('an advertisement label',
        r"(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted)"
        r"(?:\s*[-–:]\s*(?:continue|scroll|story).*)?"),
    ('a "story continues" prompt',
        r"(?:the )?(?:story|article|content) continues (?:below|after).*"),
    ('a "continue reading" prompt',
        r"continue reading(?: (?:below|the (?:main )?story|this article))?\W*"),
    ('a "scroll to continue" prompt',
        r"(?:scroll|keep scrolling) (?:down )?(?:to|for) (?:continue|more).*"),
    ('a related-content link or heading',
        r"(?:also read|read also|read more|more reading|related(?: (?:articles?|stories|content|coverage|reading))?"
        r"|recommended(?: for you| reading)?|see also|don'?t miss|must read|trending(?: now)?|more from [\w .]+"
        r"|more on this story|you (?:may|might) also like|editor'?s? picks?|popular now|watch|listen)"
        r"\s*(?:[:|>»\-–—]\s*.*)?"),
    ('a sign-up prompt',
        r"(?:sign up|subscribe|register)(?: now| today| here)?(?: for| to)? .{0,120}"),
    ('a newsletter prompt',
        r".{0,80}\b(?:newsletter|inbox)\b.{0,80}(?:sign up|subscribe|delivered|straight to)\b.{0,60}"),
    ('a newsletter prompt',
        r"(?:get|receive) (?:our|the) .{0,40}newsletter.*"),
    ('a share button',
        r"(?:share|tweet|email|print|copy link|save|pin it|whatsapp)"
        r"(?: (?:this|the) (?:article|story|post|page))?(?: (?:on|via|with) [\w ]+)?[\W]*"),
    ('a share button',
        r"share (?:on|via) .*"),
    ('a follow-us prompt',
        r"follow (?:us|\w+) on .{0,80}"),
    ('a click-here prompt',
        r"click here .{0,120}"),
    ('a labelled photo credit',
        r"(?:photo|photograph|image|picture|video|graphic|illustration|credit)s?(?: credit| by)?\s*[:：].{0,150}"),
    ('a photo credit',
        r"\(?(?:photo|image|picture|illustration)s? (?:by|courtesy of|credit:?) .{0,150}"),
    ('a copyright line',
        r"(?:©|\(c\)|copyright)\s*.{0,150}"),
    ('a copyright line',
        r".{0,100}all rights reserved\.?"),
    ('a date stamp',
        r"(?:updated|published|posted|last updated|first published|modified)\s*(?:on|at)?\s*[:\-]?\s*"
        r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[\w ,.:/+\-]{0,50}"),
    ('a reading time',
        r"\d+\s*min(?:ute)?s?\s*read"),
    ('a comments link',
        r"(?:comments?|leave a comment|\d+ comments?|join the conversation|jump to comments)\W*"),
    ('a tags line',
        r"(?:tags?|topics?|filed under|categories|category)\s*:.*"),
    ('a loading placeholder',
        r"(?:loading|please wait)(?:\.\.\.|…)?"),
    # Affiliate disclosures: a commission notice, not the article's words.
    ('an affiliate disclosure',
        r"(?:advertis(?:ing|er)|affiliate) disclosure|sponsored by"),
    ('an affiliate disclosure',
        r"(?:\W*(?:disclosure|disclaimer|note|please note)\s*:\s*)?(?:this|the|our|my) (?:post|article|page|site|blog|guide)"
        r" (?:may )?(?:contains?|includes?|uses?) (?:some )?(?:affiliate|commissionable) links\b.{0,200}"),
    ('an affiliate disclosure',
        r".{0,120}\bif you (?:buy|purchase|click|make a purchase|shop)\b.{0,80}\b(?:we|i) (?:may )?(?:earn|receive|get)"
        r" (?:a )?(?:small )?(?:commission|compensation)\b.{0,160}"),
)]
# The patterns as one alternation, tried in order by the regex engine itself (a line takes the
# first pattern it matches whole, as a loop over them would give): a third of the time of a loop.
_ANY_PATTERN = re.compile("|".join(f"(?P<p{i}>{p.pattern})" for i, (_, p) in enumerate(_PATTERNS)),
                          _FLAGS)
# The placeholder text of a template section left unfilled ("Lorem ipsum dolor sit amet, …",
# "Lorem Ipsum" as its heading, "Lorem ipsum 1" in its list), printed on the live page: never an
# article's words, whatever its length.
_PLACEHOLDER = re.compile(r"[-–•\s]*lorem ipsum(?: dolor\b|\s*\d*\W*$)", _FLAGS)
# Furniture printed above the article, inside its container: breadcrumbs, "Skip to content",
# "Back to blog", a table-of-contents heading, the date or reading time alone on a line. Only
# dropped among the first lines (see ``split_boilerplate``): further down, a line that is only a
# date or "Contents" may belong to the article (a timeline, a heading of its own).
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?"
         rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?"
         r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})")
_READ_TIME = r"(?:estimated )?(?:reading time:?\s*)?\d+(?:\s*[–-]\s*\d+)?\s*min(?:ute)?s?\.?(?:\s*read)?"
_HEAD_PATTERNS = [re.compile(p, _FLAGS) for p in (
    rf"[-–•·|\s]*(?:{_DATE}|{_READ_TIME})(?:\s*(?:[-–•·|]|//)\s*(?:{_DATE}|{_READ_TIME}))*[\s|]*",
    r"(?:estimated )?reading time\s*:?",
    r"(?:table of contents?|contents|on this page|in this (?:article|post|guide)|jump to(?: section)?"
    r"|content map|(?:expand|show|hide) (?:the )?table of contents?)\W*",
    r"[-–•\s]*(?:skip to (?:the )?(?:main )?content|skip navigation|you are here|back to (?:the )?"
    r"(?:blogs?|articles?|news|posts?|all posts|all articles|resources|top|selection)"
    r"|home|blog|news|search|menu|show ?menu|close|enter search terms)\W*",
    # Breadcrumbs: "Home > News > Local", "Guides » Gardening » Soil".
    r"[-–•\s]*(?:home\s*[>»›/|]|[^>»›]{1,60}[>»›][^>»›]{1,60}[>»›]).{0,100}",
)]
_CREDIT = re.compile(
    r"(?:photo|photograph|image|picture|illustration|credit)|getty images|shutterstock|ap photo|reuters/",
    _FLAGS,
)


# A line that is only CSS class names: markup a page printed as text (a template's class list
# leaked into a text node, a component's styling read by the extractor): "flex items-center
# gap-2", "css-1dbjc4n r-13awgt0", "md:text-lg font-bold", "card__title card--wide". Three or
# more lower-case tokens of letters, digits and -_: only, at least two of them compound, and two
# marked as code by a digit, a colon or a doubled separator (one, in a run of five or more).
# Hyphenated English ("well-known long-term follow-up") has no such marks, and a lower-case tag
# line has one at most ("covid-19 long-term effects"); prose has capitals and punctuation.
_CLASS_TOKEN = re.compile(r"-?[a-z][a-z0-9:_-]*")
_CODE_MARK = re.compile(r"\d|:|__|--")


def _is_class_run(text: str) -> bool:
    tokens = text.split()
    if len(tokens) < 3 or not all(_CLASS_TOKEN.fullmatch(t) for t in tokens):
        return False
    compound = sum(1 for t in tokens if any(c in t.strip("-") for c in "-_:"))
    marked = sum(1 for t in tokens if _CODE_MARK.search(t))
    return compound >= 2 and (marked >= 2 or (marked and len(tokens) >= 5))


def is_boilerplate(line: str, *, max_chars: int = _MAX_LEN) -> bool:
    """Whether a whole line of extracted text is page furniture rather than article text."""
    return bool(boilerplate_reason(line, max_chars=max_chars))


def boilerplate_reason(line: str, *, max_chars: int = _MAX_LEN) -> str:
    """What a whole line of page furniture is ("a share button", "a photo credit"); "" for
    article text."""
    text = line.strip()
    if not text:
        return ""
    if _PLACEHOLDER.match(text):
        return "template placeholder text"
    if len(text) > max_chars:
        return ""
    whole = _ANY_PATTERN.fullmatch(text)
    if whole is not None:
        return _PATTERNS[int(whole.lastgroup[1:])][0]
    if _is_class_run(text):
        return "a run of CSS class names"
    return "a photo credit" if is_credit(text, max_chars=max_chars) else ""


def is_leading_furniture(line: str, *, max_chars: int = _MAX_LEN) -> bool:
    """Whether a line printed above the article is navigation, a date or a reading time alone."""
    text = line.strip()
    return 0 < len(text) <= max_chars and any(p.fullmatch(text) for p in _HEAD_PATTERNS)


def split_boilerplate(
    lines: list[str], *, title: str | None = None, bylines: tuple[str, ...] = (),
    options: BoilerplateOptions = DEFAULT_OPTIONS.boilerplate,
) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[str]]:
    """Split extracted lines into kept ``(index, line)``, dropped ``(index, line)`` and credits.

    Besides the generic patterns, the headline repeated at the top and a byline line among the
    first lines (the page's own byline, or "By ..." naming the credited authors) are dropped.
    """
    kept, dropped, credits = [], [], []
    for index, line, reason in judge_lines(lines, title=title, bylines=bylines, options=options):
        if reason:
            dropped.append((index, line))
            if is_image_credit(line, options):
                credits.append(line)
        else:
            kept.append((index, line))
    return kept, dropped, credits


def judge_lines(
    lines: list[str], *, title: str | None = None, bylines: tuple[str, ...] = (),
    options: BoilerplateOptions = DEFAULT_OPTIONS.boilerplate,
) -> list[tuple[int, str, str]]:
    """``(index, line, reason)`` for each non-blank line, whitespace-normalised; ``reason`` is
    what the dropped line is, "" for a line kept (see ``split_boilerplate``)."""
    o = options
    out: list[tuple[int, str, str]] = []
    kept = 0
    copies = _printed_twice(lines, o.copy_min_words)
    title_key = _key(title) if title else None
    author_keys = [_key(b.split(",")[0]) for b in bylines if b]
    for index, raw in enumerate(lines):
        line = " ".join(raw.split())
        if not line:
            continue
        head = kept < o.head_lines
        drop = boilerplate_reason(line, max_chars=o.max_chars)
        if not drop and index in copies:
            drop = "a paragraph printed twice (a layout copy)"
        if not drop and not kept and is_leading_furniture(line, max_chars=o.max_chars):
            drop = "navigation, a date or a reading time above the article"
        if not drop and head and title_key and title_key in (_key(line), _key(_unlabelled(line))):
            drop = "the headline repeated"
        if not drop and head and _is_byline_line(line, author_keys, o):
            drop = "the byline"
        out.append((index, line, drop))
        kept += not drop
    return out


def is_image_credit(line: str, options: BoilerplateOptions = DEFAULT_OPTIONS.boilerplate) -> bool:
    """Whether a dropped line is kept as an image credit (``Article.image_credits``)."""
    return (bool(_CREDIT.search(line) or is_credit(line, max_chars=options.max_chars))
            and len(line) < options.max_chars)


def _printed_twice(lines: list[str], min_words: int) -> set[int]:
    """The indices of lines that repeat an earlier line of six or more words.

    A paragraph printed twice is layout (mobile and desktop copies, a pull quote), not the author
    repeating themself; short lines ("Step 1", "Pros") may legitimately repeat. A list item or a
    table row is different: a training plan or a spec table repeats "- Warm up: 10 minutes easy
    jogging" week after week. It counts as a copy only when a neighbour is copied with it (the
    line before or after it repeats the first one's), as in a whole list printed twice.
    """
    order = [(i, _key(line)) for i, line in enumerate(lines) if line.strip()]
    keys = [key for _, key in order]
    first: dict[str, int] = {}
    copies: set[int] = set()
    for n, (index, key) in enumerate(order):
        if len(key.split()) < min_words:
            continue
        if key not in first:
            first[key] = n
            continue
        m = first[key]
        item = lines[index].lstrip()[:1] in ("-", "|")
        if not item or _neighbour_copied(keys, m, n):
            copies.add(index)
    return copies


def _neighbour_copied(keys: list[str], first: int, again: int) -> bool:
    before = first > 0 and keys[again - 1] == keys[first - 1]
    after = again + 1 < len(keys) and keys[again + 1] == keys[first + 1]
    return before or after


def _unlabelled(line: str) -> str:
    m = HEADLINE_LABEL.match(line)
    return line[m.end():] if m else line


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


_BY_LINE = re.compile(r"(?:written |reported |words )?by\s*:?\s+[\w .,'’&-]{2,120}", _FLAGS)


def _is_byline_line(line: str, author_keys: list[str], o: BoilerplateOptions) -> bool:
    if len(line) > o.byline_max_chars:
        return False
    if _BY_LINE.fullmatch(line):
        return True
    key = _key(line)
    # A line that is only the credited names (with "and", commas, a role) is the byline.
    if author_keys and all(k and k in key for k in author_keys):
        rest = key
        for k in author_keys:
            rest = rest.replace(k, " ")
        return len(rest.split()) <= o.byline_other_words
    return False
