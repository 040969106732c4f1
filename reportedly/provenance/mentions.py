"""Mentions of possible speakers in an article: the candidates that speakers resolve to.

A mention is a stretch of text that names or describes a person, outlet, document, group or
organisation, with what the article says next to it (a title, a nationality). Speaker
resolution looks back over these for the antecedent of "he", "the paper", "the letter" or
"Russia's foreign minister".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span as SpacySpan, Token

from ..attribution import Block
from ..attribution.blocks import BlockIndex
from ..model import Span
from . import lexicon
from .epistemic import Paragraphs
from .names import NameKinds, norm, person_name

STOP_DEPS = ("punct", "cc")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str  # the core phrase, whitespace normalised
    type: str  # person | organization | outlet | document | group | anonymous | name (untyped)
    head: str  # lower-cased head lemma
    name: str | None = None
    role: str | None = None
    context: frozenset[str] = frozenset()  # stems of the words around it (title, nationality)
    short: str | None = None
    is_subject: bool = False


def locate(blocks: Sequence[Block], span: Span) -> tuple[int, SpacySpan] | None:
    """The block offset and spaCy span of ``span`` (its first piece), or None if no block holds it."""
    start, end = span.pieces[0]
    index = BlockIndex.of(blocks)
    i = index.holding(start, end)  # blocks do not overlap: one at most holds the span
    if i is None:
        return None
    offset, doc = index[i]
    found = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return (offset, found) if found is not None and len(found) else None


def stem(word: str) -> str:
    # "Russia's" ~ "Russian", "Belarus" ~ "Belarusian": a crude stem is enough to compare
    # the modifiers of two mentions.
    return word.lower().strip("'’s.")[:5]


def core_tokens(root: Token, limit: tuple[int, int] | None = None) -> list[Token]:
    """The noun phrase headed by ``root``, cut at the first comma or dash after the head.

    ``limit`` keeps it inside a token range (the source span as the extractor gave it).
    """
    lo, hi = limit if limit is not None else (root.left_edge.i, root.right_edge.i + 1)
    tokens = [t for t in root.subtree if lo <= t.i < hi]
    out = []
    for t in tokens:
        if t.i > root.i and (t.is_punct and t.text in ",—–-;:()" ):
            break
        out.append(t)
    while out and (out[0].is_punct or out[0].is_space):
        out = out[1:]
    while out and (out[-1].is_punct or out[-1].is_space):
        out = out[:-1]
    return out or [root]


def short_phrase(root: Token) -> str:
    """The head with its adjectives and compounds, no determiners or possessives."""
    left = [c for c in root.lefts if c.dep_ in ("amod", "compound", "nummod") and not c.is_punct]
    words = [t.text for t in sorted(left + [root], key=lambda t: t.i)]
    return norm(" ".join(words))


def title_before(doc, start: int) -> tuple[str | None, frozenset[str]]:
    """The title right before a name ("Foreign Affairs Minister" in "Russian Foreign Affairs
    Minister Sergey Lavrov") and the stems of the words around it."""
    words: list[Token] = []
    j = start - 1
    while j >= 0 and len(words) < 5:
        t = doc[j]
        if t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ in ("PERSON", "GPE", "NORP") or t.tag_ == "POS":
            break
        words.insert(0, t)
        j -= 1
    context = {stem(doc[k].text) for k in range(max(0, j - 1), start) if doc[k].is_alpha}
    titled = [i for i, t in enumerate(words) if t.lower_ in lexicon.TITLE_WORDS]
    if not titled:
        return None, frozenset(context)
    role = norm(" ".join(t.text for t in words[: titled[-1] + 1]))
    return role, frozenset(context)


def appositive_role(root: Token) -> str | None:
    """A role given in apposition: "Sergey Lavrov, Russia's foreign minister, said"."""
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in lexicon.TITLE_WORDS:
            return role_phrase(child)
    return None


def role_phrase(root: Token) -> str:
    """A title phrase without determiners and possessors: "foreign minister"."""
    skip = set()
    # Titles joined make one role ("president and CEO", "co-founder and chief executive"); any
    # other phrase joined on, or one with a determiner of its own, is another description or
    # another person ("a professor … and a co-author of the study", "vice president and a former
    # ambassador", "product manager, Google Cloud, and Ameenah Burhan").
    second = [c for c in root.children if c.dep_ == "conj" and (
        c.lower_ not in lexicon.TITLE_WORDS or any(g.dep_ in ("det", "poss") for g in c.children))]
    for c in root.children:
        if c.dep_ in ("det", "poss", "predet", "punct", "relcl", "acl", "prep", "appos") or (second and c.dep_ in ("cc", "conj")):
            skip.update(x.i for x in c.subtree)
    # Spelled as written: "vice-president", not "vice - president"; a space where the text has
    # one or a word was left out ("“Parasite” director" -> "Parasite director").
    out: list[str] = []
    last = None
    for t in root.subtree:
        if t.i in skip:
            continue
        if last is not None and t.idx > last.idx + len(last.text):
            out.append(" ")
        out.append(t.text)
        last = t
    return norm("".join(out))


def own_name(text: str) -> str:
    """A name without the possessor before it: "RedMonk’s Stephens" -> "Stephens",
    "Parliament’s Joint Committee on Intelligence" -> "Joint Committee on Intelligence"."""
    parts = re.split(r"['’]s\s+", norm(text))
    return parts[-1] if len(parts) > 1 and parts[-1] else norm(text)


def is_paper_document(token: Token) -> bool:
    """ "a paper in Nature Astronomy", "a research paper", "the paper, published in …": a
    scientific paper, not a newspaper."""
    if token.lemma_.lower() != "paper":
        return False
    for child in token.children:
        if child.lower_ in lexicon.PAPER_DOCUMENT_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("in", "by", "on", "about"):
            return True
        if child.dep_ in ("acl", "relcl") and child.lemma_ in ("publish", "write", "describe", "co-author", "author"):
            return True
    return False


def is_outlet_name(text: str) -> bool:
    """Whether a name looks like a news outlet ("the Express", "The Washington Post")."""
    words = norm(text).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return False
    return " ".join(words) in lexicon.WIRE_NAMES or (len(words) > 1 and words[-1] in lexicon.OUTLET_NAME_WORDS)


def find_mentions(blocks: Sequence[Block], kinds: NameKinds | None = None) -> list[Mention]:
    """Every mention of a possible speaker in the analysed paragraphs, in reading order.

    ``kinds`` (the article's own evidence about its names) corrects the entity labels.
    """
    kinds = kinds or NameKinds()
    found: dict[tuple[int, int], Mention] = {}
    index = Paragraphs.of(blocks)
    for b, (offset, doc) in enumerate(index):
        words = index.words(b)
        # Only this paragraph's mentions can hold a position in it: checking those, not every
        # mention so far, keeps an article of many paragraphs linear.
        here: dict[tuple[int, int], Mention] = {}
        for ent in doc.ents:
            mention = _entity_mention(offset, ent, kinds)
            if mention is not None:
                here[(mention.start, mention.end)] = mention
        for i in words.untagged((NOUN, PROPN)):
            if words.pos[i] == NOUN and not _may_be_nominal(words.lemma[i], words.lower[i]):
                continue  # read from the columns: no Token made for most nouns
            token = doc[i]
            mention = _nominal_mention(offset, token) or _untagged_person(offset, token, kinds)
            if mention is not None and not any(m.start <= mention.start < m.end for m in here.values()):
                here[(mention.start, mention.end)] = mention
        found.update(here)
    return sorted(found.values(), key=lambda m: m.start)


# The lemmas (lower-cased) and the words a common noun needs for ``_nominal_mention`` to take it.
_NOMINAL_LEMMAS = (lexicon.DOCUMENT_NOUNS | {"paper"} | lexicon.OUTLET_NOUNS | lexicon.ORGANIZATION_NOUNS
                   | lexicon.TITLE_WORDS)


def _may_be_nominal(lemma: str, lower: str) -> bool:
    """Whether ``_nominal_mention`` may take a common noun: its first test, which all but one
    in four of the untagged nouns fail (made a Token each and tested, they were 5% of
    trace_provenance's time)."""
    return lemma.lower() in _NOMINAL_LEMMAS or lower in lexicon.GROUP_NOUNS


def entity_kind(text: str, label: str, kinds: NameKinds) -> str | None:
    """What a name is: the article's evidence first, then the outlet names, then the label.

    Evidence that a name is a company beats the outlet lexicon ("Sun", "Express" can be
    companies), and evidence that it is a person beats the label ("Parata" tagged ORG).
    """
    kind = kinds.kind(text)
    if kind is not None:
        return kind
    if is_outlet_name(text) and label in ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "GPE", "NORP"):
        return "outlet"
    usual = kinds.usual_label(text)
    if label in ("PERSON", "ORG", "PRODUCT", "FAC") and usual in ("PERSON", "ORG"):
        # The tagger reads each sentence alone: "Ngātiwai" is ORG twice, PERSON once
        # ("Ngātiwai believe") and GPE once; "Roscosmos" ORG three times, PRODUCT once. With
        # no evidence, the label it gives the name most often (twice at least, no tie) is the
        # likelier reading of every occurrence.
        label = usual
    return {"PERSON": "person", "ORG": "organization"}.get(label)


