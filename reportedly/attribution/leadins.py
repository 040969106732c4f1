"""Lead-ins: a sentence that ends with a colon before a quotation credits its subject.

"Of course, Marco jumps in, and predictably, he's snippy:" over a quoted post, "Another
respondent highlighted AI's opportunities: “AI is growing fast …”": the colon introduces the
quote, and the subject of the clause before it is who is quoted, when it is someone who can
speak (a name, he/she/they, a noun for people, groups, titles, documents or posters). Block
quotations (``blockquotes``) and quotes inside a paragraph (``colon_quotes`` here) read it the
same way.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..intervals import Intervals
from ..model import Attribution, Span
from ..provenance import lexicon
from . import Block
from .blocks import BlockIndex, back_over
from .quotes import Quote

_SPEAKING_PRONOUNS = frozenset("he she they".split())
_NOT_SPEAKERS = frozenset("i we you me us it this that these those which what who here there".split())
# Nouns for someone who posts or comments, besides the lexicon's people, groups and titles.
_POSTERS = frozenset("guy commenter follower poster comment reply response".split())
# Nouns for someone's words, whose author "from"/"by" names ("comments from Ian Betteridge").
_WORDS_NOUNS = frozenset("comment reply response remark word quote tweet post".split())
# A quote after a colon is a statement when it is a sentence of a few words (a title or a
# phrase in quote marks after a colon is not: "a title: “Being and Neonness”").
_MIN_QUOTE_WORDS = 4
_SENTENCE_END = ".?!…"
_CLOSING = "”\"’'»"


def colon_quotes(text: str, blocks: Sequence[Block], quotes: Sequence[Quote],
                 found: Sequence[Attribution]) -> list[Attribution]:
    """Quotes that a colon in their paragraph introduces, attributed to the subject of the
    clause before the colon, where no attribution in ``found`` holds them already.

    "De Miranda evokes neon in his introduction: “When we hear the word neon, …”": the verb
    is no speech verb, but the colon hands the sentence over to the quote, and the subject is
    the one quoted.
    """
    index = BlockIndex.of(blocks)
    contents = Intervals.of_pieces(piece for att in found for piece in att.content.pieces)
    made = []
    for quote in quotes:
        start = quote.start
        colon = back_over(text, start, " \t") - 1  # the last mark before the quote
        if text[colon : colon + 1] != ":" or any(contents.overlaps(a, b) for a, b in quote.pieces):
            continue
        inner = text[quote.pieces[0][0] + 1:quote.end].rstrip().rstrip(_CLOSING).rstrip()
        if len(inner.split()) < _MIN_QUOTE_WORDS or inner[-1:] not in _SENTENCE_END:
            continue
        held = index.words_before(colon)
        if held is None:
            continue
        offset, words = held
        subject = credited_subject(words)
        if subject is None:
            continue
        made.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)),
                                Span.of(text, offset + subject[0], offset + subject[1]),
                                Span.of(text, colon, colon + 1), origin="rules"))
    return made


def shouted(text: str) -> bool:
    """Whether ``text`` is written in capitals: the parser reads its words as names ("HE KNOWS
    HER POINT:" has no pronoun to resolve), so nothing is read from it."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)



