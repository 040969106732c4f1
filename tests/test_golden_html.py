"""What the HTML reader extracts from 30 frozen pages has not changed (see ``golden_html``),
and the trafilatura and htmldate internals it relies on are there."""
import json
import warnings

import pytest
from golden_html import GOLDEN, PAGES, available, differences, extract, key

from reportedly.ingest.html import upstream


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))["pages"]


def test_golden_file_lists_every_page(golden):
    assert sorted(golden) == sorted(key(c, p) for c, p in PAGES)


@pytest.mark.parametrize("corpus,page_id", PAGES, ids=[key(c, p) for c, p in PAGES])
def test_extraction_matches_golden(golden, corpus, page_id):
    if not available():
        pytest.skip("../shared (wcxb, realworld) is not beside the checkout")
    lines = differences(golden[key(corpus, page_id)], extract(corpus, page_id))
    assert not lines, (f"{key(corpus, page_id)} reads differently:\n  " + "\n  ".join(lines)
                       + "\nIf deliberate: PYTHONPATH=$PWD python tests/golden_html.py --update")


def test_installed_trafilatura_and_htmldate_are_the_tested_releases():
    # A new release passes only once the golden pages are checked with it and TESTED widened.
    assert upstream.untested_version("trafilatura") is None
    assert upstream.untested_version("htmldate") is None


def test_no_fallback_for_a_third_party_internal_is_taken():
    from trafilatura.xpaths import BODY_XPATH

    from reportedly.ingest.html.meta import dates as html_dates
    from reportedly.ingest.html.prepare import article_container

    # The walk over trafilatura's token lists, not the XPath, finds the container: and the same
    # block the XPath finds.
    assert article_container._CLASS_RE is not None and article_container._ID_RE is not None
    from lxml import html as lxml_html
    tree = lxml_html.fromstring("<html><body><div class='crumbs'>Home</div>"
                                "<div class='post-content'><p>Text.</p></div>"
                                "<section id='article-body'><p>More.</p></section></body></html>")
    assert list(article_container._containers(tree)) == [e for e in BODY_XPATH[0](tree)
                                                         if e is not None]
    # htmldate's parser factory is there, and swapped for the English parser during a search.
    from htmldate import extractors
    with html_dates._english_fallback():
        assert extractors.get_external_parser is html_dates._english_parser
    assert not upstream.FALLBACKS


def test_a_missing_internal_is_reported(monkeypatch):
    from htmldate import extractors

    from reportedly.ingest.html.meta import dates as html_dates

    monkeypatch.setattr(upstream, "FALLBACKS", set())
    monkeypatch.delattr(extractors, "get_external_parser")
    with pytest.warns(upstream.UpstreamWarning, match="get_external_parser"):
        with html_dates._english_fallback():
            pass
    assert upstream.FALLBACKS == {"htmldate.extractors.get_external_parser"}


def test_an_untested_release_is_warned_about(monkeypatch):
    monkeypatch.setattr(upstream, "version", lambda name: "9.0.1")
    monkeypatch.setattr(upstream, "_WARNED", set())
    upstream.untested_version.cache_clear()
    try:
        with pytest.warns(upstream.UpstreamWarning, match=r"trafilatura 9\.0\.1 .*>=2\.3,<2\.4"):
            upstream.check_version("trafilatura")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            upstream.check_version("trafilatura")  # once per process
    finally:
        upstream.untested_version.cache_clear()
