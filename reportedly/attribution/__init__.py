"""Finding attributions: who (source) said (cue) what (content).

The contract every extractor keeps: ``extract(text, blocks)`` gets the article text and the
analysed paragraphs as ``(offset, doc)`` pairs, where ``doc`` is the spaCy Doc of
``text[offset:offset + len(doc.text)]``; it returns Attributions whose spans are offsets into
``text``. Ids are given afterwards by the pipeline, in reading order.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from spacy.tokens import Doc

from ..model import Attribution

Block = tuple[int, Doc]


class Extractor(Protocol):
    def extract(self, text: str, blocks: Sequence[Block]) -> list[Attribution]:
        """Attributions found in ``blocks`` of ``text``."""
        ...
