import pytest

from reportedly.model import Span


def test_span_of_and_fragments():
    text = "abc def ghi"
    assert Span.of(text, 4, 7).text == "def"
    frag = Span.from_fragments(text, [(8, 11), (0, 3)])
    assert (frag.start, frag.end, frag.text, frag.fragments) == (0, 11, "abc ghi", ((0, 3), (8, 11)))
    assert Span.from_fragments(text, [(0, 3), (2, 5)]).fragments == ()


def test_span_rejects_bad_offsets():
    with pytest.raises(ValueError):
        Span(5, 2, "")


def test_public_api_is_all():
    import reportedly

    assert sorted(reportedly.__all__) == sorted(
        ["SCHEMA", "Analysis", "Analyzer", "Article", "Attribution", "Entity", "InputError", "ModelNotFoundError",
         "OverBudgetError", "Paragraph", "ReportedlyError", "Span", "TooLargeError", "UnsupportedLanguageError", "analysis_dict",
         "analyze", "read_article", "Speaker", "Marker", "Provenance", "Voice", "Profile", "Omission"]
    )
    for name in reportedly.__all__:
        assert getattr(reportedly, name) is not None
