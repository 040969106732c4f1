"""Who each attribution's source is: a named person, an outlet, a document, an anonymous source.

Resolution stays inside the article. Names are typed by what the article itself says about
them (``names.py``), pronouns go to a compatible source or mention before them
(``pronouns.py``), common nouns to an earlier mention with the same office or head word
(``nominals.py``), short names ("Lukashenko") to the full name. When two candidates fit
equally well the answer is an unnamed speaker, never a guess; an unnamed person is anonymous.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from typing import Sequence

from spacy.tokens import Span as SpacySpan, Token

from ..attribution import Block
from ..attribution.nobody import told_us
from ..attribution.syntax import subject_of, trim
from ..intervals import Intervals
from ..model import Attribution, Span, Speaker
from . import lexicon
from .epistemic import Paragraphs
from .lookups import MentionIndex, SpokenIndex, full_name, introduced_name, misspelt_surname
from .mentions import (
    Mention,
    core_tokens,
    entity_kind,
    is_outlet_name,
    find_mentions,
    locate,
    norm,
    own_name,
    person_name,
    role_phrase,
    title_before,
)
from .names import NAME_LABELS, name_kinds
from .nominals import name_titled_mentions, resolve_collective, resolve_nominal
from .pronouns import Heard, HeardIndex, person_genders, resolve_pronoun, window

QUOTE_MARKS = "\"“”‘’'«»„"
# An account handle as a source: the author of an embedded post ("@timkeller: …").
HANDLE = re.compile(r"@[A-Za-z0-9_]{1,30}")
# One-word sources that stand for unnamed people: "another said", "some argued".
UNNAMED_ONE = frozenset("one another someone somebody".split())
UNNAMED_SOME = frozenset("some many others several most few both all".split())
# The word lists tested together, joined once (not a new set per source or per word).
_UNNAMED = UNNAMED_ONE | UNNAMED_SOME
_TITLES_AND_PEOPLE = lexicon.TITLE_WORDS | lexicon.PEOPLE_NOUNS
# Words that may come before a name in a title string ("LOW O2 Co-Founder and CEO Luis
# Sepúlveda", "Whole Foods co-founder and CEO John Mackey", "co-author David Tilman").
TITLE_STRING_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT", "PART", "NUM"})


class SpeakerResolver:
    """Resolves sources to speakers within one article, remembering the speakers so far."""

    def __init__(self, text: str, blocks: Sequence[Block]):
        self.text = text
        # Indexed once per article: each source is then looked up, not searched for (issue 26).
        self.blocks = Paragraphs.of(blocks)
        self.kinds = name_kinds(self.blocks)
        self.mentions = MentionIndex(name_titled_mentions(find_mentions(self.blocks, self.kinds)))
        self.sentences = [s for i in range(len(self.blocks)) for s in self.blocks.sentences(i)]
        self.sentence_starts = [a for a, _ in self.sentences]
        self.done: list[Speaker] = SpokenIndex()
        self.heard: list[Heard] = HeardIndex()  # the statements so far, for pronouns
        self.direct = False  # whether the statement being resolved is a direct quote
        self.opens: int | None = None  # where the statement being resolved starts (its quote or its source)
        self.contents: Intervals = Intervals()  # what every statement said
        self.genders = person_genders(self.blocks, self.mentions)
        self._ents: dict[int, _Entities] = {}  # by id of the Doc: the article's blocks live as long

    def resolve(self, source: Span | None) -> Speaker:
        """The speaker behind ``source`` given what came before; nothing is remembered."""
        speaker = self._resolve(source)
        if speaker.type == "person" and not speaker.name:
            # "the senator", "his spokesman": a person nobody names is an anonymous source.
            speaker = dataclasses.replace(speaker, type="anonymous")
        return speaker

    def resolve_all(self, attributions: Sequence[Attribution],
                    nobody: Sequence[str | None] | None = None) -> list[Speaker]:
        """One Speaker per attribution, in the same order; each one is remembered.

        ``nobody`` gives, per attribution, why it reports nobody (``attribution.nobody``), if it
        does. Names inside what someone said are no candidates for a pronoun; a find that reports
        nobody ("we asked how much Andrea Elliot was charged") said nothing, so the names in its
        content stay candidates (“…,” she said: she is Andrea Elliot).
        """
        said = attributions if nobody is None else [att for att, why in zip(attributions, nobody) if why is None]
        self.contents = Intervals.of_pieces(piece for att in said for piece in att.content.pieces)
        for att in attributions:
            # Any extractor's direct quote: by its kind, or by its content opening with a quote mark.
            self.direct = att.kind == "direct" or att.content.text.lstrip()[:1] in QUOTE_MARKS
            self.opens = min([a for a, _ in att.content.pieces] + ([att.source.start] if att.source else []))
            if self._cataphoric(att):
                speaker = Speaker("unknown", att.source)
            elif self._told_us(att):
                # "We're told there is security footage": the outlet's source, not named.
                speaker = Speaker("anonymous", att.source, description="the outlet's sources", short="sources")
            else:
                speaker = self.resolve(att.source)
            self.done.append(speaker)
            if speaker.mention is not None:
                self.heard.append(Heard(speaker, tuple(att.content.pieces), self.direct))
        self.direct, self.opens = False, None
        return list(self.done)

    def _cataphoric(self, att: Attribution) -> bool:
        """Whether the source is named in a later sentence than all that was said, with a
        statement of its own there: "“I will kill you.” His lawyer, James Smith, said the
        message was a joke." The quote is not the lawyer's, whoever the extractor gave it to.
        Layout sources (a name line after a quote block) are exempt."""
        if att.source is None or att.cue is None or att.origin == "layout":
            return False
        said_end = max(b for _, b in att.content.pieces)
        if att.source.start < said_end or self._sentence(said_end - 1) == self._sentence(att.source.start):
            return False
        located = locate(self.blocks, att.cue)
        if located is None:
            return False
        offset, cue = located
        # The cue verb in the later sentence has a complement of its own beyond the source.
        return any(c.dep_ in ("ccomp", "dobj", "xcomp", "attr") and offset + c.idx > att.source.end
                   for c in cue.root.children)

    def _told_us(self, att: Attribution) -> bool:
        if att.cue is None:
            return False
        cue = self.blocks.tokens(att.cue)
        return cue is not None and any(told_us(t) for t in cue if t.pos_ == "VERB")

    def _sentence(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1

    def _resolve(self, source: Span | None) -> Speaker:
        if source is None:
            return Speaker("unknown", None)
        if HANDLE.fullmatch(norm(source.text)):
            return self._handle(source)
        located = locate(self.blocks, source)
        if located is None:
            return Speaker("unknown", source)
        offset, phrase = located
        root = _head_of(phrase)
        lower = root.lower_
        if lower in lexicon.SELF_PRONOUNS:
            return Speaker("unknown", source)
        if len(phrase) == 1 and lower in _UNNAMED:
            kind = "anonymous" if lower in UNNAMED_ONE else "group"
            return Speaker(kind, source, description=norm(phrase.text), short=norm(phrase.text))
        antecedent = _antecedent(root, offset)
        if antecedent is not None:
            # "voters who said they had misgivings": the speaker is whom the relative clause is about.
            return self._resolve(Span.of(self.text, *antecedent))
        if lower in lexicon.PRONOUNS:
            return resolve_pronoun(source, lower, self.mentions, self.sentences, self.heard, self.contents,
                                   self.genders, self.blocks, self.direct, self.opens)
        tokens = core_tokens(root, (phrase.start, phrase.end))
        core = norm(root.doc[tokens[0].i : tokens[-1].i + 1].text)
        named = self._named(source, phrase, root)
        if named is not None:
            return named
        person = _appositive_person(root)
        if person is not None and entity_kind(person.text, "PERSON", self.kinds) == "person":
            # "His former business partner at Lenox, Lawrence B. Cummings": the name is given
            # in apposition, the head is the role.
            speaker = self._person(person, source)
            return dataclasses.replace(speaker, role=role_phrase(root))
        window = self._window_start(source.start)
        nominal = resolve_nominal(source, root, core, self.mentions, self.done, window, self._next_end(source.end))
        if nominal is not None:
            return nominal
        if root.tag_ == "NNPS" and any(c.lower_ in UNNAMED_SOME for c in root.children):
            return Speaker("group", source, description=core, short=core)  # "Many Tunisians"
        if root.pos_ == "PROPN" or (root.text[:1].isupper() and full_name(core, self.mentions) is not None):
            return self._short_name(source, core)
        collective = resolve_collective(source, root, core, self.mentions, self.done, window)
        if collective is not None:
            return collective
        return Speaker("unknown", source, description=core)

    def _named(self, source: Span, phrase: SpacySpan, root: Token) -> Speaker | None:
        """The speaker a name heading the source stands for, typed by the article's evidence."""
        ent, role = _name_in(phrase, root, self._entities(phrase.doc))
        if ent is None:
            return None
        name = person_name(own_name(ent.text))  # no possessor before, no possessive ending
        name = name[4:] if name.lower().startswith("the ") else name
        if self.kinds.kind(name) is None and ent.label_ != "PERSON" and ent.root.pos_ != "PROPN":
            return None  # a label alone on a common word ("Demonstrators", "American") names nobody
        kind = entity_kind(name, ent.label_, self.kinds)
        if kind == "person":
            speaker = self._person(ent, source, name)
            return dataclasses.replace(speaker, role=role or speaker.role)
        if kind == "outlet":
            return Speaker("outlet", source, name=name, short=name)
        if ent.root.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
            return Speaker("document", source, name=name, short=name)  # "the Global Fire Emissions Database"
        if ent.label_ == "NORP" and ent.root.tag_ == "NNPS" and any(
                c.lower_ in UNNAMED_SOME for c in ent.root.children):
            return Speaker("group", source, description=norm(phrase.text), short=name)  # "Many Tunisians"
        if kind == "organization" or ent.label_ in ("ORG", "GPE", "NORP"):
            # spaCy tags a bare surname as an organisation now and then ("Lynch said"); a
            # surname the article gives a person elsewhere is that person.
            # (Only when the label alone says organisation, not the article's evidence.)
            full = full_name(name, self.mentions) if self.kinds.kind(name) is None and len(name.split()) == 1 else None
            if full is not None:
                return Speaker("person", source, name=full.name, role=full.role, evidence=(_as_span(full),), short=full.name)
            # … and a surname misspelt by a vowel, which the tagger does not know, is too.
            misspelt = misspelt_surname(name, self.mentions) if self.kinds.kind(name) is None else None
            if misspelt is not None:
                return Speaker("person", source, name=misspelt.name, role=misspelt.role,
                               evidence=(_as_span(misspelt),), short=misspelt.name)
            name = self._joint_organisations(ent, phrase, name)
            return Speaker("organization", source, name=name, short=name)
        return None

    def _joint_organisations(self, ent: SpacySpan, phrase: SpacySpan, name: str) -> str:
        """ "both Roscosmos and NASA said": the statement is the organisations' together, and
        naming the first alone credits it to one; every name coordinated with the head inside
        the source, when each is an organisation, is in the speaker's name ("Roscosmos and
        NASA"). Anything else in the coordination (a person, a common noun) keeps the name."""
        ents = self._entities(phrase.doc)
        names = [name]
        for conj in ent.root.conjuncts:
            other = ents.holding(conj.i)
            if conj.i < ent.root.i or not (phrase.start <= conj.i < phrase.end) or other is None:
                return name
            other_name = person_name(own_name(other.text))
            other_name = other_name[4:] if other_name.lower().startswith("the ") else other_name
            if entity_kind(other_name, other.label_, self.kinds) != "organization":
                return name
            names.append(other_name)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    def _person(self, ent: SpacySpan, source: Span, name: str | None = None) -> Speaker:
        name = person_name(name or own_name(ent.text))
        role, _ = title_before(ent.doc, ent.start)
        # A single name is spelled out by the article's usual fuller form; a longer name only by
        # the form the article introduced it with: "Hillary Clinton" is already a full name, and
        # longer forms of it are as likely nicknames ("Crooked Hillary Clinton") as fuller names,
        # but "Harden Bradford" after "Joy Harden Bradford, a psychologist" is the same person.
        full = full_name(name, self.mentions) if len(name.split()) == 1 else introduced_name(name, self.mentions)
        evidence: tuple[Span, ...] = ()
        if full is not None and len(full.name.split()) >= len(name.split()):
            if full.name != name:
                evidence = (_as_span(full),)
            name = full.name
            if role is None:
                role = self.mentions.first_role(name)
        return Speaker("person", source, name=name, role=role, evidence=evidence, short=name)

    def _handle(self, source: Span) -> Speaker:
        """An account handle heading an embedded post ("@s_bielefeld: …"): the person the
        page signs with it ("Dave Schukin (@schukin)"), else the one person the article names
        whose name the handle spells (surname, with the first name or its initial:
        "@s_bielefeld" is Samantha Bielefeld), else the account under its handle. The
        parser reads a handle as anything (a group, nothing); a handle is a proper name."""
        handle = norm(source.text)
        # A signature elsewhere on the page names it outright: "— Dave Schukin (@schukin)".
        signed = re.search(r"((?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w'’-]*)\s*\(" + re.escape(handle) + r"\)", self.text)
        if signed is not None:
            name = norm(signed.group(1))
            return Speaker("person", source, name=name, short=name)
        key = re.sub(r"[^a-z]", "", handle.lower())
        spelled = set()
        for mention in self.mentions:
            words = [re.sub(r"[^a-z]", "", w) for w in (mention.name or "").lower().split()]
            if mention.type != "person" or len(words) < 2 or not all(words):
                continue
            first, last = words[0], words[-1]
            if key in (first + last, first[0] + last, last + first):
                spelled.add(mention.name)
        if len(spelled) == 1:
            (name,) = spelled
            return Speaker("person", source, name=name, short=name)
        # Two people the handle could spell: the handle alone, which names the account exactly.
        return Speaker("person", source, name=handle, short=handle)

    def _short_name(self, source: Span, core: str) -> Speaker:
        """A proper name spaCy did not tag: what the article says of it elsewhere, else unknown."""
        kind = self.kinds.kind(core)
        if kind == "outlet" or (kind is None and is_outlet_name(core)):
            name = core[4:] if core.lower().startswith("the ") else core
            return Speaker("outlet", source, name=name, short=name)
        if kind == "organization":
            return Speaker("organization", source, name=core, short=core)
        full = full_name(core, self.mentions)
        if full is not None:
            return Speaker("person", source, name=full.name, role=full.role,
                           evidence=(_as_span(full),) if full.name != core else (), short=full.name)
        words = core.split()
        if 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and full_name(words[-1], self.mentions):
            # "Ramy Houssaini" untagged here, "Houssaini" a person elsewhere.
            return Speaker("person", source, name=core, short=core)
        label = self.kinds.label(core)
        if label == "ORG":
            return Speaker("organization", source, name=core, short=core)  # "Facebook believe"
        if label == "PERSON" or kind == "person":
            return Speaker("person", source, name=person_name(core), short=core)
        return Speaker("unknown", source, description=core)

    def _next_end(self, position: int) -> int | None:
        """Where the sentence after the one holding ``position`` ends, if there is one."""
        index = self._sentence(position) + 1
        return self.sentences[index][1] if 0 < index < len(self.sentences) else None

    def _window_start(self, position: int) -> int:
        return window(position, self.sentences)[0]

    def _entities(self, doc) -> _Entities:
        """The entities of one paragraph, indexed once per article."""
        key = id(doc)
        if key not in self._ents:
            self._ents[key] = _Entities(doc)
        return self._ents[key]


