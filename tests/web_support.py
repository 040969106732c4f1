"""Shared helpers for the web tests."""
from __future__ import annotations

HOSTILE = (
    "Hostile headline <script>window.__pwned = 1</script>\n\n"
    "The mayor said \"<img src=x onerror=\"window.__pwned=2\"> is fine\" on Monday. "
    "Officials said the <b>bridge</b> would reopen, according to a statement.\n"
)


def assert_error_shape(response, status: int) -> dict:
    """The one error body of the app: exactly ok/error/status, status matching the response."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]
    return body


# Small articles for a corpus: two outlets relay one statement (reworded once) and cite each other.
CORPUS = [
    ("wire-1", "Daily Planet", "2024-03-01T09:00:00+00:00",
     "Bridge to reopen\n\nThe mayor said \"the bridge will reopen on Monday after the repairs are finished\", Reuters reported. "
     "Officials said the repairs cost more than expected."),
    ("wire-2", "Evening Star", "2024-03-01T15:00:00+00:00",
     "Mayor: bridge reopens Monday\n\nThe mayor said \"the bridge will reopen on Monday once the repairs are finished\", the Daily Planet reported. "
     "Residents said they were relieved."),
    ("wire-3", "Morning Post", "2024-03-02T08:00:00+00:00",
     "Repairs end\n\n\"The bridge will reopen on Monday after the repairs are finished,\" the mayor said, according to the Evening Star."),
]


def build_store(path, analyzer, example_text: str | None = None):
    """A small corpus store at ``path``: the CORPUS articles and the example article."""
    import hashlib

    from reportedly.ingest import read_article
    from reportedly.serialize import analysis_dict
    from reportedly.store import open_store
    from reportedly.store.write import store_document

    items = list(CORPUS)
    if example_text is not None:
        items.append(("belarus-military-letter", "Republic World", "2022-07-11T06:24:00+05:30", example_text))
    db = open_store(path)
    for article_id, outlet, published, text in items:
        doc = analysis_dict(analyzer.analyze(read_article(text, article_id)))
        doc["article"]["outlet"] = outlet
        doc["article"]["published"] = published
        store_document(db, doc, hashlib.sha256(text.encode()).hexdigest())
    db.close()
    return path
