"""Quotes that go on (hand-made texts and attributions, as an extractor would give them)."""
from reportedly.attribution.blocks import paragraph_spans
from reportedly.attribution.continuations import continue_quotes
from reportedly.attribution.quotes import find_quotes
from reportedly.model import Attribution, Span


def _span(text, words, nth=1):
    at = -1
    for _ in range(nth):
        at = text.index(words, at + 1)
    return Span.of(text, at, at + len(words))


def _att(text, content, source=None, cue=None, kind="direct"):
    return Attribution("", kind, _span(text, content), _span(text, source) if source else None,
                       _span(text, cue) if cue else None)


def _run(text, *atts):
    paragraphs = paragraph_spans(text)
    found = continue_quotes(text, paragraphs, find_quotes(text, paragraphs), list(atts))
    return [([text[a:b] for a, b in att.content.pieces], att.source.text if att.source else None,
             att.cue.text if att.cue else None) for att in found]


def test_a_quote_is_not_cut_at_its_first_full_stop():
    text = "“We will win. We always do,” she said."
    assert _run(text, _att(text, "“We will win.", "she", "said")) == [
        (["“We will win. We always do,”"], "she", "said")]


def test_a_quote_over_paragraphs_is_one_statement_with_its_cue_at_the_end_or_the_start():
    text = "“The staff did all they could.\n\n“She was burning up,” her mother said."
    assert _run(text, _att(text, "“She was burning up,”", "her mother", "said"))[0][0] == [
        "“The staff did all they could.", "“She was burning up,”"]
    text = "Her mother said: “The staff did all they could.\n\n“She was burning up.”"
    assert _run(text, _att(text, "“The staff did all they could.", "Her mother", "said:"))[0][0] == [
        "“The staff did all they could.", "“She was burning up.”"]


def test_split_quotes_are_one_statement():
    text = "“We will win,” she said, “and then we rest.” Others disagreed."
    assert _run(text, _att(text, "“We will win,”", "she", "said"))[0][0] == [
        "“We will win,”", "“and then we rest.”"]
    text = "“We will win,” she said. “Then we rest.”"
    assert _run(text, _att(text, "“Then we rest.”", "she", "said"))[0][0] == ["“We will win,”", "“Then we rest.”"]
    # Other words between the halves, or another speaker's cue, keep them apart.
    text = "“We will win,” she said as the crowd chanted “four more years.”"
    assert _run(text, _att(text, "“We will win,”", "she", "said"))[0][0] == ["“We will win,”"]
    text = "“We will win,” she said. “No you won't,” he replied."
    found = _run(text, _att(text, "“We will win,”", "she", "said"), _att(text, "“No you won't,”", "he", "replied"))
    assert [f[0] for f in found] == [["“We will win,”"], ["“No you won't,”"]]


def test_the_authors_narration_after_a_reporting_clause_is_no_part_of_the_quote():
    # As a model gave it: the quote, then past "he said." on over the author's sentence.
    text = ("“It is one of the most important papers in physics,” he said. And yet he found nothing "
            "about her. “Of all the volumes written, nothing.”")
    quote, rest = _span(text, "“It is one of the most important papers in physics,”"), _span(text, "And yet")
    content = Span.from_fragments(text, [(quote.start, quote.end), (rest.start, len(text))])
    found = _run(text, Attribution("", "direct", content, _span(text, "he"), _span(text, "said")))
    assert found[0][0] == ["“It is one of the most important papers in physics,”", "“Of all the volumes written, nothing.”"]
    # Another reporting clause after the sentence claims the quotes after it.
    text = "“Who is she?” Ana recalls thinking. “It is a great paper,” he said."
    content = Span.from_fragments(text, [(0, 13), (text.index(" thinking") + 1, len(text) - 9)])
    found = _run(text, Attribution("", "direct", content, _span(text, "Ana"), _span(text, "recalls")),
                 _att(text, "“It is a great paper,”", "he", "said"))
    assert found[0][0] == ["“Who is she?”", "thinking."]


def test_a_content_goes_on_over_the_list_its_lead_in_introduces():
    text = ("In a long interview, the president also said:\n\n- The union must stay whole\n\n"
            "- He is confident the deal will pass\n\n- Peace needs a political solution\n\nHours later, it rained.")
    found = _run(text, _att(text, "- The union must stay whole", "the president", "said", "indirect"),
                 _att(text, "the deal will pass", "He", "is confident", "indirect"))
    assert found[0][0] == ["The union must stay whole", "He is confident the deal will pass",
                           "Peace needs a political solution"]
    assert found[1][0] == ["the deal will pass"]  # nested in the list's, and kept
    # Without a colon before it, a list is no content's.
    text = "The president spoke.\n\n- The union must stay whole\n\n- Peace needs a solution"
    assert _run(text, _att(text, "- The union must stay whole", "The president", "spoke", "indirect"))[0][0] == [
        "- The union must stay whole"]


def test_a_follow_on_paragraph_continues_the_speaker_of_the_quote_before():
    text = ("“The drug was in her system,” her mother, Fiona, said.\n\n"
            "“As Eloise deteriorated, the staff did all they could.\n\n"
            "“She was literally burning up.”\n\n"
            "“Nothing could be done,” the doctor said.")
    found = _run(text, _att(text, "“The drug was in her system,”", "her mother, Fiona", "said"),
                 _att(text, "“Nothing could be done,”", "the doctor", "said"))
    follow_on = found[2]
    assert follow_on == (["“As Eloise deteriorated, the staff did all they could.", "“She was literally burning up.”"],
                         "her mother, Fiona", None)
    # The source is the very span that names the speaker in the paragraph before.
    assert len(found) == 3


