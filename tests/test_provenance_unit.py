"""Provenance logic on hand-built inputs: no trained model needed."""
import re

import spacy
from spacy.tokens import Doc

from reportedly.model import Article, Attribution, Paragraph, Provenance, Span, Speaker, Voice
from reportedly.provenance.chains import link_attributions
from reportedly.provenance.epistemic import attribution_status, classify_token, cue_strength, find_markers
from reportedly.provenance.mentions import is_outlet_name
from reportedly.provenance.profile import sourcing_profile

VOCAB = spacy.blank("en").vocab


def doc(words, tags=None, lemmas=None):
    return Doc(VOCAB, words=words, tags=tags, lemmas=lemmas or [w.lower() for w in words])


def test_modal_may_hedges_but_would_does_not():
    d = doc(["Belarus", "may", "revolt", "and", "would", "win"], tags=["NNP", "MD", "VB", "CC", "MD", "VB"])
    assert classify_token(d[1]) == "hedge"
    assert classify_token(d[4]) is None


def test_hedge_denial_and_evaluative_words():
    d = doc(["reportedly", "denied", "shocking", "bridge"])
    assert [classify_token(t) for t in d] == ["hedge", "denial", "evaluative", None]


def test_evaluative_marker_takes_its_phrase():
    d = doc(["In", "a", "shocking", "suggestion", ",", "he", "asked"])
    # The parse, by hand: "shocking" modifies "suggestion", the object of "In".
    heads = [6, 3, 3, 0, 6, 6, 6]
    deps = ["prep", "det", "amod", "pobj", "punct", "nsubj", "ROOT"]
    pos = ["ADP", "DET", "ADJ", "NOUN", "PUNCT", "PRON", "VERB"]
    d = Doc(VOCAB, words=[t.text for t in d], heads=heads, deps=deps, pos=pos)
    text = d.text
    (marker,) = find_markers(text, [(0, d)], [(0, len(text))])
    assert (marker.type, marker.span.text) == ("evaluative", "In a shocking suggestion")


def test_evaluative_adjective_after_its_noun():
    # "nothing shocking": the adjective follows its noun; the marker must still be a valid span.
    heads = [2, 0, 2]
    d = Doc(VOCAB, words=["nothing", "shocking", "happened"], heads=heads, deps=["nsubj", "amod", "ROOT"],
            pos=["NOUN", "ADJ", "VERB"])
    (marker,) = find_markers(d.text, [(0, d)], [(0, len(d.text))])
    assert (marker.type, marker.span.text) == ("evaluative", "nothing shocking")


def test_markers_in_skipped_ranges_are_left_out():
    d = doc(["He", "reportedly", "left"])
    assert find_markers(d.text, [(0, d)], [(0, len(d.text))], skip=[(3, 13)]) == []


def test_cue_strength_from_the_cue_lemma():
    d = doc(["He", "claimed", "it", "admitted", "it", "revealed", "it", "said"],
            lemmas=["he", "claim", "it", "admit", "it", "reveal", "it", "say"])
    text = d.text
    def strength(start, end):
        att = Attribution("a1", "indirect", Span.of(text, 0, 2), None, Span.of(text, start, end))
        return cue_strength(att, [(0, d)])
    assert strength(3, 10) == "distancing"
    assert strength(14, 22) == "concession"
    assert strength(26, 34) == "factive"
    assert strength(38, 42) == "neutral"


def test_cue_strength_without_cue_is_none():
    att = Attribution("a1", "direct", Span(0, 3, "abc"))
    assert cue_strength(att, []) is None


def test_status_from_strength_and_markers():
    att = Attribution("a1", "indirect", Span(0, 3, "abc"))
    hedge = [type("M", (), {"type": "hedge"})()]
    assert attribution_status(att, "neutral", []) == "attributed"
    assert attribution_status(att, "neutral", hedge) == "hedged"
    assert attribution_status(att, "tentative", []) == "hedged"
    assert attribution_status(att, "denial", hedge) == "denied"


def test_outlet_names():
    assert is_outlet_name("the Express") and is_outlet_name("The Washington Post") and is_outlet_name("Reuters")
    assert not is_outlet_name("Lukashenko") and not is_outlet_name("the Kremlin")


def test_speaker_label_and_identity():
    mention = Span(0, 2, "he")
    named = Speaker("person", mention, name="Sergey Lavrov", role="foreign minister")
    assert named.label == "Sergey Lavrov" and named.key == ("person", "Sergey Lavrov")
    doc_speaker = Speaker("document", Span(10, 20, "the letter"), description="a joint letter written by officers",
                          evidence=(Span(3, 9, "letter"),), short="letter")
    assert doc_speaker.label == "letter" and doc_speaker.key == ("document", 3)
    assert Speaker("unknown", None).label == "(unknown)"


