"""Finding where an article ends in extracted text, before the page's trailing furniture.

Body extractors keep the article's container, and pages put more than the article in it:
"Related posts" lists, "About the author" boxes, "Article sources", cookie-consent text, a
reader-feedback, paywall or contact prompt ("Was this article helpful?", "Have any
questions?"), feeds of post excerpts, a run of links to other posts. These blocks come after
the article and each is recognised by what it is made of, not by where it sits alone: a heading
such as "Related" is only a cut when what follows it is a list of titles (a section "Related
risks" in prose stays). Only the second half of the text (by words) is searched, so an article
that opens with a list of links is never emptied; the one exception is a teaser heading over a
dated feed of posts, which article prose never looks like.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile

from reportedly.ingest.html.options import DEFAULT_OPTIONS, ArticleEndOptions

__all__ = ["find_article_end", "article_end"]

# Headings over lists of other posts. Generic section words ("Other costs", "Recent
# developments", "More information") are not here: articles use them for their own sections.
_TEASER_HEADING = re.compile(
    r"(?:related|similar)(?: \w+)?(?: posts?| articles?| stories| reads?| reading| content| topics"
    r"| guides?| resources| news)?"
    r"|(?:recommended|popular|trending|latest|recent|more|other|further)(?: \w+)?"
    r" (?:posts|articles|stories|reads|reading)"
    r"|(?:recommended|picked) for you|read (?:this )?next|up next|what to read next"
    r"|you (?:may|might) (?:also )?(?:like|love|enjoy|be interested in)|you'?ll also (?:like|love)"
    r"|(?:also|keep|further|additional) reading|explore more|more from [\w .&'’-]+"
    r"|(?:more )?in this series"
    r"|don'?t miss|follow us(?: on [\w ]+)?|republish this article"
    r"|share (?:this|the) (?:article|post|story)",
    re.IGNORECASE,
)
# An author box after the article: the heading and a short biography, or a reviewer's credit
# and biography ("Reviewed by,"), with perhaps the reviewer's disclosures after it.
_BIO_HEADING = re.compile(r"about the authors?|(?:the )?author'?s? bio|meet the authors?|written by"
                          r"|(?:article )?(?:written|reviewed) by,?|authors?|contributors?",
                          re.IGNORECASE)
# An SEO "sources" list: URLs and citations, which the article's text does not include.
_SOURCES_HEADING = re.compile(r"article sources|sources for this article", re.IGNORECASE)
_COOKIES = re.compile(
    r"\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:settings|policy|preferences|consent)\b"
    r"|\bmanage consent\b|\baccept all cookies\b",
    re.IGNORECASE,
)
# A reader-feedback prompt or an appeal for support: the page's own furniture closing the
# article ("Was this article helpful?", "Enjoyed this piece? We need your help to keep
# publishing."). The prompt opens its line; what follows is buttons, thanks, bios, comments.
_FEEDBACK = re.compile(
    r"(?:was|is) this (?:article|page|post|story|guide|information|answer|content)? ?"
    r"(?:helpful|useful)\?"
    r"|did you find this (?:article|page|post|content|guide|information)? ?(?:helpful|useful)\?"
    r"|how (?:was|would you rate) this (?:article|page|post|story|issue|guide)\?"
    r"|(?:enjoyed|like|liked|enjoy) (?:this|the) (?:article|post|piece|story)\?"
    r"|rate this (?:article|page|post|story|guide)\b"
    r"|would you like to (?:receive|get) notifications\b"
    # The site's note on how it writes, linked under each article.
    r"|(?:learn more about|explore|read) our editorial (?:process|policy|standards|guidelines)\b",
    re.IGNORECASE,
)
# A paywall's prompt where a subscriber's copy goes on: what the page shows after it is the
# offer ("Become a paid subscriber to unlock this piece", "This article is exclusive to STAT+
# subscribers"), not the rest of the article.
_PAYWALL = re.compile(
    r"(?:become a (?:paid )?(?:subscriber|member)|subscribe)\b.{0,80}\bto (?:unlock|continue reading"
    r"|keep reading|read (?:the full|the rest|this))"
    r"|this (?:article|story|post|piece) is (?:exclusive to|only (?:available )?for|reserved for)"
    r"\b.{0,40}\b(?:subscribers|members)\b",
    re.IGNORECASE,
)
# Notes set under an article about the article, and form prompts: what follows is the notes'
# fine print or the form ("This story was developed in partnership with …", "This article was
# originally written by …", "Contact staff writer Jane Doe at …", "Fill out the form below …").
_END_NOTE = re.compile(
    r"this (?:story|article|post) (?:was|is) (?:developed|produced|originally (?:written|published))"
    r" (?:in partnership with|by|for|on|in)\b"
    r"|contact (?:staff writer|the (?:author|writer|reporter)|reporter)\b"
    r"|fill out (?:the|this|our) form\b",
    re.IGNORECASE,
)
# A company's invitation to ask it or contact it, set as a heading: what follows is its FAQ, a
# contact form or its offices, not the article ("Have any questions? We have answers.").
_CONTACT_PROMPT = re.compile(
    r"(?:do you |still )?(?:have|got) (?:any |more )?questions\??"
    r"|you(?:'ve)? got questions,? we(?:'ve)? got answers!?"
    r"|contact us|need (?:more |any )?help\?",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(r"^(?:[\w,.]+ ){0,3}\d{1,2},? \d{4}$|^\d{1,2} \w+ \d{4}$|^\d{4}-\d\d-\d\d$")

_DATED_TITLE = re.compile(r"^(.+?) [-–—|] ((?:[\w,.]+ ){0,3}\d{1,2},? \d{4}|\d{1,2} \w+ \d{4}|\d{4}-\d\d-\d\d)$")


def find_article_end(lines: list[str], link_texts: frozenset[str] | set[str] = frozenset(),
                     excerpts: Sequence[str] = (), bylines: Sequence[str] = (),
                     options: ArticleEndOptions = DEFAULT_OPTIONS.article_end) -> int:
    """The number of leading ``lines`` that are the article; the rest is trailing furniture.

    ``link_texts`` are the texts of the page's links (whitespace-normalised): a trailing run of
    lines that are each a whole link's text is a list of other posts. ``excerpts`` are the texts
    of the page's post excerpts (elements classed "excerpt"): two of them in the second half
    start a feed of other posts. ``bylines`` are the article's authors: a line that is only one
    of their names ("Jane Doe", "Written by Jane Doe") heads an author box.
    Returns ``len(lines)`` when nothing is cut.
    """
    return article_end(lines, link_texts, excerpts, bylines, options)[0]


def article_end(lines: list[str], link_texts: frozenset[str] | set[str] = frozenset(),
                excerpts: Sequence[str] = (), bylines: Sequence[str] = (),
                options: ArticleEndOptions = DEFAULT_OPTIONS.article_end) -> tuple[int, str]:
    """``find_article_end`` with the reason of the cut: ``(end, what the rest is)``; the reason
    is "" when nothing is cut."""
    o = options
    sizes = [len(line.split()) for line in lines]
    total = sum(sizes)
    feed = _excerpt_lines_after(lines, sizes, excerpts, o)
    author_box = _author_line(bylines)
    seen = 0
    end = len(lines)
    reason = ""
    for i, line in enumerate(lines):
        if seen >= total / 2:
            cut = (_cut_at(i, lines, sizes, o)
                   or (feed[i] >= o.feed_min_excerpts and feed[i] > feed[i + 1]
                       and "a feed of other posts' excerpts")
                   or (author_box is not None and sizes[i] <= o.heading_max_words
                       and author_box.fullmatch(" ".join(line.split())) is not None
                       and sum(sizes[i + 1:]) <= o.bio_max_words
                       and "an author box under the author's name"))
        else:
            cut = (seen >= o.early_min_words and _dated_teasers_at(i, lines, sizes, o)
                   and "a heading over a dated feed of other posts")
        if cut:
            end = i
            reason = cut
            break
        seen += sizes[i]
    links_at = _trailing_links_start(lines[:end], link_texts, o)
    if links_at < end:
        return links_at, "a closing run of links to other posts"
    return end, reason


def _cut_at(i: int, lines: list[str], sizes: list[int], o: ArticleEndOptions) -> str:
    line = lines[i].strip(" |").rstrip(":").strip()  # "|" of a table cell set as a heading
    tail = sizes[i + 1:]
    if _COOKIES.search(line):
        # A consent banner: it and what follows it are cookie text or short buttons.
        if all(n <= o.short_line or _COOKIES.search(t) or "cookie" in t.lower()
               for n, t in zip(tail, lines[i + 1:])):
            return "a cookie-consent banner"
        return ""
    if sizes[i] <= o.feedback_max_words and _FEEDBACK.match(line):
        return "a reader-feedback prompt"
    if sizes[i] <= o.paywall_max_words and _PAYWALL.match(line):
        return "a paywall's offer"
    if sizes[i] <= o.end_note_max_words and _END_NOTE.match(line):
        return "a note about the article or a form prompt"
    if sizes[i] > o.heading_max_words:
        return ""
    if _CONTACT_PROMPT.fullmatch(line):
        return "a contact prompt"
    if _TEASER_HEADING.fullmatch(line):
        if _titles_only(tail, o) or _titles_before_notes(tail, o) or _cards(tail, o):
            return "a heading over other posts' titles"
        return ""
    if _BIO_HEADING.fullmatch(line):
        return "an author box" if sum(tail) <= o.bio_max_words else ""
    return "a list of sources" if _SOURCES_HEADING.fullmatch(line) else ""


def _dated_teasers_at(i: int, lines: list[str], sizes: list[int], o: ArticleEndOptions) -> bool:
    """Whether a teaser heading opens a feed of other posts that carries their dates.

    In the first half of the text a teaser heading alone is not enough (an article may hold a
    "Related" box between its sections); a feed of posts under it, each with its date on a line
    of its own, is: article prose does not set dates alone on a line again and again.
    """
    if sizes[i] > o.heading_max_words:
        return False
    if not _TEASER_HEADING.fullmatch(lines[i].strip().rstrip(":").strip()):
        return False
    tail = lines[i + 1:]
    dates = sum(1 for t in tail if _DATE_LINE.match(" ".join(t.split())))
    return dates >= o.early_min_dates and _titles_only(sizes[i + 1:], o)


def _author_line(bylines: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern for a line that is only an author's name, as author boxes print it."""
    names = [re.escape(" ".join(name.split())) for name in bylines if name.strip()]
    if not names:
        return None
    return re.compile(rf"(?:(?:written|posted|article) by:? |by:? |about )?(?:{'|'.join(names)})[,.]?",
                      re.IGNORECASE)


