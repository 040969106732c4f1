"""Who "he", "she", "it" and "they" stand for, looking back in discourse order only.

The rules prefer "unknown" to a guess:

- the candidates lie in the pronoun's own sentence and the two before it, *before* the
  pronoun (a name in the next sentence never takes it: "…,” he wrote. His lawyer, James Smith,
  said …" is not Smith's quote);
- they must fit the pronoun: a person or one unnamed person for he/she, a document, outlet or
  organisation for "it", a group, organisation or unnamed people for "they"; he/she must agree
  with the pronouns the article itself uses for that person (``names.person_genders``);
- the last source that spoke comes first (news goes on quoting the same person); for a
  direct quote, when the last source quoted directly is another one, the quote could be
  either's, and it stays unknown; the last source keeps the pronoun unless
  another candidate has become the subject of the narrative since: in the pronoun's own
  sentence that one takes it ("Matt Lauer faced criticism after he asked"); in a sentence
  between, the pronoun could be either, and it stays unknown (an economist's quote after a
  sentence about the president is not the president's);
- a source spoke since whom nothing could be said about (an unresolved pronoun of the same
  kind, a name we could not type), the pronoun may be that one: unknown, rather than an
  older candidate ("she says" after an unresolved expert's quote is not the woman named
  before);
- with no source in the window, the one compatible mention there, else unknown.

Names inside what was said (contents) are never candidates.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..attribution import Block
from ..attribution.blocks import BlockIndex
from ..intervals import Intervals
from ..model import Span, Speaker
from . import lexicon
from .lookups import MentionIndex, full_name, identity
from .epistemic import Paragraphs
from .mentions import Mention, locate

# Pronouns look back this many sentences (their own included) for an antecedent.
PRONOUN_WINDOW = 3
# With nobody in that window, he/she look back this many sentences more, for the one person
# the article gives that pronoun (``_farther_back``).
FARTHER_WINDOW = 5
COMPATIBLE = {
    "person": {"person", "anonymous"},
    "thing": {"document", "outlet", "organization"},
    "plural": {"group", "organization", "anonymous", "outlet"},
}
GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
GENDER_WORDS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


@dataclass(frozen=True)
class Heard:
    """A statement heard before the pronoun: its speaker, its content, whether quoted directly."""

    speaker: Speaker
    content: tuple[tuple[int, int], ...] = ()
    direct: bool = False

    def reach(self, position: int) -> int:
        """The last point before ``position`` where this statement is heard (source or content)."""
        ends = [b for _, b in self.content if b <= position] + [self.speaker.mention.start]
        return max(ends)


class HeardIndex(list):
    """The statements heard so far, in order (a list of them), indexed by where their source
    starts and where their content's pieces end: each pronoun then looks up the statements that
    reach its window instead of scanning all (issue 26)."""

    def __init__(self, heard: Iterable[Heard] = ()):
        super().__init__()
        self._source_starts: list[tuple[int, int]] = []  # (source start, order)
        self._content_ends: list[tuple[int, int]] = []  # (content piece end, order)
        for h in heard:
            self.append(h)

    @classmethod
    def of(cls, heard: Sequence[Heard]) -> "HeardIndex":
        """``heard`` itself when it is an index already, else an index of them."""
        return heard if isinstance(heard, HeardIndex) else cls(heard)

    def append(self, h: Heard) -> None:
        order = len(self)
        super().append(h)
        if h.speaker.mention is not None:
            insort(self._source_starts, (h.speaker.mention.start, order))
            for _a, b in h.content:
                insort(self._content_ends, (b, order))

    def reaching(self, window_start: int, position: int) -> list[Heard]:
        """The statements whose source ends by ``position`` and that are heard at or after
        ``window_start`` (``Heard.reach``), in order: the source starts in the window, or a
        piece of the content ends in it."""
        found = set()
        for items in (self._source_starts, self._content_ends):
            lo = bisect_left(items, (window_start, -1))
            hi = bisect_right(items, (position, len(self)))
            found.update(order for _p, order in items[lo:hi])
        return [h for h in (self[k] for k in sorted(found))
                if h.speaker.mention.end <= position and h.reach(position) >= window_start]


def resolve_pronoun(
    mention: Span,
    pronoun: str,
    mentions: Sequence[Mention],
    sentences: Sequence[tuple[int, int]],
    earlier: Sequence[Heard],
    contents: Sequence[tuple[int, int]],
    genders: dict[str, str],
    blocks: Sequence[Block],
    direct: bool = False,
    opens: int | None = None,
) -> Speaker:
    """The speaker a third-person pronoun source stands for, or an unknown one.

    ``earlier`` are the statements before it, ``contents`` what every statement said,
    ``direct`` whether the pronoun's own statement is a direct quote and ``opens`` where that
    statement starts, when its quote comes before the pronoun.
    """
    kind = lexicon.PRONOUNS[pronoun.lower()]
    gender = GENDERED.get(pronoun.lower())
    allowed = COMPATIBLE[kind]

    def agrees(name: str | None) -> bool:
        # "she" cannot be a person the article calls "he" elsewhere, and the other way round.
        return gender is None or name is None or genders.get(name, gender) == gender

    def fits(sp: Speaker) -> bool:
        if sp.type not in allowed or not (sp.name or sp.description) or not agrees(sp.name):
            return False
        # "he" is one person: not "officials", nor "Parata and his son, Te Kaurinui" (two
        # people, whom the extractor's source names by the first); "they" is not one named person.
        if kind != "person":
            return True
        if sp.type == "person":
            return not _pair(sp, blocks)
        return not _plural(sp, blocks)

    mentions = MentionIndex.of(mentions)
    said_in = contents if isinstance(contents, Intervals) else Intervals.of_pieces(contents)

    def said(m: Mention) -> bool:
        return said_in.covers(m.start)

    # The window is counted from where the statement opens: in "“One of my strengths is …. I
    # don't get too high …,” he said." the quote's own sentences are not the ones before it,
    # and the speaker of the statement before the quote is the one a reader looks back to.
    window_start, own_start = window(min(mention.start, opens if opens is not None else mention.start), sentences)
    # A statement is in the window when its source or its quote reaches into it: a long
    # quote carries its speaker over the sentences it spans.
    before = HeardIndex.of(earlier).reaching(window_start, mention.start)
    before.sort(key=lambda h: h.reach(mention.start))
    spoke = [h for h in before if fits(h.speaker)]
    if spoke:
        last = spoke[-1].speaker
        if _unknown_since(before, mentions, last.mention.start, mention, kind, blocks, said):
            return Speaker("unknown", mention)
        key = last.name or last.description
        quoted = [h.speaker for h in spoke if h.direct]
        introduced = quoted and any((h.speaker.name or h.speaker.description) == key and _introduces(h.speaker)
                                    and h.speaker.mention.start > quoted[-1].mention.start for h in spoke)
        if direct and quoted and (quoted[-1].name or quoted[-1].description) != key and not introduced:
            # "“…,” said Mark Zandi, an economist. The president has touted the plan. “It
            # will fail,” he said.": the last source is one the story returns to, the quote
            # could be either's. A source introduced by full name takes it: "…, says Keri
            # Gans, author of … “…,” she says."
            return Speaker("unknown", mention)
        # Who became the subject since the last source spoke; for a source heard in the window
        # only through its quote, any name since its quote ("“…,” said Quentin Kidd. Scott
        # bristles at the suggestion. “…,” he said.").
        through_quote = last.mention.start < window_start
        reach = spoke[-1].reach(mention.start)
        since = [m for m in mentions.starting_in(last.mention.end, mention.start)
                 if last.mention.end <= m.start and m.end <= mention.start
                 and m.type in allowed and (m.is_subject or through_quote and m.start >= reach)
                 and not said(m) and agrees(identity(m, mentions)) and identity(m, mentions) != key]
        if not since:
            return _from_speaker(last, mention)
        others = {identity(m, mentions) for m in since}
        if len(others) == 1 and all(m.start >= own_start for m in since):
            return _from_mention(since[-1], mention, mentions)
        return Speaker("unknown", mention)
    # With no source speaking just before, every compatible mention is a candidate, and
    # "Smith met Jones. He said ..." is left unresolved rather than decided by grammar.
    near = [m for m in mentions.starting_in(window_start, mention.start)
            if window_start <= m.start and m.end <= mention.start and m.type in allowed
            and agrees(identity(m, mentions))]
    if len({identity(m, mentions) for m in near}) == 1 and not _unknown_since(
            before, mentions, near[-1].start, mention, kind, blocks, said):
        return _from_mention(near[-1], mention, mentions)
    latest = _latest_topic(near, mention, mentions, blocks, pronoun.lower(), said_in, sentences)
    if latest is not None and not _unknown_since(before, mentions, latest.start, mention, kind, blocks, said):
        return _from_mention(latest, mention, mentions)
    if not near and not spoke and gender is not None:
        # Nobody in the window, but the same pronoun is a subject there ("Fetter continued to
        # program. After a few years, she left her job. In the 1970s, she took classes. …
        # “…,” she said."): a run of sentences about one person; the pronoun stands for whom
        # the first of that run stands for.
        chain = _subject_pronoun(blocks, window_start, mention.start, pronoun.lower(), said_in)
        if chain is not None:
            found = resolve_pronoun(chain, pronoun, mentions, sentences, earlier, contents, genders, blocks)
            return _from_speaker(found, mention) if found.type != "unknown" else Speaker("unknown", mention)
        farther = _farther_back(mention, window_start, sentences, mentions, earlier, said, genders, gender)
        if farther is not None:
            return farther
    return Speaker("unknown", mention)


def _latest_topic(near: Sequence[Mention], mention: Span, mentions: MentionIndex, blocks: Sequence[Block],
                  pronoun: str, said_in: Intervals, sentences: Sequence[tuple[int, int]]) -> Mention | None:
    """Several compatible mentions in the window, none of them a source: the one of the latest
    sentence that holds any, when it is the only one there, the subject of a clause there, and
    no he/she of the pronoun's own precedes it in that sentence ("She interviewed with Hamilton,
    who hired her. Once Fetter arrived, Lorenz gave her a manual. “He carried a lot in his
    head,” she said." is Fetter's: Lorenz is a "he"). The latest sentence about someone is the
    one a reader looks back to; a pronoun before the name there ("She trained Fetter") means the
    sentence is about someone older, and "Smith met Jones. He said" (two in one sentence, or an
    object alone) stays unknown."""
    if not near or pronoun not in GENDERED:
        return None
    index = bisect_right(sentences, (near[-1].start, float("inf"))) - 1
    if index < 0:
        return None
    start, end = sentences[index]
    last = [m for m in near if start <= m.start < end]
    # One of a pair ("joining the same department as both Lorenz and Rothman") is a poor
    # antecedent for "she" beside a person who stands alone as the subject: the pair is a
    # "they". (A pair alone, "Sarah and Lisa studied", still leaves it unknown.)
    alone = [m for m in last if not _coordinated(m, blocks)]
    if any(m.is_subject for m in alone):
        last = alone
    if len({identity(m, mentions) for m in last}) != 1 or not any(m.is_subject for m in last):
        return None
    if _pronoun_between(blocks, start, last[0].start, GENDERED[pronoun], said_in):
        return None
    return last[-1]


def _coordinated(m: Mention, blocks: Sequence[Block]) -> bool:
    """Whether the mention's head is one of a coordination ("Lorenz and Rothman")."""
    located = locate(blocks, Span(m.start, m.end, m.text))
    if located is None:
        return False
    root = located[1].root
    return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)


