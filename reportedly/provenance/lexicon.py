"""Small curated word lists the provenance steps rely on.

Kept in one place so that a reader can see (and extend) exactly what the rules know. They are
lemmas, lower case; multi-word entries are matched on the lower-cased text.
"""
from __future__ import annotations

import re

PRONOUNS = {
    "he": "person", "she": "person", "him": "person", "her": "person",
    "it": "thing", "they": "plural", "them": "plural",
}
# First and second person pronouns speak from inside a quote; they are not resolved.
SELF_PRONOUNS = frozenset("i we you me us".split())

# Words for news outlets: "the paper revealed", "the broadcaster said". "agency" is one only
# as a news agency ("the space agency said" is no outlet), see NEWS_AGENCY_MODIFIERS.
OUTLET_NOUNS = frozenset(
    "paper newspaper outlet daily tabloid broadcaster network channel magazine website site "
    "publication wire agency newsletter podcast".split()
)
NEWS_AGENCY_MODIFIERS = frozenset("news press wire".split())
# A journalist's job next to a name marks the name as an outlet ("BBC correspondent").
JOURNALIST_NOUNS = frozenset(
    "reporter reporters correspondent correspondents journalist journalists columnist anchor "
    "host editor editors".split()
)
# Words that end outlet names ("The Washington Post", "Daily Express") and known names.
OUTLET_NAME_WORDS = frozenset(
    "times post journal news herald tribune gazette express telegraph mail chronicle observer "
    "guardian independent press reuters bloomberg".split()
)
WIRE_NAMES = frozenset(
    """reuters|ap|afp|associated press|bloomberg|bbc|cnn|msnbc|fox news|nbc|cbs|abc|npr|pbs|
    politico|axios|breitbart|express|daily express|guardian|new york times|washington post|
    wall street journal|telegraph|daily mail|independent|tass|ria novosti|interfax|xinhua|
    al jazeera|dpa|efe|ansa|kyodo|yonhap|sky news|huffpost|buzzfeed|vox|slate|the hill|
    newsweek|usa today|los angeles times|mirror|sun|rt|sputnik|times|post|journal|economist|
    atlantic|national review|cosmopolitan|techcrunch|business insider|insider|the verge|verge|
    wired|engadget|ars technica|gizmodo|mashable|recode|cnbc|cnet|the information|semafor|
    financial times|the new yorker|new yorker|time|forbes|fortune|propublica|vice|
    abc news|cbs news|nbc news|yahoo news|yahoo finance|politifact|snopes""".split("|")
)
WIRE_NAMES = frozenset(name.strip() for name in WIRE_NAMES)

# Words for documents that "say" things: "the letter read", "according to the report".
# (A "comment" is one written in a feed or under a post: "This one comment in her feed read: …";
# "for comment" is none, see mentions._nominal_mention.)
DOCUMENT_NOUNS = frozenset(
    """letter report statement memo memorandum study poll survey document documents email
    e-mail tweet post release transcript filing complaint lawsuit indictment affidavit ruling
    order bill draft note dossier analysis assessment review audit communique clause
    constitution law text message cable leak file files record records minutes data datum
    database article blog comment""".split()
)
# "paper" is a newspaper or a scientific paper; these words beside it make it a document.
PAPER_DOCUMENT_WORDS = frozenset(
    "research scientific academic white working discussion conference journal published "
    "peer-reviewed preprint".split()
)

