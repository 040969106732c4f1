import gzip
import io
import json

import pytest

from reportedly.errors import InputError
from reportedly.ingest import ReadOptions, article_id, iter_articles, sniff_format
from reportedly.ingest.decode import decode_text
from reportedly.ingest.html import read_html

HTML = b"""<!doctype html><html><head><title>Mayor backs plan | Springfield Times</title>
<meta property="og:site_name" content="Springfield Times">
<meta name="author" content="Ann Poe">
<meta property="article:published_time" content="2023-04-05T09:30:00+02:00">
</head><body><article><h1>Mayor backs plan</h1>
<p>The mayor said on Tuesday that the plan would go ahead despite objections from residents.</p>
<p>"We will build it," she told reporters outside the town hall after the council meeting.</p>
<p>Council members were divided on the question, according to officials familiar with the vote.</p>
</article></body></html>"""


def test_article_id():
    assert article_id("a/b/x.html.gz") == "x"
    assert article_id("dir/breitbart_2016.txt") == "breitbart_2016"
    assert article_id("feed.jsonl") == "feed"


def test_sniff():
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b'{"text": "x"}\n') == "jsonl"
    assert sniff_format(b"Plain words.") == "text"


def test_decode_rejects_bad_bytes():
    with pytest.raises(InputError, match="empty"):
        decode_text(b"  \n ")
    with pytest.raises(InputError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    text, encoding = decode_text("Café au lait, déjà vu, naïve résumé.".encode("cp1252"))
    assert "Café" in text and encoding != "utf-8"


def test_decode_newlines_and_bom():
    assert decode_text(b"\xef\xbb\xbfa\r\nb\rc")[0] == "a\nb\nc"


def test_html_reader():
    article = read_html(HTML, "page")
    assert article.title.startswith("Mayor backs plan")
    assert "the plan would go ahead" in article.text
    assert article.published.isoformat().startswith("2023-04-05")
    for p in article.paragraphs:
        assert article.text[p.start : p.end].strip() == article.text[p.start : p.end]


def test_html_gzip_and_truncated():
    assert read_html(gzip.compress(HTML), "page").title.startswith("Mayor")
    # A truncated download keeps what decompresses; here nothing does, so the page is empty.
    with pytest.raises(InputError, match="empty|gzip"):
        read_html(gzip.compress(HTML)[:40], "page")
    with pytest.raises(InputError):
        read_html(b"<html><body></body></html>", "empty")


def test_directory_recursion_and_errors(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Officials said the road would reopen soon after repairs.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes(HTML)
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    loaded = list(iter_articles([str(tmp_path), str(tmp_path / "missing.txt")], ReadOptions(max_bytes=2000)))
    by_id = {item.id: item for item in loaded}
    assert set(by_id) == {"a", "b", "empty", "big", "missing"}
    assert by_id["a"].article is not None and by_id["b"].article is not None
    assert "empty" in by_id["empty"].error
    assert "--max-bytes" in by_id["big"].error
    assert "no such file" in by_id["missing"].error


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": "Police said two people were hurt.", "outlet": "Daily", "url": "http://x/1",
                    "published": "2024-01-02T03:04:05+01:00"}),
        "{not json",
        json.dumps({"id": "two", "html": HTML.decode()}),
        json.dumps({"id": "three"}),
        json.dumps(["a list"]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = list(iter_articles([str(path)]))
    assert [item.id for item in loaded] == ["one", "feed:2", "two", "three", "feed:5"]
    one = loaded[0].article
    assert one.outlet == "Daily" and one.url == "http://x/1"
    assert one.published.isoformat() == "2024-01-02T03:04:05+01:00"
    assert "not valid JSON" in loaded[1].error
    assert loaded[2].article.title.startswith("Mayor")
    assert "no non-empty 'text' or 'html'" in loaded[3].error
    assert "must be an object" in loaded[4].error


def test_jsonl_half_an_emoji_deep_nesting_and_a_reader_bug_cost_one_record(tmp_path, monkeypatch):
    from reportedly.ingest import jsonl

    text = "Police said on Monday that two people were hurt in the crash on the ring road."
    lines = [
        # "\ud83d" without its pair: no character, which no UTF-8 writer takes.
        '{"id": "half", "title": "Crash \\ud83d", "text": "' + text.replace("two", "two \\ud83d") + '"}',
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": "bug", "text": text}),
        json.dumps({"id": "after", "text": text}),
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = jsonl.read_plaintext

    def buggy(body, id, **kw):
        if id == "bug":
            raise KeyError("a bug in a reader")
        return real(body, id, **kw)

    monkeypatch.setattr(jsonl, "read_plaintext", buggy)
    loaded = list(iter_articles([str(path)]))
    assert [item.id for item in loaded] == ["half", "records:2", "bug", "after"]
    half = loaded[0].article
    # U+FFFD one for one, so the offsets into the record's text stay.
    assert half.title == "Crash \ufffd" and "two \ufffd people" in half.text
    half.text.encode("utf-8")
    assert "nests its JSON too deeply" in loaded[1].error
    assert "internal error while reading (KeyError" in loaded[2].error
    assert loaded[3].article is not None


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Officials said the bridge was safe to use.")))
    (item,) = list(iter_articles(["-"]))
    assert item.id == "stdin" and item.article.text.startswith("Officials")
