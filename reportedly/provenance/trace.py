"""Tracing provenance: speakers, chains, epistemic status and confidence for each attribution,
the voice of every body sentence, and the article's sourcing profile (``trace_provenance``)."""
from __future__ import annotations

from typing import Sequence

from .. import budget
from ..attribution import Block
from ..attribution.nobody import BlockIndex, ContentIndex, reports_nobody
from ..model import Article, Attribution, Profile, Provenance, Voice
from .acts import classify_act
from .chains import link_attributions
from . import confidence as confidence_model
from .epistemic import Paragraphs, attribution_markers, attribution_status, cue_lemma, cue_strength, sentence_voices
from .profile import sourcing_profile
from .speakers import SpeakerResolver

__all__ = ["assessment_features", "trace_provenance"]


def trace_provenance(
    article: Article, blocks: Sequence[Block], attributions: Sequence[Attribution]
) -> tuple[tuple[Provenance, ...], tuple[Voice, ...], Profile]:
    """Speakers, chains and epistemic status for each attribution, the voice of every body
    sentence, and the article's sourcing profile."""
    # One index of the blocks for every lookup by position (the steps below take it as blocks),
    # with each paragraph's words read once for the markers and voices.
    locate, contents = Paragraphs(blocks), ContentIndex(attributions)
    resolver = SpeakerResolver(article.text, locate)
    nobody = [reports_nobody(att, contents, locate) for att in attributions]
    speakers = resolver.resolve_all(attributions, nobody)
    budget.check("resolving speakers")
    links = link_attributions(article, attributions, speakers, resolver)
    budget.check("linking chains")
    provenance = []
    for att, speaker, (via, basis, chain), why in zip(attributions, speakers, links, nobody):
        lemma = cue_lemma(att, locate)
        strength = cue_strength(att, locate, lemma)
        markers = attribution_markers(article.text, locate, att)
        act = classify_act(att, lemma, speaker)
        sure = confidence_model.confidence(assessment_features(att, lemma, speaker, act, locate, why))
        provenance.append(
            Provenance(att.id, speaker, via, basis, chain, attribution_status(att, strength, markers), strength,
                       tuple(markers), act=act, confidence=sure)
        )
        budget.check("assessing attributions")
    voices = tuple(sentence_voices(article, locate, attributions))
    profile = sourcing_profile(article, attributions, provenance, voices)
    return tuple(provenance), voices, profile


def assessment_features(att: Attribution, lemma: str, speaker, act: str, locate: BlockIndex,
                        nobody: str | None) -> dict[str, float]:
    """The confidence features of one attribution in its article (see provenance/confidence.py);
    ``nobody`` is why it reports nobody (``attribution.nobody.reports_nobody``), if it does."""
    tokens = locate.tokens(att.content) if not att.content.fragments else None
    clause = att.kind != "indirect" or tokens is None or any(t.pos_ in ("VERB", "AUX") for t in tokens)
    return confidence_model.features(att, lemma, speaker, act, in_turn=att.origin == "layout",
                                     nobody=nobody, clause=clause,
                                     object_only=att.kind != "direct" and _object_only(tokens))


# What a noun phrase that is all of a content can be to its cue: its object, the object of "as",
# "what" it is named. A clause (that-clause, a quote, "to" + verb) heads with a verb instead.
_OBJECT_ROLES = frozenset({"dobj", "oprd", "attr", "dative", "npadvmod"})


def _object_only(tokens) -> bool:
    """Whether a content is one noun phrase, the object of its cue ("touted a rarely seen price",
    "retweeted an article by …"), not a clause: what actions take. Statements report a clause
    far more often ("said that …", a quote); when a noun phrase is one ("announced plans to …"),
    the weights weigh it with the cue and the rest."""
    if tokens is None:
        return False
    inside = range(tokens.start, tokens.end)
    heads = [t for t in tokens if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)]
    return len(heads) == 1 and heads[0].dep_ in _OBJECT_ROLES