# Chains on hand-built attributions: a resolver over no parsed blocks finds no medium.
class NoParse:
    text = ""
    blocks = ()


def att(id, content, cue=None, source=None):
    return Attribution(id, "indirect", Span(*content, "x"), Span(*source, "s") if source else None, Span(*cue, "c") if cue else None)


ARTICLE = Article("t", " " * 400, (Paragraph(0, 200), Paragraph(200, 400)), outlet="Planet")


def test_nested_chain_and_missing_source_and_cue():
    atts = [att("a1", (10, 100), cue=(0, 5), source=(6, 9)), att("a2", (40, 90), cue=(30, 35)), att("a3", (120, 130))]
    speakers = [Speaker("person", Span(6, 9, "s"), name="Mary"), Speaker("unknown", None), Speaker("unknown", None)]
    links = link_attributions(ARTICLE, atts, speakers, NoParse())
    assert links[0] == ((), None, ("Planet", "Mary"))
    assert links[1] == (("a1",), "nested", ("Planet", "Mary", "(unknown)"))
    assert links[2] == ((), None, ("Planet", "(unknown)"))


def test_relayed_outlet_carries_the_paragraph_and_the_article_when_it_recurs():
    atts = [att("a1", (10, 20), cue=(21, 25), source=(26, 30)), att("a2", (50, 60), cue=(61, 65), source=(66, 70)),
            att("a3", (210, 220), cue=(221, 225), source=(226, 230))]
    express = Speaker("outlet", Span(26, 30, "s"), name="Express")
    smith = Speaker("person", Span(66, 70, "s"), name="Smith")
    jones = Speaker("person", Span(226, 230, "s"), name="Jones")
    once = link_attributions(ARTICLE, atts, [express, smith, jones], NoParse())
    assert once[1][:2] == (("a1",), "context") and once[2][:2] == ((), None)
    atts.append(att("a4", (300, 310), cue=(311, 315), source=(316, 320)))
    express_again = Speaker("outlet", Span(316, 320, "s"), name="Express")
    twice = link_attributions(ARTICLE, atts, [express, smith, jones, express_again], NoParse())
    assert twice[2] == (("a1",), "context", ("Planet", "Express", "Jones"))


def test_profile_counts_and_findings():
    article = Article("t", "word " * 20, (Paragraph(0, 100),))
    atts = [Attribution("a1", "indirect", Span(0, 50, "x"), Span(50, 55, "s"), Span(55, 60, "c")),
            Attribution("a2", "indirect", Span(60, 70, "x"))]
    provenance = [
        Provenance("a1", Speaker("anonymous", Span(50, 55, "s"), description="a source"), chain=("this article", "a source"), status="hedged"),
        Provenance("a2", Speaker("unknown", None), chain=("this article", "(unknown)")),
    ]
    profile = sourcing_profile(article, atts, provenance, [Voice(Span(0, 10, "x"), "asserted", 0.0)])
    assert profile.statements == 2 and profile.anonymous == 1 and profile.named_on_record == 0
    assert profile.body_words == 20 and profile.attributed_words == 12
    assert any("anonymous" in f for f in profile.findings)
    assert any("No named person" in f for f in profile.findings)


def test_profile_of_an_article_without_attributions():
    article = Article("t", "word " * 5, (Paragraph(0, 25),))
    profile = sourcing_profile(article, [], [], [])
    assert profile.statements == 0 and profile.longest_chain == ()
    assert "own voice" in profile.findings[0]


def _pronoun_case(heard_unknown: bool):
    from reportedly.provenance.mentions import Mention
    from reportedly.provenance.pronouns import Heard, resolve_pronoun

    text = "Maria Lopez opened the fair. “Prices will rise,” said Dr Qx. “Nobody is ready,” she says."
    first, second = text.index("“Prices"), text.index("“Nobody")
    sentences = [(0, first - 1), (first, second - 1), (second, len(text))]
    mayor = Mention(0, 11, "Maria Lopez", "person", "lopez", name="Maria Lopez", is_subject=True)
    expert = Speaker("unknown", Span.of(text, text.index("Dr Qx"), text.index("Dr Qx") + 5))
    quote = (first, text.index(" said"))
    heard = [Heard(expert, (quote,), True)] if heard_unknown else []
    she = Span.of(text, text.index("she"), text.index("she") + 3)
    # The expert's name, as the parser reads it: a proper noun.
    tokens = list(re.finditer(r"\w+|[^\w\s]", text))
    parsed = Doc(VOCAB, words=[t.group() for t in tokens], spaces=[text[t.end():t.end() + 1] == " " for t in tokens],
                 pos=["PROPN" if t.group() in ("Dr", "Qx") else "X" for t in tokens])
    assert parsed.text == text
    return resolve_pronoun(she, "she", [mayor], sentences, heard, [quote], {}, [(0, parsed)], direct=True)


