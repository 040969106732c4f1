"""Speaker resolution patterns on small hand-made texts (needs the spaCy model).

Each test names one pattern; several check that the answer is "unknown" or an unnamed
speaker when the text does not settle who spoke.
"""
import pytest

from reportedly.model import Article, Paragraph

pytestmark = pytest.mark.model


def analyse(analyzer, *paragraphs):
    text = "\n\n".join(paragraphs)
    spans, start = [], 0
    for p in paragraphs:
        spans.append(Paragraph(start, start + len(p)))
        start += len(p) + 2
    return analyzer.analyze(Article("t", text, tuple(spans)))


def speaker_of(analysis, cue=None, content=None):
    for att, prov in zip(analysis.attributions, analysis.provenance):
        if (cue is None or (att.cue and att.cue.text == cue)) and (content is None or content in att.content.text):
            return prov.speaker
    raise AssertionError(f"no attribution with cue {cue!r} / content {content!r}: "
                         f"{[(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]}")


def test_pronoun_he_resolves_to_the_previous_speaker(rules_analyzer):
    a = analyse(rules_analyzer, "Mayor John Smith said the bridge would reopen on Monday. He added that tolls would stay.")
    sp = speaker_of(a, cue="added")
    assert (sp.type, sp.name, sp.mention.text) == ("person", "John Smith", "He")
    assert sp.evidence


def test_pronoun_it_resolves_to_a_document(rules_analyzer):
    a = analyse(rules_analyzer, '"The plant must close," the report said. "Nothing else will do," it continued.')
    sp = speaker_of(a, cue="continued")
    assert sp.type == "document" and sp.name is None and sp.mention.text == "it"


def test_pronoun_they_resolves_to_a_group(rules_analyzer):
    a = analyse(rules_analyzer, "Protesters said the election was stolen. They said they would return on Friday.")
    sp = speaker_of(a, content="would return")
    assert sp.type == "group" and sp.name is None


def test_pronoun_without_antecedent_is_unknown(rules_analyzer):
    a = analyse(rules_analyzer, "The weather was cold all week. He said the vote would go ahead.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("unknown", None)


def test_pronoun_between_two_people_is_unknown(rules_analyzer):
    a = analyse(rules_analyzer, "John Smith met Peter Jones in Paris on Monday. He said the talks had gone well.")
    sp = speaker_of(a, cue="said")
    assert sp.name is None


def test_short_form_resolves_to_the_full_name(rules_analyzer):
    a = analyse(rules_analyzer, "President Alexander Lukashenko arrived in Minsk.", "Lukashenko said the army was ready.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name, sp.role) == ("person", "Alexander Lukashenko", "President")
    assert sp.mention.text == "Lukashenko"


def test_title_nominal_resolves_to_the_person_with_that_office(rules_analyzer):
    a = analyse(
        rules_analyzer,
        "Russian Foreign Affairs Minister Sergey Lavrov met officials in Minsk.",
        "Russia's foreign minister said the drills were illegal.",
    )
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name, sp.role) == ("person", "Sergey Lavrov", "foreign minister")


def test_title_nominal_with_two_candidates_stays_unnamed(rules_analyzer):
    a = analyse(
        rules_analyzer,
        "Foreign Minister Anna Berg met Foreign Minister Karl Holm in Oslo.",
        "The minister said the talks were useful.",
    )
    sp = speaker_of(a, cue="said")
    assert sp.type == "person" and sp.name is None and sp.role == "minister"


def test_title_nominal_without_a_named_holder_stays_unnamed(rules_analyzer):
    a = analyse(rules_analyzer, '"We are ready," the general said on Monday.')
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name, sp.role) == ("person", None, "general")


def test_outlet_nominal_resolves_to_the_named_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "The Guardian reported the deal on Monday. The paper revealed that the talks had failed.")
    sp = speaker_of(a, cue="revealed")
    assert (sp.type, sp.name, sp.mention.text) == ("outlet", "Guardian", "The paper")


