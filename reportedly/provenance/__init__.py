"""Provenance: who speaks (speakers), on whose word (chains), how sure (epistemic), in sum (profile).

``trace_provenance`` works on any list of attributions, whichever extractor made them; an
attribution without a source gets an unknown speaker, one without a cue no cue strength.
"""
from __future__ import annotations

from typing import Sequence

from ..attribution import Block
from ..model import Article, Attribution, Profile, Provenance, Voice
from .acts import classify_act
from .chains import link_attributions
from . import confidence as confidence_model
from .epistemic import attribution_markers, attribution_status, cue_lemma, cue_strength, sentence_voices
from .profile import sourcing_profile
from .speakers import SpeakerResolver

__all__ = ["trace_provenance"]


def trace_provenance(
    article: Article, blocks: Sequence[Block], attributions: Sequence[Attribution]
) -> tuple[tuple[Provenance, ...], tuple[Voice, ...], Profile]:
    """Speakers, chains and epistemic status for each attribution, the voice of every body
    sentence, and the article's sourcing profile."""
    resolver = SpeakerResolver(article.text, blocks)
    speakers = resolver.resolve_all(attributions)
    links = link_attributions(article, attributions, speakers, resolver)
    provenance = []
    for att, speaker, (via, basis, chain) in zip(attributions, speakers, links):
        strength = cue_strength(att, blocks)
        markers = attribution_markers(article.text, blocks, att)
        lemma = cue_lemma(att, blocks)
        act = classify_act(att, lemma, speaker)
        sure = confidence_model.confidence(
            confidence_model.features(att, lemma, speaker, act, in_turn=att.origin == "layout"))
        provenance.append(
            Provenance(att.id, speaker, via, basis, chain, attribution_status(att, strength, markers), strength,
                       tuple(markers), act=act, confidence=sure)
        )
    voices = tuple(sentence_voices(article, blocks, attributions))
    profile = sourcing_profile(article, attributions, provenance, voices)
    return tuple(provenance), voices, profile
