"""Recognising finds that report nobody, whichever extractor made them.

Two forms read like reported speech to a tagger but report no identifiable source:
- **The author's own voice**: "I think", "we found", "you know", "one wonders". Outside a
  quote, a transcript turn or another attribution's content, a first- or second-person source
  (or generic "one") is the writer talking to the reader, which features, reviews and columns
  do all the time. Inside someone's content it is that speaker's own words.
- **No one at all**: a cue with no source that is a passive ("is expected to", "were asked",
  "has been hailed as"), a verb of seeming ("seems", "appears"; with a source too: "he seems to
  imagine himself as …" is the author's reading of him), or an imperative addressed to
  the reader ("Note the example", "Don't expect", "See the paper"). There is no source to check;
  the sentence is the outlet's own, hedged or not.
- **Hypothetical speech**: a cue under a modal ("few would argue", "anyone will tell you", "an
  abuser would have said", "the company might have suggested"). The sentence says what someone
  would, could or will say, not what anyone said: there is no statement to check. (A narrator's
  "would later present" is real and a modal is then wrong.) "He'd said that …" is "had", not
  "would": a "'d" before a past form is no modal.
- **A passive whose subject is spoken of or to**: "a stranding that was described as
  'unprecedented'", "the participants were asked to …", "Laura Dern was named best actress".
  The subject is what the words are about or whom they were addressed to; whoever spoke is not
  named. "Officials were quoted as saying …", "he was heard telling …" are exempt: a verb of
  saying under the passive makes its subject the speaker. So is "we're told" (the outlet's
  anonymous source speaking, as the guideline rules).

- **No statement at all**: an infinitive after a verb that does not report what anyone said
  or thinks ("SoftBank agreed to inject $6.5 billion", "Fetter continued to program", "a
  spokeswoman declined to comment", "he's planning to teach"): an action, a plan or a refusal,
  with nothing said to check. Verbs whose infinitive is what was said or wanted ("vowed to",
  "urged them to", "wants to", "hopes to") are statements.

PolNeAR annotates some of these as attributions (an op-ed's "I think"), our guideline does not
(docs/realworld-gold.md), so they are not dropped: the reason is a feature of the confidence,
and the confidence of a find that reports nobody is at most the share of such finds that were
statements on the gold, which holds them back from the default display (provenance/confidence.py).
"""
from __future__ import annotations

import bisect
from typing import Sequence

from ..model import Attribution, Span
from .blocks import BlockIndex  # noqa: F401 - its home was here; provenance imports it from here

AUTHORIAL = frozenset("i we you me us one".split())
# Verbs whose "to"-infinitive is what was said, urged, promised or wanted: "vowed to keep
# trying", "urged Congress to act", "wants to boost the telescope". After any other verb the
# infinitive is an action, a plan or a refusal ("agreed to inject", "declined to comment").
INFINITIVE_STATEMENTS = frozenset(
    """promise vow pledge threaten swear urge call ask tell warn advise order instruct beg
    demand want hope wish expect fear need claim say appear seem""".split())
# "Many of us have noticed", "some of you know": a share of the author's or the reader's own.
_PERSONAL_PLURAL = frozenset("us we you".split())
# A verb of saying under a passive cue makes its subject the speaker: "was quoted as saying",
# "is reported to have said", "was heard telling".
_SAYING = frozenset("say tell add call warn claim insist argue describe".split())
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


def _inverted_one(att: Attribution) -> bool:
    """Whether the source is a bare "one" after its cue: "“New prices,” reads one" (one of the
    signs just named). The writer's generic "one" ("one wonders") stands before its verb."""
    return att.source.text.strip().lower() == "one" and att.source.start > att.cue.start