def test_outlet_nominal_without_a_named_outlet_stays_unnamed(rules_analyzer):
    a = analyse(rules_analyzer, "The newspaper said that the talks had failed.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("outlet", None)


def test_known_wire_name_is_an_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "Talks collapsed on Monday, Reuters reported.")
    sp = speaker_of(a, cue="reported")
    assert (sp.type, sp.name) == ("outlet", "Reuters")


def test_anonymous_source_keeps_its_description(rules_analyzer):
    a = analyse(rules_analyzer, "A senior official who spoke on condition of anonymity said the plan was dead.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "anonymous" and sp.name is None
    assert sp.description == "A senior official who spoke on condition of anonymity"


def test_people_familiar_with_are_anonymous(rules_analyzer):
    a = analyse(rules_analyzer, "People familiar with the matter said the merger was off.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "anonymous" and sp.name is None


def test_definite_document_resolves_to_its_first_mention(rules_analyzer):
    a = analyse(rules_analyzer, "The agency obtained a confidential memo from the ministry.", "The memo said that prices would rise.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "document" and sp.description.startswith("a confidential memo")
    assert sp.evidence[0].text.startswith("a confidential memo") and sp.mention.text == "The memo"


def test_pronoun_after_a_new_subject_goes_to_the_new_subject(rules_analyzer):
    a = analyse(
        rules_analyzer,
        '"It was a disaster," Rush Limbaugh said. NBC host Matt Lauer faced heavy criticism after he asked Clinton about her emails.',
    )
    sp = speaker_of(a, cue="asked")
    assert sp.name == "Matt Lauer"


def test_names_inside_what_was_said_do_not_take_the_pronoun(rules_analyzer):
    a = analyse(rules_analyzer, "Senator Mary Jones said that Peter Smith was lying. She added that she would vote no.")
    sp = speaker_of(a, cue="added")
    assert sp.name == "Mary Jones"


def test_surname_tagged_as_organisation_is_the_person(rules_analyzer):
    a = analyse(rules_analyzer, "Attorney General Loretta Lynch spoke in Boston.", "Lynch said the department would appeal.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("person", "Loretta Lynch")


def test_name_in_apposition_names_the_role(rules_analyzer):
    a = analyse(rules_analyzer, "His former business partner, Lawrence Cummings, said the deal was fair.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("person", "Lawrence Cummings") and "partner" in sp.role


def test_she_skips_a_person_the_article_calls_he(rules_analyzer):
    a = analyse(
        rules_analyzer,
        "Chris Christie said his state was safe. Hillary Clinton said her plan would work.",
        "Governor Chris Christie called Hillary Clinton a disgrace. She said that the police were biased.",
    )
    sp = speaker_of(a, content="police were biased")
    assert sp.name == "Hillary Clinton"


def test_the_president_as_subject_names_the_pronoun(rules_analyzer):
    a = analyse(
        rules_analyzer,
        "President Barack Obama spoke in Ohio.",
        "In defeat, the president appeared cowed. Campaigning against Mitt Romney in 2012, he said that climate change could wait.",
    )
    sp = speaker_of(a, content="climate change could wait")
    assert sp.name in ("Barack Obama", None)


def test_relative_pronoun_resolves_to_the_people_it_stands_for(rules_analyzer):
    a = analyse(rules_analyzer, "The mayor thanked the volunteers, who said that the park would reopen in May.")
    sp = speaker_of(a, cue="said")
    assert sp.mention.text == "the volunteers" and sp.type == "group"


def test_who_skips_a_place_the_parser_hung_the_clause_on(rules_analyzer):
    # The parser hangs "who have argued" on "Hill" here.
    a = analyse(rules_analyzer, "It is likely to placate nervous Democrats on Capitol Hill, who have argued that it helps.")
    sp = speaker_of(a, cue="argued")
    assert sp.mention.text == "nervous Democrats"


def test_who_after_a_predicate_noun_is_the_subject_it_describes(rules_analyzer):
    a = analyse(rules_analyzer, "Senator Tom Baker is a serial liar who said that the vote was rigged.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "person" and sp.name == "Tom Baker"
