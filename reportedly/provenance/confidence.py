"""How likely an attribution is to be real: a calibrated probability in [0, 1].

A logistic model over a few plain features of the find (which extractor found it and how sure
the CRFs were, what the cue is, who the source is, how the content looks), fitted on the
real-world gold by ``benchmarks/calibrate_confidence.py`` and stored in ``confidence.json`` beside
this module. "Real" there means a statement as the guideline (docs/realworld-gold.md) defines it.
The reliability tables on the real-world gold (cross-fitted) and on PolNeAR dev are in
docs/attribution-model.md.

The product shows attributions with confidence >= ``DISPLAY_THRESHOLD`` by default and says how
many it held back; the JSON keeps every attribution with its confidence.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from ..model import Attribution, Speaker
from . import lexicon

WEIGHTS_FILE = Path(__file__).with_name("confidence.json")
# Shown by default from here (more likely a statement than not): on the real-world gold,
# cross-fitted, nearly nine in ten of what is shown is real. Raise it for precision, lower it
# for recall; the benchmarks print both sides of it.
DISPLAY_THRESHOLD = 0.5

_CORE_SPEECH = frozenset("say tell according_to add ask write".split())
_FIRST_PERSON = frozenset("i we me us".split())
_PRONOUNS = frozenset(lexicon.PRONOUNS) | frozenset({"who", "which", "that"})


def features(att: Attribution, lemma: str, speaker: Speaker, act: str, *, in_turn: bool = False,
             nobody: str | None = None, clause: bool = True, object_only: bool = False) -> dict[str, float]:
    """The named features of one attribution (all in [0, 1] or small counts).

    ``nobody`` is why the find reports no one, if it does (attribution/nobody.py); ``clause``
    whether the content holds a verb or a quote (a bare noun phrase, "discussed the story",
    is seldom a statement); ``object_only`` whether it is one noun phrase, the object of its cue
    ("touted a rarely seen price": what actions take, where statements take a clause).
    """
    f: dict[str, float] = {"bias": 1.0}
    f["origin=" + (att.origin or "model")] = 1.0
    if att.probability is not None:
        f["model_probability"] = att.probability
    if att.cue is None:
        f["cue=none"] = 1.0
    elif not any(ch.isalnum() for ch in att.cue.text):
        f["cue=mark"] = 1.0
    elif lemma in _CORE_SPEECH:
        f["cue=core"] = 1.0
    elif lemma in lexicon.CUE_STRENGTH:
        f["cue=lexicon"] = 1.0
    else:
        f["cue=other"] = 1.0
    f["act=" + act] = 1.0
    source = att.source.text.strip().lower() if att.source is not None else ""
    if att.source is None:
        f["source=none"] = 1.0
    elif source in _FIRST_PERSON and not in_turn:
        f["source=first_person"] = 1.0
    elif source in _PRONOUNS:
        f["source=pronoun"] = 1.0
    f["speaker=" + speaker.type] = 1.0
    if speaker.name:
        f["speaker_named"] = 1.0
    f["kind=" + att.kind] = 1.0
    words = len(att.content.text.split())
    f["content_words_log"] = math.log1p(words) / 5
    if words < 4:
        f["content_short"] = 1.0
    if att.content.text.lstrip().lower().startswith("to "):
        f["content_infinitive"] = 1.0
    if nobody:
        f["nobody=" + nobody] = 1.0
    if not clause:
        f["content_no_clause"] = 1.0
    if object_only:
        f["content_object"] = 1.0
    return f


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    if not WEIGHTS_FILE.exists():
        return {}
    return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))


def weights() -> dict[str, float]:
    """The fitted weights; an empty model (every find 0.5) when the file is missing."""
    return _model().get("weights", {})


def nobody_ceiling() -> float:
    """The most a find that reports nobody may be worth (see ``confidence``); 1.0 when unfitted."""
    return _model().get("nobody_ceiling", 1.0)


def says_nobody(named: dict[str, float]) -> bool:
    """Whether the features say the find reports nobody (attribution/nobody.py gave a reason)."""
    return any(name.startswith("nobody=") for name in named)


def confidence(named: dict[str, float], fitted: dict[str, float] | None = None,
               ceiling: float | None = None) -> float:
    """The logistic model's probability for one attribution's features, to three places.

    A find that reports nobody (the author's own voice, hypothetical speech, a sourceless or
    spoken-of passive, an imperative, a verb of seeming) is never a statement by the guideline,
    yet each kind is too rare on the gold for its weight to outvote a long quote and a "said"
    ("Don't say “…”" came out at 0.9). So its confidence is at most ``ceiling``: the share of
    such finds that were statements on the gold (fitted with the weights), which is what a
    reader can expect of one.
    """
    fitted = weights() if fitted is None else fitted
    z = sum(fitted.get(name, 0.0) * value for name, value in named.items())
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    if says_nobody(named):
        p = min(p, nobody_ceiling() if ceiling is None else ceiling)
    return round(p, 3)
