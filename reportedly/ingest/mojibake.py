"""Repairing mojibake: UTF-8 text that was once decoded as windows-1252 or Latin-1 ("todayâ€™s").

A page or a scraped file saved through a tool that read UTF-8 with the wrong codec comes to us
as valid UTF-8 that spells the wrong characters, so no decoder can notice. ftfy's ``is_bad``
recognises the sequences such mistakes leave (they almost never occur in real text) and
``fix_encoding`` undoes them. Both run line by line, and only on lines that show mojibake:
clean text, including the clean lines of a partly damaged article, is returned as it was,
character for character.
"""
from __future__ import annotations

import re

# What every windows-1252 or Latin-1 reading of UTF-8 leaves: a lead byte (U+00C2..U+00F4 in
# both codecs) before a continuation byte (0x80..0xBF: U+0080..U+00BF in Latin-1, the
# punctuation and letters cp1252 puts at 0x80..0x9F), or a C1 control, which no real text
# has. A cheap test that spares ftfy's slow one (76 ms on an average WCXB page, 3 ms for this
# one) on lines that cannot show this kind of mojibake. Over PolNeAR's 928 texts and 747 WCXB
# dev and real-world pages it gives ftfy's own result on all but one text, where ftfy turned
# "naÃ ̄ve" (a byte lost to a space) into "naà ̄ve", no better.
_LEAD = re.compile("[\u0080-\u009f\u00c2-\u00f4]")
_SEQUENCE = re.compile(
    "[\u0080-\u009f]|[\u00c2-\u00f4][\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _may_show_mojibake(text: str) -> bool:
    # Scanning for the few lead characters first and trying the pair only there is about three
    # times as fast as searching for the pair pattern (re has no fast path for alternatives).
    return not text.isascii() and any(_SEQUENCE.match(text, m.start()) for m in _LEAD.finditer(text))


def repair_mojibake(text: str) -> str:
    """``text`` with its mojibake repaired; text that shows none is returned unchanged."""
    if not _may_show_mojibake(text):
        return text
    # ftfy (28 ms of imports) only for a text that may show mojibake: most never do.
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    # Split on "\n" only: str.splitlines also splits at U+0085, a byte that mojibake leaves
    # inside a character ("Ã\x85" is "Å"), and would cut the sequence to repair in two.
    return "\n".join(
        fix_encoding(line) if _may_show_mojibake(line) and is_bad(line) else line for line in text.split("\n")
    )
