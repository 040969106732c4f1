"""The article body a Next.js App Router page leaves in its flight stream (no spaCy model)."""
from __future__ import annotations

import json

from reportedly.ingest.html import parse_html, read_html
from reportedly.ingest.html.restore.next_stream import restore_streamed_body, streamed_bodies

INTRO = ("Cloud computing boomed during the last decade, and the move of office work online has "
         "only sped it up for the companies that sell the servers.")
SECTIONS = [
    "Salesforce was a pioneer of software sold over the internet, and it has since branched out "
    "into data tools and team chat through a steady stream of acquisitions. " * 3,
    "Adobe got its start long before the cloud, yet it moved its design programs to monthly "
    "subscriptions early and now earns most of its revenue that way. " * 3,
    "Snowflake stores and processes data for other businesses, and its revenue grew at triple "
    "digits in the years after it went public in a much celebrated listing. " * 3,
]


def text_row(row_id: str, html: str) -> str:
    # A text row: id, "T", its length in UTF-8 bytes in hex, then the text, with no newline.
    return f"{row_id}:T{len(html.encode('utf-8')):x},{html}"


def flight_page(rendered: str, stream: str) -> str:
    pushes = "".join(
        f"<script>self.__next_f.push([1,{json.dumps(stream[i:i + 200])}])</script>"
        for i in range(0, len(stream), 200))
    return (f"<html><head><title>Cloud stocks</title></head><body><main><h1>Cloud stocks</h1>"
            f"{rendered}</main>{pushes}</body></html>")


def body_stream(*, listed: bool = True) -> str:
    rows = [("49", f"<h2>Investing in cloud stocks</h2><p>{INTRO}</p>")]
    rows += [(f"4{chr(97 + n)}", f"<p>{text}</p>") for n, text in enumerate(SECTIONS)]
    stream = "".join(text_row(i, html) for i, html in rows)
    if listed:
        # One StreamField list references every block of the body.
        blocks = [{"type": "paragraph", "value": f"${i}", "id": f"b{n}"}
                  for n, (i, _) in enumerate(rows)]
    else:
        # Each text row is the body of its own related post.
        blocks = [{"post": {"title": f"Post {n}", "html": f"${i}"}}
                  for n, (i, _) in enumerate(rows)]
    return stream + "2:" + json.dumps(["$", "div", None, {"body": blocks}]) + "\n"


def test_the_body_referenced_from_one_list_is_read_from_the_stream():
    tree = parse_html(flight_page(f"<p>{INTRO}</p>", body_stream()))
    bodies = streamed_bodies(tree)
    sections = [" ".join(s.split()) for s in SECTIONS]
    assert bodies == [["Investing in cloud stocks", INTRO, *sections]]


def test_text_rows_of_separate_documents_are_not_a_body():
    tree = parse_html(flight_page(f"<p>{INTRO}</p>", body_stream(listed=False)))
    assert streamed_bodies(tree) == []


def test_the_streamed_body_replaces_a_thin_extraction_that_it_contains():
    body = ["Investing in cloud stocks", INTRO, *SECTIONS]
    assert restore_streamed_body(["Key Data Points", INTRO], [body]) == body
    # Not when none of the extracted lines is in it (another article), nor when it is not
    # twice as long as the extraction.
    other = ["A different story about the weather and the long, wet autumn on the coast."] * 9
    assert restore_streamed_body(["Key Data Points", INTRO], [other]) == ["Key Data Points", INTRO]
    full = [INTRO, *SECTIONS[:2]]
    assert restore_streamed_body(full, [body]) == full


def test_read_html_reads_the_sections_left_in_the_stream():
    html = flight_page(f"<p>{INTRO}</p><h2>1. Salesforce</h2><p>Key Data Points</p>", body_stream())
    article = read_html(html, "flight")
    assert "Snowflake stores and processes data" in article.text
    assert INTRO in article.text


def test_pages_without_a_stream_have_no_streamed_body():
    assert streamed_bodies(parse_html(f"<html><body><p>{INTRO}</p></body></html>")) == []
