"""Block quotations (paragraphs a page sets as quoted) and who the layout credits with them:
hand-made articles through the default pipeline (spaCy model, CRFs, speakers)."""
from __future__ import annotations

import pytest
import spacy

from reportedly.attribution.blockquotes import QUOTED, read_block_quotes
from reportedly.model import Article, Paragraph

pytestmark = pytest.mark.model


def _article(*paragraphs: str | tuple[str]) -> Article:
    """An article of ``paragraphs``; a paragraph given as a 1-tuple is a block quotation, as a
    2-tuple (text, number) one of the page's blockquotes (paragraphs of one share the number)."""
    text, spans, pos = "", [], 0
    for p in paragraphs:
        quoted = isinstance(p, tuple)
        line = p[0] if quoted else p
        number = p[1] if quoted and len(p) > 1 else None
        if text:
            text += "\n\n"
        spans.append(Paragraph(len(text), len(text) + len(line), quoted=quoted, quotation=number))
        text += line
    return Article("t", text, tuple(spans))


def _said(analyzer, *paragraphs):
    """(content, source words, speaker name) of the attributions whose content is quoted."""
    article = _article(*paragraphs)
    analysis = analyzer.analyze(article)
    quoted = [(p.start, p.end) for p in article.paragraphs if p.quoted]
    return [(att.content.text, att.source.text if att.source else None, prov.speaker.name)
            for att, prov in zip(analysis.attributions, analysis.provenance)
            if any(a <= att.content.start < b for a, b in quoted)]


def test_a_lead_in_credits_the_subject_of_its_last_clause(analyzer):
    said = _said(analyzer, "Dana Whitfield published her review of the app on Monday.",
                 "Of course, Tom Reyes gets petty about it, and Dana Whitfield finally pushes back:",
                 ("Glad to see you ignore every developer who is not you.",))
    assert said == [("Glad to see you ignore every developer who is not you.", "Dana Whitfield", "Dana Whitfield")]


def test_an_aside_in_parentheses_ends_no_lead_in(analyzer):
    said = _said(analyzer, "The thread went on for hours.",
                 "This one comment in her feed made me smile (warning, it wanders. Feeds are hard to read):",
                 ("I can see why you have some reservations about publishing it.",))
    assert [source for _c, source, _n in said] == ["This one comment in her feed"]


def test_impersonal_we_get_and_there_is_credit_what_follows(analyzer):
    said = _said(analyzer, "The debate went on.", "Then we get people who are just spouting nonsense:",
                 ("Why is that only relevant for him? His apps are not free.",))
    assert [source for _c, source, _n in said] == ["people who are just spouting nonsense"]


def test_a_lead_in_that_credits_no_one_leaves_the_quotation_alone(analyzer):
    # A callout, the author's own "I", a lead-in that denies, a shouted one: no one is quoted.
    for lead in ("The bottom line:", "I'll end with some open questions:",
                 "For example, she is not calculating his taxes correctly:", "BUT NO, HE KNOWS BETTER:"):
        assert _said(analyzer, "Samantha Bielefeld wrote a post about the app.", lead,
                     ("Fiber keeps you full for longer and helps you eat less.",)) == [], lead


def test_posts_under_one_person_are_a_possible_thread_and_name_no_one(analyzer):
    said = _said(analyzer, "The argument went on.", "One guy is confused:",
                 ("So you are saying he is too modest about his work?",),
                 ("Yes. He cannot be compared with most other developers.",))
    assert [source for _c, source, _n in said] == [None, None]
    said = _said(analyzer, "The argument went on.", "Her supporters also started chiming in:",
                 ("This is a great article about the business of apps.",),
                 ("Thank you for posting this, it covers a lot.",))
    assert [source for _c, source, _n in said] == ["Her supporters", "Her supporters"]


def test_a_post_with_its_handle_as_a_label_is_the_handles(analyzer):
    said = _said(analyzer, "The door was open now.", "And the cheap shots come out:",
                 ("@testflight_app: Don't worry, we process his apps in proportion to his earnings.",))
    assert said == [("Don't worry, we process his apps in proportion to his earnings.", "@testflight_app",
                     "@testflight_app")]


def test_a_pasted_reply_is_the_post_of_the_handle_before_its_dot_handle(analyzer):
    # Twitter's public reply opens with ".@" and the handles it answers; the handle before it,
    # pasted with the post, is its author's.
    said = _said(analyzer, "The thread went on.", "Of course, the idea is just silly:",
                 ("@kcole .@ana_d @s_bielefeld Wow, you are veering right into conspiracy theory territory.",))
    assert said == [("Wow, you are veering right into conspiracy theory territory.", "@kcole", "@kcole")]


def test_a_handle_is_the_person_it_spells_or_signs_else_the_account(analyzer):
    # The parser reads a handle as anything (a group, nothing); it names the account, and the
    # person it spells or a signature on the page gives it ("Jo Ng (@jng)") when there is one.
    said = _said(analyzer, "Samantha Bielefeld wrote a post about the pricing of apps. Her friend Tom Reyes (@tr_dev) agreed.",
                 "The replies came fast:",
                 ("@timkeller: Unfair to begrudge a person for leveraging past success.",),
                 ("@s_bielefeld: I plainly stated that I do not hold it against him.",),
                 ("@tr_dev: She is right about the money, and everyone knows it.",))
    assert [(source, name) for _c, source, name in said] == [
        ("@timkeller", "@timkeller"), ("@s_bielefeld", "Samantha Bielefeld"), ("@tr_dev", "Tom Reyes")]


