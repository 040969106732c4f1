"""The versions of trafilatura and htmldate whose internals the HTML reader relies on.

Three modules reach past these libraries' public API, for speed: ``extract`` runs trafilatura's
cascade stages (``trafilatura.core._prepare_tree``, ``_extract_and_compare``, …) itself so that
its two runs share their first stages, ``article_container`` reads trafilatura's private token
lists (``trafilatura.xpaths._ARTICLE_CONTENT_*_TOKENS``) to walk the tree instead of running its
regular-expression XPath, and ``meta.dates`` swaps htmldate's ``extractors.get_external_parser``
for an English-only dateparser. A release may rename any of them without notice. Each keeps a fallback that still gives the right answer (slower), and says so
through ``note_fallback``: a warning, and the name in ``FALLBACKS``, which the tests assert
empty. ``check_version`` warns when the installed release is outside the range these modules
(and the golden test, ``tests/golden_html.py``) were checked with.
"""
from __future__ import annotations

import warnings
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

__all__ = ["TESTED", "FALLBACKS", "UpstreamWarning", "check_version", "note_fallback",
           "untested_version"]

# [lowest, first untested) (major, minor): the releases the golden test was recorded with.
# Widen only after `python tests/golden_html.py` passes (or is regenerated, deliberately) with
# the new release.
TESTED: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "trafilatura": ((2, 3), (2, 4)),
    "htmldate": ((1, 11), (1, 12)),
}

# The third-party internals whose fallback was taken in this process.
FALLBACKS: set[str] = set()


class UpstreamWarning(UserWarning):
    """trafilatura or htmldate is a release the reader was not checked with, or lacks an
    internal the reader uses (a slower fallback is taken)."""


@lru_cache(maxsize=None)
def untested_version(package: str) -> str | None:
    """The installed version of ``package`` when it is outside ``TESTED``, else None."""
    try:
        installed = version(package)
    except PackageNotFoundError:
        return None  # the import that needs it fails on its own, more clearly
    low, high = TESTED[package]
    parts = tuple(int(p) for p in installed.split(".")[:2] if p.isdigit())
    return None if len(parts) == 2 and low <= parts < high else installed


def check_version(package: str) -> None:
    """Warn (once per process) when the installed ``package`` is outside the tested range."""
    installed = untested_version(package)
    if installed is not None and package not in _WARNED:
        _WARNED.add(package)
        low, high = TESTED[package]
        warnings.warn(
            f"{package} {installed} is outside the range reportedly's HTML reader was tested "
            f"with (>={low[0]}.{low[1]},<{high[0]}.{high[1]}): extraction may differ; run "
            "tests/golden_html.py to see how", UpstreamWarning, stacklevel=2)


_WARNED: set[str] = set()


def note_fallback(internal: str) -> None:
    """Record (and warn, once) that ``internal`` is missing and its fallback was taken."""
    if internal not in FALLBACKS:
        FALLBACKS.add(internal)
        warnings.warn(f"{internal} is missing (a newer release?): reportedly takes a slower "
                      "fallback", UpstreamWarning, stacklevel=2)
