"""Building reportedly/1 documents by hand, so store and corpus tests need no spaCy."""
from __future__ import annotations


def make_doc(id: str, text: str, attributions=(), *, outlet=None, published=None, title=None, bylines=()) -> dict:
    """A document whose attributions are (source, cue, content, kind) strings found in ``text``."""
    atts = []
    for n, (source, cue, content, kind) in enumerate(attributions, start=1):
        atts.append({
            "id": f"a{n}", "kind": kind,
            "source": _span(text, source), "cue": _span(text, cue), "content": _span(text, content),
        })
    return {
        "schema": "reportedly/1", "id": id,
        "article": {
            "title": title, "dek": None, "bylines": list(bylines), "outlet": outlet, "url": None,
            "published": published, "updated": None, "image_credits": [], "language": "en",
            "paragraphs": [{"start": 0, "end": len(text), "role": "body"}], "boilerplate": [], "text": text,
        },
        "attributions": atts, "entities": [], "errors": [],
    }


def _span(text: str, part: str | None):
    if part is None:
        return None
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


JUDGES = "By the way, if she gets to pick her judges, nothing you can do, folks"

DOCS = [
    make_doc(
        "breitbart_2016-08-10_a",
        f"Trump spoke in North Carolina. “{JUDGES},” Trump told a rally. Clinton would raise taxes, aides said on Tuesday night.",
        [("Trump", "told", f"“{JUDGES},”", "direct"), ("aides", "said", "Clinton would raise taxes", "indirect")],
        outlet="breitbart", published="2016-08-10T00:00:00",
    ),
    make_doc(
        "west-journal_2016-08-11_b",
        f"At the rally, Trump said: “Hillary wants to abolish the Second Amendment. By the way, if she gets to pick, {JUDGES[11:]}.” According to CNN, the crowd cheered loudly.",
        [("Trump", "said", f"“Hillary wants to abolish the Second Amendment. By the way, if she gets to pick, {JUDGES[11:]}.”", "direct"),
         ("CNN", "According to", "the crowd cheered loudly", "indirect")],
        outlet="west-journal", published="2016-08-11T00:00:00",
    ),
    make_doc(
        "usa-today_2016-08-09_c",
        "\"If she gets to pick her judges, there is nothing you can do folks,\" Trump said. The Washington Post reported that the campaign was surprised.",
        [("Trump", "said", "\"If she gets to pick her judges, there is nothing you can do folks,\"", "direct"),
         ("The Washington Post", "reported", "that the campaign was surprised", "indirect")],
        outlet="usa-today", published="2016-08-09T00:00:00",
    ),
    make_doc(
        "npr_2016-08-12_d",
        "The senator said the bill would pass before the recess ends next month.",
        [("The senator", "said", "the bill would pass before the recess ends next month", "indirect")],
        outlet="npr", published="2016-08-12T00:00:00",
    ),
]


def make_store(path) -> str:
    """A store at ``path`` holding DOCS, clustered; its path as a string."""
    from reportedly.store import open_store
    from reportedly.store.derived import cluster_store
    from reportedly.store.write import store_document

    db = open_store(path)
    for n, doc in enumerate(DOCS):
        store_document(db, doc, f"hash{n}")
    cluster_store(db)
    db.close()
    return str(path)
