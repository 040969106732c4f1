"""The site's disclaimers closing the body are furniture, known by their form and place."""
import pytest

from reportedly.ingest.html import read_html
from reportedly.ingest.html.steps.disclaimers import closing_disclaimers

ARTICLE = ["The council approved the harbour plan on Monday after a long debate about ferries.",
           "The mayor said the first ferries would run in the spring, weather permitting.",
           "Officials said the cost would be shared between the city and the port authority."]


@pytest.mark.parametrize("note", [
    "The views expressed in this article are those of the author and do not necessarily reflect "
    "the position of the Harbour Times.",
    "Opinions expressed by contributors are their own.",
    "This article is for informational purposes only and does not constitute financial advice.",
    "The information on this site is not intended as a substitute for professional medical advice.",
    "Disclaimer: the author holds shares in the ferry company.",
    "This article was produced by the Harbour Times in partnership with the Ferry Trust.",
])
def test_a_disclaimer_closing_the_body_is_dropped(note):
    assert closing_disclaimers(ARTICLE + [note]) == [3]


def test_a_run_of_disclaimers_is_dropped_and_nothing_before_it():
    notes = ["Opinions expressed by contributors are their own.",
             "This content is for educational purposes only."]
    assert closing_disclaimers(ARTICLE + notes) == [3, 4]


@pytest.mark.parametrize("note", [
    "Editor's note: This story has been updated to include the mayor's comments.",
    "Correction: An earlier version of this article misstated the date of the vote.",
    "The views of residents expressed at the meeting were mixed, the mayor said.",
])
def test_notes_about_the_article_are_its_text(note):
    assert closing_disclaimers(ARTICLE + [note]) == []


def test_a_disclaimer_inside_the_article_is_its_text():
    note = "Disclaimer: the author holds shares in the ferry company."
    assert closing_disclaimers([ARTICLE[0], note] + ARTICLE[1:]) == []


def test_a_long_paragraph_that_opens_like_one_is_prose():
    essay = "Disclaimer: " + " ".join(["the ferry company has long argued that its fares are fair"] * 10)
    assert closing_disclaimers(ARTICLE + [essay]) == []


def test_the_step_names_itself_in_the_omissions():
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    note = "<p>The views expressed in this article are the author's own.</p>"
    page = (f"<html><head><title>Harbour plan approved</title></head><body><article>"
            f"<h1>Harbour plan approved</h1>{body}{note}</article></body></html>")
    art = read_html(page, "d")
    assert "views expressed" not in art.text
    assert [(o.step, o.reason) for o in art.boilerplate if "views" in o.text] == [
        ("disclaimers", "a disclaimer of the site closing the body")]

