from reportedly.attribution.quotes import find_quotes


def quotes(text, paragraphs=None):
    paragraphs = paragraphs or [(0, len(text))]
    return [[text[a:b] for a, b in q.pieces] for q in find_quotes(text, paragraphs)]


def test_straight_and_curly_and_guillemets():
    assert quotes('He said "yes" and “no” and «peut-être».') == [['"yes"'], ["“no”"], ["«peut-être»"]]


def test_single_quotes_and_apostrophes():
    assert quotes("Russia's plan to deploy 'nuclear weapons' worried the officers' families.") == [["'nuclear weapons'"]]


def test_unbalanced_mark_does_not_swallow_text():
    text = 'He said "this never closes. Later she said "short" and left.'
    assert quotes(text) == [['"short"']]


def test_nested_unclosed_inner_quote():
    text = "they said the \"war was 'totally unprovoked\", officials added."
    assert quotes(text) == [["\"war was 'totally unprovoked\""]]


def test_quote_over_paragraphs_reopened():
    text = "“First paragraph of the quote.\n\n“And the second,” she said."
    paras = [(0, 30), (32, len(text))]
    assert quotes(text, paras) == [["“First paragraph of the quote.", "“And the second,”"]]


def test_unclosed_at_paragraph_end_without_reopening_is_dropped():
    text = "“Never closed here.\n\nPlain text follows, \"and a quote\"."
    paras = [(0, 19), (21, len(text))]
    assert quotes(text, paras) == [['"and a quote"']]


def test_stray_closer_is_ignored():
    assert quotes("a stray” closer and “a real one”") == [["“a real one”"]]


def test_curly_marks_typed_the_wrong_way_round_are_read_by_where_they_stand():
    text = "“One simple thing is to talk to the neighbors, and then some.“ Then text."
    assert quotes(text) == [["“One simple thing is to talk to the neighbors, and then some.“"]]
    text = "”Mr. Trump embodies the legacy of racism.” ― Sonya Herridge"
    assert quotes(text) == [["”Mr. Trump embodies the legacy of racism.”"]]


def test_straight_quote_inside_a_straight_quote_nests():
    text = 'He wrote: "The shift is from "application consumption" to services. It ends," said Ann.'
    assert quotes(text) == [['"The shift is from "application consumption" to services. It ends,"']]
    text = 'He said "the old way meant paying per employee ("seats") for features," she said.'
    assert quotes(text) == [['"the old way meant paying per employee ("seats") for features,"']]


def test_what_an_unclosed_opener_held_stands_alone():
    text = 'He said "this never closes. Later she said "short" and "brief" then left.'
    assert quotes(text) == [['"short"'], ['"brief"']]


def test_quotes_inside_a_quote_over_paragraphs_are_part_of_it():
    text = '"First paragraph, with a "phrase" in it.\n\n"And the second," she said.'
    paras = [(0, 40), (42, len(text))]
    assert quotes(text, paras) == [['"First paragraph, with a "phrase" in it.', '"And the second,"']]


def test_a_decade_cut_to_two_digits_is_no_quote_mark():
    assert quotes("Ann Lee loved the ’80s and '90s. She said ‘never again’ then.") == [["‘never again’"]]
    assert quotes("He said ‘it was the ’80s’ and left.") == [["‘it was the ’80s’"]]
    assert quotes("Since the ’80s the students’ union has met.") == []
    assert quotes("a '90 days' plan with '32MB' of memory") == [["'90 days'"], ["'32MB'"]]