def resolve_speakers(text: str, blocks: Sequence[Block], attributions: Sequence[Attribution]) -> list[Speaker]:
    """One Speaker per attribution, in the same order."""
    return SpeakerResolver(text, blocks).resolve_all(attributions)


class _Entities:
    """A paragraph's entities (``doc.ents``, built once: spaCy builds them all on each call),
    by start, by end, and the people in order: the lookups ``_name_in`` makes per source."""

    def __init__(self, doc):
        self.ents = doc.ents
        self.starts = [e.start for e in self.ents]
        self.by_start = {e.start: e for e in self.ents}
        self.by_end = {e.end: e for e in self.ents}
        self.people = [e for e in self.ents if e.label_ == "PERSON"]
        self.people_starts = [e.start for e in self.people]

    def holding(self, i: int) -> SpacySpan | None:
        """The entity that holds token ``i`` (entities do not overlap)."""
        k = bisect_right(self.starts, i) - 1
        return self.ents[k] if k >= 0 and i < self.ents[k].end else None

    def person_at(self, i: int) -> SpacySpan | None:
        """The person entity that starts at token ``i``."""
        ent = self.by_start.get(i)
        return ent if ent is not None and ent.label_ == "PERSON" else None

    def first_person_from(self, i: int) -> SpacySpan | None:
        """The first person entity that starts at token ``i`` or after."""
        k = bisect_left(self.people_starts, i)
        return self.people[k] if k < len(self.people) else None


