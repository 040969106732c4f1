"""The trained CRFs first, then layout-marked speech and the rules where the CRFs found no cue.

The CRFs find only about two thirds of the cues; the rules know patterns the model misses
("warned against", quotes over paragraphs), and speech marked by layout has no verb to find at
all: signed quotes, transcript turns, Q&A answers, name lines over vox pops (``layout``). A rule
attribution is added only where the model found nothing that competes with it (see
``_competes``). Layout wins where the model misread it ("Myron Scholes:" as source "Myron", cue
"Scholes:"). Attributions whose cue is a word inside a direct quote are left out (see
``_quoted``), and so are those inside layout-marked speech, a quote without marks (see
``_Marked.spoken_inside``), and a label's colon read as speech below the headline ("Europe: …", see ``_label_read_as_speech``).
Credited block quotations (``blockquotes``: a post under a lead-in or over a signature) are the
layout's too: model finds reading the same quotation are left to them, and a block quotation no
one credits continues the last speaker before it (``follow_block_quotes``, at the end).
A named source's "that" statement inside a model content is a rule find kept as its own
(``_named_report_inside``). Then what the layout says no one speaks in is cleared (datelines,
credits, captions, plain questions of an interview: ``furniture``); a sentence that ends with
", <name> reported" is that name's report of the clause before it, "As <name> noted, …" of the
rest of the sentence, and an "According to" find that read its source as content gets it back
(``trailing``); and quotes that go on are followed (``continuations``: whole and split quotes,
follow-on paragraphs, pull quotes), and contents that ran over
another speaker's quote and its clause are cut back (``overreach``).
Measured on PolNeAR dev: macro token F1 0.773 against the CRFs' 0.752, relation F1 0.691
against 0.674.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..intervals import Intervals
from ..model import Attribution
from . import Block, Extractor
from .blockquotes import follow_block_quotes
from .blocks import BlockIndex, block_ranges
from .continuations import continue_quotes
from .furniture import clear_furniture
from .layout import LayoutExtractor
from .introduced import introduced_quotes, pasted_posts, within_posts
from .leadins import colon_quotes
from .overreach import cut_overreach
from .quotes import QuoteIndex, find_quotes
from .trailing import according_to_sources, leading_reports, trailing_reports


@dataclass
class HybridExtractor:
    """The model's attributions, plus layout-marked speech and the rules' finds where the model has none."""

    model: Extractor
    rules: Extractor
    layout: LayoutExtractor = field(default_factory=LayoutExtractor)

    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        paragraphs = block_ranges(blocks)
        listed = find_quotes(text, paragraphs)
        quotes = QuoteIndex(listed)
        layout = self.layout.read(text, blocks, listed)
        # Indexes of what is decided, so that each later find is checked by bisection, not
        # against every earlier one (quadratic in an article of thousands of attributions).
        marked = _Marked(layout.attributions + layout.quotations)
        quotations = _pieces(att.content for att in layout.quotations)
        # A credited block quotation is the layout's: a model find that reads the same quote
        # (its content there, its cue in the lead-in) is left to it, as a misread label is.
        found = [att for att in self.model.extract(text, blocks)
                 if not _quoted(att, quotes) and not _label_read_as_speech(text, att, paragraphs)
                 and not marked.misread(att) and not marked.spoken_inside(att)
                 and not _overlaps(att.content, quotations)]
        found += layout.attributions + layout.quotations
        cues, contents = _pieces(att.cue for att in found), _pieces(att.content for att in found)
        index = BlockIndex.of(blocks)
        for att in self.rules.extract(text, blocks):
            # A rule find without a source is a cue verb with no subject, even an inherited one:
            # on PolNeAR such finds are mostly not attributions (relation +0.003 on dev and on
            # train without them).
            if att.source is None or _quoted(att, quotes) or _label_read_as_speech(text, att, paragraphs):
                continue
            if not _competes(att, cues, contents) or _named_report_inside(att, cues, contents, index):
                found.append(att)
        # A quote a colon introduces is the subject's ("X highlighted the gains: “…”").
        found += colon_quotes(text, blocks, listed, found)
        # … and one a subject and a cue word introduce, however the tagger read them ("Emery
        # states, “…”" with "states" a noun), or "In X's words, “…”".
        found += introduced_quotes(text, blocks, listed, found)
        # A post pasted under its "@handle:" label, after a lead-in's colon, is the handle's.
        posts = pasted_posts(text, paragraphs, found)
        if posts:
            found = within_posts(found, posts) + posts
        found = clear_furniture(text, found, layout.datelines, layout.quiet)
        # "…, Yahoo Finance reported." is the name's report of the whole clause before it.
        found = trailing_reports(text, blocks, found)
        # … and "As the authors explain, …" the source's statement of the rest of the sentence.
        found = leading_reports(text, blocks, found)
        # … and "According to <source>, …" read with the source at the start of the content.
        found = according_to_sources(text, found)
        found = continue_quotes(text, paragraphs, listed, found)
        found = cut_overreach(text, found)
        return follow_block_quotes(text, blocks, found)


class _Marked:
    """What layout marks, indexed: is a model find a misreading of it?"""

    def __init__(self, marked: Sequence[Attribution]):
        self.cues = _pieces(att.cue for att in marked)
        self.contents = _pieces(att.content for att in marked)
        self.sources = Intervals((piece[0], piece[1], att) for att in marked if att.source is not None
                                 for piece in att.source.pieces)

    def misread(self, att: Attribution) -> bool:
        """Whether ``att`` misreads what layout marks: its cue on the layout's cue, or on the
        layout's source ("Myron Scholes:" read as source "Myron", cue "Scholes:") with the same
        content in view."""
        if att.cue is None:
            return False
        if _overlaps(att.cue, self.cues):
            return True
        return any(att.content.overlaps(marked.content)
                   for a, b in att.cue.pieces for _s, _e, marked in self.sources.overlapping(a, b))


    def spoken_inside(self, att: Attribution) -> bool:
        """Whether the cue of ``att`` is a word inside layout-marked speech (a Q&A answer, a
        transcript turn, a quote under a name line).

        Such speech is verbatim, a quote set by layout instead of marks, so the reasoning of
        ``_quoted`` holds: "We've found that …", "I think …", "my teacher saw that …" inside an
        interviewee's answer are part of what the interviewee said, which the answer reports
        whole; reported again on their own they repeat it with a speaker "we" or "I".
        """
        if att.cue is None or not any(ch.isalnum() for ch in att.cue.text):
            return False
        return self.contents.overlaps(att.cue.start, att.cue.start + 1)


def _label_read_as_speech(text: str, att: Attribution, paragraphs: Sequence[tuple[int, int]]) -> bool:
    """Whether the cue is a bare colon after a label that opens a line below the headline.

    "Europe: Markets fell", "Home prices moderate: Prices rose", "Read: Why Tunisia": in the
    body a label and a colon are a heading or a list item; the speakers a colon introduces there
    are a transcript's, which the layout reads. In a headline the colon stands for "says"
    ("Poll: Clinton and Trump in dead heat"), and the first paragraph keeps it.
    """
    if att.cue is None or att.source is None or any(ch.isalnum() for ch in att.cue.text) or ":" not in att.cue.text:
        return False
    if not paragraphs or att.cue.start < paragraphs[0][1]:
        return False
    line_start = text.rfind("\n", 0, att.source.start) + 1
    return not text[line_start : att.source.start].strip(" \t\"“'‘•*-–—")


def _quoted(att: Attribution, quotes: QuoteIndex) -> bool:
    """Whether the cue is a word inside a direct quote: speech within someone's quoted words.

    "“Trump said Hispanics live in hell,” Padilla wrote" is Padilla's attribution; the one
    inside her quote is part of what she said, and PolNeAR does not annotate it. Of such finds
    on dev 1 in 29 is gold (train: 7 in 300); leaving them out lifts relation F1 by 0.004 on
    dev and 0.005 on train. A cue without a word (a dash, a colon) is layout, not a quoted word.
    """
    if att.cue is None or not any(ch.isalnum() for ch in att.cue.text):
        return False
    return quotes.quoted(att.cue.start)


def _competes(rule: Attribution, cues: Intervals, contents: Intervals) -> bool:
    """True when a rule attribution covers ground the model already decided on (``cues`` and
    ``contents`` index what was decided).

    It does when the cues or the contents overlap. Letting rule attributions nested inside a
    model content through as well ("according to Express, officers *warned* …") was measured
    and cost 0.035 relation F1 on PolNeAR dev: the rules' nested finds are mostly not gold.
    """
    return (rule.cue is not None and _overlaps(rule.cue, cues)) or _overlaps(rule.content, contents)


# Verbs of speech or finding whose "that" clause is what was said or found: "Mr Mugabe had told
# Zuma that …", "it showed that …".
_TELLING = frozenset("say tell write warn report announce insist claim confirm admit deny show find suggest predict".split())


def _named_report_inside(rule: Attribution, cues: Intervals, contents: Intervals, index: BlockIndex) -> bool:
    """Whether ``rule`` is a named source's "that" statement inside one decided content, on a
    cue nothing decided has: "South Africa said Mr Mugabe had told Zuma that he was confined".

    The nested statement is Mugabe's, relayed by South Africa; without it the only find whose
    content holds "he was confined" credits it to South Africa. Likewise "Onwurah said it showed
    that …": the finding is the report's ("it", resolved later), relayed by Onwurah. Only a proper
    name, "it" or "they" as the cue's own subject (not "officials": letting every nested rule find
    through cost 0.035 relation F1 on PolNeAR dev, see ``_competes``), a verb of telling or of
    finding, and the cue's own "that" clause as the whole content.
    """
    if rule.source is None or rule.cue is None or _overlaps(rule.cue, cues):
        return False
    if sum(1 for _ in contents.containing(rule.source.start, rule.content.end)) != 1:
        return False
    source, cue, content = index.tokens(rule.source), index.tokens(rule.cue), index.tokens(rule.content)
    if source is None or cue is None or content is None or not len(content):
        return False
    if not (source.root.pos_ == "PROPN" and source.root.ent_type_) and source.root.lower_ not in ("it", "they"):
        return False
    verb = cue.root
    # The source is the verb's own subject: not the subject of a verb it is coordinated with
    # ("they want lower rates and suggest that …"), nor an "it" that stands for an infinitive
    # ("it is necessary to show that …").
    if source.root.dep_ != "nsubj" or source.root.head.i != verb.i:
        return False
    # … nor the subject of an infinitive, which reports nothing said ("tweaking the Dietary
    # Guidelines for Americans to suggest that …" is no statement of Americans).
    if any(c.tag_ == "TO" for c in verb.children):
        return False
    return verb.lemma_.lower() in _TELLING and content[0].lower_ == "that" and content.root.head.i == verb.i


def _pieces(spans) -> Intervals:
    return Intervals.of_pieces(piece for span in spans if span is not None for piece in span.pieces)


def _overlaps(span, index: Intervals) -> bool:
    """Whether some piece of ``span`` overlaps some indexed piece (``Span.overlaps`` against each)."""
    return any(index.overlaps(a, b) for a, b in span.pieces)
