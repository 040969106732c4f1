"""The HTML reader's line steps: one contract, checked by the runner; options and ablation."""
from dataclasses import replace

import pytest

from reportedly.errors import InputError
from reportedly.ingest.html import parse_html, read_html
from reportedly.ingest.html.meta import Declarations, PageMeta
from reportedly.ingest.html.options import DEFAULT_OPTIONS
from reportedly.ingest.html.page import Page, Verdict
from reportedly.ingest.html.pipeline import Step, StepContractError, run_steps
from reportedly.ingest.html.steps import STEPS

ARTICLE = ("<html><head><title>Harbour plan approved</title></head><body><article>"
           "<h1>Harbour plan approved</h1>"
           "<p>The council approved the harbour plan on Monday after a long debate about ferries.</p>"
           "<p>Advertisement</p>"
           "<p>The mayor said the first ferries would run in the spring, weather permitting.</p>"
           "</article></body></html>")


def make_page(lines):
    return Page("p", parse_html("<html><body><p>x</p></body></html>"), Declarations(), PageMeta(),
                tuple(lines), tuple(range(len(lines))))


def step_giving(verdicts, name="fake"):
    return Step(name, lambda page, options: verdicts, "whatever it likes")


def test_the_runner_drops_what_steps_drop_and_keeps_their_verdicts():
    page = make_page(["a", "b", "c"])
    first = step_giving([Verdict(0, "first", "a reason")], "first")
    second = Step("second", lambda p, o: [Verdict(i, "second", "seen") for i in p.live], "all")
    page, verdicts = run_steps(page, [first, second], DEFAULT_OPTIONS)
    assert page.live == ()
    # The second step saw only what the first left.
    assert [(v.line, v.step) for v in verdicts] == [(0, "first"), (1, "second"), (2, "second")]


def test_a_kept_verdict_leaves_the_line_in_the_body():
    page, verdicts = run_steps(make_page(["a"]), [step_giving([Verdict(0, "fake", "prose", keep=True)])],
                               DEFAULT_OPTIONS)
    assert page.live == (0,) and verdicts[0].keep


@pytest.mark.parametrize("given, problem", [
    ({0: "x"}, "not a list"),
    (["line 0"], "str among its verdicts"),
    ([Verdict(0, "other", "why")], "in the name of 'other'"),
    ([Verdict(7, "fake", "why")], "line 7, which is not in the body"),
    ([Verdict(0, "fake", "why"), Verdict(0, "fake", "again")], "line 0 twice"),
    ([Verdict(0, "fake", "")], "no reason for line 0"),
])
def test_a_step_that_breaks_the_contract_is_named(given, problem):
    with pytest.raises(StepContractError, match="step 'fake' broke the step contract") as err:
        run_steps(make_page(["a", "b"]), [step_giving(given)], DEFAULT_OPTIONS)
    assert problem in str(err.value) and err.value.step == "fake"


def test_a_line_dropped_by_an_earlier_step_cannot_be_judged_again():
    steps = [step_giving([Verdict(0, "one", "gone")], "one"), step_giving([Verdict(0, "two", "again")], "two")]
    with pytest.raises(StepContractError, match="'two'.*line 0, which is not in the body"):
        run_steps(make_page(["a", "b"]), steps, DEFAULT_OPTIONS)


def test_an_error_inside_a_step_propagates_with_the_step_named():
    def broken(page, options):
        raise ZeroDivisionError("bug")

    with pytest.raises(ZeroDivisionError) as err:
        run_steps(make_page(["a"]), [Step("broken", broken, "")], DEFAULT_OPTIONS)
    assert "in HTML reader step 'broken'" in err.value.__notes__


def test_the_steps_run_in_the_documented_order():
    assert [s.name for s in STEPS] == ["article_end", "headline_start", "declared_body",
                                       "boilerplate", "furniture_blocks", "story_stream",
                                       "linked_teasers", "disclaimers"]
    assert all(s.drops for s in STEPS)


def test_a_step_can_be_ablated():
    assert "Advertisement" not in read_html(ARTICLE, "a").text
    without = [s for s in STEPS if s.name != "boilerplate"]
    assert "Advertisement" in read_html(ARTICLE, "a", steps=without).text


def test_thresholds_come_from_the_options():
    assert read_html(ARTICLE, "a").text
    with pytest.raises(InputError, match="only 27 words"):
        read_html(ARTICLE, "a", options=replace(DEFAULT_OPTIONS, min_words=100))
    strict = replace(DEFAULT_OPTIONS, boilerplate=replace(DEFAULT_OPTIONS.boilerplate, max_chars=5))
    # Whole-line rules read only lines up to max_chars: "Advertisement" is longer.
    assert "Advertisement" in read_html(ARTICLE, "a", options=strict).text


def test_options_are_frozen():
    with pytest.raises(AttributeError):
        DEFAULT_OPTIONS.min_words = 3  # type: ignore[misc]


def test_the_html_reader_lives_in_its_package():
    import importlib.util

    for flat in ("html_meta", "html_clean", "html_dates", "html_authors", "html_dek", "html_visible",
                 "boilerplate", "article_end", "article_container", "content_marks", "json_ld",
                 "declared_body", "furniture_blocks", "headline_start", "next_stream", "thin_body",
                 "words", "upstream"):
        assert importlib.util.find_spec(f"reportedly.ingest.{flat}") is None, flat
