"""The layouts end to end, through the default pipeline (spaCy model, CRFs, speakers): who each
layout-marked statement ends up with (hand-made texts)."""
import pytest

from reportedly.ingest import read_article

pytestmark = pytest.mark.model


def _said(analyzer, text):
    analysis = analyzer.analyze(read_article(text, "t"))
    return [(att.content.text, prov.speaker.name) for att, prov in zip(analysis.attributions, analysis.provenance)]


def test_qa_answers_are_the_interviewees(analyzer):
    text = ("Researcher Courtney Peterson joins the School of Public Health\n\n"
            "In 2018, Courtney Peterson published a landmark paper on intermittent fasting. "
            "Peterson recently spoke about her research and her plans.\n\n"
            "Q: What are the health benefits of intermittent fasting?\n\n"
            "A: We have found that daily intermittent fasting helps people lose weight.\n\n"
            "Q: What would you recommend to beginners?\n\n"
            "A: I suggest eating breakfast like a king and dinner like a pauper.")
    said = dict(_said(analyzer, text))
    assert said["We have found that daily intermittent fasting helps people lose weight."] == "Courtney Peterson"
    assert said["I suggest eating breakfast like a king and dinner like a pauper."] == "Courtney Peterson"
    assert not any(content.startswith("Q:") or "recommend to beginners" in content for content in said)


def test_what_a_question_asserts_before_it_asks_is_a_statement_of_no_one_named(analyzer):
    text = ("Courtney Peterson studies intermittent fasting. We spoke with her in an interview.\n\n"
            "Q: What are the health benefits of intermittent fasting?\n\n"
            "A: We have found that daily intermittent fasting helps people lose weight.\n\n"
            "Q: Thanks for explaining. What are the risks?\n\n"
            "A: I think it makes some people feel thirstier than usual.\n\n"
            "Q: Some people may have difficulty making fasting work for them. What would you recommend?\n\n"
            "A: I suggest eating breakfast like a king and dinner like a pauper.")
    said = dict(_said(analyzer, text))
    assert said["Some people may have difficulty making fasting work for them."] is None
    # A plain question asserts nothing, nor does a thank-you (no subject).
    assert not any("What" in content or "Thanks" in content for content in said)


def test_a_follow_on_paragraph_keeps_the_speaker_and_a_dateline_is_nobody(analyzer):
    text = ("Schools stay open\n\n"
            "SIOUX FALLS, S.D. — “We will not close our schools this winter,” Gov. Kristi Noem said Tuesday.\n\n"
            "“Our children need to learn in classrooms, with their teachers and their friends.”\n\n"
            "The state has 150 school districts.")
    said = _said(analyzer, text)
    assert ("“Our children need to learn in classrooms, with their teachers and their friends.”",
            "Kristi Noem") in said
    assert all(name != "SIOUX FALLS" for _content, name in said)


def test_mixed_case_transcript_labels_are_whole_names(analyzer):
    text = ("Economists debate the Fed\n\n"
            "Jon Hartley: Welcome to the podcast. Today my guest is the economist Myron Scholes.\n\n"
            "Myron Scholes: Thanks for having me. The market is far more uncertain than people believe.\n\n"
            "Jon Hartley: Many expect two rate cuts next year.\n\n"
            "Myron Scholes: The Fed was right to wait, and inflation will keep falling.")
    said = dict(_said(analyzer, text))
    assert said["The Fed was right to wait, and inflation will keep falling."] == "Myron Scholes"
    assert said["Thanks for having me. The market is far more uncertain than people believe."] == "Myron Scholes"
