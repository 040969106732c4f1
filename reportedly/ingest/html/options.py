"""Every threshold of the HTML reader, in one frozen object built once, each with its reason.

The defaults are the values measured on WCXB dev (see docs/html-reader.md, "Scores"). A step
reads only its own group (``options.article_end``, ``options.boilerplate``, ...), so a rule's
numbers sit next to each other here and next to nothing else. To try another value, build a
variant and pass it to ``read_html``::

    from dataclasses import replace
    opts = replace(DEFAULT_OPTIONS, min_words=20)
    read_html(page, "id", options=opts)

Word counts are whitespace-separated words; shares are fractions of words unless said otherwise.

Not yet here: the thresholds of the metadata (``meta``), which are still constants beside
their rules, each with its reason, and the counts written inside the tree preparation's XPath
tests ("two ``<p>`` or more", "list items over 40 characters"), compiled once with them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Options", "PrepareOptions", "ExtractOptions", "RestoreOptions", "ArticleEndOptions", "HeadlineOptions",
    "DeclaredBodyOptions", "BoilerplateOptions", "FurnitureOptions", "DisclaimerOptions",
    "DEFAULT_OPTIONS",
]


@dataclass(frozen=True)
class PrepareOptions:
    """Preparing the tree for trafilatura (``prepare.article_container``, ``prepare.content_marks``)."""

    # A block classed as an article container with at most this many words is a decoy when a
    # later one holds the article: breadcrumbs or a header strip; no article is this short.
    decoy_max_words: int = 50
    # The fewest words of an article's container (also of an unnamed prose block).
    article_min_words: int = 200
    # The later container must hold this many times the decoys' words: the article, not a
    # second strip.
    article_ratio: float = 5
    # An unnamed article holds this share of the page's paragraph words (a block alone, or the
    # smallest block holding the sections) ...
    prose_share: float = 0.6
    # ... and the next block at most this share of its words (else no block clearly does).
    runner_up: float = 0.3
    # An ancestor of the prose block that holds at most this many times its words adds an
    # intro or a table, not the site's menus and footers.
    ancestor_growth: float = 1.3
    # A step up whose added words are more than this share links adds furniture (a menu,
    # related posts), not the article's own text.
    added_link_share: float = 0.5
    # A step up that adds this few words (a back link, a share button) tells nothing either way.
    few_words: int = 10
    # A sibling with the block's tag and class is the other part of a split rich-text field when
    # this share of its words is in its own ``<p>``s.
    twin_prose: float = 0.5
    # A text-only ``<div>`` among paragraphs is read as one with a sentence's worth of words.
    text_div_min_words: int = 15
    # How far up from a hidden panel an accordion may be named (a data attribute three levels
    # up, 'data-embed="accordion"', in the pages found); further up, any page has "faq" somewhere.
    panel_levels: int = 3


@dataclass(frozen=True)
class ExtractOptions:
    """Choosing between trafilatura's balanced run and its recall run (``extract``)."""

    # The recall run is kept when it contains more than this share of the balanced run's
    # words: it found the same article with the parts the balanced run cut off.
    recall_contains: float = 0.9
    # A balanced run that ran the paragraphs together gives way to a recall run that is at
    # least this share of its words (on the one WCXB page at two thirds, the balanced line held
    # a part of the article the recall run missed).
    recall_share_of_joined: float = 0.75


@dataclass(frozen=True)
class RestoreOptions:
    """Giving back paragraphs the extractor dropped (``restore``)."""

    # Shorter lines ("Step 1", "Key Data Points") occur in too many elements to locate anything.
    min_key_chars: int = 20
    # A restored paragraph is prose, not a label or a button.
    min_paragraph_words: int = 15
    # Lines found in the page before their common container is trusted to be the article's.
    min_located: int = 3
    # A block more than this share link text is navigation, not a paragraph of the article.
    max_link_share: float = 0.5
    # A Next.js data stream replaces the extraction only when it holds this many times its
    # words: a stream about as long is the same article, already read.
    streamed_times_thicker: float = 2.0