def _excerpt_lines_after(lines: list[str], sizes: list[int], excerpts: Sequence[str],
                         o: ArticleEndOptions) -> list[int]:
    """For each line, how many lines from it on are post excerpts; one more zero at the end.

    A line is an excerpt when it is most of one excerpt's text (the rest being a "Read more" or
    the post's title inside the same element) and long enough not to be a stray phrase.
    """
    counts = [0] * (len(lines) + 1)
    if not excerpts:
        return counts
    hits = []
    for line, n in zip(lines, sizes):
        text = " ".join(line.split())
        hits.append(n >= o.excerpt_min_words and any(
            text in e and 2 * len(text) >= len(e) for e in excerpts))
    # A listicle ("the city's best restaurants") is its excerpts: when they hold most of the
    # words they are the article, not a feed after it.
    if sum(n for n, hit in zip(sizes, hits) if hit) > sum(sizes) / 2:
        return counts
    for i in range(len(lines) - 1, -1, -1):
        counts[i] = counts[i + 1] + hits[i]
    return counts


def _titles_only(sizes: list[int], o: ArticleEndOptions) -> bool:
    """Whether lines of these word counts read as a list of titles rather than prose."""
    if not sizes:
        return True
    long = sum(1 for n in sizes if n > o.long_line)
    return long <= len(sizes) // 4 and sorted(sizes)[len(sizes) // 2] <= 20


