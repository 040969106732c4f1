"""The line steps' one contract, and the runner that checks it.

A step is a named function ``judge(page, options) -> verdicts``: it reads the ``Page`` (never
changes it) and returns a ``Verdict`` for each line it drops, and may return one for a line it
keeps on purpose. The runner calls the steps in order; after each, the lines it dropped leave
``page.live`` and the next step sees only what is left. A step that breaks the contract (a
verdict that is not a ``Verdict``, names another step, judges a line no longer in the body or
twice, or gives no reason) stops the run with a ``StepContractError`` naming the step, as
spaCy's pipeline names the component that returned no ``Doc``. An exception raised inside a
step propagates as it is, with a note naming the step.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportedly.ingest.html.options import Options
from reportedly.ingest.html.page import Page, Verdict

__all__ = ["Step", "StepContractError", "run_steps"]


@dataclass(frozen=True)
class Step:
    """A named line step: ``judge`` gives the verdicts; ``drops`` says what it may drop."""

    name: str
    judge: Callable[[Page, Options], Sequence[Verdict]]
    drops: str


class StepContractError(RuntimeError):
    """A step returned something the contract does not allow (a bug in that step)."""

    def __init__(self, step: str, problem: str):
        super().__init__(f"HTML reader step {step!r} broke the step contract: {problem}")
        self.step = step


def run_steps(page: Page, steps: Sequence[Step], options: Options) -> tuple[Page, list[Verdict]]:
    """Run ``steps`` in order on ``page``; return the page with only the kept lines live, and
    every verdict given, in the order given."""
    verdicts: list[Verdict] = []
    for step in steps:
        try:
            given = step.judge(page, options)
        except Exception as exc:  # re-raised unchanged: the note only says where it happened
            exc.add_note(f"in HTML reader step {step.name!r}")
            raise
        _check(step.name, page, given)
        verdicts.extend(given)
        page = page.without({v.line for v in given if not v.keep})
    return page, verdicts


def _check(name: str, page: Page, given: object) -> None:
    if not isinstance(given, (list, tuple)):
        raise StepContractError(name, f"returned {type(given).__name__}, not a list of verdicts")
    live = set(page.live)
    seen: set[int] = set()
    for v in given:
        if not isinstance(v, Verdict):
            raise StepContractError(name, f"returned a {type(v).__name__} among its verdicts")
        if v.step != name:
            raise StepContractError(name, f"gave a verdict in the name of {v.step!r}")
        if v.line not in live:
            raise StepContractError(name, f"judged line {v.line}, which is not in the body")
        if v.line in seen:
            raise StepContractError(name, f"judged line {v.line} twice")
        if not v.reason or not isinstance(v.reason, str):
            raise StepContractError(name, f"gave no reason for line {v.line}")
        seen.add(v.line)