def test_pronoun_after_an_untyped_source_does_not_go_back_to_an_older_candidate():
    # "she says" after a quote by a source nothing could be said about may be that source's.
    assert _pronoun_case(heard_unknown=True).type == "unknown"
    assert _pronoun_case(heard_unknown=False).name == "Maria Lopez"


def test_a_name_after_a_quote_that_carried_its_speaker_into_the_window_makes_it_ambiguous():
    from reportedly.provenance.mentions import Mention
    from reportedly.provenance.pronouns import Heard, resolve_pronoun

    # Kidd is named three sentences back; only his quote reaches the pronoun's window. Scott,
    # named since (not as the parsed subject), may be the one speaking: unknown.
    text = ("Quentin Kidd spoke. “He has no ambition. There is doubt.” Scott bristles at that. "
            "“I have raised enough,” he said.")
    bounds = [0, text.index("“He"), text.index("There"), text.index("Scott"), text.index("“I")]
    sentences = [(a, b - 1) for a, b in zip(bounds, bounds[1:])] + [(bounds[-1], len(text))]
    kidd = Speaker("person", Span.of(text, 0, 12), name="Quentin Kidd")
    quote = (bounds[1], bounds[3] - 1)
    scott = Mention(bounds[3], bounds[3] + 5, "Scott", "person", "scott", name="Scott", is_subject=False)
    he = Span.of(text, text.index(" he ") + 1, text.index(" he ") + 3)
    found = resolve_pronoun(he, "he", [scott], sentences, [Heard(kidd, (quote,), True)], [quote], {}, [],
                            direct=True)
    assert found.name != "Quentin Kidd"


def _doc_with_ents(words, ents):
    from spacy.tokens import Span as SpacySpan

    d = doc(words)
    d.ents = [SpacySpan(d, a, b, label=label) for a, b, label in ents]
    return d


def test_the_article_says_a_name_is_a_person_whatever_its_label():
    from reportedly.provenance.names import name_kinds

    # An honorific, and the full form of a surname tagged PERSON elsewhere.
    d = _doc_with_ents(["Mr.", "Hauser", "spoke", ".", "Hori", "Parata", "came", ".", "Parata", "said", "no", "."],
                       [(1, 2, "ORG"), (4, 6, "PERSON"), (8, 9, "ORG")])
    kinds = name_kinds([(0, d)])
    assert kinds.kind("Hauser") == "person" and kinds.kind("Parata") == "person"


def test_a_company_ending_makes_an_organisation_and_no_evidence_says_nothing():
    from reportedly.provenance.names import name_kinds

    d = _doc_with_ents(["Acme", "Inc.", "said", "no", ".", "Jones", "said", "yes", "."],
                       [(0, 2, "PERSON"), (5, 6, "PERSON")])
    kinds = name_kinds([(0, d)])
    assert kinds.kind("Acme Inc.") == "organization" and kinds.kind("Jones") is None


def test_an_untyped_name_as_subject_keeps_the_pronoun_from_an_older_candidate():
    from reportedly.provenance.mentions import Mention
    from reportedly.provenance.pronouns import resolve_pronoun

    text = "It was his interview with Trump. Oz has been dogged by charges. He said the cures worked."
    sentences = [(0, 32), (33, 63), (64, len(text))]
    trump = Mention(26, 31, "Trump", "person", "trump", name="Trump")
    oz = Mention(33, 35, "Oz", "name", "oz", name="Oz", is_subject=True)  # a name nothing typed
    he = Span.of(text, 64, 66)
    assert resolve_pronoun(he, "He", [trump, oz], sentences, [], [], {}, []).type == "unknown"
    assert resolve_pronoun(he, "He", [trump], sentences, [], [], {}, []).name == "Trump"


def test_an_institution_word_is_no_surname():
    from reportedly.provenance.names import name_kinds

    d = _doc_with_ents(["Harvard", "Chan", "School", "grew", ".", "She", "joins", "the", "School", "."],
                       [(0, 3, "PERSON"), (8, 9, "ORG")])
    assert name_kinds([(0, d)]).kind("School") is None