def test_no_follow_on_without_an_attributed_quote_right_before_or_for_a_phrase():
    # A quote paragraph after one that quotes no one continues no one: it is a statement of an
    # unknown speaker (see the next test) only when it is a whole quoted sentence.
    text = "The mayor spoke at noon.\n\n“We will rebuild the bridge this year” was the slogan."
    assert _run(text) == []
    text = "“We will win,” she said.\n\n“Fake news” has become a rallying cry for the campaign."
    assert len(_run(text, _att(text, "“We will win,”", "she", "said"))) == 1


def test_a_whole_quote_paragraph_after_prose_that_quotes_no_one_is_a_statement_of_no_one_named():
    text = ("But for Tane and his family the deaths of the whales are personal.\n\n"
            "“It is very emotional. Our ancestors tell us the strandings are a sign.”")
    assert _run(text) == [(["“It is very emotional. Our ancestors tell us the strandings are a sign.”"], None, None)]


def test_a_photo_caption_between_a_quote_and_its_follow_on_does_not_break_the_chain():
    text = ("“The river is dying,” says Tane, an elder of the tribe.\n\n"
            "- Tane at the river mouth, the place where he fished as a boy\n\n"
            "“We used to catch eels here every night. Now there are none.”")
    found = _run(text, _att(text, "“The river is dying,”", "Tane, an elder of the tribe", "says"))
    assert found[-1] == (["“We used to catch eels here every night. Now there are none.”"],
                         "Tane, an elder of the tribe", None)
    # A heading (short, or in title case) starts a new section: the chain stops there; and a
    # caption after a paragraph whose last quote no one is credited with credits no one.
    for between in ("- The River Mouth", "- Why The Eels Are Gone From The River Mouth Today"):
        text = ("“The river is dying,” says Tane.\n\n" + between + "\n\n"
                "“We used to catch eels here every night. Now there are none.”")
        # (the whole quote paragraph is then a statement of no one named)
        assert _run(text, _att(text, "“The river is dying,”", "Tane", "says"))[-1][1:] == (None, None)
    text = ("The council called the plan “a mistake” on Monday.\n\n"
            "- Tane at the river mouth, the place where he fished as a boy\n\n"
            "“We used to catch eels here every night. Now there are none.”")
    assert [f[1] for f in _run(text)] == [None]


def test_a_pull_quote_is_one_statement():
    body = "“We are not going to close the schools this winter,” the governor said."
    # The repeated quote is no follow-on of the quote before it …
    text = "“We will win,” she said.\n\n“We are not going to close the schools this winter.”\n\n" + body
    found = _run(text, _att(text, "“We will win,”", "she", "said"),
                 _att(text, "“We are not going to close the schools this winter,”", "the governor", "said"))
    assert [f[1] for f in found] == ["she", "the governor"]
    # … and its copy without a cue of its own goes where another attribution holds the quote.
    text = "“We are not going to close the schools this winter.” ― Kristi Noem\n\n" + body
    found = _run(text, _att(text, "“We are not going to close the schools this winter.”", "Kristi Noem", "―"),
                 _att(text, "“We are not going to close the schools this winter,”", "the governor", "said"))
    assert [f[2] for f in found] == ["said"]


def test_a_whole_quote_paragraph_continues_the_last_speaker_reported_before_it():
    text = ("However, he defended his decision to engage with those governments.\n\n"
            "“Well, they are not ideal institutions. But engagement works.”")
    found = _run(text, _att(text, "his decision to engage with those governments", "he", "defended", "indirect"))
    assert found[-1] == (["“Well, they are not ideal institutions. But engagement works.”"], "he", None)


def test_a_heading_in_quote_marks_or_a_quote_with_prose_after_it_continues_no_one():
    for second in ("‘We need to listen’", "“We need to listen.” The tribe met on Monday."):
        text = "However, he defended his decision to engage.\n\n" + second
        assert len(_run(text, _att(text, "his decision to engage", "he", "defended", "indirect"))) == 1, second


def test_a_content_goes_on_past_a_parenthetical_source_and_cue():
    text = "It also pays to be wary of rivals, Zuckerberg said, and be willing to move fast. Others disagree."
    found = _run(text, _att(text, "It also pays to be wary of rivals", "Zuckerberg", "said", "indirect"))
    assert found == [(["It also pays to be wary of rivals", "and be willing to move fast."], "Zuckerberg", "said")]
    # A reporting clause that goes on with its own words ("adding that …") is no parenthesis.
    text = "It pays to be wary, Zuckerberg said, adding that speed matters."
    assert _run(text, _att(text, "It pays to be wary", "Zuckerberg", "said", "indirect"))[0][0] == ["It pays to be wary"]


def test_a_reported_clause_goes_on_past_a_colon_to_its_sentences_end():
    text = ("Now research shows the opposite is true: feeding babies peanut snacks early prevents the allergy. "
            "Parents were relieved.")
    found = _run(text, _att(text, "the opposite is true", "research", "shows", "indirect"))
    assert found[0][0] == ["the opposite is true: feeding babies peanut snacks early prevents the allergy."]
    # Another statement reaching into the rest of the sentence from outside it keeps the
    # content where it was (one wholly inside it is nested in what the colon spells out).
    text = "Research shows the opposite is true: doctors say peanuts help. They always did."
    found = _run(text, _att(text, "the opposite is true", "Research", "shows", "indirect"),
                 _att(text, "peanuts help. They always did.", "doctors", "say", "indirect"))
    assert found[0][0] == ["the opposite is true"]
    found = _run(text, _att(text, "the opposite is true", "Research", "shows", "indirect"),
                 _att(text, "peanuts help", "doctors", "say", "indirect"))
    assert found[0][0] == ["the opposite is true: doctors say peanuts help."]
