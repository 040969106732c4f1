"""Speaker and outlet identities across the corpus, on hand-made credits and documents (no model)."""
from __future__ import annotations

from collections import Counter

from corpus_helpers import make_doc
from reportedly.corpus.identity import Alias, alias_key, decide_type, identify, name_tokens, visible
from reportedly.corpus.speakers import Credit, credit_of, looks_like_outlet, publishing_outlet, settle_outlets
from reportedly.store import open_store, queries
from reportedly.store.derived import identify_speakers
from reportedly.store.write import store_document


def alias(name, type="person", resolved=True, n=1):
    return Alias(alias_key(name, type, resolved), name, type, resolved, n)


def names(mapping, name, type="person", resolved=True):
    return mapping[alias_key(name, type, resolved)]


def test_name_forms_fold_case_honorifics_possessives_and_invisible_marks():
    assert name_tokens("Mr. Trump's") == ("trump",)
    assert name_tokens("Donald J. Trump") == ("donald", "j", "trump")
    assert name_tokens("José\u202e Núñez") == ("jose", "nunez")
    assert visible("Bob\u202eeci\u202c") == "Bobeci"


def test_a_middle_initial_joins_the_full_name_only_when_it_is_the_only_one():
    found = identify([alias("Donald Trump", n=5), alias("Donald J. Trump", n=2)])
    assert names(found, "Donald J. Trump").key == names(found, "Donald Trump").key
    assert names(found, "Donald J. Trump").name == "Donald Trump"
    # Two longer forms fit "George Bush": father and son stay apart, and so does the short form.
    found = identify([alias("George Bush"), alias("George W. Bush"), alias("George H. W. Bush")])
    assert len({found[k].key for k in found}) == 3


def test_a_surname_joins_a_full_name_only_when_nobody_else_has_it():
    found = identify([alias("Ted Cruz"), alias("Cruz", n=4)])
    assert names(found, "Cruz").name == "Ted Cruz"
    # Bill and Hillary Clinton stay apart, and "Clinton" alone belongs to neither.
    found = identify([alias("Hillary Clinton", n=9), alias("Bill Clinton"), alias("Clinton", n=5)])
    keys = {names(found, n).key for n in ("Hillary Clinton", "Bill Clinton", "Clinton")}
    assert len(keys) == 3
    # A one-word organisation is no surname: "Jordan" the country does not join Jim Jordan.
    found = identify([alias("Jim Jordan"), alias("Jordan", "organization", n=3)])
    assert names(found, "Jordan", "organization").key != names(found, "Jim Jordan").key


def test_unresolved_credits_never_join_a_name():
    found = identify([alias("Donald Trump"), alias("Trump", "unknown", resolved=False), alias("he", "pronoun", False)])
    assert names(found, "Trump", "unknown", False).key.startswith("as-written:")
    assert names(found, "Donald Trump").key == "name:donald trump"


def test_the_type_is_decided_by_evidence_not_by_the_first_credit():
    found = identify([alias("Trump", "organization", n=1), alias("Trump", "unknown", n=5), alias("Trump", "person", n=3)])
    assert {names(found, "Trump", t).type for t in ("organization", "unknown", "person")} == {"person"}
    assert decide_type(Counter({"unknown": 9})) == "unknown"
    assert decide_type(Counter({"unknown": 9, "organization": 1})) == "organization"


def test_a_surname_the_article_leaves_open_is_not_resolved():
    doc = make_doc("x", "Bill Clinton and Hillary Clinton spoke. Clinton said the race was close.",
                   [("Clinton", "said", "the race was close", "indirect")])
    doc["entities"] = [{"start": 0, "end": 12, "text": "Bill Clinton", "label": "PERSON"},
                       {"start": 17, "end": 32, "text": "Hillary Clinton", "label": "PERSON"}]
    doc["attributions"][0]["speaker"] = {"name": "Clinton", "type": "person"}
    from reportedly.corpus.speakers import ArticleNames, article_names

    assert credit_of(doc["attributions"][0], article_names(doc)) == Credit("Clinton", "person", False)
    # An article that names nobody "Clinton" in full leaves the credit bare.
    assert credit_of(doc["attributions"][0], ArticleNames()) == Credit("Clinton", "person", True, in_full="")