def credited_subject(lead: Doc | SpacySpan) -> tuple[int, int, bool] | None:
    """Character range (in ``lead``'s doc) of the subject of its last sentence when it can
    speak, and whether it credits every paragraph of a run of quotations (a plural subject, a
    bare name label: see ``blockquotes``); ``lead`` is a lead-in's paragraph, or its words up
    to the colon.

    The subject is that of the last clause before the colon ("Marco gets petty, and Samantha
    pushes back:" credits Samantha), an aside in parentheses at the end left out. A lead-in
    that is only a name ("Jason:") is its own subject; "there's X", "we get X", "you get X"
    (impersonal: there is X) and "the best part is X" credit X.
    """
    doc = lead.doc if isinstance(lead, SpacySpan) else lead
    last = lead[-1].i if len(lead) else -1
    while last >= 0 and doc[last].is_punct and ")" not in doc[last].text:  # "):" is one token
        last -= 1
    if last >= 0 and ")" in doc[last].text:
        opening = next((t.i for t in reversed(doc[:last]) if "(" in t.text), None)
        if opening is None or opening == 0:
            return None
        last = opening - 1
    if last < 0:
        return None
    sentence = doc[last].sent
    if shouted(sentence.text):
        return None
    words = [t for t in sentence if not t.is_punct and t.i <= last]
    if words and all(t.pos_ == "PROPN" for t in words) and len(words) <= 5 and can_speak(words[0]):
        # A bare label ("Jason:") is a turn's, which runs over paragraphs.
        return words[0].idx, words[-1].idx + len(words[-1]), True
    # The clauses of the sentence up to the aside: the heads of what stands before it (the
    # root, or where the parser hung the aside's words on the root, the clauses under it),
    # and the clauses joined to them.
    tops = [t for t in sentence if t.i <= last and (t.head.i == t.i or t.head.i > last)]
    tops = [t for t in tops if not any(a in tops for a in t.ancestors)]
    clauses = tops + [t for top in tops for t in top.subtree if t.dep_ == "conj" and t.i <= last
                      and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX")]
    for clause in sorted(clauses, key=lambda t: t.i, reverse=True):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects:
            if any(c.dep_ == "neg" for c in clause.children):
                # "For example, she's not calculating his taxes correctly:" quotes her
                # critics: a lead-in that denies something of its subject does not quote it.
                return None
            return _speaking(clause, subjects[-1])
    return None


def _speaking(clause: Token, subject: Token) -> tuple[int, int, bool] | None:
    """The mention the clause credits, from its subject (the one nearest the verb: "My good
    friend, The Angry Drunk points out" is read with two subjects)."""
    lower = subject.lower_
    credited = subject
    if subject.dep_ == "expl" or lower in ("there", "here"):
        credited = next((c for c in clause.children if c.dep_ == "attr"), None)
    elif lower in ("we", "you") and clause.lemma_ in ("get", "have", "see"):
        # "you get people telling her …" is read with "people" the subject of "telling".
        credited = next((c for c in clause.children if c.dep_ == "dobj"), None) or next(
            (g for c in clause.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"), None)
    elif clause.lemma_ == "be" and not can_speak(subject):
        credited = next((c for c in clause.children if c.dep_ == "attr"), None)
    if credited is None or not can_speak(credited):
        return None
    # "They chimed in:", "these comments from Ian:" announce several posts, each theirs.
    plural = credited.tag_ in ("NNS", "NNPS") or credited.lower_ == "they"
    author = _author_of_words(credited)
    if author is not None:
        # The name alone ("Ian Betteridge", not the relative clause after it).
        edge = [t for t in author.lefts if t.dep_ == "compound"] + [author]
    else:
        edge = [t for t in credited.subtree if not t.is_punct or t.i not in (credited.left_edge.i, credited.right_edge.i)]
    return edge[0].idx, edge[-1].idx + len(edge[-1]), plural


def _author_of_words(head: Token) -> Token | None:
    """The named author of "these comments from Ian Betteridge", "a reply by Jason Snell": the
    quoted words are the author's, and the name is the source ("comments" names no one)."""
    if head.lemma_.lower() not in _WORDS_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if name is not None and (name.pos_ == "PROPN" or name.ent_type_ == "PERSON"):
                return name
    return None


def can_speak(token: Token) -> bool:
    """Whether ``token`` heads a mention of someone who could be quoted."""
    lower = token.lower_
    if lower in _NOT_SPEAKERS:
        return False
    if token.pos_ == "PRON":
        return lower in _SPEAKING_PRONOUNS or lower in lexicon.ANONYMOUS_NOUNS  # "someone"
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    lemma = token.lemma_.lower()
    return lemma in _POSTERS or any(lemma in words or lower in words for words in (
        lexicon.PEOPLE_NOUNS, lexicon.ANONYMOUS_NOUNS, lexicon.GROUP_NOUNS, lexicon.TITLE_WORDS,
        lexicon.DOCUMENT_NOUNS))