def _entity_mention(offset: int, ent: SpacySpan, kinds: NameKinds) -> Mention | None:
    name = own_name(ent.text)
    if name.lower().startswith("the "):
        name = name[4:]
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    start, end = offset + ent.start_char, offset + ent.end_char
    kind = entity_kind(name, ent.label_, kinds)
    if kind == "outlet":
        return Mention(start, end, name, "outlet", ent.root.lower_, name=name, short=name, is_subject=subject)
    if kind == "person":
        name = person_name(name)
        role, context = title_before(ent.doc, ent.start)
        role = role or appositive_role(ent.root)
        return Mention(start, end, name, "person", ent.root.lower_, name=name, role=role,
                       context=context | {stem(w) for w in (role or "").split()}, short=name, is_subject=subject)
    if ent.root.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
        return Mention(start, end, name, "document", ent.root.lemma_.lower(), name=name, short=name, is_subject=subject)
    if kind == "organization":
        return Mention(start, end, name, "organization", ent.root.lower_, name=name, short=name, is_subject=subject)
    if ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS"):
        # "Republicans in the Texas legislature are pushing hard. They say …": a people named by
        # party, nation or faith is a group "they" may stand for, as "protesters" is; no name.
        return Mention(start, end, name, "group", ent.root.lemma_.lower(), short=name, is_subject=subject)
    return None