def test_a_source_naming_two_people_is_a_group_not_one_of_them():
    text = "Hillary Clinton and Martin O'Malley have pledged to act as well."
    doc = make_doc("x", text, [("Hillary Clinton and Martin O'Malley", "have pledged", "to act as well", "indirect")])
    doc["entities"] = [{"start": 0, "end": 15, "text": "Hillary Clinton", "label": "PERSON"},
                       {"start": 20, "end": 35, "text": "Martin O'Malley", "label": "PERSON"}]
    doc["attributions"][0]["speaker"] = {"name": "Hillary Clinton", "type": "person"}
    from reportedly.corpus.speakers import article_names

    assert credit_of(doc["attributions"][0], article_names(doc)) == Credit("Hillary Clinton and Martin O'Malley", "group", False)


def test_a_bare_surname_goes_to_the_person_the_corpus_quotes_under_it_far_more_than_anyone():
    found = identify([alias("Barack Obama", n=95), alias("Michelle Obama", n=5),
                      Alias(alias_key("Obama", "person", True, ""), "Obama", "person", True, 40, in_full="")])
    assert found[alias_key("Obama", "person", True, "")].name == "Barack Obama"
    # Not bare (the article names some Obama in full): the corpus's majority does not decide.
    found = identify([alias("Barack Obama", n=95), alias("Michelle Obama", n=5), alias("Obama", n=40)])
    assert names(found, "Obama").name == "Obama"
    # Nobody far ahead: Hillary and Bill Clinton quoted alike leave a bare "Clinton" alone.
    found = identify([alias("Hillary Clinton", n=60), alias("Bill Clinton", n=40), alias("Clinton", n=3),
                      Alias(alias_key("Clinton", "person", True, ""), "Clinton", "person", True, 4, in_full="")])
    assert found[alias_key("Clinton", "person", True, "")].key == names(found, "Clinton").key
    # Named once in full in its own article: that person, when the corpus agrees.
    obama = [alias("Barack Obama", n=95), alias("Michelle Obama", n=5)]
    for article_says, expected in (("barack obama", "Barack Obama"), ("michelle obama", "Obama")):
        credit = Alias(alias_key("Obama", "person", True, article_says), "Obama", "person", True, 3, in_full=article_says)
        assert identify(obama + [credit])[credit.key].name == expected


def test_outlets_slugs_names_and_short_forms():
    assert publishing_outlet("wash-post") == publishing_outlet("The Washington Post") == "The Washington Post"
    assert publishing_outlet("Daily Planet") == "Daily Planet"
    short = credit_of({"source": {"text": "the Post"}})
    assert short.short_outlet == "post" and not short.resolved
    assert settle_outlets([short], "The Washington Post") == [Credit("The Washington Post", "outlet", True)]
    # No Post in the article's context, or two: nobody can tell which, so no citation.
    assert settle_outlets([short], "Breitbart") == [Credit("the Post", "outlet", False)]
    assert looks_like_outlet("Las Vegas Review-Journal")
    for junk in ("Atlantic City Mayor Don Guardian", "Jeb Bush in a Medium post", "’s Facebook post"):
        assert not looks_like_outlet(junk)


def _store(tmp_path, docs):
    db = open_store(tmp_path / "id.db")
    for n, doc in enumerate(docs):
        store_document(db, doc, f"h{n}")
    identify_speakers(db)
    return db


def _named(doc, source, name, type="person"):
    for att in doc["attributions"]:
        if att["source"]["text"] == source:
            att["speaker"] = {"name": name, "type": type}
    return doc


