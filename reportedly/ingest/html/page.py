"""The values the line steps share: the ``Page`` they judge and the ``Verdict`` they give.

A ``Page`` is what the reader knows once the body's lines are extracted: the prepared tree, the
page's declarations, the metadata decided from them, the candidate lines (one paragraph each, as
extracted and restored) and which of them are still in the body (``live``). Steps never change
a page; the runner (``pipeline``) makes the next one from their verdicts.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import html as lxml_html

from reportedly.ingest.html.meta import Declarations, PageMeta

__all__ = ["Page", "Verdict"]


@dataclass(frozen=True)
class Verdict:
    """A step's judgement of one candidate line: dropped (``keep`` False) or kept, and why.

    ``line`` is the index into ``Page.lines``; ``step`` is the name of the step that judged it;
    ``reason`` says what the line is, in words a reader of ``--explain`` understands ("a share
    button", "after the article's end: an author box").
    """

    line: int
    step: str
    reason: str
    keep: bool = False


@dataclass(frozen=True, eq=False)
class Page:
    """One page as the line steps see it (see the module docstring)."""

    id: str
    tree: lxml_html.HtmlElement
    declarations: Declarations
    meta: PageMeta
    lines: tuple[str, ...]
    live: tuple[int, ...]

    @property
    def live_lines(self) -> list[str]:
        """The text of the lines still in the body, in order."""
        return [self.lines[i] for i in self.live]

    def without(self, dropped: set[int]) -> "Page":
        """This page with the lines ``dropped`` out of the body."""
        return replace(self, live=tuple(i for i in self.live if i not in dropped))
