"""Signed quotes and transcript turns (no model needed: the extractor reads only the text)."""
import spacy

from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.layout import LayoutExtractor

_nlp = spacy.blank("en")


def _found(text):
    blocks = [(a, _nlp(text[a:b])) for a, b in paragraph_spans(text)]
    return [(a.source.text, a.cue.text, a.content.text) for a in LayoutExtractor().extract(text, blocks)]


def test_vox_pops_one_per_line_with_no_break_spaces():
    text = ("“He represents our greatest shame.” ― Sonya Herridge\n"
            "“He is ignorant of our culture and lives.”―\xa0Pamela Padilla\xa0\n")
    assert _found(text) == [
        ("Sonya Herridge", "―", "“He represents our greatest shame.”"),
        ("Pamela Padilla", "―", "“He is ignorant of our culture and lives.”"),
    ]


def test_signature_alone_under_the_quote_with_a_place_after_the_name():
    text = '"It is something we hear about all the time."\n\n-Michelle Marks, Philadelphia.\n\nMore text.'
    assert _found(text) == [("Michelle Marks", "-", '"It is something we hear about all the time."')]


def test_sentence_ending_point_left_out_of_the_name_but_initials_kept():
    text = '"Boeing and GE pay zero taxes."\n\n- Sanders.\n\n"We will win this one" - John F.'
    assert [s for s, _c, _t in _found(text)] == ["Sanders", "John F."]


def test_embedded_post_signed_with_a_handle():
    text = "No one should be above the law. — Paul Ryan (@SpeakerRyan) July 5, 2016"
    assert _found(text) == [("Paul Ryan", "—", "No one should be above the law.")]


def test_prose_ending_in_a_dash_and_a_name_is_no_signature():
    assert _found("And the winner of the night was — Donald Trump.") == []
    assert _found("“We will win,” he said — Trump was confident.") == []
    assert _found("A well-Known fact was stated by the mayor.") == []


def test_transcript_turns_with_labels_of_one_or_more_words():
    text = ('Partial transcript as follows:\n\n"WALLACE: Let’s start with breaking news.\n\n'
            '"PENCE: Well, look, she was really mocking him.\n\nJAKE TAPPER: Take a listen.')
    assert _found(text) == [
        ("WALLACE", ":", "Let’s start with breaking news."),
        ("PENCE", ":", "Well, look, she was really mocking him."),
        ("JAKE TAPPER", ":", "Take a listen."),
    ]


def test_one_label_line_or_a_layout_label_is_no_transcript():
    assert _found("FIX IS IN: PBS Moderators Ignore Clinton Scandals.\n\nMore text here.") == []
    assert _found("VIDEO: Hillary and Obama speak.\n\nUPDATE: The story was changed.") == []


def test_a_post_signed_on_the_line_under_it_needs_no_quote_marks():
    text = ("On Twitter, he explained how the feature works.\n\n"
            "It simply uses ARKit to grab a depth map of your face, and adjusts the eyes.\n\n"
            "— Dave Schukin (@schukin) July 3, 2019")
    assert _found(text) == [("Dave Schukin", "—",
                             "It simply uses ARKit to grab a depth map of your face, and adjusts the eyes.")]
    # Without a handle, a name under prose signs nothing.
    assert _found("He explained how the feature works.\n\n- Dave Schukin") == []
