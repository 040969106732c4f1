"""The streamed JSON writer writes what ``json.dumps`` would, byte for byte."""
from __future__ import annotations

import io
import json

from reportedly.serialize import write_json


def test_write_json_is_json_dumps_in_pieces():
    # Enough fragments for several writes, nesting, empty containers, text to escape and to keep.
    value = {"schema": "x", "empty": [], "none": {}, "n": None, "flag": True, "ratio": 0.1,
             "items": [{"start": i, "text": f"ß “{i}”\n\t\\ \u2028", "pieces": [[i, i + 1]]} for i in range(3000)]}
    out = io.StringIO()
    write_json(value, out)
    assert out.getvalue() == json.dumps(value, ensure_ascii=False, indent=2)
    for small in ([], {}, "a", 1, [[]]):
        out = io.StringIO()
        write_json(small, out)
        assert out.getvalue() == json.dumps(small, ensure_ascii=False, indent=2)


def test_iterators_are_written_as_lists_at_any_depth():
    def items():
        return ({"n": i, "pieces": iter([[i, i + 1]]), "none": iter(())} for i in range(3))

    value = [{"a": items(), "b": [], "c": {"d": items()}}, iter([])]
    out = io.StringIO()
    write_json(value, out)
    listed = [{"a": [{"n": i, "pieces": [[i, i + 1]], "none": []} for i in range(3)], "b": [],
               "c": {"d": [{"n": i, "pieces": [[i, i + 1]], "none": []} for i in range(3)]}}, []]
    assert out.getvalue() == json.dumps(listed, ensure_ascii=False, indent=2)


def test_writing_a_long_list_holds_one_item_at_a_time(tmp_path):
    import tracemalloc

    def attributions(n):
        return ({"id": f"a{i}", "content": {"start": i, "end": i + 9, "text": "the plan"}, "speaker": None}
                for i in range(n))

    with open(tmp_path / "out.json", "w", encoding="utf-8") as out:
        tracemalloc.start()
        try:
            write_json({"schema": "x", "attributions": attributions(5_000)}, out)
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    # json.dumps(..., indent=2) of the same, listed, peaks at about 6.5 MB (its fragments and
    # its text); written item by item, at the few KB of one item and the file's buffer.
    assert peak < 1_000_000, peak
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["attributions"][-1]["id"] == "a4999"


def test_an_analysis_written_lazily_is_its_dict_dumped():
    from reportedly.ingest import read_article
    from reportedly.model import Analysis
    from reportedly.serialize import analysis_dict, lazy_analysis_dict

    article = read_article("Bridge works\n\nThe mayor said on Monday that the bridge would reopen.\n\n“Soon,” she said.", "a")
    analysis = Analysis(article.id, article, notes=("a note",))
    out = io.StringIO()
    write_json(lazy_analysis_dict(analysis), out)
    assert out.getvalue() == json.dumps(analysis_dict(analysis), ensure_ascii=False, indent=2)
    assert len(json.loads(out.getvalue())["article"]["paragraphs"]) == 3