def _cards(sizes: list[int], o: ArticleEndOptions) -> bool:
    """Whether lines of these word counts read as cards: titles, each with a line of summary.

    The summaries (20 to 40 words) outnumber the titles when a card has two, so the median is
    theirs; no line is longer than a summary, and a third of the lines are title-length.
    """
    if not sizes or max(sizes) > o.long_line:
        return False
    return 3 * sum(1 for n in sizes if n <= o.title_line) >= len(sizes)


def _titles_before_notes(sizes: list[int], o: ArticleEndOptions) -> bool:
    """Whether four or more title-like lines come before the first long one.

    A list of other posts may be followed by the page's legal notes and disclaimers (long lines)
    instead of ending the text.
    """
    head = list(takewhile(lambda n: n <= o.long_line, sizes))
    return len(head) >= 4 and _titles_only(head, o)


def _trailing_links_start(lines: list[str], link_texts, o: ArticleEndOptions) -> int:
    """Where a closing run of link lines (other posts' titles) starts; ``len(lines)`` if none.

    The run may hold short lines between the links (dates, categories, "Read more"), and under
    a link a summary of up to 40 words (a card: title, perhaps a label, then a line about the
    post); it is cut when it has at least two links of three or more words and they outweigh
    the short lines. A link that asks a question is an accordion's toggle, and the line under
    it the answer of an FAQ, not a card.
    """
    texts = [" ".join(line.split()).strip(" -–•·*") for line in lines]

    def is_title(j: int) -> bool:
        if j < 0:
            return False
        dated = _DATED_TITLE.match(texts[j])  # "Title - December 8, 2025": a recent-posts widget
        title = dated.group(1) if dated else texts[j]
        return title.count(" ") >= 2 and title in link_texts

    def card_title(j: int) -> bool:
        return is_title(j) and not texts[j].endswith("?")

    def under_title(j: int) -> bool:
        # Right under the title, or under a short label (a category) that is under it.
        return card_title(j - 1) or (j >= 2 and texts[j - 1].count(" ") < o.short_line
                                     and card_title(j - 2))

    i = len(lines)
    links = link_words = other_words = 0
    while i > 0:
        text = texts[i - 1]
        n = len(text.split())
        if is_title(i - 1):
            links += 1
            link_words += n
        elif n <= o.short_line or _DATE_LINE.match(text):
            other_words += n
        elif n <= o.long_line and under_title(i - 1):
            pass  # a card's summary: neither a title nor furniture
        else:
            break
        i -= 1
    if links >= 2 and link_words >= other_words and i > 0:
        return i
    return len(lines)