def test_store_pages_follow_identities(tmp_path):
    a = _named(make_doc("a", "Donald J. Trump said the wall would be built soon.", [("Donald J. Trump", "said", "the wall would be built soon", "indirect")], outlet="wash-post", published="2016-01-01"), "Donald J. Trump", "Donald J. Trump")
    b = _named(make_doc("b", "Trump said taxes would fall for everyone.", [("Trump", "said", "taxes would fall for everyone", "indirect")], outlet="nyt", published="2016-01-02"), "Trump", "Donald Trump")
    c = _named(make_doc("c", "He said the rally was the biggest ever held there.", [("He", "said", "the rally was the biggest ever held there", "indirect")], published="2016-01-03"), "He", "Donald Trump")
    d = make_doc("d", "He said Donald Trump would lose badly in the fall.", [("He", "said", "Donald Trump would lose badly in the fall", "indirect")], published="2016-01-04")
    e = _named(make_doc("e", "Hillary Clinton said she would win. Bill Clinton said he agreed.", [("Hillary Clinton", "said", "she would win", "indirect"), ("Bill Clinton", "said", "he agreed", "indirect")]), "Hillary Clinton", "Hillary Clinton")
    e = _named(e, "Bill Clinton", "Bill Clinton")
    db = _store(tmp_path, [a, b, c, d, e])
    top = queries.list_speakers(db)
    assert top[0] == {"name": "Donald Trump", "type": "person", "statements": 3, "articles": 3}
    assert {r["name"] for r in top} == {"Donald Trump", "Hillary Clinton", "Bill Clinton"}
    rows = queries.speaker_statements(db, "Donald Trump")
    # The unresolved "He" of article d is not on his page, though its content names him.
    assert [r["article"] for r in rows] == ["a", "b", "c"]
    summary = queries.speaker_summary(db, "Donald Trump")
    assert {x["name"] for x in summary["aliases"]} == {"Donald J. Trump", "Donald Trump"}
    assert queries.list_speakers(db, name="J. Trump")[0]["name"] == "Donald Trump"
    assert sorted(r["name"] for r in queries.list_speakers(db, name="Clinton")) == ["Bill Clinton", "Hillary Clinton"]
    assert [r["content"] for r in queries.speaker_statements(db, "Hillary Clinton")] == ["she would win"]


def test_a_pronoun_the_corpus_contradicts_is_not_credited_to_the_name():
    def via(pronoun, n):
        return Alias(alias_key("Hillary Clinton", "person", True, via=pronoun), "Hillary Clinton", "person", True, n, via=pronoun)

    found = identify([alias("Hillary Clinton", n=20), via("she", 6), via("her", 1), via("he", 1)])
    assert found[via("she", 6).key].name == "Hillary Clinton"
    wrong = found[via("he", 1).key]
    assert (wrong.name, wrong.type) == ("he", "pronoun") and wrong.key.startswith("as-written:")
    # Too few gendered credits to tell: nothing is overruled.
    found = identify([alias("Hillary Clinton", n=20), via("she", 2), via("he", 1)])
    assert found[via("he", 1).key].name == "Hillary Clinton"


def test_a_source_naming_a_person_through_another_is_that_person():
    from reportedly.corpus.speakers import article_names

    # Two people, one speaking: the source is the spokeswoman, named as such.
    text = "Donald Trump's spokeswoman Hope Hicks said the rally was full."
    doc = make_doc("y", text, [("Donald Trump's spokeswoman Hope Hicks", "said", "the rally was full", "indirect")])
    doc["entities"] = [{"start": 0, "end": 12, "text": "Donald Trump", "label": "PERSON"},
                       {"start": 27, "end": 37, "text": "Hope Hicks", "label": "PERSON"}]
    doc["attributions"][0]["speaker"] = {"name": "Hope Hicks", "type": "person"}
    assert credit_of(doc["attributions"][0], article_names(doc)) == Credit("Hope Hicks", "person", True)
