"""What act an attribution reports: speech, writing, thought (a belief or position), a finding, other.

Decided from the cue's lemma and the speaker's type, in that order of evidence: a document
cannot speak, so "the letter said" is writing and "the study said" a finding; a transcript's
colon or a signature's dash is speech unless the signature carries a social-media handle.
The lists are lemmas; a cue outside them is ``other``.
"""
from __future__ import annotations

from ..model import Attribution, Speaker

ACTS = ("speech", "writing", "thought", "finding", "other")

SPEECH = frozenset(
    """say tell add ask answer reply respond explain comment mention note state announce declare
    warn urge insist argue claim contend maintain assert admit concede acknowledge confess deny
    reject dismiss refute dispute rebut promise pledge vow threaten demand accuse slam blast
    condemn denounce reiterate repeat stress emphasize emphasise recall describe call testify
    quip joke shout scream boast complain confirm predict speculate hint allege caution counter
    recount remark observe praise criticize criticise lament concur agree told said according_to
    brief inform assure advise suggest propose recommend report reveal disclose continue
    conclude express point sum divulge instruct highlight underline underscore retort exclaim
    proclaim""".split()
)
WRITING = frozenset("write post tweet retweet publish email e-mail text blog read cite quote sign print".split())
THOUGHT = frozenset(
    """believe think feel hope fear worry want wish expect doubt suspect know wonder consider
    reckon assume trust imagine understand regard view see remember realize realise""".split()
)
FINDING = frozenset(
    """find show estimate conclude discover indicate demonstrate measure calculate determine
    prove establish detect identify document project forecast imply""".split()
)
# Every cue word the lists know (epistemic.known_lemma repairs a lemma against them).
CUE_WORDS = SPEECH | WRITING | THOUGHT | FINDING
# Sources whose "saying" is writing or a finding.
_STUDY_WORDS = frozenset("study studies survey surveys poll polls analysis research paper report data".split())


def classify_act(att: Attribution, lemma: str, speaker: Speaker) -> str:
    """The act ``att`` reports, from its cue lemma (see ``epistemic.cue_lemma``) and speaker."""
    if att.cue is not None and not any(ch.isalnum() for ch in att.cue.text):
        # A transcript colon or a signature dash: spoken, unless the signature is a post's.
        tail = att.source.text if att.source is not None else ""
        return "writing" if "@" in tail else "speech"
    is_document = speaker.type == "document"
    described = (speaker.short or speaker.description or (att.source.text if att.source else "")).lower()
    if is_document and _STUDY_WORDS & set(described.split()) and lemma in SPEECH | WRITING | FINDING:
        return "finding"  # "the survey said", "the study shows"
    if lemma in FINDING:
        return "finding"
    if lemma in THOUGHT:
        return "thought"
    if lemma in WRITING:
        return "writing"
    if lemma in SPEECH:
        return "writing" if is_document or speaker.type == "outlet" and lemma != "according_to" else "speech"
    return "other"
