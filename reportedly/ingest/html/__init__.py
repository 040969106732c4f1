"""The HTML reader: one web page into an ``Article``, as a declared pipeline.

Layout, in the order the stages run (``reader`` runs them):
  parse.py      bytes/text to a lenient tree
  meta/         what the page declares about its article, and the metadata decided from it
  prepare/      the tree made ready for extraction (pruned, article blocks unmarked, container marked)
  extract.py    trafilatura's body, one paragraph per line
  restore/      paragraphs the extraction dropped, given back
  steps/        the line steps, each dropping lines with a reason (contract: ``pipeline``)
  page.py       the ``Page`` and ``Verdict`` values the steps share
  options.py    every threshold, with its reason
  vocabulary.py the tags, class words and labels the reader knows, platform quirks apart
  upstream.py   the version guard over trafilatura's and htmldate's internals
The design is written down in docs/html-reader.md.
"""
__all__ = ["read_html", "parse_html"]


def __getattr__(name: str):
    # Imported on first use: the reader brings in trafilatura, htmldate and their dependencies
    # (a quarter of a second), which reading plain text, JSON Lines of text or a store never needs.
    if name == "read_html":
        from reportedly.ingest.html.reader import read_html

        return read_html
    if name == "parse_html":
        from reportedly.ingest.html.parse import parse_html

        return parse_html
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
