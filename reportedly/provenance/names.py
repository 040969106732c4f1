"""What the article itself says about each name: whose it is, and what kind of thing it names.

spaCy labels entities one sentence at a time, and often wrongly: "Parata" is an ORG in one
sentence and a PERSON in the next, "Uber" a PERSON, "Gustavo Faleiros" an ORG. The article
says better than the tagger what a name is, by how it writes around it:

- a person: an honorific ("Mr. Smith"), a title or a person noun before the name
  ("co-author David Tilman", "developer Ammar Askar"), a person noun or an age in apposition
  ("Gustavo Faleiros, an editor at …", "Parata, 75,"), "himself"/"his" bound to it as
  subject, and the full form of a surname ("Hori Parata" makes "Parata" a person);
- an organisation: an organisation noun before it or in apposition ("whale rescue group
  Project Jonah", "taxi service Uber"), a tribe or party noun after it ("the Ngātiwai tribe"),
  a company ending ("Acme
  Inc."), "itself"/"its" bound to it as subject, what only a company has ("Uber's shares");
- an outlet: an outlet noun next to it ("Vulture magazine"), a journalist's job ("BBC
  correspondent"), and being the one a source speaks to ("told Business Insider", "in an
  interview with the BBC", "said in a statement to Reuters"; one point each, as people are
  told things and interviewed too).

Each clue is a vote; the NER label is not one (it is what the votes correct). A kind needs
two points and more than any other kind, else the name keeps its NER label.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from spacy.symbols import PROPN
from spacy.tokens import Span as SpacySpan, Token

from ..attribution import Block
from . import lexicon
from .epistemic import Paragraphs, Words

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC")
# Entities that cannot be people spoken to: an outlet clue from "told X" needs one of these.
SPOKEN_TO_LABELS = ("ORG", "PRODUCT", "WORK_OF_ART", "FAC")
SPEAK_VERBS = frozenset("say tell speak talk comment write email explain".split())
STATEMENT_NOUNS = frozenset("statement interview comment comments email remarks".split())
MIN_VOTES = 2
# Organisation nouns whose name-modifier is the organisation's own name ("the Ngātiwai tribe"),
# unlike those often named after a person ("the Obama administration", "the Trump campaign").
NAMED_BY_MODIFIER = frozenset("tribe iwi clan party movement".split())
# Left out when names are compared ("Mr. Smith" is "John Smith").
NAME_HONORIFICS = frozenset("mr. mrs. ms. dr. mr mrs ms dr".split())
# The word lists tested together, joined once: a union written in the test made a new set for
# every name (with the same in speakers.py, 2.5% of trace_provenance's time).
_NO_SURNAMES = lexicon.ORGANIZATION_HEADS | lexicon.INSTITUTION_WORDS
_OUTLET_NAME_NOUNS = lexicon.OUTLET_NOUNS - {"agency", "network", "site"}
_ORGANIZATION_WORDS = lexicon.ORGANIZATION_NOUNS | lexicon.ORGANIZATION_HEADS


def norm(text: str) -> str:
    """Whitespace normalised (the scraped text has non-breaking spaces)."""
    return " ".join(text.split())


# Names recur: the mention, speaker and chain steps ask for the same few names' forms tens of
# thousands of times per hundred articles. (Pure functions of a string: remembered, bounded.)
@functools.lru_cache(maxsize=1 << 16)
def person_name(text: str) -> str:
    """A person's name as written, without a possessive ending ("Donald Trump’s")."""
    return re.sub(r"(?:\s*['’‘`]+s?)+$", "", norm(text))


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """How two spellings of one name compare: lower case, no "the", no possessive ending, one
    apostrophe ("James O’Neill" and "O'Neill" in one article are one name)."""
    key = person_name(text).lower().replace("’", "'")
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class NameKinds:
    """The kind the article's own wording gives each name (lower-cased key -> kind)."""

    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # the NER label most often given
    usual: dict[str, str] = field(default_factory=dict)  # the label given most often, twice at least, no tie

    def kind(self, name: str) -> str | None:
        """``person``, ``organization``, ``outlet``, or None when the article does not say."""
        return self.kinds.get(name_key(name))

    def label(self, name: str) -> str | None:
        """The entity label spaCy gives this name most often in the article, if any."""
        return self.labels.get(name_key(name))

    def usual_label(self, name: str) -> str | None:
        """The label spaCy gives this name more often than any other, twice at least; None on a tie."""
        return self.usual.get(name_key(name))