def _pronoun_between(blocks: Sequence[Block], start: int, end: int, gender: str, said_in: Intervals) -> bool:
    """Whether a he/him/his/she/her of ``gender`` lies between ``start`` and ``end`` outside
    every statement's content."""
    index = BlockIndex.of(blocks)
    for i in index.overlapping(start, end):
        offset, doc = index[i]
        for t in index.tokens_starting_in(i, start, end):
            token = doc[t]
            if GENDER_WORDS.get(token.lower_) == gender and offset + token.idx < end \
                    and not said_in.covers(offset + token.idx):
                return True
    return False


def _farther_back(mention: Span, window_start: int, sentences: Sequence[tuple[int, int]], mentions: MentionIndex,
                  earlier: Sequence[Heard], said, genders: dict[str, str], gender: str) -> Speaker | None:
    """Nobody at all in the window: commentary that quotes posts or figures between the
    person and the next "she" ("Samantha points this out: [post] The response is … If it's
    free, how have I paid for it? Twice? She is still trying:"). The person the article gives
    that pronoun to, when they are the only person (named or not) in the sentences before
    the window; anyone else there, or a person of unknown gender, leaves it unknown."""
    index = bisect_right(sentences, (window_start, float("inf"))) - 1
    if index <= 0:
        return None
    far_start = sentences[max(0, index - FARTHER_WINDOW)][0]
    found = [m for m in mentions.starting_in(far_start, window_start)
             if far_start <= m.start and m.end <= window_start and not said(m)
             and m.type in ("person", "anonymous", "name")]
    heard = [h.speaker for h in HeardIndex.of(earlier).reaching(far_start, window_start)
             if h.speaker.type in ("person", "anonymous", "unknown") and h.speaker.mention.start >= far_start]
    if any(m.type != "person" or not m.name for m in found):
        return None  # an unnamed person or an untyped name may be the one
    names = {identity(m, mentions) for m in found}
    for sp in heard:
        if sp.type == "unknown" and " ".join(sp.mention.text.split()).lower() not in GENDERED:
            return None
        if sp.name:
            names.add(sp.name)
        elif sp.type != "unknown":
            return None
    if len(names) != 1:
        return None
    (name,) = names
    if genders.get(name) != gender:
        return None
    last = next((m for m in reversed(found) if identity(m, mentions) == name), None)
    if last is not None:
        return _from_mention(last, mention, mentions)
    spoken = next(sp for sp in reversed(heard) if sp.name == name)
    return _from_speaker(spoken, mention)