def _nominal_mention(offset: int, token: Token) -> Mention | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    if not _may_be_nominal(lemma, lower):
        return None  # (find_mentions skips these from the columns: a word list added below goes there too)
    if lemma in lexicon.DOCUMENT_NOUNS or is_paper_document(token):
        kind = "document"
    elif is_outlet_noun(token) and token.dep_ != "compound":
        kind = "outlet"
    elif lower in lexicon.GROUP_NOUNS or (lemma in lexicon.ORGANIZATION_NOUNS and token.dep_ != "compound"):
        kind = "group" if lower in lexicon.GROUP_NOUNS else "organization"
    elif lemma in lexicon.TITLE_WORDS and token.tag_ == "NN" and token.pos_ == "NOUN":
        # "the president appeared cowed": an unnamed person; speakers may name them later.
        kind = "person"
    else:
        return None
    if token.dep_ in ("compound", "appos") or (kind == "person" and token.dep_ not in ("nsubj", "nsubjpass")):
        return None
    if kind == "document" and token.dep_ == "pobj" and token.head.lower_ == "for" and not any(
            c.dep_ in ("det", "poss") for c in token.children):
        return None  # "a request for comment", "asked for data": a kind of writing, not one that exists
    tokens = core_tokens(token)
    start, end = offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1])
    text = norm(token.doc[tokens[0].i : tokens[-1].i + 1].text)
    role = role_phrase(token) if kind == "person" else None
    # "The report by the University and College Union": a document is named by whose it is,
    # so a later "the report" (or an earlier "a report") can carry the name.
    owner = named_owner(token) if kind == "document" else None
    name = f"{owner} {token.lower_}" if owner else None
    return Mention(start, end, text, kind, lemma, name=name, role=role, short=name or short_phrase(token),
                   context=frozenset(stem(t.text) for t in tokens if t.is_alpha),
                   is_subject=token.dep_ in ("nsubj", "nsubjpass"))


def named_owner(root: Token) -> str | None:
    """The proper name a document is by or belongs to ("by the University and College Union",
    "Amnesty International's"), without "the" and "'s"; None when it has none."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "poss":
            owner = child
        else:
            continue
        if owner is None or owner.pos_ != "PROPN":
            continue
        # The name runs over the owner's proper nouns and the "of", "and" between them.
        doc, end = owner.doc, owner.i
        while end + 1 < len(doc) and doc[end + 1].i in {t.i for t in owner.subtree} and (
                doc[end + 1].pos_ == "PROPN" or doc[end + 1].lower_ in ("of", "and", "&")):
            end += 1
        while doc[end].pos_ != "PROPN":
            end -= 1
        # Leftwards only over proper nouns too: "Loyola Law School professor Justin Levitt" is Levitt.
        start = owner.i
        while start - 1 >= owner.left_edge.i and (doc[start - 1].pos_ == "PROPN" or (
                doc[start - 1].lower_ in ("of", "and", "&") and start - 2 >= owner.left_edge.i
                and doc[start - 2].pos_ == "PROPN")):
            start -= 1
        return doc[start : end + 1].text
    return None


def is_outlet_noun(token: Token) -> bool:
    """ "the paper", "the broadcaster", "the news agency"; not "the space agency"."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.OUTLET_NOUNS:
        return False
    if lemma == "agency":
        return any(c.lower_ in lexicon.NEWS_AGENCY_MODIFIERS for c in token.children)
    return True


def _untagged_person(offset: int, token: Token, kinds: NameKinds) -> Mention | None:
    """A proper name spaCy left untagged that the article gives a person (or an organisation) elsewhere ("Once
    Fetter arrived" beside "Ellen Fetter"), or tags PERSON elsewhere. An untagged name nothing types, as a subject, is a
    mention of type ``name``: it may be anyone, and so keeps pronouns from older candidates."""
    if token.pos_ != "PROPN" or token.dep_ == "compound":
        return None
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
    words = [t for t in words if t.i >= token.i - len(words)] + [token]
    name = norm(" ".join(t.text for t in words))
    subject = token.dep_ in ("nsubj", "nsubjpass")
    kind = kinds.kind(name) or ("person" if kinds.label(name) == "PERSON" else None)
    if kind not in ("person", "organization") and not (kind is None and subject):
        return None
    start, end = offset + words[0].idx, offset + token.idx + len(token)
    # One the article types an organisation ("NASA supplier SpaceX") is a company "the
    # company" may stand for.
    return Mention(start, end, name, kind or "name", token.lower_, name=name, short=name, is_subject=subject)
