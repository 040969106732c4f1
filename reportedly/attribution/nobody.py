"""Recognising finds that report nobody, whichever extractor made them.

Two forms read like reported speech to a tagger but report no identifiable source:
- **The author's own voice**: "I think", "we found", "you know", "one wonders". Outside a
  quote, a transcript turn or another attribution's content, a first- or second-person source
  (or generic "one") is the writer talking to the reader, which features, reviews and columns
  do all the time. Inside someone's content it is that speaker's own words.
- **No one at all**: a cue with no source that is a passive ("is expected to", "were asked",
  "has been hailed as"), a verb of seeming ("seems", "appears"), or an imperative addressed to
  the reader ("Note the example", "Don't expect", "See the paper"). There is no source to check;
  the sentence is the outlet's own, hedged or not.
- **Hypothetical speech**: a cue under a modal ("few would argue", "anyone will tell you", "an
  abuser would have said", "the company might have suggested"). The sentence says what someone
  would, could or will say, not what anyone said: there is no statement to check. (A narrator's
  "would later present" is real and a modal is then wrong, so this too is only a feature.)

PolNeAR annotates some of these as attributions (an op-ed's "I think"), our guideline does not
(docs/realworld-gold.md), so they are not dropped: the reason is a feature of the confidence,
which holds them back from the default display (provenance/confidence.py).
"""
from __future__ import annotations

import bisect
from typing import Sequence

from ..model import Attribution, Span
from .blocks import BlockIndex  # noqa: F401 - its home was here; provenance imports it from here

AUTHORIAL = frozenset("i we you me us one".split())
SEEMING = frozenset("seem appear".split())
_NEGATION = frozenset({"do", "don't", "don’t", "n't", "n’t", "not", "never"})


class ContentIndex:
    """Answers "is this position inside some attribution's content?" by bisection."""

    def __init__(self, found: Sequence[Attribution]):
        pieces = sorted(piece for att in found for piece in att.content.pieces)
        self.starts = [a for a, _b in pieces]
        self.reach = []  # the furthest end of any piece starting at or before each one
        for _a, b in pieces:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def covers(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and self.reach[i] > position


def reports_nobody(att: Attribution, contents: ContentIndex, locate: BlockIndex) -> str | None:
    """Why ``att`` reports nobody ("author", "hypothetical", "passive", "seeming", "imperative"),
    else None.

    ``contents`` indexes the article's attribution contents: a first person inside one of them
    is that speaker's (a cue never lies in its own content).
    """
    if att.cue is None or not any(ch.isalnum() for ch in att.cue.text):
        return None  # layout: a transcript label or a signature names its speaker
    if att.source is not None and att.source.text.strip().lower() in AUTHORIAL \
            and not contents.covers(att.cue.start):
        return "author"
    cue = locate.tokens(att.cue)
    verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")] if cue is not None else []
    # The main verb: "is expected" is about "expected", not "is".
    verb = next((t for t in verbs if t.pos_ == "VERB"), verbs[0] if verbs else None)
    if verb is None:
        return None
    # A modal inside the cue or on its verb ("would have said", "will tell"): tag MD.
    if any(t.tag_ == "MD" for t in cue) or any(c.tag_ == "MD" and c.dep_ == "aux" for c in verb.children):
        return "hypothetical"
    if att.source is not None:
        return None
    if verb.lemma_.lower() in SEEMING:
        return "seeming"
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return "passive"
    # An imperative: a base-form verb that opens its sentence (after "do not") with no subject.
    first = next((t for t in verb.sent if not t.is_punct and t.lower_ not in _NEGATION), None)
    subject = any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)
    return "imperative" if verb.tag_ == "VB" and first is not None and first.i == verb.i and not subject else None