def name_kinds(blocks: Sequence[Block]) -> NameKinds:
    """The article's evidence about every entity name in it."""
    votes: dict[str, Counter] = {}
    labels: dict[str, Counter] = {}
    index = Paragraphs.of(blocks)
    for b, (_offset, doc) in enumerate(index):
        for ent in list(doc.ents) + _untagged_names(doc, index.words(b)):
            if ent.label_ not in NAME_LABELS and ent.label_:
                continue
            key = name_key(ent.text)
            if not key or not any(c.isalpha() for c in key):
                continue
            if ent.label_:
                labels.setdefault(key, Counter())[ent.label_] += 1
            found = _votes(ent)
            words = key.split()
            # "Harvard Chan School" tagged PERSON says nothing about "School".
            surname_like = words[-1] not in _NO_SURNAMES
            for kind, n in found.items():
                votes.setdefault(key, Counter())[kind] += n
            # "Hori Parata" written out (or said to be a person): the bare "Parata" elsewhere is
            # that person.
            surname = found["person"] + (2 if ent.label_ == "PERSON" else 0)
            if len(words) > 1 and surname_like and surname:
                votes.setdefault(words[-1], Counter())["surname"] += surname
    kinds = {}
    for key, counter in votes.items():
        surname = counter.pop("surname", 0)
        place = labels.get(key) and labels[key].most_common(1)[0][0] in ("GPE", "LOC")
        if not place:
            # The surname of a full name ("Hori Parata" -> "Parata"); a place the tagger
            # once read as a person's name ("N. Korea") stays a place.
            counter["person"] += surname
        (top, n), *rest = counter.most_common() + [(None, 0)]
        if top is not None and n >= MIN_VOTES and n > rest[0][1]:
            kinds[key] = top
    usual = {}
    for key, counter in labels.items():
        (top, n), *rest = counter.most_common() + [(None, 0)]
        if n >= 2 and n > rest[0][1]:
            usual[key] = top
    return NameKinds(kinds, {k: c.most_common(1)[0][0] for k, c in labels.items()}, usual)


def _untagged_names(doc, words: Words) -> list[SpacySpan]:
    """Proper names spaCy left without a label ("Uber presented itself"), as spans (``words``:
    the paragraph's columns)."""
    out = []
    for i in words.untagged((PROPN,)):
        token = doc[i]
        if token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and not doc[start - 1].ent_type_:
            start -= 1
        out.append(doc[start : token.i + 1])
    return out


