"""The limits that keep analysis linear (reportedly.bounds) and the time budget (reportedly.budget).

Hand-made inputs; spaCy's blank English tokenizer stands in for the model where only
tokenisation matters.
"""
import time

import pytest
import spacy

from reportedly import budget
from reportedly.bounds import (
    MAX_BLOCK_CHARS,
    MAX_MARK_RUN,
    bound_paragraphs,
    limit_notes,
    split_paragraph,
    tokenizer_input,
)
from reportedly.errors import OverBudgetError


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _check_pieces(text, start, end, pieces, limit):
    assert pieces and all(b - a <= limit for a, b in pieces)
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in pieces)
    assert [a for a, _b in pieces] == sorted(a for a, _b in pieces)
    # Nothing but the whitespace at the cuts is lost.
    assert "".join(text[a:b] for a, b in pieces).replace(" ", "").replace("\n", "") == \
        text[start:end].replace(" ", "").replace("\n", "")


def test_a_paragraph_within_the_limit_is_left_alone():
    text = "Officials said the bridge would reopen.\n\nIt did."
    bounded = bound_paragraphs(text, [(0, 39), (41, 48)])
    assert bounded.blocks == ((0, 39), (41, 48)) and bounded.split == ()
    assert limit_notes(text, bounded) == []


def test_a_long_paragraph_is_cut_at_line_breaks_first():
    line = "WALLACE: We said the plan would work, didn't we? "
    text = "\n".join([line * 3] * 40)
    pieces = split_paragraph(text, 0, len(text), limit=500)
    _check_pieces(text, 0, len(text), pieces, 500)
    # Every cut is at a line break: each piece is whole lines.
    assert all(a == 0 or text[a - 1] == "\n" for a, _b in pieces)


def test_without_line_breaks_it_is_cut_at_sentence_ends():
    text = "Officials said the plan would work. " * 60
    pieces = split_paragraph(text, 0, len(text), limit=400)
    _check_pieces(text, 0, len(text), pieces, 400)
    assert all(text[b - 1] == "." for _a, b in pieces)


def test_without_sentences_it_is_cut_at_spaces_and_else_anywhere():
    words = "said " * 300
    pieces = split_paragraph(words, 0, len(words), limit=100)
    _check_pieces(words, 0, len(words), pieces, 100)
    assert all(words[a:b].endswith("said") for a, b in pieces)
    blob = "x" * 1050
    pieces = split_paragraph(blob, 0, len(blob), limit=100)
    assert [b - a for a, b in pieces] == [100] * 10 + [50]


def test_pieces_of_a_split_paragraph_keep_article_offsets_and_are_noted():
    body = "Smith said it would rain. " * 500
    text = "Title\n\n" + body.strip()
    bounded = bound_paragraphs(text, [(0, 5), (7, len(text))])
    assert bounded.blocks[0] == (0, 5) and len(bounded.blocks) > 2
    assert bounded.split == ((7, len(text), len(bounded.blocks) - 1),)
    assert all(b - a <= MAX_BLOCK_CHARS for a, b in bounded.blocks)
    (note,) = limit_notes(text, bounded)
    assert "1 paragraph(s) over 10,000 characters" in note and "7–" in note


def test_long_runs_of_marks_are_tokens_of_a_few_marks_with_the_same_text(blank):
    text = 'He said "' + '"' * 5000 + ' it was fine.'
    t0 = time.perf_counter()
    doc = tokenizer_input(blank, text)
    assert time.perf_counter() - t0 < 2.0  # whole, spaCy's tokenizer takes about 10 s here
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ["He", "said", '"' * MAX_MARK_RUN]
    # 5,001 marks: 157 tokens, not 5,001 (every later step's cost goes by tokens).
    assert len(doc) == 2 + 157 + 4 and doc[2 + 156].text == '"' * (5001 % MAX_MARK_RUN)
    assert [t.text for t in doc[-4:]] == ["it", "was", "fine", "."]
    assert all(t.idx == text.index(t.text, t.idx) for t in doc)


