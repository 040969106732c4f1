"""Indexes over an article's mentions and resolved speakers, for speaker resolution.

Resolving one source looks back over the article: every person mention sharing a surname, the
holders of a title, the last outlet named, the speakers of the last sentences. Done by scanning
the article's mentions and speakers for each source, an article with thousands of attributions
took minutes (issue 26). These lists carry the lookups, built once per article; each answer is
exactly what the scan gave, in the same order. ``full_name`` and ``identity``, the lookups of a
name's fullest form, live here with them.
"""
from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from ..model import Speaker
from .names import name_words, person_name

if TYPE_CHECKING:
    from .mentions import Mention


class MentionIndex(list):
    """An article's mentions in reading order (a list of them), with lookups made on first use."""

    def __init__(self, mentions: Iterable[Mention] = ()):
        super().__init__(mentions)
        self._by_last: dict[str, list[Mention]] | None = None
        self._by_office: dict[str, list[int]] | None = None
        self._first_role: dict[str, str] | None = None
        self._by_head: dict[tuple, object] = {}  # (head, kind) -> fullest_before's lists; ('all', head, kind) -> with_head's
        self._last_by_head: dict[str, tuple[list[int], list[int]]] = {}
        self._named: dict[tuple[str, bool], list[tuple[int, int, int]]] = {}  # (type, subjects only) -> (end, start, index)
        self.full_names: dict[str, Mention | None] = {}  # memo of full_name
        self._story_organisation: tuple[str | None] | None = None
        self._by_consonants: dict[str, list[Mention]] | None = None

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> "MentionIndex":
        """``mentions`` itself when it is an index already, else an index of them."""
        return mentions if isinstance(mentions, MentionIndex) else cls(mentions)

    def story_organisation(self) -> str | None:
        """The organisation the article names most often (names folded by ``person_name``: "Uber"
        and "Uber’s" are one), when it is named at least twice and more often than any other;
        counted once per article, not per "the company" that asks."""
        if self._story_organisation is None:
            counts = Counter(person_name(m.name) for m in self if m.type == "organization" and m.name)
            (top, n), *rest = counts.most_common() + [(None, 0)]
            self._story_organisation = (top if n >= 2 and n != rest[0][1] else None,)
        return self._story_organisation[0]

    def starting_in(self, start: int, end: int) -> list[Mention]:
        """The mentions whose start is in ``[start, end]``, in reading order."""
        lo = bisect.bisect_left(self, start, key=lambda m: m.start)
        hi = bisect.bisect_right(self, end, key=lambda m: m.start)
        return self[lo:hi]

    def persons_ending(self, words: tuple[str, ...]) -> list[Mention]:
        """Named person mentions whose name words end with ``words`` (non-empty), in order."""
        if self._by_last is None:
            self._by_last = {}
            for m in self:
                if m.type == "person" and m.name and name_words(m.name):
                    self._by_last.setdefault(name_words(m.name)[-1], []).append(m)
        return [m for m in self._by_last.get(words[-1], ()) if name_words(m.name)[-len(words):] == words]

    def surnames_spelt_like(self, word: str) -> list[Mention]:
        """The first mention of each named person (by full name) whose surname has ``word``'s
        consonants in the same places, vowels aside (``word`` lower case): "hauser" finds
        "Trevor Houser"."""
        if self._by_consonants is None:
            self._by_consonants = {}
            for m in self:
                words = name_words(m.name) if m.type == "person" and m.name else ()
                if len(words) > 1:
                    same = self._by_consonants.setdefault(_consonants(words[-1]), [])
                    if all(other.name != m.name for other in same):
                        same.append(m)
        return self._by_consonants.get(_consonants(word), [])

    def with_office(self, offices: Iterable[str]) -> list[Mention]:
        """Named person mentions with a role, one of whose words is in ``offices``, in order."""
        if self._by_office is None:
            self._by_office = {}
            for k, m in enumerate(self):
                if m.type == "person" and m.role and m.name:
                    for word in {w.lower() for w in m.role.split()}:
                        self._by_office.setdefault(word, []).append(k)
        found = sorted({k for office in offices for k in self._by_office.get(office, ())})
        return [self[k] for k in found]

    def first_role(self, name: str) -> str | None:
        """The role of the first person mention named ``name`` that has one."""
        if self._first_role is None:
            self._first_role = {}
            for m in self:
                if m.type == "person" and m.name and m.role:
                    self._first_role.setdefault(m.name, m.role)
        return self._first_role.get(name)

    def fullest_before(self, head: str, kind: str, position: int) -> Mention | None:
        """Among mentions of ``kind`` with head ``head`` ending by ``position``, the longest text
        (the earliest among equals): a running best over the mentions in order of their ends."""
        key = (head, kind)
        if key not in self._by_head:
            same = sorted(((m.end, k) for k, m in enumerate(self) if m.head == head and m.type == kind))
            best: list[int] = []

            def rank(k: int) -> tuple[int, int, int]:
                return len(self[k].text), -self[k].start, -k  # the earliest in reading order among equals

            for _end, k in same:
                best.append(k if not best or rank(k) > rank(best[-1]) else best[-1])
            self._by_head[key] = ([end for end, _k in same], [self[k] for k in best])
        ends, best = self._by_head[key]
        k = bisect.bisect_right(ends, position)
        return best[k - 1] if k else None

    def with_head(self, head: str, kind: str) -> list[Mention]:
        """The mentions of ``kind`` with head ``head``, in reading order (one list per pair)."""
        key = ("all", head, kind)
        if key not in self._by_head:
            self._by_head[key] = [m for m in self if m.head == head and m.type == kind]
        return self._by_head[key]

    def last_with_head(self, head: str, position: int) -> Mention | None:
        """The last mention in reading order with head ``head`` among those ending by ``position``."""
        if head not in self._last_by_head:
            same = sorted((m.end, k) for k, m in enumerate(self) if m.head == head)
            latest: list[int] = []  # the latest order among the mentions ending by each end
            for _end, k in same:
                latest.append(max(k, latest[-1]) if latest else k)
            self._last_by_head[head] = ([end for end, _k in same], latest)
        ends, latest = self._last_by_head[head]
        i = bisect.bisect_right(ends, position)
        return self[latest[i - 1]] if i else None

    def last_outlet_before(self, position: int) -> Mention | None:
        """The named outlet mention with the latest start among those ending by ``position``
        (the first in reading order among equals)."""
        return self._last_named("outlet", position)

    def last_organisation_subject_before(self, position: int) -> Mention | None:
        """The named organisation mention that is a clause's subject, with the latest start
        among those ending by ``position`` (the first in reading order among equals)."""
        return self._last_named("organization", position, subject=True)

    def _last_named(self, kind: str, position: int, subject: bool = False) -> Mention | None:
        if (kind, subject) not in self._named:
            self._named[kind, subject] = sorted((m.end, m.start, k) for k, m in enumerate(self)
                                                if m.type == kind and m.name and (m.is_subject or not subject))
        k = _latest_start(self._named[kind, subject], position)
        return self[k] if k is not None else None


