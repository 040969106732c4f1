"""Finding attributions: who (source) said (cue) what (content).

The contract every extractor keeps: ``extract(text, blocks)`` gets the article text and the
analysed paragraphs as ``(offset, doc)`` pairs, where ``doc`` is the spaCy Doc of
``text[offset:offset + len(doc.text)]``; it returns Attributions whose spans are offsets into
``text``. Ids are given afterwards by the pipeline, in reading order.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, Sequence

from ..model import Attribution

if TYPE_CHECKING:  # spaCy is imported by the extractors, not by those who only name them
    from spacy.tokens import Doc

Block = tuple[int, "Doc"]

# The extractors by name (``pipeline.default_extractor`` makes them).
EXTRACTORS = ("hybrid", "model", "rules")


class Extractor(Protocol):
    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        """Attributions found in ``blocks`` of ``text``."""
        ...