def test_a_short_run_goes_to_spacy_as_it_is_and_a_long_one_is_cut_in_tokens(blank):
    text = "Wait " + "!" * MAX_MARK_RUN + " he said."
    assert tokenizer_input(blank, text) == text
    longer = "Wait (((" + "!" * 200 + "  he said.\n" + "?" * 40
    doc = tokenizer_input(blank, longer)
    assert doc.text == longer
    run = "(((" + "!" * 200
    pieces = [run[i : i + MAX_MARK_RUN] for i in range(0, len(run), MAX_MARK_RUN)]
    assert [t.text for t in doc] == ["Wait", *pieces, " ", "he", "said", ".", "\n", "?" * MAX_MARK_RUN, "?" * 8]


def test_runs_are_noted_with_their_length():
    text = "Look " + "(" * 100 + " here."
    bounded = bound_paragraphs(text, [(0, len(text))])
    assert limit_notes(text, bounded) == [f"runs of punctuation marks over {MAX_MARK_RUN} (the longest 100) were read as tokens of {MAX_MARK_RUN} marks"]


def test_no_budget_never_stops():
    budget.check("anything")
    with budget.time_budget(None, "a1"):
        budget.check("anything")


def test_the_budget_stops_once_its_time_is_up(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(budget.time, "monotonic", lambda: now[0])
    with budget.time_budget(5, "long-article"):
        budget.check("parsing")
        now[0] = 106.0
        with pytest.raises(OverBudgetError, match="long-article: .* time budget of 5 s \\(stopped in parsing\\)"):
            budget.check("parsing")
    budget.check("after the article")  # the deadline ends with its article


class _Slow:
    """An extractor that takes its time on articles that say "slow"."""

    def extract(self, text, blocks):
        if "slow" in text:
            time.sleep(0.3)
        return []


def test_an_article_over_budget_fails_alone_and_the_batch_goes_on(blank):
    from reportedly.ingest import read_article
    from reportedly.pipeline import Analyzer

    analyzer = Analyzer(extractor=_Slow(), nlp=blank, time_limit=0.1)
    results = list(analyzer.analyze_many([read_article("This one is slow.", "a"), read_article("This one is quick.", "b")]))
    assert [r.id for r in results] == ["a", "b"]
    assert "time budget of 0.1 s" in results[0].errors[0] and results[0].attributions == ()
    assert results[1].ok
    with pytest.raises(OverBudgetError):
        analyzer.analyze(read_article("This one is slow.", "a"))
    assert OverBudgetError.status == 422


def test_the_server_library_answers_over_budget_with_its_error(blank):
    from reportedly.pipeline import Analyzer
    from reportedly.web.library import Library

    library = Library(analyzer=Analyzer(extractor=_Slow(), nlp=blank, time_limit=0.1))
    with pytest.raises(OverBudgetError):
        library.analyze(text="This one is slow.")
    assert library.analyze(text="This one is quick.")["errors"] == []


def test_notes_are_in_the_output(blank):
    from reportedly.ingest import read_article
    from reportedly.pipeline import Analyzer
    from reportedly.serialize import analysis_dict

    analyzer = Analyzer(extractor=_Slow(), nlp=blank, time_limit=None)
    # Enough prose around the run that the text is an article (see reportedly.prose).
    prose = "The council met on Tuesday and the mayor said the bridge would reopen next month. "
    analysis = analyzer.analyze(read_article(prose * 3 + "Look " + "(" * 100 + " here.", "a"))
    assert analysis.ok and len(analysis.notes) == 1
    assert analysis_dict(analysis)["notes"] == list(analysis.notes)


def test_the_commands_take_a_time_limit():
    from reportedly.cli import _parser

    assert _parser().parse_args(["analyze", "a.txt"]).time_limit == budget.DEFAULT_TIME_LIMIT
    assert _parser().parse_args(["analyze", "a.txt", "--time-limit", "5"]).time_limit == 5.0
    assert _parser().parse_args(["serve", "--time-limit", "0"]).time_limit == 0.0
