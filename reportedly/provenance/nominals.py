"""Sources that are common nouns: "the paper", "the letter", "Russia's foreign minister",
"one legal expert", "70% of respondents", "the company".

Each goes to what the article names with the same head before it, or stays unnamed with its
wording kept as the description. An unnamed person is ``anonymous``: only a name makes a
``person``.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

from spacy.tokens import Token

from ..model import Span, Speaker
from . import lexicon
from .lookups import MentionIndex, SpokenIndex, full_name, identity
from .names import person_name
from .mentions import Mention, is_outlet_noun, is_paper_document, named_owner, role_phrase, short_phrase, stem

DEFINITE = ("the", "this", "that", "these", "those")
INDEFINITE = ("a", "an", "one", "another", "some", "any", "each", "every")
# "the company said" goes to the one company named just before it.
COMPANY_NOUNS = frozenset(
    "company firm startup start-up retailer manufacturer maker airline insurer carrier automaker "
    "giant conglomerate chain".split()
)
# Who speaks for an organisation without being named ("a Whole Foods spokeswoman").
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen representative".split())
# "The author", "the writer": who wrote the work the article is about.
AUTHOR_NOUNS = frozenset({"author", "writer"})
# The sentences "the company" looks back over for the company it stands for.
COMPANY_WINDOW = 3


def resolve_nominal(
    mention: Span,
    root: Token,
    core: str,
    mentions: Sequence[Mention],
    earlier: Sequence[Speaker],
    window_start: int,
    next_end: int | None = None,
) -> Speaker | None:
    """The speaker a common-noun source stands for, or None when the head is no speaker noun.

    ``next_end`` is where the sentence after the source's ends (an indefinite document may be
    named there)."""
    lemma = root.lemma_.lower()
    quantity = _quantity(mention, root, core)
    if quantity is not None:
        return quantity
    if is_outlet_noun(root) and not is_paper_document(root):
        owner = [c for c in root.children if c.dep_ == "poss"]
        if owner:
            # "her own website", "the senator's newsletter": the owner's writing, no outlet.
            return Speaker("document", mention, description=core, short=short_phrase(root))
        if lemma == "paper" and _definite(root):
            earlier_paper = MentionIndex.of(mentions).last_with_head("paper", mention.start)
            if earlier_paper is not None and earlier_paper.type == "document":
                return same_head(mention, "document", root, core, mentions)
        return _outlet_nominal(mention, core, mentions, earlier)
    if lemma in lexicon.DOCUMENT_NOUNS or is_paper_document(root) or (lemma == "research" and root.pos_ == "NOUN"):
        owner = named_owner(root)
        if owner is not None:
            # "The report by the University and College Union", "Amnesty's report": the
            # document is named by whose it is ("University and College Union report").
            name = f"{owner} {root.lower_}"
            return Speaker("document", mention, name=name, description=core, short=name)
        found = same_head(mention, "document", root, core, mentions)
        named = _document_named_nearby(mention, root, mentions, next_end)
        if named is not None:
            return dataclasses.replace(found, name=named.name, short=named.name,
                                       evidence=(_as_span(named),))
        return found
    if lemma in lexicon.ANONYMOUS_NOUNS or lexicon.ANONYMOUS_PATTERNS.search(mention.text):
        described = " ".join(mention.text.split()) if lexicon.ANONYMOUS_PATTERNS.search(mention.text) else core
        return Speaker("anonymous", mention, description=described, short=short_phrase(root))
    if lemma in lexicon.TITLE_WORDS and root.tag_ != "NNS":
        return _titled_nominal(mention, root, core, mentions)
    if lemma in AUTHOR_NOUNS and _definite(root) and root.tag_ == "NN":
        author = _the_author(mention, mentions, earlier, window_start)
        if author is not None:
            return author
    if lemma in lexicon.PEOPLE_NOUNS and root.tag_ == "NN":
        # "the man", "one survey respondent", "a colleague of Rothman's": nobody named.
        return Speaker("anonymous", mention, description=core, short=short_phrase(root))
    return None


def resolve_collective(
    mention: Span,
    root: Token,
    core: str,
    mentions: Sequence[Mention],
    earlier: Sequence[Speaker],
    window_start: int,
) -> Speaker | None:
    """Groups and organisations: "protesters", "the ministry", "West Mercia police", "the company"."""
    lemma = root.lemma_.lower()
    organization = lemma in lexicon.ORGANIZATION_NOUNS or lemma in COMPANY_NOUNS
    named = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if organization and named:
        # "West Mercia police", "the Obama administration", "the Tuva government": named.
        words = [t for t in root.subtree if named[0].left_edge.i <= t.i <= root.i]
        name = " ".join(t.text for t in words)
        return Speaker("organization", mention, name=name, short=name)
    if root.lower_ in lexicon.GROUP_NOUNS or root.tag_ == "NNS":
        return same_head(mention, "group", root, core, mentions)
    if not organization:
        return None
    if lemma in COMPANY_NOUNS and _definite(root) and root.tag_ == "NN":
        company = _named_company(mention, mentions, earlier, window_start)
        if company is not None:
            return company
        # Not named by the head alone: "the company" is whichever company the story is on,
        # not the last name ending in "Company" ("Dana F. Besecker Company" three paragraphs up).
        return same_head(mention, "organization", root, core, mentions, named=False)
    return same_head(mention, "organization", root, core, mentions)


def _the_author(mention: Span, mentions: Sequence[Mention], earlier: Sequence[Speaker],
                window_start: int) -> Speaker | None:
    """ "the author" in an article quoting a writer is that writer: "“…,” de Miranda writes. De
    Miranda understands this evolution by zooming out. The author draws a parallel …". Only
    when the last named person who spoke is the one person named in the sentences it looks
    back over, and the subject of one of them; anyone else there, or nobody, leaves it an
    unnamed author."""
    people = [m for m in MentionIndex.of(mentions).starting_in(window_start, mention.start)
              if m.type == "person" and m.start >= window_start and m.end <= mention.start]
    last = next((sp for sp in reversed(earlier) if sp.type == "person" and sp.name and sp.mention is not None
                 and sp.mention.end <= mention.start), None)
    if not people or last is None or not any(m.is_subject for m in people):
        return None
    full = full_name(last.name, mentions)  # "De Miranda" is "Luis de Miranda"
    name = full.name if full else last.name
    if any(not m.name or identity(m, mentions) != name for m in people):
        return None
    return Speaker("person", mention, name=name, role=last.role, description=" ".join(mention.text.split()),
                   evidence=(last.mention,), short=name)


def _quantity(mention: Span, root: Token, core: str) -> Speaker | None:
    """ "a number of experts", "70% of respondents", "a large body of studies", "49%"."""
    head = root.lower_ if root.lower_ == "%" else root.lemma_.lower()
    number = root.like_num and root.pos_ == "NUM"
    if head not in lexicon.QUANTITY_NOUNS and not number:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None:
        if head in ("%", "percent"):
            return Speaker("group", mention, description=core, short=core)  # "49% said"
        return None
    if noun.lemma_.lower() in lexicon.DOCUMENT_NOUNS:
        return Speaker("document", mention, description=core, short=short_phrase(noun))
    if noun.tag_ in ("NNS", "NNPS") or noun.lower_ in lexicon.GROUP_NOUNS or noun.lower_ in ("them", "us"):
        # "one of Mr. Obama's advisers" is one unnamed person; "a number of experts" many.
        kind = "anonymous" if root.lower_ == "one" else "group"
        return Speaker(kind, mention, description=core, short=short_phrase(noun))
    return None


def _definite(root: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children)


def _named_company(mention: Span, mentions: Sequence[Mention], earlier: Sequence[Speaker],
                   window_start: int) -> Speaker | None:
    """ "The company said" -> the one organisation that was the subject or a source in the
    sentences just before ("NASA supplier SpaceX … The company hopes" is not NASA's)."""
    found = [m for m in MentionIndex.of(mentions).starting_in(window_start, mention.start)
             if m.type == "organization" and m.name and m.is_subject and window_start <= m.start and m.end <= mention.start]
    heard = [sp for sp in SpokenIndex.of(earlier).starting_in(window_start, mention.start)
             if sp.mention is not None and window_start <= sp.mention.start and sp.mention.end <= mention.start]
    spoke = [sp for sp in heard if sp.type == "organization" and sp.name]
    # A company's unnamed spokesperson speaks for it: "A Whole Foods spokeswoman declined to
    # comment. … The company said" is Whole Foods.
    found += [m for sp in heard if sp.type == "anonymous" and _spokesperson(sp.mention.text)
              for m in MentionIndex.of(mentions).starting_in(sp.mention.start, sp.mention.end)
              if m.type == "organization" and m.name and m.end <= sp.mention.end]
    # One company under two spellings ("Uber", "Uber’s") is one company.
    names = {person_name(m.name) for m in found} | {person_name(sp.name) for sp in spoke}
    if not names:
        names = _story_company(mention, mentions, window_start)
    if len(names) != 1:
        return None
    (name,) = names
    anchor = next((Span(m.start, m.end, m.text) for m in reversed(MentionIndex.of(mentions).starting_in(window_start, mention.start))
                   if m.name and person_name(m.name) == name and m.end <= mention.start), None)
    anchor = anchor or next((sp.mention for sp in reversed(spoke) if person_name(sp.name) == name), None)
    if anchor is None:  # the story's company, the subject before the window
        last = MentionIndex.of(mentions).last_organisation_subject_before(window_start)
        anchor = Span(last.start, last.end, last.text)
    return Speaker("organization", mention, name=name, description=" ".join(mention.text.split()),
                   evidence=(anchor,), short=name)


def _story_company(mention: Span, mentions: Sequence[Mention], window_start: int) -> set[str]:
    """With no company as subject or source just before: the company the story is about, when
    it is the only organisation named in those sentences ("For Microsoft fans, none of that will
    matter. It's what the company promised") and the article names it more often than any
    other. An analyst's firm or a rival named in passing is not the story's company."""
    top = MentionIndex.of(mentions).story_organisation()
    if top is None:
        return set()
    before = [m for m in MentionIndex.of(mentions).starting_in(window_start, mention.start)
              if window_start <= m.start and m.end <= mention.start]
    if any(m.type == "name" for m in before):
        return set()  # a name the article never typed may be the company ("NASA supplier SpaceX")
    near = {person_name(m.name) for m in before if m.type in ("organization", "outlet") and m.name}
    if not near and not any(m.name for m in before):
        # Nobody named in those sentences at all (a quoted sign, a heading, figures): the
        # company last the subject before them, when it is the story's ("As it tries to convince
        # people, Whole Foods has been careful. … New signs in stores appeared: “New lower
        # prices.” … the company claims"). Recency and salience agree; either alone is a guess.
        last = MentionIndex.of(mentions).last_organisation_subject_before(window_start)
        return {top} if last is not None and person_name(last.name) == top else set()
    return near if near == {top} else set()


def _document_named_nearby(mention: Span, root: Token, mentions: Sequence[Mention],
                           next_end: int | None) -> Mention | None:
    """The named mention of the same document: for "the report", the last report mentioned
    before it, when that one is named ("The report by the University and College Union claims
    … The report said" is that union's report; a new "a report" in between, unnamed, is the
    one meant, and names nothing); for "a report", the report mentioned next, when that one is
    definite, named and in the next sentence ("…, says a report. The report by the University
    and College Union claims …": "the" says it is the one just introduced)."""
    same = [m for m in MentionIndex.of(mentions).with_head(root.lemma_.lower(), "document")
            if not (m.start <= mention.start < m.end)]
    if _definite(root):
        for m in reversed([m for m in same if m.end <= mention.start]):
            if m.name:
                return m
            if not m.text.lower().startswith(DEFINITE):
                return None  # a new one introduced since
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children) or next_end is None:
        return None
    after = next((m for m in same if m.start >= mention.end), None)
    if after is not None and after.name and after.end <= next_end and after.text.lower().startswith("the "):
        return after
    return None


