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


def test_a_name_of_two_words_resolves_to_the_form_it_was_introduced_with(rules_analyzer):
    a = analyse(rules_analyzer, "Joy Harden Bradford, a psychologist in Atlanta, spoke first.",
                "Harden Bradford said the results were surprising.")
    assert speaker_of(a, cue="said").name == "Joy Harden Bradford"
    # A longer form that does not come first is not the introduction (a nickname, a slur).
    a = analyse(rules_analyzer, "Hillary Clinton arrived in Ohio on Monday.",
                "Crowds chanted Crooked Hillary Clinton outside.", "Hillary Clinton said the race was close.")
    assert speaker_of(a, cue="said").name == "Hillary Clinton"


def test_a_role_stops_before_a_second_description_joined_on(rules_analyzer):
    a = analyse(rules_analyzer, "“Fasting works,” says Krista Varady, a professor of nutrition at the "
                "University of Illinois Chicago and a co-author of related research.", "Varady said the diet was safe for most adults.")
    assert speaker_of(a, content="safe").role == "professor"
    a = analyse(rules_analyzer, "“We will grow,” said Ann Lee, the company's president and chief executive.",
                "Lee said the plan was on track for next year.")
    assert speaker_of(a, content="on track").role == "president and chief executive"
    a = analyse(rules_analyzer, "Growth is slowing, according to Nick Eberts, product manager, Google Cloud at Google, "
                "and Ameenah Burhan, solutions architect for Google Cloud.",
                "Eberts said the platform was ready for most teams.")
    assert speaker_of(a, content="ready").role == "product manager"


def test_names_in_what_the_author_asked_stay_candidates_for_the_pronoun(analyzer):
    # "when asked how much Andrea Elliot was upcharged" is the reporter's question, not anyone's
    # statement: Elliot is who "she" is, not the last speaker.
    a = analyse(analyzer, 'Nate Wheatley said, "They got me for about $8,000 a little over, maybe."',
                'And when asked how much Andrea Elliot was upcharged, "Oh, we paid 18,000," she said.')
    assert speaker_of(a, content="we paid").name == "Andrea Elliot"


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
    # Nobody named: an unnamed person is an anonymous source.
    assert sp.type == "anonymous" and sp.name is None and sp.role == "minister"


def test_title_nominal_without_a_named_holder_stays_unnamed(rules_analyzer):
    a = analyse(rules_analyzer, '"We are ready," the general said on Monday.')
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name, sp.role) == ("anonymous", None, "general")


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


def test_a_surname_misspelt_by_one_vowel_is_the_person(analyzer):
    a = analyse(analyzer, "“It’s a good-news bad-news story,” said Trevor Houser, a partner at Rhodium. Coal is "
                "falling, Houser said. Builders could start installing heat pumps. “But that’s not going to "
                "happen on its own,” Hauser said.")
    sp = speaker_of(a, content="on its own")
    assert (sp.type, sp.name) == ("person", "Trevor Houser")


def test_comments_are_texts_not_people(analyzer):
    a = analyse(analyzer, "She posted the numbers on Monday.",
                "The comments and attacks came fast: “You decided to start a conversation about someone else’s life.”")
    sp = speaker_of(a, content="start a conversation")
    assert sp.type == "document"


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


# Names in compound titles, possessives and apposition.

def test_title_string_before_a_name_is_the_role(rules_analyzer):
    a = analyse(rules_analyzer, '"The results surprised us," said co-author David Tilman, an ecologist in Minnesota.')
    sp = speaker_of(a, content="surprised us")
    assert (sp.type, sp.name, sp.role) == ("person", "David Tilman", "co-author")


def test_company_and_two_titles_before_a_name(rules_analyzer):
    a = analyse(rules_analyzer, '"We wanted to make oxygen affordable," said LOW O2 Co-Founder and CEO Luis Sepúlveda.')
    sp = speaker_of(a, content="oxygen affordable")
    assert (sp.type, sp.name) == ("person", "Luis Sepúlveda")
    assert sp.role == "LOW O2 Co-Founder and CEO"


