"""Transcript turns in any case of label (hand-made texts, no model: the reader reads only the text)."""
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.transcripts import read_turns

_nlp = spacy.blank("en")


def _turns(text, skip=()):
    blocks = [(a, _nlp(text[a:b])) for a, b in paragraph_spans(text)]
    return [(a.source.text, a.cue.text, a.content.text) for a in read_turns(text, blocks, skip)]


def test_mixed_case_labels_are_speakers_when_someone_speaks_twice():
    text = ("Economists debate the Fed\n\n"
            "Jon Hartley: Welcome to the podcast. My guest is Myron Scholes.\n\n"
            "Myron Scholes: Thanks for having me. The market is more uncertain than people believe.\n\n"
            "Hartley: Rates will fall, many say.\n\n"
            "Scholes: I would not be surprised if they cut twice.")
    assert _turns(text) == [
        ("Jon Hartley", ":", "Welcome to the podcast. My guest is Myron Scholes."),
        ("Myron Scholes", ":", "Thanks for having me. The market is more uncertain than people believe."),
        ("Hartley", ":", "Rates will fall, many say."),
        ("Scholes", ":", "I would not be surprised if they cut twice."),
    ]


def test_mixed_case_headings_are_no_transcript():
    # Two different headings once each, or one heading twice: no one speaks twice, or one only.
    assert _turns("Tech Enabled: CNET chronicles tech's role.\n\nTechnically Literate: Short fiction here.") == []
    assert _turns("Gallery: Xbox One X | 14 Photos\n\nText.\n\nGallery: Xbox One X screenshots | 9 Photos") == []


def test_plain_questions_and_backchannels_assert_nothing():
    text = ("MARTIN: What do you make of the Fed's latest move?\n\n"
            "SCHOLES: The Fed was right to wait.\n\n"
            "MARTIN: Yeah.\n\n"
            "SCHOLES: Do they know? I think they do.")
    assert [said for _s, _c, said in _turns(text)] == ["The Fed was right to wait.", "Do they know? I think they do."]


def test_newsroom_roles_read_their_own_script_and_a_label_alone_takes_the_next_paragraph():
    text = ("Plumbers train as substitute teachers.\n\n"
            "SACHA PFEIFFER, HOST:\n\n"
            "The Texas Legislature is holding a special session this week.\n\n"
            "SERGIO MARTINEZ-BELTRAN, BYLINE: It's a Saturday afternoon in Austin.\n\n"
            "UNIDENTIFIED PERSON #1: This side, you're going to yell boot.\n\n"
            "MARTINEZ-BELTRAN: Most people chanting here are educators.\n\n"
            "ROSIE CURTS: If vouchers pass, it would take money away from our schools.\n\n"
            "JANE DOE, GUEST:\n\n"
            "We need more, not less.")
    assert _turns(text) == [
        ("UNIDENTIFIED PERSON #1", ":", "This side, you're going to yell boot."),
        ("ROSIE CURTS", ":", "If vouchers pass, it would take money away from our schools."),
        ("JANE DOE", ":", "We need more, not less."),
    ]


def test_a_turn_runs_over_paragraphs_up_to_the_next_label_or_a_stage_direction():
    text = ('"PENCE: Well, look, you know, Mark Cuban has been out there.\n\n'
            '"But the truth is that Donald Trump has a unique way of communicating.\n\n'
            '"(CROSSTALK.)\n\n'
            '"WALLACE: Governor, I want to try to get in one more.\n\n'
            '"PENCE: And that is why he is on his way to the White House.\n\n'
            '"Follow Pam Key on Twitter @pamkeyNEN."')
    turns = _turns(text)
    assert turns[0] == ("PENCE", ":", "Well, look, you know, Mark Cuban has been out there. "
                        "But the truth is that Donald Trump has a unique way of communicating.")
    assert turns[1][2] == "Governor, I want to try to get in one more."
    # After the last label the article speaks again in its own voice.
    assert turns[2][2] == "And that is why he is on his way to the White House."


def test_a_label_inside_a_skipped_stretch_is_no_label():
    text = "NEW DELHI: The bank kept its rate.\n\nWALLACE: Hello there.\n\nPENCE: Good to be here."
    assert [s for s, _c, _t in _turns(text, skip=[(0, 11)])] == ["WALLACE", "PENCE"]
