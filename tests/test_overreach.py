"""Contents that ran over another speaker's quote and its reporting clause are cut back
(hand-made texts; the attributions are set by hand as a tagger could give them)."""
from reportedly.attribution.overreach import cut_overreach
from reportedly.model import Attribution, Span


def _span(text, words, after=0):
    start = text.index(words, after)
    return Span.of(text, start, start + len(words))


def _att(text, kind, content, source, cue, *, after=0):
    pieces = [(_span(text, c, after).start, _span(text, c, after).end) for c in content]
    cue_span = _span(text, cue[0], cue[1])
    source_span = _span(text, source[0], source[1])
    return Attribution("", kind, Span.from_fragments(text, pieces), source_span, cue_span)


def test_a_split_content_ends_before_a_quote_with_its_own_clause():
    text = "“Worry is common,” she says. “The thought passes,” she says, and that calms anxiety."
    second_says = text.index("she says", 30)
    first = _att(text, "mixed", ["“Worry is common,”", "“The thought passes,” she says, and that calms anxiety"],
                 ("she", 0), ("says", 0))
    second = _att(text, "mixed", ["“The thought passes,”", "and that calms anxiety"],
                  ("she", second_says), ("says", second_says))
    cut = cut_overreach(text, [first, second])
    assert cut[0].content.text == "“Worry is common,”"
    assert cut[1] == second


def test_a_content_before_its_cue_starts_after_a_quote_with_its_own_clause():
    text = ("“I would hate to see them pitted,” Lee cautions. For example, panic attacks may ease "
            "sooner with pills, she says.")
    quoted = _att(text, "direct", ["“I would hate to see them pitted,”"], ("Lee", 0), ("cautions", 0))
    runs_on = _att(text, "mixed", [text[: text.index(", she says")]], ("she", 0), ("says", 0))
    cut = cut_overreach(text, [quoted, runs_on])
    assert cut[1].content.text == "For example, panic attacks may ease sooner with pills"
    assert cut[0] == quoted


def test_reported_speech_nested_in_a_report_is_left_alone():
    # The outer content ends with the inner clause: a report of what the letter said.
    text = "“The army will not obey,” the letter said, the Express reported."
    inner = _att(text, "direct", ["“The army will not obey,”"], ("the letter", 0), ("said", 0))
    outer = _att(text, "mixed", ["“The army will not obey,” the letter said"], ("the Express", 0), ("reported", 0))
    assert cut_overreach(text, [inner, outer]) == [inner, outer]
    # The outer content comes after its cue: the whole quote and clause are what was reported.
    text = "The Express reported: “The army will not obey,” the letter said, and more."
    inner = _att(text, "direct", ["“The army will not obey,”"], ("the letter", 0), ("said", 0))
    outer = _att(text, "mixed", ["“The army will not obey,” the letter said, and more"], ("The Express", 0),
                 ("reported", 0))
    assert cut_overreach(text, [inner, outer]) == [inner, outer]
