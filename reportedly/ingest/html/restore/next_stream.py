"""The article text a Next.js App Router page sends in its data stream but does not render.

An App Router page carries its React tree as a "flight" stream in scripts
(``self.__next_f.push([1, "…"])``). A CMS's rich-text body arrives there as text rows
(``4a:T7e0,<p>…</p>``: id, ``T``, the length in UTF-8 bytes in hex, then the HTML), referenced
from the tree as ``"$4a"``. Pages that render some sections only on the client (a list of
stocks whose write-ups sit in collapsed panels) print the headings and leave the paragraphs in
the stream, so the extraction holds a third of the article (WCXB dev 0046).

The text rows of one article body are referenced from one list (a StreamField body: one object
per block, ``{"type": "paragraph", "value": "$4a"}``). Other text rows are other documents (the
bodies of related posts, an author bio, a JSON-LD script, SVG paths), each from its own object,
or lists of them that hold none of the extracted lines. So the article is the list whose text
rows contain an extracted line, and it is used only when it holds twice the extracted words.
"""
from __future__ import annotations

import json
import re

from lxml import etree
from lxml import html as lxml_html

from reportedly.ingest.html.words import word_key
from reportedly.ingest.html.options import DEFAULT_OPTIONS, RestoreOptions
from reportedly.ingest.html.vocabulary import STREAMED_BLOCK_TAGS

__all__ = ["streamed_bodies", "restore_streamed_body"]

_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\]\)')
_ROW = re.compile(rb"([0-9a-f]{1,8}):(?:T([0-9a-f]{1,8}),)?")
_REF = re.compile(r"\$([0-9a-f]{1,8})")
_BLOCKS = STREAMED_BLOCK_TAGS


def streamed_bodies(tree: lxml_html.HtmlElement) -> list[list[str]]:
    """The rich-text bodies in the page's Next.js flight stream, as lists of text blocks.

    One list per JSON list in the stream that references two or more text rows holding
    paragraphs; empty for pages without a stream. Read before the scripts are pruned.
    """
    chunks = []
    for script in tree.iter("script"):
        code = script.text or ""
        if "__next_f" not in code:
            continue
        for literal in _PUSH.findall(code):
            try:
                chunks.append(json.loads(literal))
            except ValueError:
                continue  # a truncated page cuts its last push short
    if not chunks:
        return []
    texts, trees = _rows("".join(chunks).encode("utf-8"))
    bodies = []
    for ids in _referencing_lists(trees, texts):
        blocks = [block for i in ids for block in _html_blocks(texts[i])]
        if blocks:
            bodies.append(blocks)
    return bodies


def restore_streamed_body(lines: list[str], bodies: list[list[str]],
                          options: RestoreOptions = DEFAULT_OPTIONS.restore) -> list[str]:
    """``lines``, or the streamed body that contains one of them and twice their words."""
    keys = {word_key(line) for line in lines}
    extracted = sum(len(line.split()) for line in lines)
    for blocks in bodies:
        located = any(len(k) > options.min_key_chars and k in keys for k in map(word_key, blocks))
        if located and sum(len(b.split()) for b in blocks) >= options.streamed_times_thicker * extracted:
            return blocks
    return lines


def _rows(stream: bytes) -> tuple[dict[str, str], list[object]]:
    """The stream's text rows (id -> HTML) and its JSON rows, parsed."""
    texts: dict[str, str] = {}
    trees: list[object] = []
    pos = 0
    while pos < len(stream):
        match = _ROW.match(stream, pos)
        if match and match.group(2):
            # A text row has no newline after it: its length says where the next row starts.
            end = match.end() + int(match.group(2), 16)
            texts[match.group(1).decode()] = stream[match.end():end].decode("utf-8", "replace")
            pos = end
            continue
        newline = stream.find(b"\n", pos)
        end = len(stream) if newline < 0 else newline
        if match and stream[match.end():match.end() + 1] in (b"[", b"{"):
            try:
                trees.append(json.loads(stream[match.end():end]))
            except ValueError:
                pass  # a row we do not read (imports, hints) or one cut short
        pos = end + 1
    return texts, trees


def _referencing_lists(trees: list[object], texts: dict[str, str]) -> list[list[str]]:
    """For each JSON list, the text rows with paragraphs its items reference, if two or more."""
    found = []
    stack = list(trees)
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
            ids = [i for item in value for i in _item_refs(item) if "<p" in texts.get(i, "")]
            if len(ids) >= 2:
                found.append(ids)
    return found


def _item_refs(item: object) -> list[str]:
    # A list item is the reference itself or an object holding it among its values.
    values = item.values() if isinstance(item, dict) else [item]
    return [m.group(1) for v in values if isinstance(v, str) and (m := _REF.fullmatch(v))]


def _html_blocks(html: str) -> list[str]:
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    blocks = []
    for el in root.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue  # its text is read with the block that holds it
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    return blocks
