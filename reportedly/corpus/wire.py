"""Wire copies: the same agency story run by several outlets counts as one origin.

Two signals, both cheap enough to compute at ingest:
- ``wire_agency``: a dateline or credit naming an agency near the top ("WASHINGTON (AP) —",
  "(Reuters) -", "By The Associated Press", a byline "AFP").
- ``body_key``: a fingerprint of the first words of the body, canonicalised and with the dateline
  removed. Outlets re-title and trim wire stories but rarely rewrite their opening, so equal keys
  mean one copy. (A MinHash over the whole body would also catch re-edited openings; the opening
  fingerprint is exact, indexable and was enough for the corpora we tried.)
"""
from __future__ import annotations

import hashlib
import re

from .text import canonical

_AGENCIES = (
    ("AP", r"\(AP\)|\bAssociated Press\b"),
    ("Reuters", r"\(Reuters\)|\bReuters\b"),
    ("AFP", r"\(AFP\)|\bAgence France-Presse\b|\bAFP\b"),
    ("Bloomberg", r"\(Bloomberg\)|\bBloomberg News\b"),
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'\-]{1,60}(?:\([A-Za-z .]+\))?\s*[—–-]+\s*")
KEY_WORDS = 40


def wire_agency(text: str, bylines: list[str] | tuple[str, ...] = ()) -> str | None:
    """The agency a story comes from, judged by its byline or its first 300 characters."""
    for byline in bylines:
        for name, pattern in _AGENCIES:
            if re.search(pattern, byline):
                return name
    head = text[:300]
    for name, pattern in _AGENCIES:
        # A dateline credit "(AP)" counts anywhere near the top; a bare name only as a credit line.
        if re.search(r"\(" + name + r"\)", head) or re.search(r"(?m)^(?:By\s+)?(?:The\s+)?" + pattern + r"\s*$", head):
            return name
    return None


def body_key(body: str) -> str | None:
    """Fingerprint of the opening of a body (None when it is too short to tell copies apart)."""
    words = canonical(_DATELINE.sub("", body.lstrip(), count=1)).split()
    if len(words) < 20:
        return None
    return hashlib.sha1(" ".join(words[:KEY_WORDS]).encode()).hexdigest()[:20]
