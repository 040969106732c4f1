"""WARC and RSS/Atom readers, and outlet/date from PolNeAR-style file names (no network, no model)."""
import io
import random
import string
from datetime import datetime

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reportedly.ingest import format_of, iter_articles, sniff_format
from reportedly.ingest.filenames import outlet_and_date

PAGE = """<html><head><title>Bridge to reopen</title></head><body><article>
<h1>Bridge to reopen</h1>
<p>The city's transport chief said on Monday that the old bridge would reopen to traffic next week after repairs.</p>
<p>"We are confident the work is done," she told reporters at a briefing in the town hall that afternoon.</p>
</article></body></html>"""


def _warc(path, gz=False):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for n, (ctype, body) in enumerate([("text/html; charset=utf-8", PAGE), ("image/png", "xx"), ("text/html", "<html><body></body></html>")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.com/{n}", "response", payload=io.BytesIO(body.encode()), http_headers=headers)
            writer.write_record(record)


def test_warc_pages_are_articles_and_bad_pages_are_reported(tmp_path):
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        _warc(tmp_path / name, gz)
        loaded = list(iter_articles([str(tmp_path / name)]))
        assert [l.id for l in loaded] == ["crawl:1", "crawl:2"]
        assert loaded[0].article.url == "https://example.com/0"
        assert "reopen to traffic" in loaded[0].article.text
        assert loaded[1].article is None and "no article text" in loaded[1].error


def test_damaged_warc_reports_the_damage_once_and_keeps_what_it_read(tmp_path, capsys):
    # A page long enough to span several of warcio's read blocks (random words barely
    # compress), its gzip member overwritten two thirds in: warcio notes the bad data check
    # on stderr and reads no further in that member.
    rng = random.Random(5)
    words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))
                     for _ in range(40_000))
    big = PAGE.replace("</article>", f"<p>{words}</p></article>")
    with open(tmp_path / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, body in enumerate([big, PAGE]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.com/{n}", "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    cut = data.index(b"\x1f\x8b\x08", 1) * 2 // 3
    (tmp_path / "bad.warc.gz").write_bytes(data[:cut] + b"\x00" * 64 + data[cut + 64:])
    loaded = list(iter_articles([str(tmp_path / "bad.warc.gz")]))
    assert loaded[0].article is not None and "reopen to traffic" in loaded[0].article.text
    damage = [l for l in loaded if l.error and "damaged" in l.error]
    assert len(damage) == 1 and "bad.warc.gz" in damage[0].error and "data check" in damage[0].error
    # warcio's own note went into that error, not onto the user's terminal.
    assert capsys.readouterr().err == ""


def test_not_a_warc(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"garbage, not a web archive\n" * 10)
    loaded = list(iter_articles([str(tmp_path / "bad.warc")]))
    assert len(loaded) == 1 and loaded[0].article is None


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>The Daily Example</title>
<item><title>Council approves budget</title><link>https://example.com/budget</link>
<pubDate>Tue, 10 Aug 2016 14:30:00 +0000</pubDate><author>Jane Roe</author>
<description>The council approved the budget on Tuesday. "It is a fair deal," the mayor said after the vote.</description></item>
<item><title>Empty</title><link>https://example.com/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><id>urn:x:1</id><title>Port strike ends</title><updated>2016-08-11T09:00:00Z</updated>
<content type="html">&lt;p&gt;Dock workers ended their strike on Thursday, union leaders said in a statement to the press.&lt;/p&gt;&lt;p&gt;Ships began unloading within hours of the announcement, officials said.&lt;/p&gt;</content></entry>
</feed>"""


def test_feed_with_a_reference_to_half_an_emoji(tmp_path):
    # feedparser's lenient parser crashed encoding "&#xD83D;" (no character) as UTF-8.
    (tmp_path / "news.rss").write_text(RSS.replace("Council approves", "Council &#xD83D; approves")
                                       .replace("The Daily", "The &#55357; Daily"))
    first = list(iter_articles([str(tmp_path / "news.rss")]))[0].article
    assert first.title == "Council \ufffd approves budget" and first.outlet == "The \ufffd Daily Example"


def test_rss_entries(tmp_path):
    (tmp_path / "news.rss").write_text(RSS)
    loaded = list(iter_articles([str(tmp_path / "news.rss")]))
    first = loaded[0].article
    assert first.outlet == "The Daily Example" and first.title == "Council approves budget"
    assert first.published.isoformat() == "2016-08-10T14:30:00+00:00"
    assert first.url == "https://example.com/budget" and "fair deal" in first.text
    assert loaded[1].article is None and "no content" in loaded[1].error


def test_atom_entry_with_html_content(tmp_path):
    (tmp_path / "feed.xml").write_text(ATOM)
    [loaded] = list(iter_articles([str(tmp_path / "feed.xml")]))
    assert loaded.article.outlet == "Atom News" and "Dock workers" in loaded.article.text
    assert sniff_format(ATOM.encode()) == "feed"


def test_formats_by_suffix():
    assert format_of("a.warc.gz") == "warc" and format_of("a.atom") == "feed" and format_of("a.xml") == "feed"


def test_outlet_and_date_from_file_name(tmp_path):
    assert outlet_and_date("breitbart_2016-09-20_some-slug") == ("breitbart", datetime(2016, 9, 20))
    assert outlet_and_date("notes_2016-13-40_x") is None and outlet_and_date("plain") is None
    path = tmp_path / "usa-today_2016-08-10_trump-hints.txt"
    path.write_text("Trump hints\n\nThe candidate said on Tuesday that the plan would work well for everyone.\n")
    [loaded] = list(iter_articles([str(path)]))
    assert loaded.article.outlet == "usa-today" and loaded.article.published == datetime(2016, 8, 10)
