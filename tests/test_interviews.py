"""Q&A interviews: answers belong to the interviewee of the intro (hand-made texts; PERSON
entities set by hand on blank docs, as the model's NER would give them)."""
import re

import spacy
from spacy.tokens import Doc, Span as SpacySpan

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.interviews import read_interview

_nlp = spacy.blank("en")


def _blocks(text, people=()):
    blocks = []
    for a, b in paragraph_spans(text):
        doc = _nlp(text[a:b])
        ents = []
        for name in people:
            for m in re.finditer(re.escape(name), doc.text):
                span = doc.char_span(m.start(), m.end(), label="PERSON")
                if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
                    ents.append(span)
        doc.ents = sorted(ents, key=lambda e: e.start)
        blocks.append((a, doc))
    return blocks


def _read(text, people=()):
    interview = read_interview(text, _blocks(text, people))
    return [(a.source.text if a.source else None, a.content.text) for a in interview.answers], interview


LABELLED = (
    "Researcher Courtney Peterson joins the School\n\n"
    "In 2018, Courtney Peterson published a landmark paper, according to Martin Smith. "
    "Peterson recently spoke about her research.\n\n"
    "Q: What are the benefits of fasting?\n\n"
    "A: We’ve found that fasting does help people lose weight.\n\n"
    "It doesn’t help you burn more calories, but it helps you eat less.\n\n"
    "Q: Some people struggle with it. What would you recommend?\n\n"
    "A: I suggest eating breakfast like a king.\n\n"
    "Quick hits\n\n"
    "I grew up in Arlington, Virginia.\n\n"
    "Something people might not know about me is that I played soccer.\n\n"
    "Peterson lives in Boston with her family.")


def test_answers_are_the_interviewees_and_questions_are_nobodys():
    answers, interview = _read(LABELLED, people=["Courtney Peterson", "Peterson", "Martin Smith"])
    assert answers == [
        ("Courtney Peterson", "We’ve found that fasting does help people lose weight. "
                              "It doesn’t help you burn more calories, but it helps you eat less."),
        ("Courtney Peterson", "I suggest eating breakfast like a king."),
        # After a heading, each first-person paragraph is an answer of its own; the third-person
        # paragraph after them is the article's own voice.
        ("Courtney Peterson", "I grew up in Arlington, Virginia."),
        ("Courtney Peterson", "Something people might not know about me is that I played soccer."),
    ]
    questions = [LABELLED[a:b] for a, b in interview.questions]
    assert questions == ["Q: What are the benefits of fasting?",
                         "Q: Some people struggle with it. What would you recommend?"]
    # The first-person answer's source is the intro's mention of the interviewee.
    source = interview.answers[0].source
    assert LABELLED[source.start : source.end] == "Courtney Peterson" and source.start < LABELLED.index("Q:")


def test_no_interviewee_rather_than_a_wrong_one():
    # Two people named once each: no one stands out.
    text = LABELLED.replace("Peterson recently spoke", "She recently spoke").replace(
        "Researcher Courtney Peterson joins", "A researcher joins")
    answers, _ = _read(text, people=["Courtney Peterson", "Martin Smith"])
    assert answers and all(source is None for source, _t in answers)
    # The person the answers talk about is not the one answering.
    text = LABELLED.replace("eating breakfast like a king", "what Martin Smith says")
    answers, _ = _read(text, people=["Courtney Peterson", "Peterson", "Martin Smith"])
    assert {source for source, _t in answers} == {"Courtney Peterson"}
    answers, _ = _read(LABELLED.replace("eat less", "eat less, as Peterson says"),
                       people=["Courtney Peterson", "Peterson", "Martin Smith"])
    assert {source for source, _t in answers} == {None}


def test_question_paragraphs_without_labels_after_an_intro_that_speaks_of_an_interview():
    text = ("Five questions for a gardener\n\n"
            "We talked with Uli Lorimer about winter gardens.\n\n"
            "What do you do in December?\n\n"
            "I look back on the growing season and plan the next.\n\n"
            "Which plant do you love most?\n\n"
            "My favourite is the wild bergamot.\n\n"
            "What should readers do this year?\n\n"
            "I would leave the leaves where they fall.")
    answers, interview = _read(text, people=["Uli Lorimer"])
    assert [t for _s, t in answers] == ["I look back on the growing season and plan the next.",
                                        "My favourite is the wild bergamot.",
                                        "I would leave the leaves where they fall."]
    assert {s for s, _t in answers} == {"Uli Lorimer"}
    assert len(interview.questions) == 3


def test_an_faq_in_the_outlets_voice_is_no_interview():
    text = ("Coffee facts\n\n"
            "Q: Is coffee dehydrating?\n\nA: No, coffee counts toward hydration.\n\n"
            "Q: How much is too much?\n\nA: Experts suggest up to four cups a day.")
    assert _read(text)[0] == []
    # Question subheadings over the author's explanations, with no interview in the intro.
    text = ("What is a superbug?\n\nA superbug is a germ that resists drugs.\n\n"
            "How do they spread?\n\nThey spread in hospitals.\n\n"
            "Can I protect myself?\n\nWash your hands, I always say.")
    assert _read(text)[0] == []
    # Question subheadings after an intro that speaks of questions asked, over answers in the
    # outlet's "our", with no one presented as the one who answers.
    text = ("A common question asked by new actuaries is where to work. Dan Ray and Eve Moss told us.\n\n"
            "Which has the best training?\n\nOur candidates agreed that carriers train more.\n\n"
            "Which pays better?\n\nOur candidates felt pay was similar.\n\n"
            "How is the work different?\n\nIn our view the work varies; Ray says it depends.")
    assert _read(text, people=["Dan Ray", "Eve Moss", "Ray"])[0] == []


def test_a_surname_two_people_of_the_intro_share_is_neither_of_them():
    from reportedly.attribution.interviews import interviewee

    nlp = spacy.blank("en")
    words = ["Ann", "Lee", "met", "Bob", "Lee", ".", "Lee", "spoke", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    # Ann Lee and Bob Lee once each, and a "Lee" that could be either: no one stands out
    # (before, hash order gave "Lee" to one of them, and that one won).
    assert interviewee(doc.text, [(0, doc)], "I did") is None
