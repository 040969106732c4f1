"""The Analyzer's batch edge: one failing article never stops the others."""
import pytest

from reportedly.model import Article, Paragraph

pytestmark = pytest.mark.model


class _Boom:
    def extract(self, text, blocks):
        if "boom" in text:
            raise ValueError("synthetic bug")
        return []


def test_a_bug_in_one_article_is_recorded_and_the_batch_goes_on():
    from reportedly.pipeline import Analyzer

    analyzer = Analyzer(extractor=_Boom())
    articles = [Article(i, t, (Paragraph(0, len(t)),)) for i, t in (("a", "boom goes the text"), ("b", "A calm day."))]
    first, second = analyzer.analyze_many(articles)
    assert "internal error" in first.errors[0] and "ValueError" in first.errors[0]
    assert second.ok
    with pytest.raises(ValueError):
        analyzer.analyze(articles[0])