# Titles and roles: a nominal with one of these heads refers to a person ("the foreign minister").
TITLE_WORDS = frozenset(
    """president minister secretary chancellor premier leader king queen prince governor mayor
    senator congressman congresswoman representative lawmaker spokesman spokeswoman
    spokesperson ambassador envoy general colonel commander chief director chairman chairwoman
    chair ceo founder judge justice attorney prosecutor sheriff officer diplomat adviser
    advisor aide candidate nominee speaker pope bishop head deputy manager professor
    economist analyst expert official strategist pollster counsel lawyer dictator executive
    cofounder co-founder""".split()
)
# Nouns for one person (besides titles): an unnamed one is anonymous ("the man", "one legal
# expert", "one guy"), and a name in apposition with one is a person's ("Gustavo Faleiros, an
# editor").
PEOPLE_NOUNS = frozenset(
    """man woman guy boy girl child teenager resident neighbour neighbor witness friend relative
    colleague student teacher parent mother father son daughter wife husband brother sister
    academic scientist researcher engineer developer programmer doctor nurse patient editor
    writer author co-author reporter journalist columnist elder farmer worker employee
    customer user respondent participant member owner volunteer activist victim survivor fan
    voter driver passenger shopper veteran entrepreneur physicist biologist chemist
    astronomer ecologist historian psychologist sociologist professor lecturer consultant
    specialist researcher investor trader planner designer artist photographer actor actress
    singer musician player coach captain pilot officer soldier guard""".split()
)
# Titles that name the same office ("Belarusian leader" ~ "Belarusian President").
TITLE_SYNONYMS = {
    "leader": {"president", "premier", "chancellor", "king", "queen", "dictator", "leader", "head"},
    "premier": {"prime", "premier", "minister"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "chief": {"chief", "head", "director"},
}

# Heads of anonymous-source phrases ("a source", "officials", "people familiar with ...").
ANONYMOUS_NOUNS = frozenset(
    "source sources official officials insider insiders person people aide aides someone "
    "individual individuals diplomat diplomats".split()
)
ANONYMOUS_PATTERNS = re.compile(
    r"familiar with|condition of anonymity|not authori[sz]ed|declined to be (?:named|identified)|"
    r"asked not to be (?:named|identified)|(?:would|did) not (?:be named|give (?:his|her|their) name)|"
    r"anonymous|unnamed|unidentified",
    re.I,
)
# Heads of organisations and groups ("the ministry said", "protesters chanted").
ORGANIZATION_NOUNS = frozenset(
    """government ministry department administration military army navy brigade regiment
    unit force forces police company firm party campaign committee council court parliament
    congress senate kremlin office embassy commission authority authorities union bank
    board team institute university agency""".split()
)
# Nouns a named organisation is introduced with ("whale rescue group Project Jonah", "data
# analysis firm 1010data", "taxi service Uber", "the Ngātiwai tribe"), and the endings of
# company names.
ORGANIZATION_HEADS = ORGANIZATION_NOUNS | frozenset(
    """group startup start-up service organisation organization nonprofit charity tribe
    retailer chain manufacturer maker brand airline insurer carrier lab laboratory platform
    foundation association federation society coalition alliance club league network
    automaker giant conglomerate supermarket grocer assembly legislature cabinet caucus tribunal
    convention conference summit forum nations supplier vendor provider""".split()
)
# Last words of institutions' names, never a surname ("Harvard Chan School" tagged PERSON).
INSTITUTION_WORDS = frozenset(
    "school college university hospital center centre museum church institute academy "
    "clinic library foundation fund trust house hall court city county state".split()
)
CORPORATE_SUFFIXES = frozenset("inc inc. corp corp. corporation ltd ltd. llc plc co. gmbh ag sa s.a. group".split())
# What a company has and a person does not: "Uber's shares", "Apple's chief executive".
COMPANY_POSSESSIONS = frozenset(
    "shares stock customers products ceo executive executives headquarters subsidiary".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady".split())
# Heads of "a number of experts", "70% of respondents", "a body of studies": the speaker is
# what follows "of".
QUANTITY_NOUNS = frozenset(
    "number body majority minority half third quarter % percent lot handful dozen dozens "
    "couple series host range raft slew plenty most many some all none share".split()
)
GROUP_NOUNS = frozenset(
    """officers soldiers troops protesters residents experts analysts critics lawmakers voters
    supporters opponents activists citizens workers doctors scientists researchers witnesses
    leaders members students parents countries nations allies rebels militants staff crowd
    audience faculty personnel workforce electorate""".split()
)

# How a cue frames what it reports (cue lemma -> strength).
CUE_STRENGTH = {
    **dict.fromkeys("say tell add state note report write read continue explain comment mention "
                    "describe recall respond reply answer announce according_to quote cite post "
                    "tweet inform brief".split(), "neutral"),
    **dict.fromkeys("claim allege insist contend maintain assert purport argue boast".split(), "distancing"),
    **dict.fromkeys("admit concede acknowledge confess grant".split(), "concession"),
    **dict.fromkeys("reveal disclose confirm show prove learn find discover expose know "
                    "establish demonstrate point".split(), "factive"),
    **dict.fromkeys("suggest speculate believe think estimate hint imply guess suspect predict "
                    "hope fear worry feel wonder".split(), "tentative"),
    **dict.fromkeys("deny reject dismiss refute dispute rebut contradict".split(), "denial"),
    **dict.fromkeys("warn stress emphasize emphasise declare vow pledge promise threaten urge "
                    "demand accuse slam blast lambast condemn denounce reiterate repeat "
                    "agree".split(), "emphatic"),
}

# Words that make a statement less than certain.
HEDGE_WORDS = frozenset(
    """may might could possibly perhaps probably likely unlikely apparently reportedly
    allegedly purportedly supposedly seemingly presumably appear appears appeared seem seems
    seemed suggest suggests suggested claim claims claimed rumor rumour rumored rumoured
    unconfirmed unverified""".split()
)
DENIAL_WORDS = frozenset(
    "deny denies denied denial reject rejects rejected refute refuted dispute disputed disputes "
    "false untrue baseless unfounded debunked contested".split()
)
# Evaluative and loaded words: in the outlet's own voice they are its judgement, not a report.
EVALUATIVE_WORDS = frozenset(
    """shocking shocked stunning stunned astonishing outrageous outraged disturbing alarming
    dramatic extraordinary bizarre controversial infamous notorious disgraced authoritarian
    authoritative brutal shameful scandalous explosive bombshell damning staggering
    unprecedented chilling horrific horrifying terrifying absurd ridiculous embattled fiery
    furious desperate so-called slam slammed blast blasted lambast lambasted lambasting rant
    ranted tirade disastrous devastating heroic evil regime steadfast brazen blatant
    egregious appalling incredible unbelievable""".split()
)
