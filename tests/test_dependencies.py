"""The libraries whose internals we use: installed within pyproject's bounds, and no fallback taken.

Where the code reaches into a library (a private name, a swapped function) it keeps working
without it, on a slower or less exact path. These tests make that silent path loud: a new
version that drops the internal fails here, before it changes a benchmark figure.
"""
from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirements():
    yield from PYPROJECT["dependencies"]
    for extra in ("spark", "test"):
        yield from PYPROJECT["optional-dependencies"][extra]


@pytest.mark.parametrize("line", sorted(set(_requirements())))
def test_installed_version_is_within_bounds(line):
    requirement = Requirement(line)
    try:
        installed = version(requirement.name)
    except PackageNotFoundError:
        pytest.skip(f"{requirement.name} is not installed")
    assert requirement.specifier.contains(installed, prereleases=True), (
        f"{requirement.name} {installed} is outside {requirement.specifier}: reinstall with pip install -e '.[test]'"
    )


@pytest.mark.parametrize("name", ["trafilatura", "htmldate", "spacy", "thinc", "python-crfsuite", "pyspark", "py3langid"])
def test_libraries_we_depend_on_closely_have_an_upper_bound(name):
    lines = [Requirement(line) for line in _requirements() if Requirement(line).name == name]
    assert lines and all(any(s.operator in ("<", "<=", "==", "~=") for s in r.specifier) for r in lines)


def test_trafilatura_container_tokens_are_read():
    # article_container falls back to trafilatura's slower XPath without them.
    from reportedly.ingest.html.prepare import article_container

    assert article_container._CLASS_RE is not None and article_container._ID_RE is not None


def test_trafilatura_returns_a_document_with_text():
    # extract._bare_text reads ``.text`` off what bare_extraction returns.
    import trafilatura
    from lxml import html

    page = "<html><body><article>" + "<p>The council approved the plan on Monday after a long debate.</p>" * 5 + "</article></body></html>"
    doc = trafilatura.bare_extraction(html.fromstring(page), with_metadata=False)
    assert isinstance(doc.text, str) and "council approved" in doc.text


def test_htmldate_parser_swap_takes_effect(monkeypatch):
    # html_dates._english_fallback swaps htmldate's parser factory; without it the call runs
    # unchanged, loading dateparser's 200 locales.
    from htmldate import extractors

    from reportedly.ingest.html.meta import dates as html_dates

    assert hasattr(extractors, "get_external_parser")
    used = []
    real = html_dates._english_parser
    monkeypatch.setattr(html_dates, "_english_parser", lambda: used.append(True) or real())
    with html_dates._english_fallback():
        found = extractors.external_date_parser("Sunday, the 3rd of March, 2019", "%Y-%m-%d")
    assert used and found == "2019-03-03"
    assert extractors.get_external_parser is not html_dates._english_parser  # restored


_PROSE = "".join(f"<p>The council approved part {n} of the harbour plan on Monday after a debate "
                 "that ran late into the night, residents speaking for and against it.</p>"
                 for n in range(8))
_SHARED_PAGES = {
    # an article with furniture and a comment section (pruned once for both runs)
    "article": "<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Plan</h1>"
               + _PROSE + "</article><div id='comments'><p>Great piece, thanks!</p></div>"
               "<aside class='related'><a href='/x'>Another story about the harbour</a></aside></body></html>",
    # every paragraph is in an <aside>, which the cleaning removes: the recall mode undoes
    # that cleaning (its own is run), the balanced mode does not
    "aside": "<html><body><div class='content'><aside>" + _PROSE + "</aside>"
             "<div>" + "Menu item and other page text " * 10 + "</div></div></body></html>",
    # a short text: trafilatura's rescue and recall retry engage (the plain run is asked)
    "short": "<html><body><div><p>Short note on the ferry timetable.</p></div>"
             "<ul>" + "<li><a href='/m'>Menu item</a></li>" * 40 + "</ul></body></html>",
}


@pytest.mark.parametrize("name", sorted(_SHARED_PAGES))
def test_both_runs_give_what_bare_extraction_gives(name):
    # extract._both_runs does the page-wide pruning once for trafilatura's two runs, with its
    # internal cascade stages; each text must be what a plain bare_extraction gives.
    from lxml import html

    from reportedly.ingest.html import extract

    assert extract._CASCADE is not None  # else the slower plain runs are taken
    tree = html.fromstring(_SHARED_PAGES[name])
    before = html.tostring(tree)
    shared = extract._both_runs(tree, None)
    assert html.tostring(tree) == before  # the reader's tree is left as it was
    assert shared == (extract._bare_text(tree, None, favor_recall=False),
                      extract._bare_text(tree, None, favor_recall=True, fast=True))
