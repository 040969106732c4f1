"""reportedly: who said what, on whose word, in news articles.

    >>> import reportedly
    >>> analysis = reportedly.analyze("Officials said the bridge would reopen on Monday.")
    >>> [(a.source.text, a.cue.text) for a in analysis.attributions]
    [('Officials', 'said')]
"""
from __future__ import annotations

import functools
import logging
from datetime import tzinfo

from .errors import (
    InputError,
    ModelNotFoundError,
    OverBudgetError,
    ReportedlyError,
    TooLargeError,
    UnsupportedLanguageError,
)
from .ingest import read_article
from .model import Analysis, Article, Attribution, Entity, Marker, Omission, Paragraph, Profile, Provenance, Span, Speaker, Voice
from .serialize import SCHEMA, analysis_dict

# A library logs but leaves the output to its user (the command line sets up its own handler).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA",
    "Analysis",
    "Analyzer",
    "Article",
    "Attribution",
    "Entity",
    "InputError",
    "Marker",
    "ModelNotFoundError",
    "OverBudgetError",
    "Omission",
    "Paragraph",
    "Profile",
    "Provenance",
    "ReportedlyError",
    "Span",
    "Speaker",
    "TooLargeError",
    "UnsupportedLanguageError",
    "Voice",
    "analysis_dict",
    "analyze",
    "read_article",
]


def __getattr__(name: str):
    # The Analyzer pulls in spaCy, and the version importlib.metadata (17 ms, before the
    # command line's workers can start): importing reportedly for its values should stay cheap.
    if name == "Analyzer":
        from .pipeline import Analyzer

        return Analyzer
    if name == "__version__":
        return _version()
    raise AttributeError(name)


@functools.lru_cache(maxsize=1)
def _version() -> str:
    """One source of truth: the version in pyproject.toml, as installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reportedly")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


@functools.lru_cache(maxsize=1)
def _shared_analyzer():
    from .pipeline import Analyzer

    return Analyzer()


def analyze(article: Article | str, *, id: str = "article", zone: tzinfo | None = None) -> Analysis:
    """Analyse one article: an Article, or plain scraped text read with ``read_article``."""
    if isinstance(article, str):
        article = read_article(article, id, zone=zone)
    return _shared_analyzer().analyze(article)