@dataclass(frozen=True)
class ArticleEndOptions:
    """Where the article ends before the page's trailing furniture (``steps.article_end``)."""

    # An author box: its heading and a biography of at most this many words after it.
    bio_max_words: int = 250
    # Prompts set as a line of their own ("Was this article helpful?"), no longer than this.
    feedback_max_words: int = 20
    paywall_max_words: int = 25
    end_note_max_words: int = 40
    # A heading over a list of other posts is a short line.
    heading_max_words: int = 7
    long_line: int = 40  # a line of prose, longer than any title
    title_line: int = 12  # a post's title
    short_line: int = 6  # a date, "Read more", a category label between teaser links
    # A teaser heading in the first half cuts only after this many words of article, and only
    # over a feed with this many dates alone on their lines (an article may hold a "Related"
    # box between its sections; it never prints dates alone on a line again and again).
    early_min_words: int = 150
    early_min_dates: int = 3
    # Post excerpts in the second half: this many open a feed of other posts.
    feed_min_excerpts: int = 2
    # A line shorter than this is a stray phrase, not an excerpt.
    excerpt_min_words: int = 5
    # Elements classed "excerpt" longer than this are wrappers, not a post's summary.
    excerpt_max_words: int = 90


@dataclass(frozen=True)
class HeadlineOptions:
    """Lines printed above the headline (``steps.headline_start``)."""

    opening_words: int = 8  # enough of the first kept line to find it in the page
    # How far under the headline the article may begin: past a byline, a date, share buttons,
    # a photo and its caption, or a table of contents.
    near_words: int = 400


@dataclass(frozen=True)
class DeclaredBodyOptions:
    """Trimming to the JSON-LD ``articleBody`` (``steps.declared_body``)."""

    # A declaration shorter than this is a teaser or a summary, not the article.
    min_words: int = 100
    # Word-F1 between the extraction and the declaration above which both are the same article.
    same_article_f1: float = 0.7
    # A line is the declared article's when at least this share of its word trigrams occur in it.
    line_share: float = 0.5


@dataclass(frozen=True)
class BoilerplateOptions:
    """Whole-line furniture rules (``steps.boilerplate``)."""

    # Every pattern is a whole-line rule on a short line; a longer line is prose, whatever it
    # mentions ("… sign up for the newsletter …" in a paragraph stays).
    max_chars: int = 200
    # The headline repeated and the byline are dropped only among the first kept lines.
    head_lines: int = 4
    # A byline line ("Jane Doe and John Roe, Reuters") is no longer than this many characters,
    # and leaves at most this many words beside the credited names.
    byline_max_chars: int = 160
    byline_other_words: int = 4
    # A line repeating an earlier one of this many words or more is a layout copy.
    copy_min_words: int = 6


@dataclass(frozen=True)
class FurnitureOptions:
    """Blocks that name themselves furniture in their class (``steps.furniture_blocks``)."""

    min_excerpts: int = 2  # one is a standfirst; a list of teasers has several
    max_excerpt_words: int = 120  # a teaser's excerpt is a few sentences, not an article
    max_excerpt_share: float = 0.5  # of the extracted words; more, and the excerpts are the article
    max_block_words: int = 150  # a call to action, a dialog or a disclaimer, not a page wrapper
    min_key_chars: int = 20  # shorter lines ("Read more") are not read as a block's text
    # Beside a stream of story cards, at least a news brief; less, and the cards are the page.
    min_stream_left_words: int = 100


@dataclass(frozen=True)
class DisclaimerOptions:
    """The site's disclaimers closing the body (``steps.disclaimers``)."""

    # A disclaimer is a paragraph of fine print; a longer one that opens so is an essay on it.
    max_words: int = 80
    # The closing run: a views note, an advice note and a disclosure at most, one after another.
    max_lines: int = 3


@dataclass(frozen=True)
class Options:
    """All thresholds of the HTML reader; ``DEFAULT_OPTIONS`` is what ``read_html`` uses."""

    # Bigger than any article page; larger inputs are not articles (and would cost seconds).
    max_bytes: int = 20_000_000
    # Fewer words than the shortest news brief: what is left is a menu item or a cookie notice.
    min_words: int = 10
    prepare: PrepareOptions = field(default_factory=PrepareOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    restore: RestoreOptions = field(default_factory=RestoreOptions)
    article_end: ArticleEndOptions = field(default_factory=ArticleEndOptions)
    headline: HeadlineOptions = field(default_factory=HeadlineOptions)
    declared_body: DeclaredBodyOptions = field(default_factory=DeclaredBodyOptions)
    boilerplate: BoilerplateOptions = field(default_factory=BoilerplateOptions)
    furniture: FurnitureOptions = field(default_factory=FurnitureOptions)
    disclaimers: DisclaimerOptions = field(default_factory=DisclaimerOptions)


DEFAULT_OPTIONS = Options()
