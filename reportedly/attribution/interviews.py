"""Q&A interviews: the answers are the interviewee's, the plain questions nobody's statement.

Two layouts: labelled ("Q: What are the benefits?" / "A: We've found …") and questions set as
their own paragraphs (bold on the page, plain in the text) over answer paragraphs. An answer runs
from its question to the next question or heading; the last answer ends with the first paragraph
not in the first person, since the article may go on in its own voice (a bio, a note). After a
heading ("Quick hits"), each first-person paragraph is an answer of its own: the short-answer
lists interviews end with. What a question asserts before it asks ("Some people find it hard.
What would you recommend?") is a statement too, the unnamed interviewer's (the guideline's
ruling on questions that assert something).

An article is read as an interview only when it looks like one: two labelled questions and two
labelled answers, or three question paragraphs each followed by an answer and an intro that
speaks of an interview and presents the interviewee; and in both cases at least half of the
answers in the first person (an FAQ answers in the outlet's voice).

The answers' source is a mention of the interviewee in the intro (the paragraphs before the
first question): the person named there more often than anyone else, unless the answers name
that person too (the people an interviewee talks about are not the interviewee, and the intro was
then about someone else). When no one stands out the source stays empty: an answer of an unknown
speaker is better than one given to the wrong person. The intro's people are read from the
parse's named entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..model import Attribution, Span
from . import Block
from .blocks import block_ranges

_QUESTION_LABEL = re.compile(r"(?:Q|Question)[ \t]*[:.][ \t]+(?=\S)")
_ANSWER_LABEL = re.compile(r"(?:A|Answer)[ \t]*[:.][ \t]+(?=\S)")
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|we|we['’](?:re|ve|d|ll)|us|our|ours)\b", re.I)
_INTERVIEW_WORDS = re.compile(
    r"\b(?:interview\w*|spoke|speaks|talked|talks|chatted|conversation|asked|answered|Q&A|questions|sat down)\b", re.I)
_MIN_LABELLED = 2
_MIN_QUESTIONS = 3
_MAX_QUESTION_WORDS = 60
_MAX_HEADING_WORDS = 8
# What a question asserts before it asks is a sentence of a few words at least.
_MIN_ASSERTED_WORDS = 5


@dataclass(frozen=True)
class Interview:
    """What an interview's layout says: its answers, and the stretches that are plain questions."""

    answers: tuple[Attribution, ...] = ()
    questions: tuple[tuple[int, int], ...] = ()


def read_interview(text: str, blocks: Sequence[Block]) -> Interview:
    """The answers and questions of the article if it is a Q&A interview, else an empty Interview."""
    paragraphs = block_ranges(blocks)
    kinds = _labelled(text, paragraphs)
    labelled = kinds is not None
    kinds = kinds or _unlabelled(text, paragraphs)
    if kinds is None:
        return Interview()
    first_question = kinds.index("q")
    answers = _answers(text, paragraphs, kinds)
    if not answers or 2 * sum(_in_first_person(text, pieces) for pieces in answers) < len(answers):
        return Interview()
    answer_text = " ".join(text[a:b] for pieces in answers for a, b in pieces)
    source = interviewee(text, blocks[:first_question], answer_text)
    if source is None and not labelled:
        # Question paragraphs over prose are as often an explainer's subheadings ("Which has the
        # better training?" over "Our candidates agreed …"): without Q/A labels, only an intro
        # that presents the one person who answers makes it an interview.
        return Interview()
    found = tuple(Attribution("", "direct", Span.from_fragments(text, pieces), source, None, origin="layout")
                  for pieces in answers)
    questions = tuple(paragraphs[i] for i, kind in enumerate(kinds) if kind == "q")
    asserted = tuple(att for i, kind in enumerate(kinds) if kind == "q"
                     for att in [_asserted(text, blocks[i])] if att is not None)
    return Interview(tuple(sorted(found + asserted, key=lambda att: att.content.start)), questions)


def _asserted(text: str, block: Block) -> Attribution | None:
    """What a question asserts before it asks: "Q: Some people may have difficulty making it
    work. What would you recommend?" The guideline counts a question that asserts something
    as a statement (the interviewer's, whom the layout does not name: no source); the
    sentences before the question, each a statement with a subject ("Thanks for joining us"
    has none), are what it asserts.
    """
    offset, doc = block
    if not doc.has_annotation("DEP"):
        return None  # (sentences and subjects are read from the parse)
    sentences = list(doc.sents)
    if len(sentences) < 2 or not sentences[-1].text.rstrip("”’\"') ").endswith("?"):
        return None
    before = []
    for sent in sentences[:-1]:
        if not sent.text.rstrip().endswith(".") or not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in sent.root.children):
            return None
        before.append(sent)
    start = offset + before[0].start_char
    label = _QUESTION_LABEL.match(text, start)
    start = label.end() if label else start
    end = offset + before[-1].end_char
    if len(text[start:end].split()) < _MIN_ASSERTED_WORDS:
        return None
    return Attribution("", "direct", Span.of(text, start, end), None, None, origin="layout")


