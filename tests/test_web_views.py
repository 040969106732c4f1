"""Highlighting and page data, from hand-built analysis dicts (no model, no server)."""
from __future__ import annotations

import pytest

from reportedly.web.highlight import Mark, marks_of, segments
from reportedly.web.views import article_page, chain_names, group_by_speaker, profile_bars, speaker_name

TEXT = "The mayor said the bridge may reopen, a shocking claim."


def span(text, s, e):
    return {"start": s, "end": e, "text": text[s:e]}


def att(i, src, cue, content, **extra):
    return {"id": f"a{i}", "kind": "indirect", "source": span(TEXT, *src) if src else None,
            "cue": span(TEXT, *cue) if cue else None, "content": span(TEXT, *content), **extra}


def analysis(*atts, **extra):
    return {"schema": "reportedly/1", "id": "x", "article": {"text": TEXT, "boilerplate": []},
            "attributions": list(atts), "entities": [], "errors": [], **extra}


def test_segments_cover_text_exactly_and_overlap():
    marks = [Mark(0, 9, "source", "a1"), Mark(15, 36, "content", "a1"), Mark(26, 29, "hedge", "a1")]
    segs = segments(TEXT, marks)
    assert "".join(s.text for s in segs) == TEXT
    may = next(s for s in segs if s.text == "may")
    assert may.roles == ["content", "hedge"] and may.attributions == ["a1"]
    assert next(s for s in segs if s.text == "The mayor").roles == ["source"]


def test_segments_of_fragments_and_out_of_range_marks():
    a = att(1, (0, 9), (10, 14), (15, 36))
    a["content"]["fragments"] = [[15, 25], [30, 36]]
    segs = segments(TEXT, marks_of(analysis(a)) + [Mark(50, 999, "hedge")])
    assert "".join(s.text for s in segs) == TEXT
    assert next(s for s in segs if s.text == " may ").roles == []


def test_page_without_provenance_degrades():
    page = article_page(analysis(att(1, (0, 9), (10, 14), (15, 36))))
    assert page["has_provenance"] is False
    assert page["speakers"][0]["speaker"] == "The mayor"
    assert page["statements"]["a1"]["chain"] == []
    assert page["profile"]["title"] == "Attributions by kind" and page["profile"]["findings"] == []
    assert page["roles_present"] == ["content", "cue", "source"]


def test_page_with_provenance_fields():
    a = att(1, (0, 9), (10, 14), (15, 36), speaker={"type": "person", "name": None, "description": "the city's mayor", "role": "mayor"},
            chain=["Daily Planet", "the city's mayor"], via=[],
            epistemic={"status": "hedged", "cue_strength": "neutral", "markers": [{"type": "hedge", "span": span(TEXT, 26, 29)}]})
    voice = [{"span": span(TEXT, 0, len(TEXT)), "status": "attributed", "markers": [{"type": "evaluative", "span": span(TEXT, 40, 48)}]}]
    profile = {"statements": 1, "speakers": {"person": 1}, "statements_by_type": {"person": 1}, "named_on_record": 0,
               "anonymous": 0, "second_hand": 0, "words": {"attributed_share": 0.4},
               "longest_chain": {"attribution": "a1", "chain": ["Daily Planet", "the city's mayor"]}, "findings": ["One named source."]}
    page = article_page(analysis(a, voice=voice, profile=profile))
    assert page["has_provenance"] is True
    assert page["statements"]["a1"]["speaker"] == "the city's mayor"
    assert page["statements"]["a1"]["chain"] == ["Daily Planet", "the city's mayor"]
    assert {"hedge", "evaluative"} <= set(page["roles_present"])
    shocking = next(s for s in page["segments"] if s["text"] == "shocking")
    assert shocking["roles"] == ["evaluative"]
    assert page["profile"]["from_provenance"] and page["profile"]["findings"] == ["One named source."]
    assert [b["label"] for b in page["profile"]["bars"]] == ["person"]
    assert page["profile"]["longest_chain"] == ["Daily Planet", "the city's mayor"]
    assert page["profile"]["attributed_share"] == 0.4 and ("statements", 1) in page["profile"]["facts"]
    assert page["statements"]["a1"]["status"] == "hedged"


@pytest.mark.parametrize("chain,expected", [([], []), (["A", {"name": "B"}, {"x": 1}], ["A", "B"])])
def test_chain_names(chain, expected):
    assert chain_names({"chain": chain}) == expected


def test_grouping_and_unnamed():
    a1 = att(1, None, (10, 14), (15, 36))
    a2 = att(2, (0, 9), (10, 14), (15, 36))
    a3 = att(3, (0, 9), None, (38, 55))
    groups = group_by_speaker([a1, a2, a3])
    assert [g["speaker"] for g in groups] == ["(no named source)", "The mayor"]
    assert [s["id"] for s in groups[1]["statements"]] == ["a2", "a3"]
    assert speaker_name({"speaker": {"mention": {"text": "he"}}, "source": None}) == "he"
    assert profile_bars(analysis())["bars"][0]["width"] == 0


def test_low_confidence_attributions_are_held_back_unless_all_is_asked():
    sure = att(1, (0, 9), (10, 14), (15, 36), confidence=0.9, act="speech")
    doubtful = att(2, None, None, (40, 54), confidence=0.1, act="other")
    page = article_page(analysis(sure, doubtful))
    assert list(page["statements"]) == ["a1"] and page["held_back"] == 1
    assert all("a2" not in s["attributions"] for s in page["segments"])
    assert len(page["analysis"]["attributions"]) == 2  # the JSON twin keeps everything
    everything = article_page(analysis(sure, doubtful), show_all=True)
    assert list(everything["statements"]) == ["a1", "a2"] and everything["held_back"] == 0
    assert everything["statements"]["a2"]["confidence"] == 0.1


def test_a_wire_copy_passes_every_chain_through_the_agency():
    from reportedly.web.views import through_wire

    page = {"statements": {"a1": {"id": "a1", "chain": ["Breitbart", "Donald Trump"]}, "a2": {"id": "a2", "chain": []}},
            "speakers": [{"speaker": "Donald Trump", "statements": [{"id": "a1", "chain": ["Breitbart", "Donald Trump"]}]}]}
    out = through_wire(page, "AP")
    assert out["statements"]["a1"]["chain"] == ["Breitbart", "AP", "Donald Trump"]
    assert out["speakers"][0]["statements"][0]["chain"] == ["Breitbart", "AP", "Donald Trump"]
    assert out["statements"]["a2"]["chain"] == [] and out["wire"] == "AP"
    assert through_wire(page, None) is page