def _spokesperson(text: str) -> bool:
    return bool(SPOKESPEOPLE & set(text.lower().replace("-", " ").split()))


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


def same_head(mention: Span, kind: str, root: Token, core: str, mentions: Sequence[Mention],
              named: bool = True) -> Speaker:
    """A definite description ("the letter", "the military officers") to the fullest earlier
    mention with the same head; an indefinite one is its own first mention. An organisation's
    fullest mention that is a name names it: "the department" after "the New Zealand
    Department of Conservation" is that department."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in root.children)
    lemma = root.lemma_.lower()
    if definite:
        best = MentionIndex.of(mentions).fullest_before(lemma, kind, mention.start)
        if best is not None:
            name = best.name if kind == "organization" and named else None
            return Speaker(kind, mention, name=name, description=best.text, evidence=(_as_span(best),),
                           short=name or short_phrase(root))
    return Speaker(kind, mention, description=core, short=short_phrase(root))


def _titled_nominal(mention: Span, root: Token, core: str, mentions: Sequence[Mention]) -> Speaker:
    """ "Russia's foreign minister" -> the one named person the article gives that office.

    An indefinite one ("one legal expert", "a spokesperson") names nobody: it is anonymous.
    """
    role = role_phrase(root)
    if not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in root.children):
        modifiers = {stem(t.text) for t in root.subtree if t.i != root.i and t.is_alpha and t.dep_ not in ("det",)}
        holder = title_holder(root.lower_, modifiers, mentions)
        if holder is not None:
            return Speaker("person", mention, name=holder.name, role=role, description=core,
                           evidence=(_as_span(holder),), short=holder.name)
    return Speaker("anonymous", mention, role=role, description=core, short=role)


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
    # "Obama" and "Barack Obama" are one holder, not a tie: a name whose words all lie in exactly
    # one longer titled name ending the same way is folded into it (two longer ones, "Bill" and
    # "Hillary Clinton", leave "Clinton" on its own and the tie stands).
    for name in list(scored):
        longer = [o for o in scored if o != name and o.split()[-1] == name.split()[-1]
                  and set(name.split()) < set(o.split())]
        if len(longer) == 1:
            score, mention = scored.pop(name)
            if score > scored[longer[0]][0]:
                scored[longer[0]] = (score, scored[longer[0]][1])
    best = max(s for s, _ in scored.values())
    top = [m for s, m in scored.values() if s == best]
    return top[0] if len(top) == 1 else None


def name_titled_mentions(mentions: list[Mention]) -> list[Mention]:
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


def _as_span(mention: Mention) -> Span:
    return Span(mention.start, mention.end, mention.text)