def test_an_embedded_post_is_one_statement_of_its_signature(analyzer):
    said = _said(analyzer, "On Twitter, a developer explained how the feature works.",
                 ("The new feature maps your face with the camera and moves your eyes.",),
                 ("Notice how the line bends across both eyes.",),
                 ("— Dave Schukin (@schukin) July 3, 2019",))
    assert said == [("The new feature maps your face with the camera and moves your eyes. "
                     "Notice how the line bends across both eyes.", "Dave Schukin", "Dave Schukin")]


def test_a_name_line_under_a_quotation_signs_it(analyzer):
    said = _said(analyzer, "The study was published in Neuron.",
                 ('"Essentially, becoming aware of a decision follows the same process as the decision itself."',),
                 ("Michael Shadlen, Ph.D.",))
    assert [(source, name) for _c, source, name in said] == [("Michael Shadlen", "Michael Shadlen")]


def test_an_uncredited_quotation_continues_the_last_speaker_before_it(analyzer):
    said = _said(analyzer, "Mark Zuckerberg testified on Tuesday in Dallas.",
                 "When that fails, Zuckerberg said scare tactics are an effective way of persuading founders.",
                 ("That's less my thing, but I think showing people the pain of going alone is a valuable tactic.",),
                 "The trial continues.")
    # The find "I think …" inside his words is part of them.
    assert [(c[:20], name) for c, _s, name in said] == [("That's less my thing", "Mark Zuckerberg")]


def test_a_heading_in_a_box_continues_no_one():
    # Without a verb a boxed line is a heading ("The bottom line:"), checked on a blank pipeline.
    nlp = spacy.blank("en")
    text = "Studies suggest carbs are fine.\n\nThe bottom line:"
    blocks = [(0, nlp(text[:31])), (33, nlp(text[33:]))]
    blocks[1][1].user_data[QUOTED] = True
    assert read_block_quotes(text, blocks) == []


def test_an_elliptical_lead_in_credits_whom_the_last_one_did(analyzer):
    said = _said(analyzer, "A valid point, and one Dana Whitfield explicitly acknowledges, here:",
                 ("He has built his own life with a lot of effort.",), "and here:",
                 ("He has earned his time in the spotlight, and it is natural to use it.",))
    assert [name for _c, _s, name in said] == ["Dana Whitfield", "Dana Whitfield"]


def test_you_get_people_telling_her_credits_the_people(analyzer):
    said = _said(analyzer, "The post drew replies.", "But still, you get the people telling her something she already said:",
                 ("I don't think he is blind, he has worked hard to get where he is.",))
    assert [source for _c, source, _n in said] == ["the people"]


def test_a_bare_name_label_credits_every_post_under_it_and_one_guy_is_anonymous(analyzer):
    said = _said(analyzer, "Jason Snell replied at length.", "Jason:",
                 ("You should never use an ad rate card to estimate the revenue of a magazine.",),
                 ("I learned this when I started working for a magazine twenty years ago.",))
    assert [source for _c, source, _n in said] == ["Jason", "Jason"]
    article = _article("The argument went on.", "One guy tries to blame it all on Apple:",
                       ("The appropriate context is the App Store policies of Apple.",))
    analysis = analyzer.analyze(article)
    assert [p.speaker.type for a, p in zip(analysis.attributions, analysis.provenance)
            if a.content.text.startswith("The appropriate")] == ["anonymous"]


def test_comments_from_a_named_author_are_the_authors_each(analyzer):
    said = _said(analyzer, "The debate reached other writers.",
                 "Another bright spot are these comments from Ian Betteridge, who has been doing this longer:",
                 ("Any writer who has never made a single factual error has never written anything worth reading.",),
                 ("I learned my job with the support of people who helped me when I got it wrong.",))
    assert [(source, name) for _c, source, name in said] == [("Ian Betteridge", "Ian Betteridge")] * 2


def test_the_paragraphs_of_one_blockquote_credited_to_one_person_are_one_statement(analyzer):
    ad = "You should never use an ad rate card to estimate the revenue of a magazine."
    job = "I learned this when I started working for a magazine twenty years ago."
    said = _said(analyzer, "Jason Snell replied at length.", "Jason:", (ad, 0), (job, 0))
    assert said == [(ad + " " + job, "Jason", "Jason")]  # (the text of a content in pieces)
    # Two blockquotes are two posts; and under a plural lead-in or none, one blockquote may
    # hold a thread of several authors' posts: those stay apart.
    said = _said(analyzer, "Jason Snell replied at length.", "Jason:", (ad, 0), (job, 1))
    assert [c for c, _s, _n in said] == [ad, job]
    said = _said(analyzer, "The argument went on.", "Her supporters also started chiming in:",
                 ("This is a great article about the business of apps.", 0),
                 ("Thank you for posting this, it covers a lot.", 0))
    assert len(said) == 2


def test_a_box_after_the_authors_own_words_or_a_short_label_continues_no_one(analyzer):
    # "I think …" before a box is the author's voice; "Did you know?" is a label.
    assert _said(analyzer, "I think the hardest part of the project was the network.",
                 ("Later I will move the management board onto a network of its own.",)) == []
    assert _said(analyzer, "Studies suggest that most consumers want functional foods.", ("Did you know?",)) == []
    # "Me:" is the author's label, no one else's.
    assert _said(analyzer, "The session went like this.", "Me:",
                 ("The design is complex, so research the recommended pattern first.",)) == []
