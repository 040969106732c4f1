"""Reading one web page (``.html``, ``.htm``, ``.html.gz``) into an ``Article``: the stages in order.

1. decode and parse (``parse``): bytes in any charset to a lenient lxml tree;
2. declarations (``meta.gather_declarations``): what the page says about itself, read from the
   whole tree before anything is removed;
3. prepare (``prepare``): remove what is never text, unmark article blocks, mark the container;
4. extract (``extract``): trafilatura's body, one paragraph per line;
5. metadata (``meta.decide_meta``): title, dek, bylines, dates, outlet, language, URL;
6. restore (``restore``): paragraphs the extraction dropped, sections left in a data stream;
7. line steps (``steps``, run by ``pipeline``): each drops lines with a reason;
8. assemble: the kept lines are ``Article.text``, joined by a blank line; each dropped line is
   kept in ``Article.boilerplate`` with its step and reason.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from reportedly.errors import InputError, TooLargeError
from reportedly.ingest.charset import decode_html, gunzip_if_needed
from reportedly.ingest.html.extract import extract_body
from reportedly.ingest.html.meta import decide_meta, gather_declarations
from reportedly.ingest.html.options import DEFAULT_OPTIONS, Options
from reportedly.ingest.html.page import Page, Verdict
from reportedly.ingest.html.parse import looks_binary, parse_html
from reportedly.ingest.html.pipeline import Step, run_steps
from reportedly.ingest.html.quoted import quotation_of_lines
from reportedly.ingest.html.prepare import prepare_tree
from reportedly.ingest.html.restore.next_stream import restore_streamed_body, streamed_bodies
from reportedly.ingest.html.restore.thin_body import restore_dropped_paragraphs
from reportedly.ingest.html.steps import STEPS
from reportedly.ingest.html.steps.boilerplate import is_image_credit
from reportedly.ingest.mojibake import repair_mojibake
from reportedly.language import word_count
from reportedly.model import Article, Omission, Paragraph

__all__ = ["read_html"]


def read_html(
    data: bytes | str,
    id: str,
    *,
    url: str | None = None,
    default_tz: tzinfo | None = None,
    source_path: str | None = None,
    options: Options = DEFAULT_OPTIONS,
    steps: Sequence[Step] = STEPS,
) -> Article:
    """Read a web page into an Article: extracted body text, paragraphs and metadata.

    ``data`` is the page as bytes (any charset, gzipped or not) or as already decoded text.
    ``default_tz`` is the zone for times the page gives without an offset or zone (naive when
    None: no offset is invented); a day without a time stays a day (see ``timestamps``).
    ``options`` holds every threshold (``options.Options``); ``steps`` are the line steps run
    on the extracted lines (``steps.STEPS``; pass fewer to ablate one).
    Raises InputError when the page is empty or has no article text, TooLargeError when it is
    over ``options.max_bytes``.
    """
    text = _page_text(data, id, options.max_bytes)
    tree = parse_html(text, id)

    declarations = gather_declarations(tree)
    streamed = streamed_bodies(tree)  # in <script>s, which are pruned next
    prepare_tree(tree, options.prepare)
    try:
        body = extract_body(tree, url, options.extract)
    except RecursionError:
        # trafilatura reads nested lists by recursion: lists some 450 levels deep (unclosed
        # <ul><li> repeated down an old page) exhaust Python's stack.
        raise InputError(f"{id}: the page nests its lists too deeply to be read "
                         "(hundreds of levels)") from None
    if body is None:
        raise InputError(f"{id}: no article text found in the page (is it an article page?)")
    meta = decide_meta(declarations, tree, url=url, default_tz=default_tz, body_text=body)
    # An extraction that is a fragment of its own container gets the dropped paragraphs back.
    lines = restore_dropped_paragraphs(tree, body.split("\n"), options.restore)
    # A Next.js page that leaves sections of its article in its data stream, unrendered.
    lines = restore_streamed_body(lines, streamed, options.restore)

    page = Page(id, tree, declarations, meta, tuple(lines), tuple(range(len(lines))))
    page, verdicts = run_steps(page, steps, options)
    kept = [(i, _normalised(page.lines[i])) for i in page.live if page.lines[i].strip()]
    # Counted so that a page in Chinese is read (the pipeline then says which language it is).
    kept_words = sum(word_count(line) for _, line in kept)
    if kept_words < options.min_words:
        # What is left is a menu item or a cookie notice, not an article.
        raise InputError(f"{id}: no article text found in the page (only {kept_words} words of text)")
    dropped = sorted((v.line, v) for v in verdicts if not v.keep and page.lines[v.line].strip())
    quoted = quotation_of_lines(tree, [line for _, line in kept])
    text, paragraphs, boilerplate = _assemble(kept, [(i, _normalised(page.lines[i]), v)
                                                     for i, v in dropped], quoted)
    credits = [line for _, line, v in ((i, _normalised(page.lines[i]), v) for i, v in dropped)
               if v.step == "boilerplate" and is_image_credit(line, options.boilerplate)]
    return Article(
        id=id,
        text=text,
        paragraphs=paragraphs,
        title=meta.title,
        dek=meta.dek,
        bylines=meta.bylines,
        wire=meta.wire,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        updated=meta.updated,
        image_credits=tuple(credits),
        language=meta.language,
        boilerplate=boilerplate,
        source_path=source_path,
    )


def _page_text(data: bytes | str, id: str, max_bytes: int) -> str:
    """The page as text: gunzipped, decoded, its mojibake repaired; checked to be a page."""
    if isinstance(data, (bytes, bytearray)):
        raw = gunzip_if_needed(bytes(data))
        if len(raw) > max_bytes:
            raise TooLargeError(f"{id}: the page is {len(raw)} bytes, over the {max_bytes} limit")
        text = decode_html(raw)
    elif isinstance(data, str):
        text = data
        if len(text) > max_bytes:
            raise TooLargeError(f"{id}: the page is {len(text)} characters, over the {max_bytes} limit")
    else:
        raise InputError(f"{id}: expected bytes or str, got {type(data).__name__}")
    text = repair_mojibake(text)
    if not text.strip():
        raise InputError(f"{id}: the page is empty")
    if looks_binary(text):
        raise InputError(f"{id}: the data looks binary (control characters), not an HTML page")
    return text


def _normalised(line: str) -> str:
    return " ".join(line.split())


def _assemble(kept: list[tuple[int, str]], dropped: list[tuple[int, str, Verdict]],
              quoted: dict[int, int] | None = None
              ) -> tuple[str, tuple[Paragraph, ...], tuple[Omission, ...]]:
    """The body text (kept lines joined by a blank line), its paragraphs (those at the
    positions of ``kept`` that ``quoted`` maps to a blockquote's number marked as block
    quotations, with that number), and the dropped lines as
    omissions anchored where they would have been (``Omission.in_text`` False)."""
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    boilerplate: list[Omission] = []
    pos = 0
    dropped_at = iter(dropped)
    next_drop = next(dropped_at, None)
    for position, (index, line) in enumerate(kept):
        # Anchor each dropped line where it stood: right after the kept text before it.
        while next_drop is not None and next_drop[0] < index:
            boilerplate.append(_omission(pos, next_drop))
            next_drop = next(dropped_at, None)
        if pieces:
            pos += 2
        quotation = (quoted or {}).get(position)
        paragraphs.append(Paragraph(pos, pos + len(line), "body", quoted=quotation is not None, quotation=quotation))
        pieces.append(line)
        pos += len(line)
    while next_drop is not None:
        boilerplate.append(_omission(pos, next_drop))
        next_drop = next(dropped_at, None)
    return "\n\n".join(pieces), tuple(paragraphs), tuple(boilerplate)


def _omission(at: int, dropped: tuple[int, str, Verdict]) -> Omission:
    _, line, verdict = dropped
    return Omission(at, at, line, reason=verdict.reason, step=verdict.step, in_text=False)
