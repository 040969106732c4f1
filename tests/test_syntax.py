"""Subjects inherited through the parse, on hand-built parses (no model needed)."""
import spacy
from spacy.tokens import Doc

from reportedly.attribution.syntax import subject_of, trim


def _doc(words, heads, deps):
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_participle_inherits_the_subject_of_its_verb():
    # "Lukashenko spoke , adding that ..."
    doc = _doc(["Lukashenko", "spoke", ",", "adding", "that", "Minsk", "stands"],
               [1, 1, 1, 1, 6, 6, 3], ["nsubj", "ROOT", "punct", "advcl", "mark", "nsubj", "ccomp"])
    assert subject_of(doc[3]).text == "Lukashenko"
    assert subject_of(doc[6]).text == "Minsk"  # its own subject comes first


def test_no_subject_without_an_inheriting_link():
    # "Asked about it ." : a root verb with no subject
    doc = _doc(["Asked", "about", "it", "."], [0, 0, 1, 0], ["ROOT", "prep", "pobj", "punct"])
    assert subject_of(doc[0]) is None


def test_trim_drops_edge_punctuation_and_keeps_quotes_unless_asked():
    doc = _doc(["“", "the", "paper", "”", ","], [2, 2, 2, 2, 2], ["punct", "det", "ROOT", "punct", "punct"])
    assert trim(list(doc)) == (0, len(doc.text.rstrip(" ,")))
    start, end = trim(list(doc), quotes_too=True)
    assert doc.text[start:end] == "the paper"


def test_trim_indexes_are_kept_for_the_last_few_docs_only():
    from reportedly.attribution import syntax

    # An index per Doc kept as long as the Docs cost about 1.2 KB a paragraph through the whole
    # analysis; the extractors trim one paragraph at a time, so the last few are enough.
    docs = [_doc(["Officials", "said", "it", str(i)], [1, 1, 1, 2], ["nsubj", "ROOT", "dobj", "nummod"])
            for i in range(3 * syntax._RECENT)]
    for doc in docs:
        assert syntax.trim_subtree(doc[2]) == (doc[2].idx, doc[3].idx + len(doc[3]))
    assert 0 < len(syntax._INDEXES) <= syntax._RECENT
    assert syntax.trim_subtree(docs[0][2]) == (docs[0][2].idx, docs[0][3].idx + len(docs[0][3]))  # made again
