"""restore_dropped_paragraphs on hand-made pages: a thin extraction gets its container back."""
from __future__ import annotations

from reportedly.ingest.html import parse_html
from reportedly.ingest.html.restore.thin_body import restore_dropped_paragraphs

KEPT = [
    "The harbour authority approved a plan on Monday to dredge the eastern channel of the port.",
    "Work is due to start in the autumn and last about four months, the authority said today.",
    "Local fishermen, who have asked for the work for years, welcomed the decision on Monday.",
]
DROPPED = [
    "The channel has silted up so badly that the larger ferries can no longer dock at low tide, "
    "and the smaller boats that fish the bay have to wait for the tide before they can land.",
    "During the work the ferry timetable will be cut to two crossings a day, which the island's "
    "shops say will hurt them in the weeks before the summer season begins in earnest.",
    "The authority said the sand would be taken to a licensed site well offshore and that divers "
    "would check the seabed for damage once the dredging was finished later in the year.",
]


def _page(dropped_html: str, extra: str = "") -> str:
    kept = "".join(f"<p>{p}</p>" for p in KEPT)
    return (f"<html><body><nav><p>{DROPPED[0]} menu</p></nav><main><article>{kept}"
            f"<div class='slides'>{dropped_html}</div>{extra}</article></main></body></html>")


def test_a_thin_extraction_gets_the_dropped_paragraphs_in_document_order():
    page = _page("".join(f"<p>{p}</p>" for p in DROPPED))
    out = restore_dropped_paragraphs(parse_html(page), KEPT)
    assert out == KEPT + DROPPED


def test_a_few_more_paragraphs_in_the_container_are_left_alone():
    page = _page(f"<p>{DROPPED[0]}</p>")  # fewer dropped words than extracted ones
    assert restore_dropped_paragraphs(parse_html(page), KEPT) == KEPT


def test_furniture_and_link_lists_are_not_restored():
    furniture = (f"<div class='related-posts'><p>{DROPPED[0]}</p></div>"
                 f"<aside><p>{DROPPED[1]}</p></aside>"
                 f"<p><a href='/x'>{DROPPED[2]}</a></p>")
    assert restore_dropped_paragraphs(parse_html(_page(furniture)), KEPT) == KEPT


def test_lines_not_found_in_the_page_change_nothing():
    page = _page("".join(f"<p>{p}</p>" for p in DROPPED))
    lines = ["A line that is nowhere in the page at all, not in any element."] * 3
    assert restore_dropped_paragraphs(parse_html(page), lines) == lines