def test_two_names_joined_are_not_a_title_and_a_name(rules_analyzer):
    a = analyse(rules_analyzer, "Trump and Clinton said the debate would go ahead.")
    sp = speaker_of(a, cue="said")
    assert sp.name != "Clinton" and sp.role is None


def test_a_lawyer_for_a_person_is_not_that_person(rules_analyzer):
    a = analyse(rules_analyzer, "A lawyer for John Smith said the charges were false.")
    sp = speaker_of(a, cue="said")
    assert sp.name != "John Smith"


def test_possessor_of_a_name_is_not_part_of_it(rules_analyzer):
    a = analyse(rules_analyzer, "Rachel Stephens is an analyst at RedMonk.",
                "According to RedMonk’s Stephens, “We are in a cash-constrained financial environment.”")
    sp = speaker_of(a, content="cash-constrained")
    assert (sp.type, sp.name) == ("person", "Rachel Stephens")


def test_possessor_of_a_company_is_not_the_speaker(rules_analyzer):
    a = analyse(rules_analyzer, "Scooter Braun's company said the deal was final.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "organization" and sp.name is None


def test_name_in_apposition_after_a_title(rules_analyzer):
    a = analyse(rules_analyzer, "The leader of Ennahda, Rachid Ghannouchi, said in a statement that it was over.")
    sp = speaker_of(a, content="it was over")
    assert (sp.type, sp.name) == ("person", "Rachid Ghannouchi")


def test_name_followed_by_where_the_person_is_from(rules_analyzer):
    a = analyse(rules_analyzer, "Similarly, Shaheda Begum of Ishwaripur village said the initiative was very helpful.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("person", "Shaheda Begum")


def test_who_after_an_appositive_is_the_named_person(rules_analyzer):
    a = analyse(rules_analyzer, "Senator James Lankford, an Oklahoma Republican who warned that the deficit was dangerous, spoke.")
    sp = speaker_of(a, cue="warned")
    assert (sp.type, sp.name) == ("person", "James Lankford")


# Unnamed people, quantities and collectives.

def test_unnamed_people_are_anonymous(rules_analyzer):
    a = analyse(rules_analyzer, "One legal expert said the case would fail. The man said that he had seen nothing. "
                "A spokesperson said the firm would appeal.")
    for cue_content in ("case would fail", "seen nothing", "would appeal"):
        sp = speaker_of(a, content=cue_content)
        assert (sp.type, sp.name) == ("anonymous", None), cue_content


def test_indefinite_title_does_not_name_the_holder(rules_analyzer):
    a = analyse(rules_analyzer, "Legal expert Jane Roe wrote the brief.", "One legal expert said the case would fail.")
    sp = speaker_of(a, content="case would fail")
    assert (sp.type, sp.name) == ("anonymous", None)


def test_he_after_an_unnamed_spokesperson_is_that_spokesperson(rules_analyzer):
    a = analyse(rules_analyzer, "A spokesperson for the union said its members were ready.", '"We will strike on Monday," he said.')
    sp = speaker_of(a, content="strike on Monday")
    assert sp.type == "anonymous" and "spokesperson" in sp.description


def test_shares_and_numbers_of_people_are_groups(rules_analyzer):
    a = analyse(rules_analyzer, "A number of experts said the idea was wrong. 70% of respondents said they used the tool.")
    assert speaker_of(a, content="idea was wrong").type == "group"
    assert speaker_of(a, content="used the tool").type == "group"


def test_quantified_plural_names_and_staff_are_groups(rules_analyzer):
    a = analyse(rules_analyzer, "Many Tunisians say the party failed them. Staff on short contracts said they were tired.")
    assert speaker_of(a, content="party failed").type == "group"
    assert speaker_of(a, content="were tired").type == "group"


def test_another_is_an_anonymous_source(rules_analyzer):
    a = analyse(rules_analyzer, "One respondent said costs were high. Another said that training was scarce.")
    sp = speaker_of(a, content="training was scarce")
    assert (sp.type, sp.name) == ("anonymous", None)


def test_organisation_noun_with_a_proper_name_is_named(rules_analyzer):
    a = analyse(rules_analyzer, "West Mercia police said the tablets contained a toxic chemical.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("organization", "West Mercia police")


def test_the_company_is_the_company_just_named_as_subject(rules_analyzer):
    a = analyse(rules_analyzer, "Microsoft released a patch on Tuesday. The company said the flaw was fixed.")
    sp = speaker_of(a, content="flaw was fixed")
    assert (sp.type, sp.name) == ("organization", "Microsoft")


def test_the_company_is_not_a_name_in_a_modifier(rules_analyzer):
    a = analyse(rules_analyzer, "NASA supplier SpaceX has been grounded since September.",
                "The company said it hoped to resume launches in December.")
    sp = speaker_of(a, content="resume launches")
    assert sp.name != "NASA"


# Outlets, organisations and documents from the article's own evidence.

def test_space_agency_is_no_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "MOSCOW (AP) — A cargo ship broke up over Siberia, the Russian space agency said.")
    sp = speaker_of(a, cue="said")
    assert sp.type == "organization" and sp.name != "AP"


def test_news_agency_is_an_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "Interfax reported the crash first. The news agency said that the craft was lost.")
    sp = speaker_of(a, content="craft was lost")
    assert (sp.type, sp.name) == ("outlet", "Interfax")


def test_a_paper_in_a_journal_and_the_study_are_documents(rules_analyzer):
    a = analyse(rules_analyzer, "Researchers described the planet in a paper in Nature Astronomy.",
                "The paper said that the planet was rocky. The study found that it was cold.")
    assert speaker_of(a, content="planet was rocky").type == "document"
    assert speaker_of(a, content="it was cold").type == "document"


def test_nasa_is_an_organisation(rules_analyzer):
    a = analyse(rules_analyzer, "NASA said the telescope would look again. Reuters reported the plan on Monday.")
    assert speaker_of(a, content="telescope would look").type == "organization"


def test_a_name_spoken_to_is_an_outlet(rules_analyzer):
    a = analyse(rules_analyzer, '"We were never consulted," the mayor told the Valley Ledger on Monday.',
                "In an interview with the Valley Ledger, the mayor said the council had met.",
                "The Valley Ledger reported that the council had voted in secret.")
    sp = speaker_of(a, content="voted in secret")
    assert sp.type == "outlet"


def test_company_evidence_beats_the_outlet_lexicon(rules_analyzer):
    a = analyse(rules_analyzer, "American Express, the credit card company, said its profits rose.")
    sp = speaker_of(a, content="profits rose")
    assert sp.type == "organization"


def test_own_website_is_not_an_outlet(rules_analyzer):
    a = analyse(rules_analyzer, "Reuters covered the story. Her own website says that she was never paid.")
    sp = speaker_of(a, content="never paid")
    assert sp.type != "outlet" and sp.name != "Reuters"


# Persons and organisations the tagger mistypes.

def test_surname_of_a_person_tagged_otherwise_is_the_person(rules_analyzer):
    a = analyse(rules_analyzer, "Whale whisperer Hori Parata was seven years old then.",
                "Parata, 75, has now overseen the burials of 500 whales.",
                '"Man\'s greed in the ocean is hurting the whales," says Parata.')
    sp = speaker_of(a, content="hurting the whales")
    assert (sp.type, sp.name) == ("person", "Hori Parata")


def test_name_with_a_person_noun_in_apposition_is_a_person(rules_analyzer):
    a = analyse(rules_analyzer, "Gustavo Faleiros, an editor at the news group InfoAmazonia, said that the air was worse.")
    sp = speaker_of(a, content="air was worse")
    assert (sp.type, sp.name) == ("person", "Gustavo Faleiros")


def test_name_that_presents_itself_is_an_organisation(rules_analyzer):
    a = analyse(rules_analyzer, "Uber has presented itself as a modern alternative. Uber underpays its drivers.",
                "Uber claims that its rating system is efficient.")
    sp = speaker_of(a, content="rating system")
    assert (sp.type, sp.name) == ("organization", "Uber")


def test_organisation_noun_before_a_name_makes_it_an_organisation(rules_analyzer):
    a = analyse(rules_analyzer, "Pilot whales are dying, according to whale rescue group Project Jonah.")
    sp = speaker_of(a, content="Pilot whales")
    assert (sp.type, sp.name) == ("organization", "Project Jonah")


# Pronouns: discourse order, the last quoted speaker first, no guessing.

def test_quote_after_a_sentence_about_the_president_is_not_his(rules_analyzer):
    a = analyse(rules_analyzer, "President Joe Biden visited Ohio on Monday.",
                '"This plan will not work," said Mark Zandi, an economist at Moody\'s.',
                'The president has said that the plan will cut prices. "It will fail," he said.')
    sp = speaker_of(a, content="It will fail")
    assert sp.name != "Joe Biden"


def test_new_source_introduced_by_name_takes_the_next_quote(rules_analyzer):
    a = analyse(rules_analyzer, '"Protein remains a priority," says Scott Keatley, a dietitian.',
                "But it is also important not to neglect fibre, says Keri Gans, author of a diet book. "
                '"Many people forget vegetables," she says.')
    sp = speaker_of(a, content="forget vegetables")
    assert sp.name == "Keri Gans"


def test_pronoun_does_not_reach_forward_to_the_next_sentence(rules_analyzer):
    a = analyse(rules_analyzer, '"I will find you and I will kill you," he wrote to the victim. '
                "His lawyer, James Smith, said the message was a joke.")
    sp = speaker_of(a, content="kill you")
    assert sp.name != "James Smith"


def test_she_after_an_expert_quote_is_the_expert(rules_analyzer):
    a = analyse(rules_analyzer, "Maria Lopez, the mayor, opened the fair on Monday.",
                '"Prices will rise," said Anna Cole, an economist at the bank. "Nobody is ready," she says.')
    sp = speaker_of(a, content="Nobody is ready")
    assert sp.name == "Anna Cole"



def test_a_long_quote_carries_its_speaker_into_the_pronoun_window(rules_analyzer):
    a = analyse(rules_analyzer, "Maria Lopez opened the fair.",
                'Anna Cole, an economist, said: "Prices will rise. Wages will not. Rents will climb. Nobody is ready."',
                '"It will be a hard winter," she added.')
    sp = speaker_of(a, content="hard winter")
    assert sp.name == "Anna Cole"


def test_quote_is_not_given_to_a_source_in_a_later_sentence_with_its_own_statement(rules_analyzer):
    from reportedly.model import Attribution, Span
    from reportedly.provenance.speakers import resolve_speakers

    text = '"I will find you and I will kill you." His lawyer, James Smith, said the message was a joke.'
    blocks = [(0, rules_analyzer.nlp(text))]
    quote = Span.of(text, 0, text.index(" His"))
    source = Span.of(text, text.index("His"), text.index(", said"))
    cue = Span.of(text, text.index("said"), text.index("said") + 4)
    threat = Attribution("a1", "direct", quote, source, cue, origin="model")
    joke = Attribution("a2", "indirect", Span.of(text, text.index("the message"), len(text) - 1), source, cue)
    threat_speaker, joke_speaker = resolve_speakers(text, blocks, [threat, joke])
    assert threat_speaker.type == "unknown" and threat_speaker.name is None
    assert joke_speaker.name == "James Smith"



def test_title_nominal_with_a_full_and_a_short_form_of_one_holder_is_that_holder(rules_analyzer):
    # "Obama" and "Barack Obama", both titled President, are one holder, not a tie.
    a = analyse(
        rules_analyzer,
        "President Barack Obama arrived in Nairobi on Friday.",
        "Crowds lined the road as President Obama drove past.",
        "The president said he would not fall silent on the issue.",
    )
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("person", "Barack Obama")


def test_title_nominal_with_a_short_form_of_two_holders_stays_unnamed(rules_analyzer):
    # "Senator Clinton" may be either senator: the tie stands.
    a = analyse(
        rules_analyzer,
        "Senator Hillary Clinton and Senator Bill Clinton arrived in Iowa on Friday.",
        "Crowds lined the road as Senator Clinton drove past.",
        "The senator said the campaign would go on.",
    )
    sp = speaker_of(a, cue="said")
    assert sp.type == "anonymous" and sp.name is None


def test_window_of_a_quote_before_its_pronoun_starts_at_the_quote(rules_analyzer):
    # The quote's own sentences do not push the speaker named just before it out of reach.
    a = analyse(rules_analyzer, "Mayor John Smith said the bridge would reopen on Monday. The river rose all week.",
                '"We are ready. The piers are sound. Nothing was damaged," he said.')
    sp = speaker_of(a, content="Nothing was damaged")
    assert (sp.type, sp.name) == ("person", "John Smith")


def test_a_run_of_the_same_pronoun_carries_the_person(rules_analyzer):
    # "she" as the subject of the sentences between is the woman named before the run.
    a = analyse(rules_analyzer, "Ellen Fetter joined the laboratory in 1961. After a few years, she left her job. "
                "In the 1970s, she took classes at the university. By the 1980s, the field had changed. "
                '"They went with young, techy guys," she said.')
    sp = speaker_of(a, content="techy guys")
    assert (sp.type, sp.name) == ("person", "Ellen Fetter")


def test_a_run_of_pronouns_after_two_people_stays_unknown(rules_analyzer):
    a = analyse(rules_analyzer, "Ellen Fetter met Anna Cole at the laboratory in 1961. After a few years, she left her job. "
                "In the 1970s, she took classes at the university. By the 1980s, the field had changed. "
                '"They went with young, techy guys," she said.')
    sp = speaker_of(a, content="techy guys")
    assert sp.name is None


def test_we_are_told_is_the_outlets_unnamed_source(analyzer):
    # The guideline's ruling: "we're told" is the outlet's anonymous source speaking.
    a = analyse(analyzer, "Deputies were at the club on Thursday morning. "
                "We're told they have looked at security footage of the parking lot.")
    sp = speaker_of(a, content="security footage")
    assert (sp.type, sp.name) == ("anonymous", None)


def test_the_department_is_the_named_department_before_it(rules_analyzer):
    a = analyse(rules_analyzer, "The New Zealand Department of Conservation said strandings were rising.",
                "The conservation department said the cause was still unclear.")
    sp = speaker_of(a, content="still unclear")
    assert (sp.type, sp.name) == ("organization", "New Zealand Department of Conservation")


def test_the_company_after_its_spokeswoman_is_that_company(rules_analyzer):
    a = analyse(rules_analyzer, "A Whole Foods spokeswoman said the discount was temporary. "
                "The halibut sold out in two days. The company said it was lowering prices across the store.")
    sp = speaker_of(a, content="lowering prices")
    assert (sp.type, sp.name) == ("organization", "Whole Foods")


def test_a_document_is_named_by_whose_it_is(rules_analyzer):
    a = analyse(rules_analyzer, "The report by the University and College Union claims institutions have created "
                "a pool of low-paid staff.")
    sp = speaker_of(a, content="low-paid staff")
    assert (sp.type, sp.name) == ("document", "University and College Union report")


def test_a_document_by_unnamed_people_stays_unnamed(rules_analyzer):
    a = analyse(rules_analyzer, "A study by Harvard researchers found that the drug works.")
    sp = speaker_of(a, content="the drug works")
    assert (sp.type, sp.name) == ("document", None)


def test_the_company_is_not_any_earlier_name_ending_in_company(rules_analyzer):
    a = analyse(rules_analyzer, "The fish was landed by the Dana F. Besecker Company in May.",
                "Amazon bought Whole Foods last year. Prices fell in the summer. Shoppers came back in the autumn.",
                "At the same time, the company claims its prices have saved customers millions.")
    sp = speaker_of(a, content="saved customers")
    assert sp.name is None


def test_a_document_by_a_titled_person_is_named_by_the_person(analyzer):
    a = analyse(analyzer, "A 2014 study by Loyola Law School professor Justin Levitt found few cases of fraud.")
    sp = speaker_of(a, content="few cases")
    assert (sp.type, sp.name) == ("document", "Justin Levitt study")


def test_a_man_the_article_calls_him_beside_a_woman_does_not_take_her_pronoun(rules_analyzer):
    # Gille's gender comes from a sentence of two people: Fetter is a "she", so "him" and "he"
    # are his; "she" then has one candidate.
    a = analyse(rules_analyzer, "Ellen Fetter joined the laboratory in 1961 and loved her job there.",
                "Later, Fetter married John Gille and moved with him when he went to Florida. "
                'She often thought of the laboratory. "It was the best job I ever had," she said.')
    sp = speaker_of(a, content="best job")
    assert (sp.type, sp.name) == ("person", "Ellen Fetter")


def test_the_company_is_the_story_company_named_just_before(rules_analyzer):
    # No company is subject or source in the sentences before "the company", but the one the
    # story is about (named most often) is named there: it is that company.
    a = analyse(rules_analyzer,
                "Microsoft released the Xbox One X on Tuesday. Microsoft priced it at $499.",
                "Reviewers liked the console. For Microsoft fans, the price will not matter much. "
                "The company said the console is the fastest ever made.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("organization", "Microsoft")


def test_the_company_is_not_a_firm_named_in_passing(rules_analyzer):
    # The only organisation named just before is an analyst's bank, not the story's company.
    a = analyse(rules_analyzer,
                "Whole Foods cut prices again on Monday. Whole Foods also changed its stores.",
                "Analysts were unsure. An analyst at Goldman Sachs called the move bold. "
                "The company said prices would keep falling.")
    sp = speaker_of(a, cue="said")
    assert sp.name != "Goldman Sachs"


def test_an_untagged_name_introduced_as_a_supplier_is_the_company(rules_analyzer):
    # "NASA supplier SpaceX": the noun before the name types it an organisation, so "the
    # company" is SpaceX, not NASA.
    a = analyse(rules_analyzer,
                "NASA supplier SpaceX, meanwhile, has been grounded since a rocket explosion in September. "
                "The company said it hopes to resume launches in December.")
    sp = speaker_of(a, cue="said")
    assert (sp.type, sp.name) == ("organization", "SpaceX")


def test_she_with_nobody_in_the_window_looks_farther_back_for_the_one_woman(rules_analyzer):
    # Figures and rhetorical questions stand between the person and the next "she": with
    # nobody at all in the window, the one person the article calls "she" just before it.
    a = analyse(rules_analyzer,
                "Samantha Bielefeld wrote about the podcast on her blog. She said the numbers came from the show's own rates.",
                "Is this going to yield perfect numbers? No. The rates are public. Anyone can read them.",
                "At first, she said the hosts split the money three ways.")
    sp = speaker_of(a, content="the hosts split")
    assert (sp.type, sp.name) == ("person", "Samantha Bielefeld")


def test_she_farther_back_stays_unknown_beside_a_person_of_unknown_gender(rules_analyzer):
    a = analyse(rules_analyzer,
                "Samantha Bielefeld wrote about the podcast on her blog. Alex Moreau read the post. She said the numbers came from the show's own rates.",
                "Is this going to yield perfect numbers? No. The rates are public. Anyone can read them.",
                "At first, she said the hosts split the money three ways.")
    sp = speaker_of(a, content="the hosts split")
    assert sp.name is None


def test_she_goes_to_the_one_woman_of_the_latest_sentence_about_anyone(rules_analyzer):
    # Two women in the window, but the latest sentence about anyone has one woman as a subject
    # (Lorenz is a "he"): the reader looks back to her, not to Hamilton a sentence earlier.
    a = analyse(rules_analyzer,
                "Edward Lorenz ran his weather model every night. Margaret Hamilton ran the computer for him.",
                "Ellen Fetter answered an advertisement. She interviewed with Hamilton, who hired her.",
                "Once Fetter arrived, Lorenz gave her a manual, and before long she was up to speed. "
                "“He carried a lot in his head,” she said.")
    sp = speaker_of(a, content="carried a lot")
    assert (sp.type, sp.name) == ("person", "Ellen Fetter")


def test_she_stays_unknown_when_the_latest_sentence_opens_with_another_she(rules_analyzer):
    # "After she hired her, Fetter …": the sentence is about an older "she" too, so its one
    # named woman is not the one the next "she" looks back to.
    a = analyse(rules_analyzer,
                "Edward Lorenz ran his weather model every night. Margaret Hamilton ran the computer for him.",
                "Ellen Fetter answered an advertisement. Hamilton hired her at once.",
                "After she hired her, Fetter learned fast. “It was hard work,” she said.")
    sp = speaker_of(a, content="hard work")
    assert sp.name is None


def test_the_company_after_sentences_naming_nobody_is_the_story_company_named_last(rules_analyzer):
    # A quoted sign stands between the company and "the company": nobody is named in the
    # sentences it looks back over, and the company named last before them is the story's.
    a = analyse(rules_analyzer,
                "Whole Foods cut its prices on Monday. Whole Foods has also changed its stores.",
                "New signs appeared this month: “New lower prices. Same high standards,” reads one.",
                "At the same time, the company claims its prices have saved customers millions.")
    sp = speaker_of(a, content="saved customers")
    assert (sp.type, sp.name) == ("organization", "Whole Foods")


def test_the_company_after_sentences_naming_nobody_is_not_the_story_company_when_another_came_last(
        rules_analyzer):
    a = analyse(rules_analyzer,
                "Whole Foods cut its prices on Monday. Whole Foods has also changed its stores. "
                "Amazon bought a small bakery.",
                "New signs appeared this month: “New lower prices. Same high standards,” reads one.",
                "At the same time, the company claims its prices have saved customers millions.")
    sp = speaker_of(a, content="saved customers")
    assert sp.name is None


def test_a_determiner_the_parser_made_the_root_does_not_head_the_source(analyzer):
    # The parser hangs "Another" and "respondent" both on "AI's": the speaker is the
    # respondent, one unnamed person, not the word "Another".
    a = analyse(analyzer, "Another respondent highlighted AI’s opportunities to help teams address toolchain "
                "challenges: “AI is growing fast, and our current toolchain can be massively improved with AI "
                "integrations.”")
    sp = speaker_of(a, content="growing fast")
    assert sp.type == "anonymous"


def test_coordinated_organisations_speak_together(rules_analyzer):
    # "both Boeing and Airbus said": naming Boeing alone would credit it to one of them.
    a = analyse(rules_analyzer, "Boeing reported a loss on Monday. Airbus reported a profit.",
                "But both Boeing and Airbus said the crash would have no impact on their orders.")
    sp = speaker_of(a, content="no impact")
    assert (sp.type, sp.name) == ("organization", "Boeing and Airbus")


def test_they_after_a_people_named_by_party_is_that_group(rules_analyzer):
    # "Republicans" is a people named by party (NORP), no name of one speaker: a group that
    # "they" may stand for, as "protesters" is.
    a = analyse(rules_analyzer,
                "It is unclear how much impact the plumbers will have on the vote. Republicans in the Texas "
                "legislature are pushing hard for the proposal. They say it would give students a better education.")
    sp = speaker_of(a, content="better education")
    assert (sp.type, sp.name) == ("group", None)


def test_a_report_is_named_by_the_report_of_the_next_sentence(rules_analyzer):
    # "the report" in the next sentence is the one just introduced, and it says whose it is.
    a = analyse(rules_analyzer,
                "Thousands of academic staff are treated as second-class citizens, says a report.",
                "The report by the University and College Union claims institutions have created a pool "
                "of low-paid staff.")
    sp = speaker_of(a, content="second-class citizens")
    assert (sp.type, sp.name) == ("document", "University and College Union report")


def test_the_report_is_named_by_the_named_report_before_it(rules_analyzer):
    a = analyse(rules_analyzer,
                "The report by the University and College Union was published on Monday. Ministers were "
                "not consulted. Staff were angry.",
                "The report said institutions have created a pool of low-paid staff.")
    sp = speaker_of(a, content="pool of low-paid staff")
    assert (sp.type, sp.name) == ("document", "University and College Union report")


def test_the_report_after_a_new_unnamed_report_is_not_the_named_one(rules_analyzer):
    a = analyse(rules_analyzer,
                "The report by the University and College Union was published on Monday. A second report "
                "appeared on Tuesday.",
                "The report said institutions have created a pool of low-paid staff.")
    sp = speaker_of(a, content="pool of low-paid staff")
    assert sp.type == "document" and sp.name is None


def test_she_is_not_one_of_a_pair_beside_a_woman_who_stands_alone(rules_analyzer):
    # Rothman's gender is never given, but he is one of a pair ("both Lorenz and Rothman"):
    # the woman who is the sentence's subject is the one "she" looks back to.
    a = analyse(rules_analyzer,
                "Edward Lorenz ran his weather model every night. Daniel Rothman arrived later.",
                "Later, Sarah Gille studied oceanography at the institute, joining the same department as both "
                "Lorenz and Rothman. “Nobody asked me about chaos,” she said.")
    sp = speaker_of(a, content="about chaos")
    assert (sp.type, sp.name) == ("person", "Sarah Gille")


def test_a_comment_in_a_feed_is_a_document(analyzer):
    a = analyse(analyzer, "Samantha posted her piece on Monday, and the replies came fast.",
                "This one comment in her feed stood out: “I can see why you have some reservations about "
                "publishing it, but my gut feeling is that it was worth it.”")
    sp = speaker_of(a, content="reservations")
    assert sp.type == "document"


def test_a_request_for_comment_is_no_document_mention(analyzer):
    from reportedly.provenance.mentions import find_mentions

    text = "Mojang did not respond to a request for comment. The company said the flaw was fixed."
    blocks, _ = analyzer.parse(Article("t", text, (Paragraph(0, len(text)),)))
    assert [m.text for m in find_mentions(blocks) if m.type == "document"] == []


def test_he_is_not_a_pair_that_spoke_before(rules_analyzer):
    # "David Wilson and his son … said": two people spoke; the son, the subject since, is the
    # one "he" looks back to, not the father the source is named by.
    a = analyse(rules_analyzer,
                "David Wilson and his son, Michael Wilson, said the whales were sick. "
                "Michael left university this year to study carving. "
                "He says the strandings are getting more attention.")
    sp = speaker_of(a, content="more attention")
    assert sp.type == "person" and sp.name.startswith("Michael")


def test_the_author_is_the_writer_just_quoted_and_talked_about(rules_analyzer):
    a = analyse(rules_analyzer,
                "“Neon was the light of a new century,” Luis de Miranda writes. De Miranda sees the decline of "
                "neon as the end of an age. The author also suggests that the lights are a message in a bottle.")
    sp = speaker_of(a, content="message in a bottle")
    assert (sp.type, sp.name) == ("person", "Luis de Miranda")


def test_the_author_stays_unnamed_beside_another_person(rules_analyzer):
    a = analyse(rules_analyzer,
                "“Neon was the light of a new century,” Luis de Miranda writes. Michael Wells translated the "
                "book into English. The author also suggests that the lights are a message in a bottle.")
    sp = speaker_of(a, content="message in a bottle")
    assert sp.name is None
