"""Who each attribution's source is: a named person, an outlet, a document, an anonymous source.

Resolution stays inside the article. Pronouns go to the closest compatible source or mention
before them; nominals ("the paper", "Russia's foreign minister", "the letter") to an earlier
mention with the same office or head word; short names ("Lukashenko") to the full name. When
two candidates fit equally well the answer is an unnamed speaker, never a guess.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Sequence

from spacy.tokens import Span as SpacySpan, Token

from ..attribution import Block
from ..attribution.blocks import BlockIndex, block_end
from ..attribution.syntax import subject_of, trim
from ..intervals import Intervals
from ..model import Attribution, Span, Speaker
from . import lexicon
from .lookups import MentionIndex, SpokenIndex, name_words as _name_words
from .mentions import (
    Mention,
    core_tokens,
    find_mentions,
    is_outlet_name,
    norm,
    person_name,
    role_phrase,
    short_phrase,
    stem,
    title_before,
)

# Pronouns look back this many sentences (their own included) for an antecedent.
PRONOUN_WINDOW = 3
COMPATIBLE = {
    "person": {"person"},
    "thing": {"document", "outlet", "organization"},
    "plural": {"group", "organization", "anonymous"},
}


class SpeakerResolver:
    """Resolves sources to speakers within one article, remembering the speakers so far."""

    def __init__(self, text: str, blocks: Sequence[Block]):
        self.text = text
        # Indexed once per article: each source is then looked up, not searched for (issue 26).
        self.blocks = BlockIndex.of(blocks)
        self.mentions = MentionIndex(_name_titled_mentions(find_mentions(blocks)))
        self.sentences = [(offset + s.start_char, offset + s.end_char) for offset, doc in blocks for s in doc.sents]
        self.done: list[Speaker] = SpokenIndex()
        self.contents: Sequence[tuple[int, int]] | Intervals = []
        self.genders = person_genders(blocks, self.mentions)

    def resolve(self, source: Span | None) -> Speaker:
        """The speaker behind ``source`` given what came before; nothing is remembered."""
        return resolve_speaker(
            self.text, self.blocks, source, self.mentions, self.sentences, self.done, self.contents, self.genders
        )

    def resolve_all(self, attributions: Sequence[Attribution]) -> list[Speaker]:
        """One Speaker per attribution, in the same order; each one is remembered."""
        self.contents = Intervals.of_pieces(piece for att in attributions for piece in att.content.pieces)
        for att in attributions:
            self.done.append(self.resolve(att.source))
        return list(self.done)


def resolve_speakers(text: str, blocks: Sequence[Block], attributions: Sequence[Attribution]) -> list[Speaker]:
    """One Speaker per attribution, in the same order."""
    return SpeakerResolver(text, blocks).resolve_all(attributions)


def resolve_speaker(
    text: str,
    blocks: Sequence[Block],
    source: Span | None,
    mentions: Sequence[Mention],
    sentences: Sequence[tuple[int, int]],
    earlier: Sequence[Speaker] = (),
    contents: Sequence[tuple[int, int]] = (),
    genders: dict[str, str] | None = None,
) -> Speaker:
    """The speaker behind one source span, given the article's mentions, the speakers before
    it and the contents of the article's attributions (what was said, not who said it)."""
    if source is None:
        return Speaker("unknown", None)
    located = locate(blocks, source)
    if located is None:
        return Speaker("unknown", source)
    offset, phrase = located
    root = phrase.root
    mention = source
    lower = root.lower_
    if lower in lexicon.SELF_PRONOUNS:
        return Speaker("unknown", mention)
    antecedent = _antecedent(root, offset)
    if antecedent is not None:
        # "voters who said they had misgivings": the speaker is whom the relative clause is about.
        return resolve_speaker(text, blocks, Span.of(text, *antecedent), mentions, sentences,
                               earlier, contents, genders)
    if lower in lexicon.PRONOUNS:
        return _pronoun(source, lexicon.PRONOUNS[lower], mentions, sentences, earlier, contents,
                        genders or {}, GENDERED.get(lower))
    tokens = core_tokens(root, (phrase.start, phrase.end))
    core = norm(root.doc[tokens[0].i : tokens[-1].i + 1].text)
    # Only a name that heads the source counts: "Fifth brigade ..., in an open letter to
    # Lukashenko" is the brigade speaking, not Lukashenko.
    person = next((e for e in phrase.ents if e.label_ == "PERSON" and e.start <= root.i < e.end), None)
    if is_outlet_name(core) or (root.ent_type_ and is_outlet_name(_entity_text(root))):
        name = core[4:] if core.lower().startswith("the ") else core
        return Speaker("outlet", mention, name=name, short=name)
    if person is not None and not is_outlet_name(person.text):
        return _named_person(person, mention, mentions)
    named = _appositive_person(root)
    if named is not None:
        # "His former business partner at Lenox, Lawrence B. Cummings": the name is given
        # in apposition, the head is the role.
        speaker = _named_person(named, mention, mentions)
        return Speaker("person", mention, name=speaker.name, role=role_phrase(root), evidence=speaker.evidence, short=speaker.name)
    if root.ent_type_ in ("ORG", "GPE", "NORP") and root.pos_ == "PROPN":
        name = _entity_text(root)
        # spaCy tags a bare surname as an organisation now and then ("Lynch said"); a
        # surname the article gives a person elsewhere is that person.
        full = _full_name(name, mentions) if len(name.split()) == 1 else None
        if full is not None:
            return Speaker("person", mention, name=full.name, role=full.role, evidence=(_as_span(full),), short=full.name)
        return Speaker("organization", mention, name=name, short=name)
    lemma = root.lemma_.lower()
    if lemma in lexicon.OUTLET_NOUNS:
        return _outlet_nominal(mention, core, mentions, earlier)
    if lemma in lexicon.DOCUMENT_NOUNS:
        return _same_head(mention, "document", root, core, mentions)
    if lemma in lexicon.ANONYMOUS_NOUNS or lexicon.ANONYMOUS_PATTERNS.search(source.text):
        described = norm(source.text) if lexicon.ANONYMOUS_PATTERNS.search(source.text) else core
        return Speaker("anonymous", mention, description=described, short=short_phrase(root))
    if lemma in lexicon.TITLE_WORDS and root.tag_ != "NNS":
        return _titled_nominal(mention, root, core, mentions)
    if root.pos_ == "PROPN":
        return _short_name(mention, core, mentions)
    if root.lower_ in lexicon.GROUP_NOUNS or root.tag_ == "NNS":
        return _same_head(mention, "group", root, core, mentions)
    if lemma in lexicon.ORGANIZATION_NOUNS:
        return _same_head(mention, "organization", root, core, mentions)
    return Speaker("unknown", mention, description=core)


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