def test_a_tribe_or_party_noun_after_a_name_makes_it_the_organisations_own():
    from spacy.tokens import Span as SpacySpan

    from reportedly.provenance.names import name_kinds

    words = ["The", "Ngātiwai", "tribe", "stood", "back", ".", "The", "Obama", "administration", "agreed", "."]
    heads = [2, 2, 3, 3, 3, 3, 8, 8, 9, 9, 9]
    deps = ["det", "compound", "nsubj", "ROOT", "advmod", "punct", "det", "compound", "nsubj", "ROOT", "punct"]
    d = Doc(VOCAB, words=words, heads=heads, deps=deps, lemmas=[w.lower() for w in words])
    d.ents = [SpacySpan(d, 1, 2, label="ORG"), SpacySpan(d, 7, 8, label="ORG")]
    kinds = name_kinds([(0, d)])
    # "Ngātiwai believe …" tagged PERSON elsewhere is the tribe; Obama is not his administration.
    assert kinds.kind("Ngātiwai") == "organization" and kinds.kind("Obama") is None


def test_a_misspelt_surname_needs_one_vowel_one_person_and_a_long_word():
    from reportedly.provenance.lookups import misspelt_surname
    from reportedly.provenance.mentions import Mention

    def person(name, at):
        return Mention(at, at + len(name), name, "person", name.split()[-1].lower(), name=name)

    houser = [person("Trevor Houser", 0)]
    assert misspelt_surname("Hauser", houser).name == "Trevor Houser"
    assert misspelt_surname("Haüser", houser) is None and misspelt_surname("Hausor", houser) is None  # two letters
    assert misspelt_surname("Hauser", houser + [person("Anna Hauzer", 40), person("Jim Hoeser", 60)]).name \
        == "Trevor Houser"  # a consonant apart or two vowels apart is someone else
    assert misspelt_surname("Hauser", houser + [person("Ben Heuser", 80)]) is None  # two people fit
    assert misspelt_surname("Kam", [person("Jenny Kim", 0)]) is None  # too short to tell


def test_with_no_evidence_a_name_takes_the_label_it_is_given_most_often():
    from reportedly.provenance.mentions import entity_kind
    from reportedly.provenance.names import name_kinds

    # "Ngātiwai" tagged ORG twice, PERSON once, GPE once: every occurrence is the organisation.
    d = _doc_with_ents(["Ngātiwai", "believe", "it", ".", "Ngātiwai", "met", ".", "Ngātiwai", "sang", ".",
                        "Ngātiwai", "grew", "."],
                       [(0, 1, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG"), (10, 11, "GPE")])
    kinds = name_kinds([(0, d)])
    assert kinds.kind("Ngātiwai") is None  # no evidence either way
    assert entity_kind("Ngātiwai", "PERSON", kinds) == "organization"


def test_a_tie_of_labels_leaves_each_occurrence_its_own():
    from reportedly.provenance.mentions import entity_kind
    from reportedly.provenance.names import name_kinds

    d = _doc_with_ents(["Marco", "Arment", "wrote", ".", "Marco", "Arment", "said", "."],
                       [(0, 2, "ORG"), (4, 6, "PERSON")])
    assert entity_kind("Marco Arment", "PERSON", name_kinds([(0, d)])) == "person"


def test_a_name_tagged_product_once_is_the_organisation_it_usually_is():
    from reportedly.provenance.mentions import entity_kind
    from reportedly.provenance.names import name_kinds

    d = _doc_with_ents(["Roscosmos", "said", ".", "Roscosmos", "added", ".", "Roscosmos", "and", "NASA", "agreed", "."],
                       [(0, 1, "ORG"), (3, 4, "ORG"), (6, 7, "PRODUCT"), (8, 9, "ORG")])
    assert entity_kind("Roscosmos", "PRODUCT", name_kinds([(0, d)])) == "organization"


def test_one_name_under_two_apostrophes_is_one_name():
    from reportedly.provenance.mentions import entity_kind
    from reportedly.provenance.names import name_kinds

    # "James O’Neill" (curly) is the full form of "O'Neill" (straight), tagged ORG twice: the
    # surname is the person's, and the usual label does not make the commissioner a company.
    d = _doc_with_ents(["Commissioner", "James", "O’Neill", "spoke", ".", "O'Neill", "said", "no", ".",
                        "O'Neill", "left", ".", "O'Neill", "added", "."],
                       [(1, 3, "PERSON"), (5, 6, "ORG"), (9, 10, "ORG"), (12, 13, "PERSON")])
    assert entity_kind("O'Neill", "PERSON", name_kinds([(0, d)])) == "person"