def _votes(ent: SpacySpan) -> Counter:
    """The clues around one occurrence of a name."""
    doc, root = ent.doc, ent.root
    votes: Counter = Counter()
    words = name_key(ent.text).split()
    if words and words[-1] in lexicon.CORPORATE_SUFFIXES and len(words) > 1:
        votes["organization"] += 3
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in lexicon.HONORIFICS:
        votes["person"] += 3
    elif before is not None and before.pos_ in ("NOUN", "PROPN") and not before.ent_type_:
        votes[_noun_kind(before)] += 2
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and root.dep_ in ("compound", "nmod") and root.head.i == after.i and ent.label_ != "PERSON":
        # "Vulture magazine", "BBC correspondent". (A name before an organisation noun says
        # nothing: "the Obama administration", "the Trump campaign".)
        lemma = after.lemma_.lower()
        if lemma in _OUTLET_NAME_NOUNS or lemma in lexicon.JOURNALIST_NOUNS:
            votes["outlet"] += 2
        elif lemma in NAMED_BY_MODIFIER:
            # "the Ngātiwai tribe", "the Labour party": the name is the tribe's or the party's
            # own, where "the Obama administration" is named after its head.
            votes["organization"] += 2
    if root.dep_ == "poss" and root.head.lemma_.lower() in lexicon.COMPANY_POSSESSIONS:
        votes["organization"] += 1  # "Uber's shares", "Apple's chief executive"
    for child in root.children:
        # A true apposition stands between commas ("Gustavo Faleiros, an editor"); the parser
        # also calls "joins the School as associate professor" one.
        if child.dep_ == "appos" and not (ent.start <= child.i < ent.end) and _after_comma(child):
            votes[_apposition_kind(child)] += 2
    if (root.dep_ == "appos" and not (ent.start <= root.head.i < ent.end) and root.head.pos_ == "NOUN"
            and (_after_comma(ent[0]) or ent.start == root.head.i + 1)):
        votes[_noun_kind(root.head)] += 2  # "taxi service Uber", "an editor, Jane Roe"
    if root.dep_ in ("nsubj", "nsubjpass"):
        votes.update(_bound_pronouns(root))
    votes.update(_spoken_to(ent))
    votes.pop(None, None)
    return votes


def _after_comma(token: Token) -> bool:
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in (",", "—", "–", "(")


def _noun_kind(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in lexicon.TITLE_WORDS or lemma in lexicon.PEOPLE_NOUNS:
        return "person"
    if lemma in lexicon.ORGANIZATION_HEADS:
        return "organization"
    if lemma in _OUTLET_NAME_NOUNS:
        return "outlet"
    return None


def _apposition_kind(noun: Token) -> str | None:
    if noun.like_num:
        return "person"  # "Parata, 75, has overseen": an age
    if noun.ent_type_:
        return None
    return _noun_kind(noun)


def _bound_pronouns(subject: Token) -> Counter:
    """ "Uber presented itself", "Uber underpays its employees", "Parata and his family"."""
    votes: Counter = Counter()
    verb = subject.head
    scope = [c for c in verb.children if c.dep_ in ("dobj", "attr", "dative")] + [
        c for c in subject.children if c.dep_ == "conj"]
    for child in verb.children:
        if child.lower_ == "itself":
            votes["organization"] += 2
        elif child.lower_ in ("himself", "herself"):
            votes["person"] += 2
    for noun in scope:
        for poss in noun.children:
            if poss.dep_ == "poss" and poss.lower_ == "its":
                votes["organization"] += 1
            elif poss.dep_ == "poss" and poss.lower_ in ("his", "her"):
                votes["person"] += 1
    return votes


def _spoken_to(ent: SpacySpan) -> Counter:
    """ "told Business Insider", "in an interview with the BBC", "in a statement to Reuters"."""
    if ent.label_ not in SPOKEN_TO_LABELS:
        return Counter()
    words = set(name_key(ent.text).split())
    if words & _ORGANIZATION_WORDS:
        return Counter()  # "told the Senate committee", "told Congress": not an outlet
    root = ent.root
    head = root.head
    # One point each: people are told things and interviewed too ("his interview with Trump",
    # with Trump tagged ORG), so it takes two such clues, or another one, to make an outlet.
    if root.dep_ in ("dative", "dobj", "npadvmod") and head.lemma_ == "tell":
        return Counter({"outlet": 1})
    if root.dep_ == "pobj" and head.lower_ in ("with", "to") and head.head.i != head.i:
        governor = head.head
        lemma = governor.lemma_.lower()
        if head.lower_ == "with" and lemma == "interview":
            return Counter({"outlet": 1})
        if head.lower_ == "to" and (lemma in STATEMENT_NOUNS or lemma in SPEAK_VERBS):
            return Counter({"outlet": 1})
    return Counter()


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The lower-cased words of a person's name without honorifics."""
    # Cached: asked of every person mention, often of the same names.
    return tuple(w.strip(".,") for w in person_name(name).lower().split() if w not in NAME_HONORIFICS)