def _antecedent(pronoun: Token, offset: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun ("who", "which", "that") stands for, as a text range.

    The parser often hangs the clause on the nearest noun: "nervous Democrats on Capitol Hill,
    who have argued …". "who" stands for people, so from a noun that is no person the search
    goes up through the prepositions to a noun that may name people; when none does (in
    "calls from listeners to his radio program who said …" the parse leads to a verb), there
    is no antecedent.
    """
    clause = pronoun.head
    if pronoun.lower_ not in ("who", "which", "that") or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    noun = clause.head
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    subject = subject_of(first.head) if first.dep_ == "attr" and first.head.lemma_ == "be" else None
    if subject is not None and (pronoun.lower_ != "who" or _may_be_people(subject) or subject.pos_ == "PRON"):
        # "Trump … is a serial liar, rampant xenophobe … who has pledged …": the liar is Trump.
        found = trim(list(subject.subtree), quotes_too=True)
        return (offset + found[0], offset + found[1]) if found else None
    while pronoun.lower_ == "who" and noun.ent_type_ != "PERSON":
        # "Democrats on Capitol Hill, who …", "members of the committee who …": the people.
        up = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        if up is not None and up.pos_ in ("NOUN", "PROPN") and _may_be_people(up):
            noun = up
        elif _may_be_people(noun):
            break
        else:
            return None
    if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    end = clause.left_edge.i
    if noun.i != clause.head.i:
        # The phrase ends before the preposition that led down to the noun the clause hangs on.
        below = clause.head
        while below.head.i != noun.i:
            below = below.head
        end = min(end, below.left_edge.i)
    words = [t for t in noun.subtree if t.i < end and not t.is_punct]
    if not words:
        return None
    return offset + words[0].idx, offset + words[-1].idx + len(words[-1])


def _may_be_people(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if noun.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "EVENT"):
        return False  # "Democrats on Capitol Hill who …": not the hill
    return (noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "NORP", "ORG") or noun.tag_ == "NNS"
            or lemma in lexicon.TITLE_WORDS or lemma in lexicon.GROUP_NOUNS or lemma in lexicon.ANONYMOUS_NOUNS)


def _appositive_person(root: Token) -> SpacySpan | None:
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return _entity_of(child)
    return None


def _entity_text(token: Token) -> str:
    ent = _entity_of(token)
    return norm(ent.text) if ent is not None else token.text


def _entity_of(token: Token) -> SpacySpan | None:
    """The entity that holds ``token``, read from the tokens' IOB tags around it: ``doc.ents``
    builds every entity of the paragraph on each call."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _as_span(mention: Mention) -> Span:
    return Span(mention.start, mention.end, mention.text)


def _full_name(name: str, mentions: Sequence[Mention]) -> Mention | None:
    """The person mention that spells out ``name`` (see ``_spelled_out``), remembered per article."""
    index = MentionIndex.of(mentions)
    if name not in index.full_names:
        index.full_names[name] = _spelled_out(name, index)
    return index.full_names[name]


def _spelled_out(name: str, mentions: MentionIndex) -> Mention | None:
    """The person mention that spells out ``name`` ("Lukashenko" -> "Alexander Lukashenko").

    Every person mention with the same ending is a candidate. Their names must all fit in the
    longest one ("Hillary Clinton" fits "Crooked Hillary Clinton", "Bill Clinton" does not):
    two different people with one surname leave the name as written. Among the candidates
    longer than ``name`` the most frequent form wins, so a one-off nickname does not.
    """
    words = _name_words(name)
    if not words:
        return None
    fits = mentions.persons_ending(words)
    if not fits:
        return None
    forms = Counter(m.name for m in fits)
    longest = max(forms, key=lambda f: len(f.split()))
    if not all(_subsequence(_name_words(f), _name_words(longest)) for f in forms):
        return None  # two different full names end the same way: do not pick one
    longer = [f for f in forms if len(f.split()) > len(words)] or list(forms)
    best = max(longer, key=lambda f: (forms[f], len(f.split())))
    return next(m for m in fits if m.name == best)


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _named_person(ent: SpacySpan, mention: Span, mentions: Sequence[Mention]) -> Speaker:
    name = person_name(ent.text)
    role, _ = title_before(ent.doc, ent.start)
    # Only a single name is spelled out: "Hillary Clinton" is already a full name, and
    # longer forms of it are as likely nicknames ("Crooked Hillary Clinton") as fuller names.
    full = _full_name(name, mentions) if len(name.split()) == 1 else None
    evidence: tuple[Span, ...] = ()
    if full is not None and len(full.name.split()) >= len(name.split()):
        if full.name != name:
            evidence = (_as_span(full),)
        name = full.name
        if role is None:
            role = MentionIndex.of(mentions).first_role(name)
    return Speaker("person", mention, name=name, role=role, evidence=evidence, short=name)


def _short_name(mention: Span, core: str, mentions: Sequence[Mention]) -> Speaker:
    """A proper name spaCy did not tag: a known person's surname, or left unknown."""
    full = _full_name(core, mentions)
    if full is not None:
        return Speaker("person", mention, name=full.name, role=full.role,
                       evidence=(_as_span(full),) if full.name != core else (), short=full.name)
    return Speaker("unknown", mention, description=core)


def _outlet_nominal(mention: Span, core: str, mentions, earlier) -> Speaker:
    """ "the paper" -> the closest outlet named before it: the latest to start among the named
    outlets, mentioned or speaking, that end before it (a mention before a speaker on a tie)."""
    m = MentionIndex.of(mentions).last_outlet_before(mention.start)
    sp = SpokenIndex.of(earlier).last_outlet_before(mention.start)
    if m is None and sp is None:
        return Speaker("outlet", mention, description=core, short=core)
    if m is not None and (sp is None or m.start >= sp.mention.start):
        name, span = m.name, _as_span(m)
    else:
        name, span = sp.name, sp.mention
    return Speaker("outlet", mention, name=name, description=core, evidence=(span,), short=name)


def _same_head(mention: Span, kind: str, root: Token, core: str, mentions: Sequence[Mention]) -> Speaker:
    """A definite description ("the letter", "the military officers") to the fullest earlier
    mention with the same head; an indefinite one is its own first mention."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those") for c in root.children)
    lemma = root.lemma_.lower()
    if definite:
        best = MentionIndex.of(mentions).fullest_before(lemma, kind, mention.start)
        if best is not None:
            return Speaker(kind, mention, description=best.text, evidence=(_as_span(best),), short=short_phrase(root))
    return Speaker(kind, mention, description=core, short=short_phrase(root))


def _titled_nominal(mention: Span, root: Token, core: str, mentions: Sequence[Mention]) -> Speaker:
    """ "Russia's foreign minister" -> the one named person the article gives that office."""
    role = role_phrase(root)
    modifiers = {stem(t.text) for t in root.subtree if t.i != root.i and t.is_alpha and t.dep_ not in ("det",)}
    holder = title_holder(root.lower_, modifiers, mentions)
    if holder is not None:
        return Speaker("person", mention, name=holder.name, role=role, description=core,
                       evidence=(_as_span(holder),), short=holder.name)
    return Speaker("person", mention, role=role, description=core, short=role)


def title_holder(title: str, modifiers: set[str], mentions: Sequence[Mention]) -> Mention | None:
    """The one named person whose title fits ``title`` best (modifiers break ties), or None."""
    offices = lexicon.TITLE_SYNONYMS.get(title, {title})
    scored: dict[str, tuple[int, Mention]] = {}
    for m in MentionIndex.of(mentions).with_office(offices):
        if m.type != "person" or not m.role or not m.name:
            continue
        if not offices & {w.lower() for w in m.role.split()}:
            continue
        score = len(modifiers & m.context)
        if m.name not in scored or score > scored[m.name][0]:
            scored[m.name] = (score, m)
    if not scored:
        return None
    best = max(s for s, _ in scored.values())
    top = [m for s, m in scored.values() if s == best]
    return top[0] if len(top) == 1 else None


def _name_titled_mentions(mentions: list[Mention]) -> list[Mention]:
    """Unnamed titled mentions ("the president") named after the one holder of that title."""
    out = []
    index = MentionIndex(mentions)
    for m in mentions:
        if m.type == "person" and m.name is None:
            holder = title_holder(m.head, set(m.context) - {stem(m.head)}, index)
            if holder is not None:
                m = dataclasses.replace(m, name=holder.name, short=holder.name)
        out.append(m)
    return out


def _pronoun(mention: Span, kind: str, mentions, sentences, earlier, contents=(), genders=None, gender=None) -> Speaker:
    """ "he", "it", "they" -> the closest compatible speaker or mention in the last sentences.

    A source that spoke in the last sentences wins (news goes on quoting the same person),
    unless someone else has become the subject of the narrative since ("Matt Lauer faced
    criticism after he asked"): names inside what was said do not count for that.
    Otherwise one compatible mention must stand out, or the speaker stays unknown.
    """
    allowed = COMPATIBLE[kind]
    genders = genders or {}

    def agrees(name: str | None) -> bool:
        # "she" cannot be a person the article calls "he" elsewhere, and the other way round.
        return gender is None or name is None or genders.get(name, gender) == gender

    window_start = _window_start(mention.start, sentences)
    mentions = MentionIndex.of(mentions)
    in_content = (contents if isinstance(contents, Intervals) else Intervals.of_pieces(contents)).covers
    spoke = [
        sp for sp in SpokenIndex.of(earlier).starting_in(window_start, mention.start)
        if sp.mention is not None and window_start <= sp.mention.start and sp.mention.end <= mention.start
        and sp.type in allowed and (sp.name or sp.description) and agrees(sp.name)
    ]
    if spoke:
        sp = max(spoke, key=lambda s: s.mention.start)
        since = [
            m for m in mentions.starting_in(sp.mention.end, mention.start)
            if sp.mention.end <= m.start and m.end <= mention.start and m.type in allowed and m.is_subject
            and not in_content(m.start) and agrees(_identity(m, mentions))
        ]
        others = {_identity(m, mentions) for m in since} - {sp.name or sp.description}
        if not others:
            return Speaker(sp.type, mention, name=sp.name, role=sp.role, description=sp.description,
                           evidence=(sp.evidence[:1] or (sp.mention,)), short=sp.short)
        if len(others) > 1:
            return Speaker("unknown", mention)
        m = [m for m in since if _identity(m, mentions) in others][-1]
        full = _full_name(m.name, mentions) if m.name and m.type == "person" else None
        m = full or m
        return Speaker(m.type, mention, name=m.name, role=m.role, description=None if m.name else m.text,
                       evidence=(_as_span(m),), short=m.short)
    # With no source speaking just before, every compatible mention is a candidate, and
    # "Smith met Jones. He said ..." is left unresolved rather than decided by grammar.
    near = [
        m for m in mentions.starting_in(window_start, mention.start)
        if window_start <= m.start and m.end <= mention.start and m.type in allowed and agrees(_identity(m, mentions))
    ]
    distinct = {_identity(m, mentions) for m in near}
    if len(distinct) == 1:
        m = near[-1]
        return Speaker(m.type, mention, name=m.name, role=m.role, description=None if m.name else m.text,
                       evidence=(_as_span(m),), short=m.short)
    return Speaker("unknown", mention)


GENDERED = {"he": "m", "him": "m", "she": "f", "her": "f"}
TITLE_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
GENDER_WORDS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def person_genders(blocks: Sequence[Block], mentions: Sequence[Mention]) -> dict[str, str]:
    """What the article itself says about each person's pronouns.

    In a sentence that mentions one person only, "he"/"his" or "she"/"her" after the name
    are votes for that person; a clear majority decides. No name list is consulted: the
    article is the only evidence, and a person it never pronominalises stays open.
    """
    votes: dict[str, Counter] = {}
    people = sorted((m for m in mentions if m.type == "person" and m.name), key=lambda m: m.start)
    starts = [m.start for m in people]
    names: dict[int, str] = {}  # id(mention) -> identity: _identity searches all mentions

    def identity(m: Mention) -> str:
        if id(m) not in names:
            names[id(m)] = _identity(m, mentions)
        return names[id(m)]

    for offset, doc in blocks:
        in_block = people[bisect_left(starts, offset) : bisect_left(starts, block_end(offset, doc))]
        if not in_block:
            continue
        text = doc.text
        for m in in_block:
            # "Mrs. Clinton", "Mr. Obama": the honorific settles it.
            before = text[max(0, m.start - offset - 6) : m.start - offset].split()
            honorific = TITLE_GENDER.get(before[-1].lower()) if before else None
            if honorific:
                votes.setdefault(identity(m), Counter())[honorific] += 3
        block_starts = [m.start for m in in_block]
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            here = in_block[bisect_left(block_starts, start) : bisect_left(block_starts, end)]
            named = {identity(m) for m in here}
            if len(named) != 1:
                continue
            (name,) = named
            first = min(m.end for m in here)
            for token in sent:
                kind = GENDER_WORDS.get(token.lower_)
                if kind and offset + token.idx >= first:
                    votes.setdefault(name, Counter())[kind] += 1
    out = {}
    for name, counter in votes.items():
        (top, n), *rest = counter.most_common() + [(None, 0)]
        if n >= 1 and n > 2 * rest[0][1]:
            out[name] = top
    return out


def _identity(m: Mention, mentions: Sequence[Mention]) -> str:
    """Mentions of one person ("Smith", "John Smith") count as one candidate."""
    if m.type == "person" and m.name:
        full = _full_name(m.name, mentions)
        return full.name if full is not None else m.name
    return m.name or m.text


def _window_start(position: int, sentences: Sequence[tuple[int, int]]) -> int:
    # Sentences are in reading order and do not overlap: the one holding ``position`` is the
    # last to start at or before it, if it reaches past it.
    index = bisect_right(sentences, (position, float("inf"))) - 1
    if index < 0 or not position < sentences[index][1]:
        return position
    return sentences[max(0, index - PRONOUN_WINDOW + 1)][0]