def _name_in(phrase: SpacySpan, root: Token, ents: _Entities) -> tuple[SpacySpan | None, str | None]:
    """The name that heads a source phrase, and a role written before it.

    - a title string that ends in a person's name: "co-author David Tilman", "LOW O2
      Co-Founder and CEO Luis Sepúlveda", "Snopes fact checker and staff writer David Emery"
      (the parser often makes "co" or "Co-Founder" the head of these);
    - the name that holds the head: "Lukashenko", "the Global Fire Emissions Database";
    - a name followed by where the person is from: "Shaheda Begum of Ishwaripur village";
    - a name in apposition after a title: "The leader of Ennahda, Rachid Ghannouchi".

    Only a name that heads the source counts: "Fifth brigade ..., in an open letter to
    Lukashenko" is the brigade speaking, and "a lawyer for John Smith" is not Smith.
    """
    doc = phrase.doc
    cut = next((t.i for t in phrase[1:] if t.text in (",", "(", "—", "–", ";", ":")), phrase.end)
    head_end = cut
    while head_end > phrase.start and (doc[head_end - 1].is_punct or doc[head_end - 1].is_space):
        head_end -= 1
    # The extractor may cut the phrase inside the title ("said co" of "said co-author David
    # Tilman"): a name that ends the head part, or that the title words run on to, counts.
    # (One that ends the head part comes first: it starts before the phrase ends.)
    ending = ents.by_end.get(head_end)
    if ending is None or ending.label_ != "PERSON" or ending.start < phrase.start:
        ending = ents.first_person_from(phrase.end) if cut == phrase.end else None
    if ending is not None:
        before = doc[phrase.start : ending.start]
        # "Co-Founder and CEO X" joins two titles; "Trump and Clinton" joins two names.
        joined_names = any(t.pos_ == "CCONJ" and t.i > before.start and doc[t.i - 1].pos_ == "PROPN"
                           and doc[t.i - 1].lower_ not in lexicon.TITLE_WORDS for t in before)
        titled = not len(before) or any(t.lower_ in _TITLES_AND_PEOPLE for t in before)
        if titled and not joined_names and all(_title_word(t) for t in before):
            # The role is the title without a determiner or an honorific ("Mr." is no role).
            words = [t for t in before if not (t.dep_ in ("det", "poss") and t.i == before.start)
                     and t.lower_ not in lexicon.HONORIFICS]
            role = norm(doc[words[0].i : words[-1].i + 1].text) if words else None
            return ending, role
    # A name that runs past the source is not it ("Clinton" of a headline's "Clinton Plan"),
    # but a possessive ending may ("North Korea's").
    held = ents.holding(root.i)
    if held is not None and held.label_ in NAME_LABELS and held.start >= phrase.start and all(
            t.tag_ == "POS" or t.is_punct for t in doc[phrase.end : held.end]):
        return held, None
    first = ents.person_at(phrase.start)
    if first is not None and first.end < phrase.end and doc[first.end].lower_ in ("of", "from", "at"):
        return first, None  # "Shaheda Begum of Ishwaripur village": the parser heads it "village"
    if cut < phrase.end and phrase.start <= root.i < cut and root.lemma_.lower() in _TITLES_AND_PEOPLE:
        after = ents.person_at(cut + 1)
        if after is not None and (after.end >= phrase.end or doc[after.end].is_punct):
            words = [t for t in doc[phrase.start : cut] if not (t.dep_ == "det" and t.i == phrase.start)]
            return after, norm(doc[words[0].i : words[-1].i + 1].text) if words else None
    return None, None


def _title_word(token: Token) -> bool:
    """A word that may stand in a title before a name (no verb, no preposition, no other person)."""
    if token.ent_type_ == "PERSON":
        return False
    if token.pos_ == "PUNCT":
        return token.text in "-–"  # "co-author"; a comma ends the title
    if token.pos_ in TITLE_STRING_POS:
        return True
    # "Pakistan-based developer": a participle in a compound modifier.
    return token.tag_ in ("VBN", "VBG") and token.dep_ in ("amod", "compound")


def _head_of(phrase: SpacySpan) -> Token:
    """The phrase's root, or the noun ending the words right after it when the parser made a
    determiner the root: "Another respondent highlighted AI's opportunities" hangs both words
    on "AI's", and "Another" came out as the speaker. A determiner followed by its noun heads
    no speaker; a determiner alone ("another said") is its own root."""
    root = phrase.root
    if root.pos_ != "DET":
        return root
    run = []
    for token in phrase.doc[root.i + 1 : phrase.end]:
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        run.append(token)
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else root


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
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        # "Senator James Lankford, an Oklahoma Republican who warned …": the clause is about
        # the person the appositive describes.
        end = min(end, noun.left_edge.i)
        noun = noun.head
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
