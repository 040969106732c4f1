"""Acts, the confidence model and finds that report nobody, on hand-made text."""
import pytest

from reportedly.model import Attribution, Span, Speaker
from reportedly.provenance.acts import classify_act
from reportedly.provenance.confidence import DISPLAY_THRESHOLD, confidence, features, weights


def att(text, source, cue, content, origin="model", probability=0.9):
    def span(part):
        if part is None:
            return None
        start = text.index(part)
        return Span.of(text, start, start + len(part))

    content_span = span(content)
    kind = "direct" if content.startswith("“") else "indirect"
    return Attribution("a1", kind, content_span, span(source), span(cue), origin=origin, probability=probability)


PERSON = Speaker("person", None, name="Jane Roe")
STUDY = Speaker("document", None, description="a study in Nature", short="study")


@pytest.mark.parametrize("text,source,cue,content,lemma,speaker,act", [
    ("Roe said the bridge was safe.", "Roe", "said", "the bridge was safe", "say", PERSON, "speech"),
    ("Roe wrote that the bridge was safe.", "Roe", "wrote", "that the bridge was safe", "write", PERSON, "writing"),
    ("Roe believes the bridge is safe.", "Roe", "believes", "the bridge is safe", "believe", PERSON, "thought"),
    ("A study in Nature found the bridge was safe.", "A study in Nature", "found", "the bridge was safe", "find", STUDY, "finding"),
    # a study that "says" reports a finding; a letter that "says" is writing
    ("A study in Nature says the bridge is safe.", "A study in Nature", "says", "the bridge is safe", "say", STUDY, "finding"),
    ("The letter said the bridge was safe.", "The letter", "said", "the bridge was safe", "say",
     Speaker("document", None, short="letter"), "writing"),
    ("ROE: The bridge is safe.", "ROE", ":", "The bridge is safe.", "", PERSON, "speech"),
    ("Roe agreed to inject cash.", "Roe", "agreed", "to inject cash", "inject", PERSON, "other"),
    # Cues of statements that are not "say" words: pointing out, summing up, remembering.
    ("Roe pointed out that the bridge was safe.", "Roe", "pointed out", "that the bridge was safe", "point", PERSON, "speech"),
    ("Roe summed it up: the bridge is safe.", "Roe", "summed it up:", "the bridge is safe", "sum", PERSON, "speech"),
    ("Roe remembered that the bridge was safe.", "Roe", "remembered", "that the bridge was safe", "remember", PERSON, "thought"),
    ("Roe retweeted a post saying the bridge was safe.", "Roe", "retweeted", "a post saying the bridge was safe", "retweet",
     PERSON, "writing"),
])
def test_acts(text, source, cue, content, lemma, speaker, act):
    assert classify_act(att(text, source, cue, content), lemma, speaker) == act


@pytest.mark.parametrize("lemma,word,expected", [
    ("hop", "hopes", "hope"),  # "Li hopes that …" tagged a noun's plural
    ("retweete", "retweeted", "retweet"),
    ("say", "said", "say"),  # a lemma the lists know stands
    ("inject", "injected", "inject"),  # no cue word either way: the tagger's lemma stands
])
def test_a_cue_lemma_the_tagger_got_wrong_is_repaired_from_the_word(lemma, word, expected):
    from reportedly.provenance.epistemic import known_lemma

    assert known_lemma(lemma, word) == expected


def test_confidence_is_a_probability_that_rises_with_its_evidence():
    fitted = {"bias": -1.0, "cue=core": 2.0, "nobody=author": -3.0}
    said = att("Roe said the bridge was safe.", "Roe", "said", "the bridge was safe")
    sure = confidence(features(said, "say", PERSON, "speech"), fitted)
    mine = confidence(features(said, "say", PERSON, "speech", nobody="author"), fitted)
    assert 0.0 < mine < 0.5 < sure < 1.0
    # A feature the weights do not know counts for nothing.
    assert confidence({"bias": 1.0, "unheard_of": 5.0}, {"bias": 0.0}) == 0.5


def test_a_find_that_reports_nobody_is_worth_at_most_the_ceiling():
    said = att("Don't say the bridge is safe.", None, "say", "the bridge is safe")
    sure = {"bias": 5.0}
    assert confidence(features(said, "say", PERSON, "speech"), sure, ceiling=0.3) > 0.99
    assert confidence(features(said, "say", PERSON, "speech", nobody="imperative"), sure, ceiling=0.3) == 0.3


def test_the_committed_weights_hold_back_the_authors_own_voice():
    """With the fitted weights, "I think" in the author's own voice ranks below a plain "she said"."""
    assert weights(), "reportedly/provenance/confidence.json is missing"
    said = att("Roe said the bridge was safe.", "Roe", "said", "the bridge was safe")
    mine = att("I think the bridge is safe.", "I", "think", "the bridge is safe")
    author = features(mine, "think", Speaker("unknown", None), "thought", nobody="author")
    assert confidence(author) < confidence(features(said, "say", PERSON, "speech"))
    assert 0.0 < DISPLAY_THRESHOLD < 1.0


