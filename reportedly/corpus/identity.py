"""One identity per speaker across the corpus, decided from the names the articles credit.

Each article's provenance step resolves its sources within the article ("Clinton" → "Hillary
Clinton" when the article names her). Across articles the same person still appears under
several credits: "Donald Trump", "Donald J. Trump", "Trump" typed person in one article and
organisation in another. ``identify`` groups those credits (aliases) into identities with
rules that only join names when nothing else in the corpus could fit:

- A name is folded for comparison (case, accents, punctuation, honorifics, a possessive, bidi
  and other invisible characters): "Mr. Trump's" and "trump" are one form.
- A longer form with middle names or initials joins the first-and-last form when it is the only
  longer form of that first and last name ("Donald J. Trump" → "Donald Trump"); "George W. Bush"
  and "George H. W. Bush" both fit "George Bush", so all three stay apart.
- A single word joins a full name when every full name of the corpus that starts or ends with
  that word is one identity ("Cruz" → "Ted Cruz"). When several fit ("Obama": Barack and
  Michelle), it joins the one with at least 90% of their statements only if its own article
  names nobody in full by that word, or names that very person; otherwise all such credits are
  the one-word identity ("Clinton", whoever it was). Only person credits join this way:
  "Jordan" the country never joins a Jordan.
- Unresolved credits (a pronoun, a description, a source the article could not name, a surname
  the article itself gives two people) never join a name: a statement lands on a named speaker
  only when its article resolved its speaker to that name.
- A pronoun resolved to a person whom the corpus calls by the other gender's pronoun in at
  least 80% of at least 5 pronoun credits is taken for a resolution error and credited as the
  pronoun it was.
- The type of an identity is decided by evidence: the type most of its statements were
  credited with, "unknown" counting only when nothing else is known, not the type seen first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

# Courtesy titles dropped when comparing names; offices (President, Senator) are roles that the
# provenance step keeps out of names already.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
# Types whose names are people's: only these join across forms (a one-word organisation or
# place is no surname).
PERSON = "person"
# When evidence ties, the more specific type wins.
_TYPE_ORDER = ("person", "organization", "outlet", "group", "document", "anonymous", "pronoun", "unknown")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def visible(text: str) -> str:
    """``text`` without bidi controls and other invisible format characters (Unicode Cf).

    A right-to-left override in a name would make a hostile article display one name and
    store another; none belongs in a person's or outlet's name.
    """
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def name_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a name: casefolded, accents and punctuation removed, honorifics and
    a possessive dropped ("Mr. Trump's" → ("trump",), "Donald J. Trump" → ("donald", "j", "trump"))."""
    text = unicodedata.normalize("NFKD", visible(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = []
    for raw in text.split():
        word = _EDGE.sub("", _POSSESSIVE.sub("", raw)).replace(".", "").casefold()
        if word:
            words.append(word)
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return tuple(words)


@dataclass(frozen=True)
class Alias:
    """One way the corpus credits a speaker: a name (or wording), its type, and whether an
    article resolved it to that name, with how many statements carry it."""

    key: str
    name: str
    type: str
    resolved: bool
    statements: int = 1
    # For a one-word name: the one full name its article gives with that word ("barack obama"),
    # "" when the article gives it to nobody in full, None otherwise.
    in_full: str | None = None
    # The pronoun the article resolved to this name ("he"), when the source was one.
    via: str | None = None


@dataclass(frozen=True)
class Identity:
    """A speaker across the corpus: its key, display name, evidence-decided type, alias keys."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...]


def alias_key(name: str, type: str, resolved: bool, in_full: str | None = None, via: str | None = None) -> str:
    """The key that makes two credits one alias: folded name, type, resolved or not, and for a
    one-word name, which full name its article gives ("" for none)."""
    tail = ("" if in_full is None else f"|in full:{in_full}") + ("" if via is None else f"|via:{via}")
    return f"{' '.join(name_tokens(name)) or ' '.join(name.casefold().split())}|{type}|{int(resolved)}{tail}"


def decide_type(evidence: Counter) -> str:
    """The type most statements were credited with; ``unknown`` only when nothing else is known."""
    known = {t: n for t, n in evidence.items() if t != "unknown" and n > 0}
    if not known:
        return "unknown"
    order = {t: i for i, t in enumerate(_TYPE_ORDER)}
    return max(known, key=lambda t: (known[t], -order.get(t, len(order))))


# A one-word credit whose article names nobody in full by that word ("Obama said", never
# introduced) refers to the person the corpus quotes under that name far more than anyone else:
# news introduces a person by full name unless everyone knows who is meant. At least this share
# of the statements of the full names fitting the word must be that person's. (A one-word credit
# whose article names one person in full by that word joins that person only when the corpus
# agrees the same way.)
DOMINANT = 0.9


def identify(aliases: Iterable[Alias]) -> dict[str, Identity]:
    """Group aliases into identities (see the module's rules); maps alias key → Identity."""
    aliases = list(aliases)
    # Nodes are (folded form, in_full): a one-word credit's article context is part of its node.
    named: dict[tuple[tuple[str, ...], str | None], list[Alias]] = defaultdict(list)
    alone: list[Alias] = []
    for a in aliases:
        form = name_tokens(a.name)
        if a.resolved and form and a.type not in ("pronoun",):
            named[form, a.in_full if len(form) == 1 else None].append(a)
        else:
            alone.append(a)
    # Person-ness of each node, by evidence; nodes of other types join only when equal.
    types = {node: decide_type(_evidence(items)) for node, items in named.items()}
    parent = {node: node for node in named}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(short, long) -> None:
        a, b = find(short), find(long)
        if a != b:
            parent[a] = b

    full = [n for n in named if types[n] in (PERSON, "unknown") and len(n[0]) > 1]
    # Middle names: (first, ..., last) joins (first, last) when it is the only longer form.
    by_ends: dict[tuple[str, str], list] = defaultdict(list)
    for node in full:
        if len(node[0]) > 2:
            by_ends[node[0][0], node[0][-1]].append(node)
    for node in full:
        if len(node[0]) == 2 and len(by_ends.get(node[0], [])) == 1:
            join(by_ends[node[0]][0], node)
    # One word: joins the full names that start or end with it when they are one identity.
    by_word: dict[str, list] = defaultdict(list)
    for node in full:
        if types[node] == PERSON:
            form = node[0]
            by_word[form[0]].append(node)
            if form[-1] != form[0]:
                by_word[form[-1]].append(node)
    weight: Counter = Counter()
    for node in full:
        weight[find(node)] += sum(a.statements for a in named[node])
    for node in named:
        form, in_full = node
        if len(form) != 1 or types[node] != PERSON:
            continue
        fits = Counter({find(f): weight[find(f)] for f in by_word.get(form[0], ())})
        if len(fits) == 1:
            join(node, next(iter(fits)))
            continue
        top = fits.most_common(1)
        dominant = top[0][0] if top and top[0][1] >= DOMINANT * sum(fits.values()) else None
        # Bare: the corpus's far most quoted bearer. Named in full once in its own article:
        # that person, when the corpus agrees (an article naming only Bill Clinton may still
        # call Hillary "Clinton", so the article alone does not decide).
        said = (tuple(in_full.split()), None) if in_full else None
        agrees = said in named and find(said) == dominant if said else in_full == ""
        if dominant is not None and agrees:
            join(node, dominant)
    # One-word credits left over are one identity per word ("Clinton", whoever it was).
    first: dict[tuple[str, ...], tuple] = {}
    for node in sorted(named, key=lambda n: n[1] is not None):
        if len(node[0]) == 1 and find(node) == node and types[node] == PERSON:
            join(node, first.setdefault(node[0], node))
    groups: dict[tuple, list[Alias]] = defaultdict(list)
    for node, items in named.items():
        groups[find(node)].extend(items)
    for root, items in groups.items():
        wrong = _contradicted(items)
        if wrong:
            groups[root] = [a for a in items if a not in wrong]
            alone.extend(wrong)
    out: dict[str, Identity] = {}
    for root, items in groups.items():
        identity = Identity(
            key="name:" + " ".join(root[0]) + ("" if root[1] is None else f" (in full: {root[1]})"), name=_display_name(items),
            type=decide_type(_evidence(items)), aliases=tuple(sorted(a.key for a in items)),
        )
        for a in items:
            out[a.key] = identity
    for a in alone:
        # Unresolved credits are their own identity per wording and type: never a named speaker.
        # A pronoun whose resolution the corpus contradicts is credited as the pronoun it was.
        name, type = (a.via, "pronoun") if a.via and a.resolved else (visible(" ".join(a.name.split())), a.type)
        out[a.key] = Identity(key="as-written:" + a.key, name=name, type=type, aliases=(a.key,))
    return out


# Pronouns by the gender they give a person; "they", "it" and "I" say nothing of it.
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})
# A person the corpus calls "she" in at least this share of the pronoun credits resolved to
# them (and at least MIN_GENDERED of them) is not "he", and the other way round: the minority
# credits are resolution errors ("He echoed that promise" given to Hillary Clinton), and a
# statement credited to the wrong person is the worst error we can make.
GENDER_SHARE = 0.8
MIN_GENDERED = 5


def _contradicted(items: list[Alias]) -> list[Alias]:
    he = sum(a.statements for a in items if a.via in _HE)
    she = sum(a.statements for a in items if a.via in _SHE)
    if he + she < MIN_GENDERED:
        return []
    if she >= GENDER_SHARE * (he + she):
        return [a for a in items if a.via in _HE]
    if he >= GENDER_SHARE * (he + she):
        return [a for a in items if a.via in _SHE]
    return []


def _evidence(items: list[Alias]) -> Counter:
    evidence: Counter = Counter()
    for a in items:
        evidence[a.type] += a.statements
    return evidence


def _display_name(items: list[Alias]) -> str:
    # The full form most statements use; a one-word form only when no longer one is there.
    by_name: Counter = Counter()
    for a in items:
        by_name[visible(" ".join(a.name.split()))] += a.statements
    return max(by_name, key=lambda n: (len(name_tokens(n)) > 1, by_name[n], -len(n), n))