def _subject_pronoun(blocks: Sequence[Block], start: int, end: int, pronoun: str, said_in: Intervals) -> Span | None:
    """The first ``pronoun`` (he, she) between ``start`` and ``end`` that is a clause's subject
    outside every statement's content, as a span."""
    index = BlockIndex.of(blocks)
    for i in index.overlapping(start, end):
        offset, doc = index[i]
        for t in index.tokens_starting_in(i, start, end):
            token = doc[t]
            at = offset + token.idx
            if token.lower_ == pronoun and token.dep_ in ("nsubj", "nsubjpass") and not said_in.covers(at):
                return Span(at, at + len(token.text), token.text)
    return None


def _from_speaker(sp: Speaker, mention: Span) -> Speaker:
    return Speaker(sp.type, mention, name=sp.name, role=sp.role, description=sp.description,
                   evidence=(sp.evidence[:1] or (sp.mention,)), short=sp.short)


def _from_mention(m: Mention, mention: Span, mentions: Sequence[Mention]) -> Speaker:
    full = full_name(m.name, mentions) if m.name and m.type == "person" else None
    m = full or m
    kind = m.type if m.name or m.type != "person" else "anonymous"
    return Speaker(kind, mention, name=m.name, role=m.role, description=None if m.name else m.text,
                   evidence=(Span(m.start, m.end, m.text),), short=m.short)