@pytest.mark.model
@pytest.mark.parametrize("text,source,cue,content,expected", [
    ("I think the plan will fail.", "I", "think", "the plan will fail", "author"),
    ("You know the plan will fail.", "You", "know", "the plan will fail", "author"),
    ("The deficit is expected to reach $1 trillion next year.", None, "is expected", "to reach $1 trillion next year", "passive"),
    ("The participants were asked to move the clock back.", None, "were asked", "to move the clock back", "passive"),
    ("The weather seemed to prefer a narrow set of states.", None, "seemed", "to prefer a narrow set of states", "seeming"),
    # With a source too: the author's reading of the subject, no statement of it.
    ("He seems to still imagine himself as two guys in a garage.", "He", "seems to still imagine",
     "himself as two guys in a garage", "seeming"),
    ("Trump appeared to suggest that the vote was rigged.", "Trump", "appeared to suggest",
     "that the vote was rigged", "seeming"),
    ("Note the example stops with a joke about the word.", None, "Note", "the example stops with a joke", "imperative"),
    ("Don't expect your whole library to be enhanced.", None, "expect", "your whole library to be enhanced", "imperative"),
    # A modal cue says what someone would or will say, not what anyone said.
    ("Few would argue against the use of such material.", "Few", "would argue against", "the use of such material", "hypothetical"),
    ("Anyone will tell you that the plan will fail.", "Anyone", "will tell", "that the plan will fail", "hypothetical"),
    ("Officials said the plan will fail.", "Officials", "said", "the plan will fail", None),
    ("Roe expects the plan to fail.", None, "expects", "the plan to fail", None),
    # "'d" before a past form is "had": what he had said is no hypothetical; "he'd say" is.
    ("He'd said that the plan would fail.", "He", "'d said", "that the plan would fail", None),
    ("He'd say that the plan failed.", "He", "'d say", "that the plan failed", "hypothetical"),
    # The outlet's anonymous source speaking is a statement (the guideline's ruling).
    ("We're told there is security footage of the theft.", None, "'re told", "there is security footage of the theft", None),
    ("We're told there is security footage of the theft.", "We", "told", "there is security footage of the theft", None),
    # A passive's subject is what was spoken of or to, not the speaker ...
    ("A mass stranding was described as unprecedented by locals.", "A mass stranding", "was described",
     "as unprecedented", "passive"),
    ("The participants were asked to move the clock back.", "The participants", "were asked", "to move the clock back",
     "passive"),
    # ... unless a verb of saying hangs under it.
    ("Officials were quoted as saying the plan will fail.", "Officials", "were quoted", "the plan will fail", None),
    # An infinitive after a verb that reports no speech or thought is an action or a refusal ...
    ("SoftBank agreed to inject $6.5 billion into the firm.", "SoftBank", "agreed", "to inject $6.5 billion into the firm",
     "action"),
    ("Fetter continued to program at the university after leaving MIT.", "Fetter", "continued",
     "to program at the university after leaving MIT", "action"),
    ("A spokeswoman declined to comment on pricing.", "A spokeswoman", "declined", "to comment on pricing", "action"),
    # ... after one that does, it is what was promised, urged or wanted.
    ("He vowed to keep trying.", "He", "vowed", "to keep trying", None),
    ("The company hopes to resume launches in December.", "The company", "hopes", "to resume launches in December", None),
    ("She urged Congress to act.", "She", "urged", "Congress to act", None),
    # A share of "us" or "you" is the author's or the reader's own.
    ("Many of us have noticed that ideas come in the shower.", "Many of us", "have noticed",
     "that ideas come in the shower", "author"),
    # The writer's generic "one" stands before its verb; after the cue it is one of something
    # just named (a sign, a letter).
    ("One wonders whether the plan will fail.", "One", "wonders", "whether the plan will fail", "author"),
    ("“New lower prices. Same high standards,” reads one.", "one", "reads",
     "“New lower prices. Same high standards,”", None),
])
def test_reports_nobody(analyzer, text, source, cue, content, expected):
    from reportedly.attribution.nobody import BlockIndex, ContentIndex, reports_nobody

    found = att(text, source, cue, content)
    blocks = [(0, analyzer.nlp(text))]
    assert reports_nobody(found, ContentIndex([found]), BlockIndex(blocks)) == expected


@pytest.mark.model
def test_a_first_person_inside_someones_content_is_theirs(analyzer):
    from reportedly.attribution.nobody import BlockIndex, ContentIndex, reports_nobody

    text = "Roe said: I think the plan will fail and we know why."
    outer = att(text, "Roe", "said", "I think the plan will fail and we know why.")
    inner = att(text, "I", "think", "the plan will fail")
    assert reports_nobody(inner, ContentIndex([outer, inner]), BlockIndex([(0, analyzer.nlp(text))])) is None
    assert reports_nobody(inner, ContentIndex([inner]), BlockIndex([(0, analyzer.nlp(text))])) == "author"


@pytest.mark.model
@pytest.mark.parametrize("text,content,expected", [
    # An action's object: a noun phrase, all of the content.
    ("Whole Foods touted a rarely seen price for halibut.", "a rarely seen price for halibut", True),
    ("Congress passed an $800 billion stimulus bill backed by the administration.",
     "an $800 billion stimulus bill backed by the administration", True),
    # Statements report clauses.
    ("Roe said the bridge was safe.", "the bridge was safe", False),
    ("Roe announced that sales rose in May.", "that sales rose in May", False),
    ("Roe vowed to keep trying.", "to keep trying", False),
])
def test_a_content_that_is_only_its_cues_object(analyzer, text, content, expected):
    from reportedly.attribution.nobody import BlockIndex
    from reportedly.provenance.trace import _object_only

    found = att(text, None, None, content)
    assert _object_only(BlockIndex([(0, analyzer.nlp(text))]).tokens(found.content)) is expected
