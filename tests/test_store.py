"""The store: migrations recorded, idempotent writes by content hash, queries on hand-built documents."""
import sqlite3

import pytest

from corpus_helpers import DOCS, make_doc
from reportedly.store import NotFoundError, StoreError, open_store, upgrade_store
from reportedly.store import queries
from reportedly.store.migrations import MIGRATIONS
from reportedly.store.write import store_document


@pytest.fixture
def db(tmp_path):
    db = open_store(tmp_path / "t.db")
    for n, doc in enumerate(DOCS):
        store_document(db, doc, f"hash{n}")
    return db


def test_migrations_recorded_once(tmp_path):
    path = tmp_path / "m.db"
    open_store(path).close()
    db = open_store(path)
    names = [r[0] for r in db.execute("SELECT name FROM migrations")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_missing_db_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="reportedly ingest"):
        open_store(tmp_path / "nope.db", create=False)


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        open_store(bad)


def test_same_hash_is_stored_once(db):
    before = queries.store_stats(db)
    assert store_document(db, DOCS[0], "hash0") is None
    assert queries.store_stats(db) == before


def test_reused_id_with_other_content_is_kept(db):
    other = make_doc(DOCS[0]["id"], "Officials said the road is closed for repairs all week.", [("Officials", "said", "the road is closed for repairs all week", "indirect")])
    rowid = store_document(db, other, "other-hash")
    assert rowid is not None
    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE id LIKE 'breitbart%' ORDER BY rowid")]
    assert ids == ["breitbart_2016-08-10_a", "breitbart_2016-08-10_a~other-ha"]


def test_speakers_with_counts(db):
    # Without provenance no article resolved "Trump" to a name: listed only with the unnamed.
    assert [r["name"] for r in queries.list_speakers(db)] == ["CNN", "The Washington Post"]
    rows = queries.list_speakers(db, include_unnamed=True)
    assert rows[0] == {"name": "Trump", "type": "unknown", "statements": 3, "articles": 3}
    assert queries.count_speakers(db, include_unnamed=True) == len(rows) == 5
    outlets = {r["name"] for r in queries.list_speakers(db, type="outlet")}
    assert outlets == {"CNN", "The Washington Post"}


def test_speaker_statements_earliest_first(db):
    rows = queries.speaker_statements(db, "trump")
    assert [r["outlet"] for r in rows] == ["usa-today", "breitbart", "west-journal"]
    with pytest.raises(NotFoundError, match="reportedly speakers"):
        queries.speaker_statements(db, "Nobody")


def test_search_is_safe_for_fts_syntax(db):
    rows = queries.search_contents(db, 'pick her "judges')
    assert len(rows) == 3
    assert queries.search_contents(db, "NEAR AND OR") == []
    assert len(queries.search_contents(db, "pick her judges", phrase=True)) == 3


def test_outlets_and_who_they_cite(db):
    outlets = {r["outlet"]: r for r in queries.list_outlets(db)}
    assert outlets["Western Journal"]["outlet_citations"] == 1 and outlets["Western Journal"]["aliases"] == ["west-journal", "western journal"]
    cited = queries.outlet_sources(db, "usa-today", include_unnamed=True)
    assert {r["speaker"] for r in cited} == {"Trump", "The Washington Post"}
    assert queries.outlet_sources(db, "USA Today") == [r for r in cited if r["speaker"] != "Trump"]
    with pytest.raises(NotFoundError):
        queries.outlet_sources(db, "nowhere")


def test_citation_graph(db):
    edges = queries.citation_graph(db)
    assert {(e["citing"], e["cited"], e["count"]) for e in edges} == {("Western Journal", "CNN", 1), ("USA Today", "The Washington Post", 1)}


def test_articles_with_profile_counts(db):
    rows = {r["id"]: r for r in queries.list_articles(db)}
    counts = rows["usa-today_2016-08-09_c"]["counts"]
    assert counts["direct"] == 1 and counts["indirect"] == 1 and counts["outlets_cited"] == 1
    assert queries.get_article(db, "npr_2016-08-12_d")["schema"] == "reportedly/1"


def test_speaker_object_wins_over_source_text(tmp_path):
    db = open_store(tmp_path / "s.db")
    doc = make_doc("x", "He said the plan was dead on arrival in the Senate.", [("He", "said", "the plan was dead on arrival in the Senate", "indirect")])
    doc["attributions"][0]["speaker"] = {"name": "Mitch McConnell", "type": "person"}
    store_document(db, doc, "h")
    assert queries.list_speakers(db) == [{"name": "Mitch McConnell", "type": "person", "statements": 1, "articles": 1}]


def test_a_failed_write_leaves_nothing(tmp_path):
    db = open_store(tmp_path / "f.db")
    broken = make_doc("y", "Officials said the bridge would open.", [("Officials", "said", "the bridge would open", "indirect")])
    del broken["attributions"][0]["content"]
    with pytest.raises(KeyError):
        store_document(db, broken, "h")
    assert queries.store_stats(db)["articles"] == 0


def test_upgrade_from_first_migration_keeps_rows(tmp_path, monkeypatch):
    from reportedly.store import migrations

    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    old = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(old)
    import json, zlib

    document = zlib.compress(json.dumps(DOCS[3]).encode())
    old.execute("INSERT INTO articles (id, hash, published, n_attributions, document, ingested_at) VALUES ('a', 'h', '2016-01-01', 1, ?, 'now')", (document,))
    old.execute("INSERT INTO attributions (article, att_id, kind, content, content_start, content_end, canonical) VALUES (1, 'a1', 'direct', 'x', 0, 1, 'x')")
    old.close()
    monkeypatch.undo()
    with pytest.raises(StoreError, match="reportedly upgrade"):
        open_store(path)  # a writer does not migrate behind the user's back either
    applied, backup = upgrade_store(path)
    assert applied == [m.__name__ for m in MIGRATIONS[1:]] and backup.name == "old.db.before-m002_statements_by_speaker_and_date.bak"
    assert [r[0] for r in sqlite3.connect(backup).execute("SELECT name FROM migrations")] == [MIGRATIONS[0].__name__]
    db = open_store(path)
    assert [r[0] for r in db.execute("SELECT name FROM migrations")] == [m.__name__ for m in MIGRATIONS]
    assert db.execute("SELECT published FROM attributions").fetchone()[0] == "2016-01-01"
    assert [tuple(r) for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'recess'")] == [(1,)]


def test_an_outlet_citing_itself_is_not_an_edge(tmp_path):
    db = open_store(tmp_path / "self.db")
    doc = make_doc("wash-post_2016-01-01_x", "The Post reported that the talks failed on Monday.", [("The Post", "reported", "that the talks failed on Monday", "indirect")], outlet="wash-post")
    store_document(db, doc, "h")
    assert queries.citation_graph(db) == []
    assert queries.list_speakers(db, type="outlet")[0]["name"] == "The Washington Post"


def test_list_articles_rejects_offsets_sqlite_cannot_hold(tmp_path):
    from reportedly.errors import InputError
    from reportedly.store.queries import list_articles

    db = open_store(tmp_path / "x.db")
    with pytest.raises(InputError):
        list_articles(db, offset=2**63)


def test_speakers_sorted_by_name_or_articles(db):
    names = [r["name"] for r in queries.list_speakers(db, include_unnamed=True, sort="name")]
    assert names == sorted(names, key=str.casefold)
    with pytest.raises(Exception, match="cannot sort"):
        queries.list_speakers(db, sort="name; DROP TABLE speakers")