def _introduces(sp: Speaker) -> bool:
    """Whether the source spells out a full name ("Keri Gans, author of …"), as a new source does."""
    return bool(sp.name) and len(sp.name.split()) > 1 and sp.name in " ".join(sp.mention.text.split())


def _unknown_since(before: Sequence[Heard], mentions: Sequence[Mention], position: int, pronoun: Span,
                   kind: str, blocks: Sequence[Block], said) -> bool:
    """Someone who may be the pronoun's, but whom nothing could be said about, comes after
    ``position``: a source that is an unresolved pronoun of the same kind, an untyped name,
    an untyped thing for "it" ("His program … it did not include"), or an untyped name as the
    subject of the narrative ("Oz has been dogged by charges. He has promoted …", with Oz
    tagged nothing)."""
    for h in before:
        if h.speaker.type != "unknown" or h.speaker.mention.start <= position:
            continue
        text = " ".join(h.speaker.mention.text.split()).lower()
        if text in lexicon.SELF_PRONOUNS:
            continue  # "I" and "we" speak from inside a quote or are the author
        if text in lexicon.PRONOUNS:
            if lexicon.PRONOUNS[text] == kind:
                return True
            continue
        located = locate(blocks, h.speaker.mention)
        root = located[1].root if located is not None else None
        if root is not None and (root.pos_ == "PROPN" or (kind == "thing" and root.tag_ == "NN")
                                 or (kind == "plural" and root.tag_ == "NNS")):
            return True  # an untyped name, or a thing (things) "it" ("they") may stand for
    return any(m.type == "name" and m.is_subject and position < m.start and m.end <= pronoun.start
               and not said(m) for m in MentionIndex.of(mentions).starting_in(position, pronoun.start))


def _pair(sp: Speaker, blocks: Sequence[Block]) -> bool:
    """Whether the source's head is coordinated with another noun ("Parata and his son")."""
    located = locate(blocks, sp.mention)
    return located is not None and any(c.dep_ == "conj" for c in located[1].root.children)


def _plural(sp: Speaker, blocks: Sequence[Block]) -> bool:
    located = locate(blocks, sp.mention)
    if located is None:
        return False
    root = located[1].root
    return root.tag_ in ("NNS", "NNPS") or root.lower_ in ("they", "them")