def _labelled(text: str, paragraphs: list[tuple[int, int]]) -> list[str] | None:
    """Each paragraph's part ("q", "a", "heading" or "text") in a labelled Q&A, or None."""
    kinds = []
    for start, end in paragraphs:
        if _QUESTION_LABEL.match(text, start, end):
            kinds.append("q")
        elif _ANSWER_LABEL.match(text, start, end):
            kinds.append("a")
        else:
            kinds.append("heading" if _is_heading(text[start:end]) else "text")
    if kinds.count("q") < _MIN_LABELLED or kinds.count("a") < _MIN_LABELLED:
        return None
    return kinds


def _unlabelled(text: str, paragraphs: list[tuple[int, int]]) -> list[str] | None:
    """The parts of a Q&A whose questions are paragraphs of their own, or None."""
    kinds = []
    for start, end in paragraphs:
        paragraph = text[start:end]
        if _is_question(paragraph):
            kinds.append("q")
        else:
            kinds.append("heading" if _is_heading(paragraph) else "text")
    answered = sum(1 for k, kind in enumerate(kinds[:-1]) if kind == "q" and kinds[k + 1] == "text")
    if answered < _MIN_QUESTIONS:
        return None
    intro = " ".join(text[a:b] for a, b in paragraphs[: kinds.index("q")])
    if not _INTERVIEW_WORDS.search(intro):
        return None
    # An answer paragraph follows its question; "text" right after one is an answer.
    return ["a" if kind == "text" and k and kinds[k - 1] == "q" else kind for k, kind in enumerate(kinds)]


def _is_question(paragraph: str) -> bool:
    line = paragraph.strip()
    return ("\n" not in line and line.rstrip("”’\"') ]").endswith("?") and line[:1] not in "“\"‘'"
            and len(line.split()) <= _MAX_QUESTION_WORDS)


def _is_heading(paragraph: str) -> bool:
    line = paragraph.strip()
    return "\n" not in line and len(line.split()) <= _MAX_HEADING_WORDS and line[-1:] not in ".?!:;,\"”’)…"


def _answers(text: str, paragraphs: list[tuple[int, int]], kinds: list[str]) -> list[list[tuple[int, int]]]:
    """The pieces of each answer: from an answer paragraph to the next question or heading."""
    answers: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] | None = None
    after_heading = False
    last_question = max(i for i, kind in enumerate(kinds) if kind == "q")
    for i in range(kinds.index("q"), len(paragraphs)):
        start, end = paragraphs[i]
        kind = kinds[i]
        if kind in ("q", "heading"):
            current = None
            after_heading = kind == "heading"
            continue
        if kind == "a":
            match = _ANSWER_LABEL.match(text, start, end)
            current = [(match.end() if match else start, end)]
            answers.append(current)
            after_heading = False
            continue
        first_person = bool(_FIRST_PERSON.search(text, start, end))
        if after_heading:
            if not first_person:
                break
            answers.append([(start, end)])
        elif current is not None:
            if i > last_question and not first_person:
                current = None  # the last answer is over; the article goes on in its own voice
                continue
            current.append((start, end))
    return answers


def _in_first_person(text: str, pieces: list[tuple[int, int]]) -> bool:
    return any(_FIRST_PERSON.search(text, a, b) for a, b in pieces)


def interviewee(text: str, intro: Sequence[Block], answers: str) -> Span | None:
    """A mention of the person the intro presents, or None when no one stands out.

    People are the intro's PERSON entities; a one-word mention counts for the full name that ends
    with it ("Peterson" for "Courtney Peterson").
    """
    mentions = [(offset + ent.start_char, offset + ent.end_char, ent.text)
                for offset, doc in intro for ent in doc.ents if ent.label_ == "PERSON"]
    if not mentions:
        return None
    names = sorted({_name(m[2]) for m in mentions}, key=lambda n: (-len(n), n))
    # The name that ends with each run of words: looked up, not searched for per mention (an
    # intro of thousands of names made that quadratic). It stands for the longest such name when
    # the others are forms of it ("Lee", "Ann Lee" of "Grace Ann Lee"); a run two different
    # people's names end with ("Lee" of "Ann Lee" and "Bob Lee") stands for neither: it counts
    # as itself (and no hash order decides between them).
    ending: dict[tuple[str, ...], list[str]] = {}
    for full in names:  # longest first
        words = full.split()
        for k in range(1, len(words) + 1):
            ending.setdefault(tuple(words[-k:]), []).append(full)

    def person(name: str) -> str:
        fulls = ending.get(tuple(name.split()), [name])
        longest = fulls[0].split()
        if all(longest[-len(f.split()):] == f.split() for f in fulls):
            return fulls[0]
        return name

    counts: dict[str, int] = {}
    for _a, _b, mention in mentions:
        counts[person(_name(mention))] = counts.get(person(_name(mention)), 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    best = max(counts, key=counts.get)
    said = {w.lower() for w in re.findall(r"[\w'’\-]+", answers)}
    if said & {w.lower() for w in best.split() if len(w) > 2}:
        return None  # the answers talk about this person: the intro is about someone else than who answers
    # The fullest form of the name, where the intro first gives it.
    start, end, _t = min((m for m in mentions if person(_name(m[2])) == best),
                         key=lambda m: (-len(_name(m[2]).split()), m[0]))
    return Span.of(text, start, end)


def _name(mention: str) -> str:
    return " ".join(re.sub(r"['’]s$", "", mention).split())
