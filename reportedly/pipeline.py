"""Analysing articles: spaCy over the analysed paragraphs, then entities and attributions."""
from __future__ import annotations

import dataclasses
import logging
from typing import Iterable, Iterator

from .attribution import Extractor
from .errors import NotAnArticleError, ReportedlyError, UnsupportedLanguageError, internal_error
from .language import detect_language
from .logs import Laps
from .model import Analysis, Article, Attribution, Entity
from .nlp import load_pipeline
from .prose import not_an_article
from .provenance import trace_provenance

log = logging.getLogger(__name__)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


EXTRACTORS = ("hybrid", "model", "rules")


def default_extractor(name: str = "hybrid") -> Extractor:
    """An attribution extractor by name.

    "hybrid" (the default) is the trained CRFs plus speech marked by layout (signed quotes,
    transcript turns, Q&A answers, name lines over quotes) and the rules where the CRFs found
    nothing (see attribution/hybrid.py: on PolNeAR dev macro token F1 0.773 and relation F1
    0.691, against the CRFs' 0.752 and 0.674); "model" is the CRFs alone; "rules" the
    rule-based extractor alone.
    """
    from .attribution.rules import RuleExtractor

    if name == "rules":
        return RuleExtractor()
    if name not in EXTRACTORS:
        raise ValueError(f"unknown extractor {name!r}; choose one of {EXTRACTORS}")
    from .attribution.crf import load_default_extractor

    if name == "model":
        return load_default_extractor()
    from .attribution.hybrid import HybridExtractor

    return HybridExtractor(load_default_extractor(), RuleExtractor())


class Analyzer:
    """Holds the loaded pipeline and extractor; ``analyze`` one article or ``analyze_many``."""

    def __init__(self, extractor: Extractor | None = None, nlp=None):
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.extractor = extractor if extractor is not None else default_extractor()

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article; raises UnsupportedLanguageError for non-English text."""
        return next(self._analyze([article], raise_errors=True))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse many articles; an article that fails becomes an Analysis with its error."""
        return self._analyze(articles, raise_errors=False)

    def _analyze(self, articles: Iterable[Article], raise_errors: bool) -> Iterator[Analysis]:
        for article in articles:
            try:
                yield self._one(article)
            except ReportedlyError as exc:
                if raise_errors:
                    raise
                yield Analysis(article.id, article, errors=(str(exc),))
            except Exception as exc:  # noqa: BLE001 - the batch edge: record the bug, go on
                if raise_errors:
                    raise
                yield Analysis(article.id, article, errors=(internal_error(article.id, "analysing", exc),))

    def _one(self, article: Article) -> Analysis:
        laps = Laps(log, article.id)  # -vv: each step's time
        analysed = "\n".join(article.text[p.start : p.end] for p in article.paragraphs)
        language = detect_language(analysed)
        laps.done("language")
        article = dataclasses.replace(article, language=language or "en")
        if language not in (None, "en"):
            raise UnsupportedLanguageError(
                f"{article.id}: the article looks like language {language!r}; reportedly reads English only"
            )
        reason = not_an_article(analysed)
        if reason:
            raise NotAnArticleError(f"{article.id}: not an article: {reason}")
        texts = [article.text[p.start : p.end] for p in article.paragraphs]
        docs = list(self.nlp.pipe(texts))
        laps.done("spacy")
        blocks = [(p.start, doc) for p, doc in zip(article.paragraphs, docs)]
        entities = tuple(
            Entity(offset + e.start_char, offset + e.end_char, e.text, e.label_)
            for offset, doc in blocks
            for e in doc.ents
            if e.label_ in ENTITY_LABELS
        )
        attributions = number_attributions(self.extractor.extract(article.text, blocks))
        laps.done("attributions")
        provenance, voice, profile = trace_provenance(article, blocks, attributions)
        laps.done("provenance")
        return Analysis(article.id, article, attributions, entities, provenance=provenance, voice=voice, profile=profile)


def number_attributions(found: Iterable[Attribution]) -> tuple[Attribution, ...]:
    """Attributions in reading order, with ids a1, a2, …"""
    ordered = sorted(found, key=lambda a: (a.content.start, a.cue.start if a.cue else -1))
    return tuple(dataclasses.replace(a, id=f"a{i}") for i, a in enumerate(ordered, start=1))