def window(position: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Where the window of a mention at ``position`` starts, and where its own sentence starts."""
    # Sentences are in reading order and do not overlap: the one holding ``position`` is the
    # last to start at or before it (bisection, not a list of starts built per call).
    index = bisect_right(sentences, (position, float("inf"))) - 1
    if index < 0 or not (sentences[index][0] <= position < sentences[index][1]):
        return position, position
    return sentences[max(0, index - PRONOUN_WINDOW + 1)][0], sentences[index][0]


def person_genders(blocks: Sequence[Block], mentions: Sequence) -> dict[str, str]:
    """What the article itself says about each person's pronouns.

    In a sentence that mentions one person only, "he"/"his" or "she"/"her" after the name
    are votes for that person; a clear majority decides. Then, in a sentence of two people one
    of whom is settled, pronouns all of the other gender are the other one's. No name list is
    consulted: the article is the only evidence, and a person it never pronominalises stays open.
    """
    votes: dict[str, Counter] = {}
    mentions = MentionIndex.of(mentions)
    people = sorted((m for m in mentions if m.type == "person" and m.name), key=lambda m: m.start)
    starts = [m.start for m in people]
    names: dict[int, str] = {}  # id(mention) -> identity
    pairs: list[tuple[set[str], set[str]]] = []  # the people of two-person sentences, their pronouns

    def who(m) -> str:
        if id(m) not in names:
            names[id(m)] = identity(m, mentions)
        return names[id(m)]

    index = Paragraphs.of(blocks)
    for b, (offset, doc) in enumerate(index):
        in_block = people[bisect_left(starts, offset) : bisect_left(starts, index.ends[b])]
        if not in_block:
            continue
        # The paragraph's words as columns, read once: no Token made per word of each sentence.
        columns = index.words(b)
        idx = columns.idx
        for m in in_block:
            # "Mrs. Clinton", "Mr. Obama": the honorific settles it.
            before = _text_before(doc, idx, m.start - offset, 6).split()
            honorific = TITLE_GENDER.get(before[-1].lower()) if before else None
            if honorific:
                votes.setdefault(who(m), Counter())[honorific] += 3
        block_starts = [m.start for m in in_block]
        gender = list(map(GENDER_WORDS.get, columns.lower))
        for first_token, last_token in columns.sentences:
            start, end = offset + idx[first_token], offset + columns.end[last_token - 1]
            # The sentence's mentions by bisection: a scan of the paragraph's per sentence is
            # quadratic in a long paragraph.
            here = in_block[bisect_left(block_starts, start) : bisect_left(block_starts, end)]
            named = {who(m) for m in here}
            words = range(first_token, last_token)
            if len(named) == 2:
                pairs.append((named, {gender[i] for i in words if gender[i] and offset + idx[i] >= min(m.end for m in here)}))
            if len(named) != 1:
                continue
            (name,) = named
            first = min(m.end for m in here)
            for i in words:
                kind = gender[i]
                if kind and offset + idx[i] >= first:
                    votes.setdefault(name, Counter())[kind] += 1
    out = {}
    for name, counter in votes.items():
        (top, n), *rest = counter.most_common() + [(None, 0)]
        if n >= 1 and n > 2 * rest[0][1]:
            out[name] = top
    # A sentence of two people, one of them settled, whose pronouns are all of the other
    # gender: they are the other one's ("Fetter married John Gille and moved with him when he
    # went to Florida", with Fetter a "she"). A second pass, on what the first one settled.
    second: dict[str, set[str]] = {}
    for named, kinds in pairs:
        known = [n for n in named if n in out]
        if len(known) != 1 or len(kinds) != 1:
            continue
        (other,) = named - {known[0]}
        (kind,) = kinds
        if kind != out[known[0]]:
            second.setdefault(other, set()).add(kind)
    for name, kinds in second.items():
        if name not in out and len(kinds) == 1:
            out[name] = next(iter(kinds))
    return out


def _text_before(doc, idx: list[int], end: int, n: int) -> str:
    """``doc.text[max(0, end - n) : end]`` from the few tokens there (``idx``: their starts):
    ``Doc.text`` joins every token of the paragraph on each call, which was a third of
    ``person_genders`` (0.048 CPU s over PolNeAR dev)."""
    start = max(0, end - n)
    first, last = bisect_right(idx, start) - 1, bisect_left(idx, end)  # the tokens over start..end
    if first < 0 or last <= first:
        return ""
    return doc[first:last].text_with_ws[start - idx[first] : end - idx[first]]