def reports_nobody(att: Attribution, contents: ContentIndex, locate: BlockIndex) -> str | None:
    """Why ``att`` reports nobody ("author", "hypothetical", "passive", "seeming", "imperative"),
    or nothing said ("action"), else None.

    ``contents`` indexes the article's attribution contents: a first person inside one of them
    is that speaker's (a cue never lies in its own content).
    """
    if att.cue is None or not any(ch.isalnum() for ch in att.cue.text):
        return None  # layout: a transcript label or a signature names its speaker
    cue = locate.tokens(att.cue)
    verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")] if cue is not None else []
    # The main verb: "is expected" is about "expected", not "is".
    verb = next((t for t in verbs if t.pos_ == "VERB"), verbs[0] if verbs else None)
    if verb is not None and told_us(verb):
        return None
    if att.source is not None and not contents.covers(att.cue.start) and not _inverted_one(att) and (
            att.source.text.strip().lower() in AUTHORIAL or _share_of_us(locate.tokens(att.source))):
        return "author"
    if verb is None:
        return None
    # A modal inside the cue or on its verb ("would have said", "will tell"): tag MD.
    if any(_modal(t) for t in cue) or any(_modal(c) and c.dep_ == "aux" for c in verb.children):
        return "hypothetical"
    if _infinitive_of(verb, locate.tokens(att.content) if not att.content.fragments else None) \
            and not _forms(verb) & INFINITIVE_STATEMENTS:
        return "action"
    if verb.lemma_.lower() in SEEMING and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        # "He seems to still imagine himself as …", "Trump appeared to suggest that …": the
        # author's reading of the subject, a description by the guideline, not a statement of it.
        return "seeming"
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)
    if att.source is not None:
        if not passive:
            return None
        source = locate.tokens(att.source)
        subject = source is not None and any(c.dep_ == "nsubjpass" and source.start <= c.i < source.end
                                             for c in verb.children)
        # Read only for a passive with its subject in the source: a walk of the verb's subtree.
        said = subject and any(t.lemma_.lower() in _SAYING and t.tag_ in ("VBG", "VBN")
                               and t.dep_ in ("xcomp", "advcl", "pcomp") for t in verb.subtree if t.i != verb.i)
        return "passive" if subject and not said else None
    if verb.lemma_.lower() in SEEMING:
        return "seeming"  # "The weather seemed to prefer …" with no source at all
    if passive:
        return "passive"
    # An imperative: a base-form verb that opens its sentence (after "do not") with no subject.
    first = next((t for t in verb.sent if not t.is_punct and t.lower_ not in _NEGATION), None)
    subject = any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)
    return "imperative" if verb.tag_ == "VB" and first is not None and first.i == verb.i and not subject else None


def _modal(token) -> bool:
    """A modal auxiliary; "'d" before a past form is "had" ("He'd said that …"), where "'d say"
    is "would"."""
    if token.tag_ != "MD":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (token.lower_ in ("'d", "’d") and following is not None and following.tag_ in ("VBN", "VBD"))


def told_us(verb) -> bool:
    """Whether ``verb`` is the "told" of "we're told", "we are told that …": the outlet's anonymous
    source speaking, a statement (the guideline's ruling)."""
    return verb.lemma_.lower() == "tell" and any(c.dep_ == "nsubjpass" and c.lower_ == "we" for c in verb.children)


def _share_of_us(source) -> bool:
    """ "Many of us", "some of you": a share of the author's or the reader's own people."""
    return source is not None and any(t.lower_ in _PERSONAL_PLURAL and t.dep_ == "pobj" and t.head.lower_ == "of"
                                      and t.head.head.i == source.root.i for t in source)


def _infinitive_of(verb, content) -> bool:
    """Whether ``content`` is a "to"-infinitive clause that is ``verb``'s complement, with at most
    adjuncts of the verb beside it ("continued to program … after leaving MIT")."""
    if content is None:
        return False
    inside = range(content.start, content.end)
    heads = [t for t in content if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    infinitive = [t for t in heads if t.dep_ == "xcomp" and t.head.i == verb.i and any(c.tag_ == "TO" for c in t.children)]
    return len(infinitive) == 1 and all(t in infinitive or t.dep_ in ("prep", "advmod", "advcl", "npadvmod", "cc")
                                        for t in heads)


def _forms(verb) -> set[str]:
    """The verb's lemma and its word less a regular ending: the tagger lemmatises a verb it
    mistags wrongly ("hopes" -> "hop")."""
    word = verb.lower_
    stems = {word[: -len(end)] for end in ("s", "es", "ed", "d", "ing") if word.endswith(end)}
    return {verb.lemma_.lower(), word} | stems | {stem + "e" for stem in stems}

