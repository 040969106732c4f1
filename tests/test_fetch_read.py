"""URLs to articles against a local server (pages, feeds, sitemaps, charsets, errors), the archive
read back to the same articles, and the store's versions and fetch state. No model needed."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from fetch_server import LocalServer, Reply, article_page, rss, no_proxy  # noqa: F401 - autouse
from reportedly.fetch import FetchOptions, WebOptions
from reportedly.fetch.reader import WebReader
from reportedly.ingest import iter_articles
from reportedly.ingest.charset import decode_html
from reportedly.serialize import article_dict
from reportedly.store import open_store
from reportedly.store.fetched import FetchState, article_versions, load_states, save_states
from reportedly.store.write import store_document

FAST = FetchOptions(delay=0, backoff=0.01, retries=1, read_timeout=1, total_timeout=2)
TEXTS = {
    "bridge": ["The transport chief said on Monday that the old bridge would reopen next week after repairs.",
               "\u201cWe are confident the work is done,\u201d she told reporters at the town hall."],
    "budget": ["The mayor said the city budget would grow by four percent next year to pay for schools.",
               "Critics said the plan left too little for road repairs across the northern districts."],
}


@pytest.fixture
def server():
    with LocalServer() as s:
        for slug, paragraphs in TEXTS.items():
            s.routes[f"/news/{slug}"] = Reply(body=article_page(slug.title(), paragraphs))
        yield s


def reader(tmp_path=None, **changes) -> WebReader:
    return WebReader(WebOptions(fetch=dataclasses.replace(FAST, **changes),
                                archive_dir=tmp_path / "warc" if tmp_path else None))


def read(urls, tmp_path=None, **changes):
    r = reader(tmp_path, **changes)
    try:
        return list(r.iter(urls)), r
    finally:
        r.close()


def test_a_page_becomes_an_article_with_its_fetch_record(server):
    [loaded], r = read([server.url("/news/bridge")])
    article = loaded.article
    assert loaded.id == server.url("/news/bridge") and "reopen next week" in article.text
    assert article.fetch.url == server.url("/news/bridge") and article.fetch.status == 200
    assert article.published == datetime(2024, 5, 1, 9, tzinfo=timezone.utc)  # the page's own date
    assert [s.url for s in r.states] == [server.url("/news/bridge")]


def test_urls_and_paths_mix_in_order(server, tmp_path):
    (tmp_path / "note.txt").write_text("Officials said the harbor would close for the storm on Friday evening.\n")
    loaded, _ = read([server.url("/news/bridge"), str(tmp_path / "note.txt"), server.url("/news/budget")])
    assert [l.id for l in loaded] == [server.url("/news/bridge"), "note", server.url("/news/budget")]


def test_a_feed_has_each_entry_page_fetched(server):
    server.routes["/feed.xml"] = Reply(body=rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT"),
                                                 ("Budget", server.url("/news/budget"), "Wed, 01 May 2024 10:00:00 GMT")]),
                                       content_type="application/rss+xml")
    loaded, r = read([server.url("/feed.xml")])
    assert [l.id for l in loaded] == [server.url("/news/bridge"), server.url("/news/budget")]
    assert all(l.article is not None and "teaser" not in l.article.text for l in loaded)
    assert {s.url for s in r.states} == {server.url(p) for p in ("/feed.xml", "/news/bridge", "/news/budget")}


def test_a_feed_served_as_xml_is_recognised(server):
    server.routes["/feed"] = Reply(body=rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT")]), content_type="text/xml")
    loaded, _ = read([server.url("/feed")])
    assert [l.id for l in loaded] == [server.url("/news/bridge")]


def test_a_failed_entry_keeps_the_feed_from_being_marked_read(server):
    server.routes["/feed.xml"] = Reply(body=rss([("Gone", "/news/gone", "Wed, 01 May 2024 09:00:00 GMT"),
                                                 ("Budget", "/news/budget", "Wed, 01 May 2024 10:00:00 GMT")]),
                                       content_type="application/rss+xml")
    loaded, r = read([server.url("/feed.xml")])
    assert loaded[0].article is None and loaded[0].error == f"{server.url('/news/gone')}: HTTP 404 Not Found"
    assert loaded[1].article is not None
    # Next time the feed is fetched in full, so the missing entry is tried again.
    assert server.url("/feed.xml") not in {s.url for s in r.states}


def test_a_sitemap_is_recognised_and_its_pages_fetched(server):
    server.routes["/sitemap.xml"] = Reply(
        body='<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<url><loc>{server.url("/news/bridge")}</loc><lastmod>2024-05-01</lastmod></url>'
             f'<url><loc>{server.url("/news/budget")}</loc></url></urlset>',
        content_type="application/xml")
    loaded, _ = read([server.url("/sitemap.xml")])
    assert [l.id for l in loaded] == [server.url("/news/bridge"), server.url("/news/budget")]


def test_a_sitemap_index_is_followed(server):
    server.routes["/sitemap_index.xml"] = Reply(
        body='<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             '<sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>', content_type="application/xml")
    server.routes["/sitemap-news.xml"] = Reply(
        body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{server.url("/news/budget")}</loc></url></urlset>',
        content_type="application/xml")
    loaded, _ = read([server.url("/sitemap_index.xml")])
    assert [l.id for l in loaded] == [server.url("/news/budget")]


def test_sitemap_flag_reads_a_plain_list(server):
    server.routes["/urls.txt"] = Reply(body=f"{server.url('/news/bridge')}\n{server.url('/news/budget')}\n", content_type="text/plain")
    r = WebReader(WebOptions(fetch=FAST, sitemap=True))
    loaded = list(r.iter([server.url("/urls.txt")]))
    r.close()
    assert [l.id for l in loaded] == [server.url("/news/bridge"), server.url("/news/budget")]


def test_each_failure_is_one_message_and_the_batch_goes_on(server):
    server.routes["/notes.txt"] = Reply(body="plain words", content_type="text/plain")
    server.routes["/empty"] = Reply(body="<html><body><nav>Home</nav></body></html>")
    server.routes["/broken"] = Reply(500, "oops")
    urls = [server.url(p) for p in ("/news/missing", "/notes.txt", "/broken", "/empty", "/news/bridge")]
    loaded, _ = read(urls)
    assert [l.id for l in loaded] == urls
    errors = [l.error for l in loaded[:4]]
    assert errors[0] == f"{urls[0]}: HTTP 404 Not Found"
    assert errors[1] == f"{urls[1]}: not an HTML page, a feed or a sitemap but text/plain"
    assert errors[2] == f"{urls[2]}: HTTP 500 Internal Server Error after 2 tries"
    assert errors[3].startswith(urls[3]) and "no article text" in errors[3]
    assert loaded[4].article is not None


# -- charsets: the header's, the page's, none ---------------------------------------------------

GREEK = "The minister visited \u0391\u03b8\u03ae\u03bd\u03b1 and said the port would reopen."


def test_the_header_charset_decodes_a_page_that_declares_none():
    data = f"<html><body><p>{GREEK}</p></body></html>".encode("iso-8859-7")
    assert GREEK in decode_html(data, "ISO-8859-7")
    assert GREEK not in decode_html(data)  # without the header, the guess is wrong


def test_charsets_over_http(server):
    quote = "\u201cWe are ready,\u201d she said of the bridge that reopens next week after long repairs."
    pages = {
        # The header is right, the page says nothing.
        "/greek": (article_page("Port", [GREEK, "Officials said the ferries would run on the usual timetable again."], charset=None).encode("iso-8859-7"),
                   "text/html; charset=iso-8859-7", GREEK),
        # The header says UTF-8, but the bytes are cp1252 as the page's <meta> says.
        "/wrong-header": (article_page("Bridge", [quote, "The council said the work had cost less than planned."], charset="windows-1252").encode("cp1252"),
                          "text/html; charset=utf-8", quote),
        # The header says Latin-1, but the bytes are UTF-8: mislabelled UTF-8 is common.
        "/utf8-as-latin1": (article_page("Bridge", [quote, "The council said the work had cost less than planned."], charset=None).encode("utf-8"),
                            "text/html; charset=iso-8859-1", quote),
        # Nothing declared anywhere, cp1252 bytes.
        "/undeclared": (article_page("Bridge", [quote, "The council said the work had cost less than planned."], charset=None).encode("cp1252"),
                        "text/html", quote),
    }
    for path, (body, ctype, _) in pages.items():
        server.routes[path] = Reply(body=body, content_type=ctype)
    loaded, _ = read([server.url(p) for p in pages])
    for l, (path, (_, _, expected)) in zip(loaded, pages.items()):
        assert l.article is not None, (path, l.error)
        assert expected in l.article.text, path


# -- conditional GET and feeds polled again -----------------------------------------------------

def test_a_known_page_is_asked_for_conditionally(server):
    def page(handler):
        if handler.headers.get("If-None-Match") == '"b1"':
            handler._reply(Reply(304, content_type=None))
        else:
            handler._reply(Reply(body=article_page("Bridge", TEXTS["bridge"]), headers={"ETag": '"b1"'}))

    server.routes["/news/bridge"] = page
    _, first = read([server.url("/news/bridge")])
    [state] = first.states
    assert state.etag == '"b1"'
    r = WebReader(WebOptions(fetch=FAST), known={state.url: state})
    assert list(r.iter([server.url("/news/bridge")])) == []
    r.close()
    assert r.not_modified == 1 and r.states[0].etag == '"b1"'  # a 304 keeps the validators


def test_feed_entries_not_updated_since_their_fetch_are_not_fetched_again(server):
    checked = datetime(2024, 5, 2, tzinfo=timezone.utc)
    server.routes["/feed.xml"] = Reply(body=rss([("Bridge", "/news/bridge", "Wed, 01 May 2024 09:00:00 GMT"),
                                                 ("Budget", "/news/budget", "Fri, 03 May 2024 10:00:00 GMT")]),
                                       content_type="application/rss+xml")
    known = {server.url(f"/news/{slug}"): FetchState(server.url(f"/news/{slug}"), checked.isoformat()) for slug in TEXTS}
    r = WebReader(WebOptions(fetch=FAST), known=known)
    loaded = list(r.iter([server.url("/feed.xml")]))
    r.close()
    # The bridge entry is dated before its last fetch; the budget entry was updated after it.
    assert [l.id for l in loaded] == [server.url("/news/budget")] and r.unchanged == 1
    assert "/news/bridge" not in server.paths()


# -- the archive reads back to the same articles ------------------------------------------------

def test_the_archive_reads_back_to_the_same_articles(server, tmp_path):
    server.routes["/old-link"] = Reply(301, headers={"Location": "/news/bridge"})
    server.routes["/news/flaky"] = [Reply(500, "<html><body>oops</body></html>"), Reply(body=article_page("Flaky", TEXTS["budget"]))]
    server.routes["/feed.xml"] = Reply(body=rss([("Budget", "/news/budget", "Wed, 01 May 2024 10:00:00 GMT")]),
                                       content_type="application/rss+xml")
    server.routes["/undated"] = Reply(body=article_page("Undated", TEXTS["bridge"], published=None))
    live, r = read([server.url(p) for p in ("/old-link", "/news/flaky", "/feed.xml", "/undated")], tmp_path)
    assert all(l.article is not None for l in live)
    [warc] = list((tmp_path / "warc").glob("*.warc.gz"))
    again = list(iter_articles([str(warc)]))
    # The 500 page, robots.txt, the redirect and the feed are not articles; the pages are, the same.
    assert [article_dict(l.article) for l in again] == [article_dict(l.article) for l in live]
    fetch = again[0].article.fetch
    assert fetch.requested_url == server.url("/old-link") and fetch.redirects == ((server.url("/old-link"), 301),)
    assert fetch.warc_file == warc.name and fetch.warc_record.startswith("<urn:uuid:")
    # An undated page is dated by its fetch, live and archived alike.
    assert again[3].article.published == live[3].article.fetch.fetched_at


def test_an_archived_page_cut_short_is_not_read_as_whole(server, tmp_path):
    from fetch_server import streaming

    server.routes["/endless"] = streaming(server)
    live, _ = read([server.url("/endless"), server.url("/news/bridge")], tmp_path, max_bytes=20_000, total_timeout=30)
    assert "goes on past 20,000 bytes" in live[0].error
    again = list(iter_articles([str(next((tmp_path / "warc").glob("*.warc.gz")))]))
    assert "cut short" in again[0].error and again[1].article is not None


# -- the store: versions linked, fetch state kept -----------------------------------------------

def _doc(id: str, url: str, text: str, fetched_at: datetime) -> dict:
    return {
        "schema": "reportedly/1", "id": id, "attributions": [], "entities": [], "errors": [],
        "article": {"title": "Bridge", "dek": None, "bylines": [], "outlet": None, "url": url, "published": None,
                    "updated": None, "image_credits": [], "language": "en", "boilerplate": [],
                    "paragraphs": [{"start": 0, "end": len(text), "role": "body"}], "text": text,
                    "fetch": {"requested_url": url, "url": url, "status": 200, "fetched_at": fetched_at.isoformat(),
                              "sha256": f"{hash(text) & 0xffff:064x}", "content_type": "text/html", "redirects": [],
                              "archive": None}},
    }


def test_a_changed_page_is_a_new_version_linked_to_the_old(tmp_path):
    db = open_store(tmp_path / "c.db")
    url = "https://news.example/bridge"
    day = datetime(2024, 5, 1, tzinfo=timezone.utc)
    store_document(db, _doc(url, url, "The bridge will reopen on Monday.", day), "h1")
    store_document(db, _doc("https://news.example/other", "https://news.example/other", "Other story.", day), "h2")
    store_document(db, _doc(url, url, "The bridge will reopen on Tuesday.", day + timedelta(days=1)), "h3")
    versions = article_versions(db, url)
    assert [v["id"] for v in versions] == [url, f"{url}~h3"]
    assert versions[0]["previous"] is None and versions[1]["previous"] == url
    assert versions[1]["fetched_at"] == (day + timedelta(days=1)).isoformat()
    assert article_versions(db, "https://news.example/other")[0]["previous"] is None


def test_fetch_state_survives_reopening(tmp_path):
    db = open_store(tmp_path / "c.db")
    save_states(db, [FetchState("https://a/feed", "2024-05-01T00:00:00+00:00", etag='"1"', status=200)])
    save_states(db, [FetchState("https://a/feed", "2024-05-02T00:00:00+00:00", etag='"2"', last_modified="x", status=200)])
    db.close()
    states = load_states(open_store(tmp_path / "c.db"))
    assert states == {"https://a/feed": FetchState("https://a/feed", "2024-05-02T00:00:00+00:00", '"2"', "x", 200)}
