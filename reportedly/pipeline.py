"""Analysing articles: spaCy over the analysed paragraphs, then entities and attributions."""
from __future__ import annotations

import dataclasses
import logging
from typing import Iterable, Iterator

from . import budget
from .attribution import EXTRACTORS, Block, Extractor
from .attribution.blockquotes import mark_quoted
from .bounds import bound_paragraphs, limit_notes, parse_bounded
from .errors import NotAnArticleError, ReportedlyError, UnsupportedLanguageError, internal_error
from .language import detect_language
from .logs import Laps
from .model import Analysis, Article, Attribution, Entity
from .nlp import load_pipeline, one_blas_thread
from .prose import not_an_article
from .provenance import trace_provenance

log = logging.getLogger(__name__)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


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

    # The hybrid keeps no rule find without a source: the rules need not make them.
    return HybridExtractor(load_default_extractor(), RuleExtractor(require_source=True))


class Analyzer:
    """Holds the loaded pipeline and extractor; ``analyze`` one article or ``analyze_many``.

    ``time_limit`` is each article's time budget in seconds (None: none); an article over it
    fails with OverBudgetError (see reportedly.budget).
    """

    def __init__(self, extractor: Extractor | None = None, nlp=None,
                 time_limit: float | None = budget.DEFAULT_TIME_LIMIT):
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.extractor = extractor if extractor is not None else default_extractor()
        self.time_limit = time_limit

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

    def parse(self, article: Article) -> tuple[list[Block], tuple[str, ...]]:
        """The article's analysed paragraphs parsed as blocks, within the limits of reportedly.bounds,
        and the notes saying what those limits changed."""
        bounded = bound_paragraphs(article.text, ((p.start, p.end) for p in article.paragraphs))
        blocks = []
        with one_blas_thread():
            for block in parse_bounded(self.nlp, article.text, bounded.blocks):
                blocks.append(block)
                budget.check("parsing")
        mark_quoted(blocks, [(p.start, p.end, p.quotation) for p in article.paragraphs if p.quoted])
        return blocks, tuple(limit_notes(article.text, bounded))

    def _one(self, article: Article) -> Analysis:
        with budget.time_budget(self.time_limit, article.id):
            return self._steps(article)

    def _steps(self, article: Article) -> Analysis:
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
        blocks, notes = self.parse(article)
        laps.done("spacy")
        entities = tuple(
            Entity(offset + e.start_char, offset + e.end_char, e.text, e.label_)
            for offset, doc in blocks
            for e in doc.ents
            if e.label_ in ENTITY_LABELS
        )
        attributions = number_attributions(self.extractor.extract(article.text, blocks))
        laps.done("attributions")
        budget.check("extracting")
        provenance, voice, profile = trace_provenance(article, blocks, attributions)
        laps.done("provenance")
        budget.check("tracing provenance")
        return Analysis(article.id, article, attributions, entities, provenance=provenance, voice=voice,
                        profile=profile, notes=notes)


def number_attributions(found: Iterable[Attribution]) -> tuple[Attribution, ...]:
    """Attributions in reading order, with ids a1, a2, …"""
    ordered = sorted(found, key=lambda a: (a.content.start, a.cue.start if a.cue else -1))
    return tuple(dataclasses.replace(a, id=f"a{i}") for i, a in enumerate(ordered, start=1))
