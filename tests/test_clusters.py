"""Clustering statements: canonical form, partial quotes, small rewordings, and the trace timeline."""
import pytest

from corpus_helpers import DOCS, JUDGES
from reportedly.corpus.clusters import cluster_statements, match_kind, word_diff
from reportedly.store.derived import cluster_store
from reportedly.corpus.text import canonical
from reportedly.store.trace import trace_statement
from reportedly.corpus.wire import body_key, wire_agency
from reportedly.store import open_store
from reportedly.store.write import store_document


def test_canonical_folds_case_punctuation_and_space():
    assert canonical("“Nothing  you can do, FOLKS!”") == "nothing you can do folks"
    assert canonical("It’s   over") == canonical("it's over.") == "its over"


def test_partial_and_reworded_and_unrelated():
    full = canonical(JUDGES).split()
    assert match_kind(canonical("if she gets to pick her judges, nothing you can do").split(), full) == "partial"
    # Seven words inside a longer quote are too few to link two articles (trace still finds them).
    assert match_kind(canonical("if she gets to pick her judges").split(), full) is None
    assert match_kind(canonical("If she gets to pick her judges, there is nothing you can do folks").split(), full) == "reworded"
    assert match_kind(canonical("the bill would pass before the recess").split(), full) is None
    # Too short to tie articles together.
    assert match_kind(["nothing", "to", "do"], ["nothing", "to", "do", "here", "at", "all"]) is None


def test_cluster_statements_joins_partial_and_reworded():
    items = [
        (1, canonical(JUDGES)),
        (2, canonical("if she gets to pick her judges nothing you can do folks")),
        (3, canonical("If she gets to pick her judges, there is nothing you can do folks")),
        (4, canonical("the bill would pass before the recess ends next month")),
        (5, canonical("The BILL would pass before the recess ends next month!")),
        (6, canonical("something else entirely about the weather today")),
    ]
    clusters = cluster_statements(items)
    assert clusters[1] == clusters[2] == clusters[3] == 1
    assert clusters[4] == clusters[5] == 4
    assert 6 not in clusters


def test_word_diff_marks_changes():
    assert word_diff("nothing you can do folks", "there is nothing you can do, folks") == "{+there is+} nothing you can do folks"
    assert word_diff("a b c d", "a x c d") == "a [-b-] {+x+} c d"


@pytest.fixture
def db(tmp_path):
    db = open_store(tmp_path / "t.db")
    for n, doc in enumerate(DOCS):
        store_document(db, doc, f"hash{n}")
    cluster_store(db)
    return db


def test_trace_earliest_seen_first(db):
    result = trace_statement(db, "if she gets to pick her judges")
    assert [a["outlet"] for a in result["appearances"]] == ["usa-today", "breitbart", "west-journal"]
    assert result["earliest_seen"]["outlet"] == "usa-today"
    assert result["origins"] == 3
    assert {a["match"] for a in result["appearances"]} == {"partial"}
    assert "{+" in result["appearances"][2]["diff"]


def test_trace_reworded_query_and_nothing_found(db):
    result = trace_statement(db, "if she picks her judges there is nothing you can do folks")
    assert len(result["appearances"]) == 3
    assert trace_statement(db, "completely unrelated words here")["appearances"] == []


def test_wire_copies_count_as_one_origin(tmp_path):
    from corpus_helpers import make_doc

    body = "WASHINGTON (AP) — " + " ".join(["The Senate voted on Tuesday to pass the budget bill after a long debate."] * 3)
    quote = "the budget bill is a disgrace to this country and its people"
    docs = [
        make_doc(f"{outlet}_2016-01-0{n}_x", body + f" Schumer said {quote}.", [("Schumer", "said", quote, "indirect")], outlet=outlet, published=f"2016-01-0{n}T00:00:00")
        for n, outlet in enumerate(["nyt", "fox", "cnn"], start=1)
    ]
    db = open_store(tmp_path / "w.db")
    for n, doc in enumerate(docs):
        store_document(db, doc, f"h{n}")
    result = trace_statement(db, quote)
    assert len(result["appearances"]) == 3 and result["origins"] == 1
    assert wire_agency(body) == "AP"


def test_body_key_ignores_dateline_and_case():
    text = " ".join(["Lawmakers met on Monday to discuss the new rules for the coming year."] * 3)
    assert body_key("NEW YORK (Reuters) - " + text) == body_key(text.upper())
    assert body_key("too short") is None


def test_trace_finds_unattributed_text(tmp_path):
    from corpus_helpers import make_doc

    db = open_store(tmp_path / "u.db")
    for n, doc in enumerate(DOCS):
        store_document(db, doc, f"hash{n}")
    text = "Crowds gathered early. If she gets to pick her judges, nothing you can do folks. That line drew boos."
    store_document(db, make_doc("cnn_2016-08-08_e", text, [], outlet="cnn", published="2016-08-08T00:00:00"), "hash-e")
    result = trace_statement(db, "if she gets to pick her judges")
    first = result["appearances"][0]
    assert (first["outlet"], first["match"], first["speaker"]) == ("cnn", "text", None)
    assert first["wording"] == "If she gets to pick her judges, nothing you can do folks."
    assert len(result["appearances"]) == 4


def test_the_readers_wire_is_the_stored_wire(tmp_path):
    # The HTML reader cuts a fused agency off the byline ("Tom Davies Associated Press" ->
    # byline "Tom Davies", wire "AP"): the store takes the reader's wire, which the byline and
    # the opening no longer show.
    from corpus_helpers import make_doc
    from reportedly.store.queries import article_wire

    text = " ".join(["The Senate voted on Tuesday to pass the budget bill after a long debate."] * 3)
    doc = make_doc("x_2016-01-01_x", text, bylines=["Tom Davies"])
    doc["article"]["wire"] = "AP"
    db = open_store(tmp_path / "w.db")
    store_document(db, doc, "h0")
    assert article_wire(db, "x_2016-01-01_x") == "AP"
    plain = make_doc("y_2016-01-01_y", text, bylines=["Tom Davies"])
    store_document(db, plain, "h1")
    assert article_wire(db, "y_2016-01-01_y") is None