def full_name(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """The person mention that spells out ``name`` ("Lukashenko" -> "Alexander Lukashenko").

    Every person mention with the same ending is a candidate. Their names must all fit in the
    longest one ("Hillary Clinton" fits "Crooked Hillary Clinton", "Bill Clinton" does not):
    two different people with one surname leave the name as written. Among the candidates
    longer than ``name`` the most frequent form wins, so a one-off nickname does not.
    Remembered per article (in its MentionIndex): every mention's identity asks it.
    """
    index = MentionIndex.of(mentions)
    if name not in index.full_names:
        index.full_names[name] = _spelled_out(name, index)
    return index.full_names[name]


def _spelled_out(name: str, mentions: MentionIndex) -> Mention | None:
    words = name_words(name)
    if not words:
        return None
    fits = mentions.persons_ending(words)
    if not fits:
        return None
    forms = Counter(m.name for m in fits)
    longest = max(forms, key=lambda f: len(f.split()))
    if not all(_subsequence(name_words(f), name_words(longest)) for f in forms):
        return None  # two different full names end the same way: do not pick one
    longer = [f for f in forms if len(f.split()) > len(words)] or list(forms)
    best = max(longer, key=lambda f: (forms[f], len(f.split())))
    return next(m for m in fits if m.name == best)


# A surname this long misspelt by one vowel is still told apart from other names ("Hauser" for
# "Houser"); shorter ones are too often other names ("Kim", "Kam").
MIN_MISSPELT = 5
_VOWELS = "aeiouy"


def _consonants(word: str) -> str:
    return "".join("*" if ch in _VOWELS else ch for ch in word)


def misspelt_surname(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """The full-name mention of the one person whose surname ``name`` misspells by a single vowel
    ("Hauser said" in an article about "Trevor Houser"), or None.

    Articles misspell names now and then; the tagger, not knowing the misspelt one, calls it an
    organisation, and the quote went to an organisation "Hauser". Only one vowel for another, in a
    word of at least ``MIN_MISSPELT`` letters, and only when exactly one person fits.
    """
    word = name.lower()
    if len(word) < MIN_MISSPELT or not word.isalpha():
        return None
    fits = [m for m in MentionIndex.of(mentions).surnames_spelt_like(word)
            if sum(a != b for a, b in zip(name_words(m.name)[-1], word)) == 1]
    return fits[0] if len(fits) == 1 else None


def introduced_name(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """The fuller form a name of several words was introduced with ("Harden Bradford" ->
    "Joy Harden Bradford"), or None.

    News introduces a person by the full name and shortens it after; a nickname ("Crooked Hillary
    Clinton") seldom comes first. So only the article's first person mention ending with the
    name's words counts, and only when every other such mention fits in it.
    """
    words = name_words(name)
    fits = MentionIndex.of(mentions).persons_ending(words) if words else []
    if not fits:
        return None
    first = min(fits, key=lambda m: m.start)
    longest = name_words(first.name)
    if len(longest) <= len(words) or not all(_subsequence(name_words(m.name), longest) for m in fits):
        return None
    return first


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def identity(m: Mention, mentions: Sequence[Mention]) -> str:
    """Mentions of one person ("Smith", "John Smith") count as one candidate."""
    if m.type == "person" and m.name:
        full = full_name(m.name, mentions)
        return full.name if full is not None else m.name
    return m.name or m.text


def _latest_start(items: list[tuple[int, int, int]], position: int) -> int | None:
    """Among ``(end, start, order)`` items sorted by end, those ending by ``position``: the order
    of the one that starts last (the smallest order among equals). Walks back from ``position``
    and stops at the first end before the best start, since no item starts after its end (one
    ending at the best start may start there too: an empty mention)."""
    best: tuple[int, int] | None = None
    for i in range(bisect.bisect_right(items, (position, float("inf"), 0)) - 1, -1, -1):
        end, start, order = items[i]
        if best is not None and end < best[0]:
            break
        if best is None or start > best[0] or (start == best[0] and order < best[1]):
            best = (start, order)
    return best[1] if best is not None else None


class SpokenIndex(list):
    """The speakers resolved so far, in attribution order (a list of them), indexed by where
    their mention starts."""

    def __init__(self, speakers: Iterable[Speaker] = ()):
        super().__init__()
        self._by_start: list[tuple[int, int]] = []  # (mention start, order)
        self._outlet_ends: list[tuple[int, int, int]] = []  # (mention end, mention start, order)
        for sp in speakers:
            self.append(sp)

    @classmethod
    def of(cls, speakers: Sequence[Speaker]) -> "SpokenIndex":
        return speakers if isinstance(speakers, SpokenIndex) else cls(speakers)

    def append(self, speaker: Speaker) -> None:
        order = len(self)
        super().append(speaker)
        if speaker.mention is not None:
            bisect.insort(self._by_start, (speaker.mention.start, order))
            if speaker.type == "outlet" and speaker.name:
                bisect.insort(self._outlet_ends, (speaker.mention.end, speaker.mention.start, order))

    def starting_in(self, start: int, end: int) -> list[Speaker]:
        """Speakers whose mention starts in ``[start, end]``, in the order they were resolved."""
        lo = bisect.bisect_left(self._by_start, (start, -1))
        hi = bisect.bisect_right(self._by_start, (end, len(self)))
        return [self[k] for k in sorted(order for _s, order in self._by_start[lo:hi])]

    def last_outlet_before(self, position: int) -> Speaker | None:
        """The named outlet speaker whose mention ends by ``position`` and starts latest (the
        first resolved among equals)."""
        k = _latest_start(self._outlet_ends, position)
        return self[k] if k is not None else None
