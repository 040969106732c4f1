"""declared_body_bounds: trimming extracted lines to the JSON-LD articleBody, on hand-made text."""
from __future__ import annotations

import json

from reportedly.ingest.html.steps.declared_body import declared_article_body, declared_body_bounds
from reportedly.ingest.html import read_html

ARTICLE = [
    "The harbour authority approved a plan on Monday to dredge the eastern channel, which has "
    "silted up so badly that the larger ferries can no longer dock at low tide.",
    "Work is due to start in the autumn and last about four months, during which the ferry "
    "timetable will be cut to two crossings a day, the authority said in a statement.",
    "Local fishermen, who have asked for the work for years, welcomed the decision but said "
    "they were worried about where the dredged sand would be dumped.",
    "The authority said the sand would be taken to a licensed site well offshore and that "
    "divers would check the seabed for damage once the work was finished.",
]
BIO = ("Sam Rivers covers the coast and its industries for the paper and has lived in the town "
       "for twenty years.")
CRUMBS = "Home > News > Local"


def test_edges_the_declaration_lacks_are_cut():
    lines = [CRUMBS] + ARTICLE + [BIO, "Share this story"]
    assert declared_body_bounds(lines, " ".join(ARTICLE)) == (1, 1 + len(ARTICLE))


def test_lines_in_the_middle_are_never_cut():
    lines = ARTICLE[:2] + ["Photo: the eastern channel at low tide"] + ARTICLE[2:]
    assert declared_body_bounds(lines, " ".join(ARTICLE)) == (0, len(lines))


def test_a_teaser_or_another_article_cuts_nothing():
    lines = ARTICLE + [BIO]
    assert declared_body_bounds(lines, ARTICLE[0]) == (0, len(lines))  # under 100 words
    other = ("A completely different story about the price of bread and flour in the capital, "
             "the bakers who sell it and the farmers who grow the wheat. ") * 6
    assert declared_body_bounds(lines, other) == (0, len(lines))
    assert declared_body_bounds(lines, None) == (0, len(lines))


def test_markup_and_entities_in_the_declaration_are_read_as_text():
    declared = "<p>" + "</p><p>".join(a.replace("'", "&rsquo;") for a in ARTICLE) + "</p>"
    assert declared_body_bounds(ARTICLE + [BIO], declared) == (0, len(ARTICLE))


def test_declared_article_body_takes_the_first_string():
    assert declared_article_body([{"headline": "x"}, {"articleBody": " "},
                                  {"articleBody": "Text."}]) == "Text."
    assert declared_article_body([{"articleBody": ["not", "a", "string"]}]) is None


def test_read_html_leaves_out_a_bio_the_declared_body_lacks():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Channel dredged",
          "articleBody": "\n".join(ARTICLE)}
    body = "".join(f"<p>{p}</p>" for p in ARTICLE + [BIO])
    html = (f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head>"
            f"<body><article><h1>Channel dredged</h1>{body}</article></body></html>")
    art = read_html(html, "t")
    assert BIO not in art.text
    assert ARTICLE[-1] in art.text
    assert any(span.text == BIO for span in art.boilerplate)
