"""Turning the bytes of a web page into text: gzip, byte-order marks, declared and sniffed charsets.

Order of trust, most to least: a byte-order mark (it cannot be there by accident), strict UTF-8
(pages that decode cleanly as UTF-8 are UTF-8 whatever they declare: mislabelled UTF-8 is far
more common on the web than Latin-1 that happens to be valid UTF-8), the charset the page declares
in ``<meta>``, then charset_normalizer's guess, then cp1252 (which decodes any byte).
"""
from __future__ import annotations

import codecs
import gzip
import re
import zlib

from reportedly.errors import InputError

# Only the first few KB are searched: the HTML spec requires the charset declaration to fall
# within the first 1024 bytes; we allow more because real pages put long comments first.
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers treat these labels as windows-1252 (WHATWG Encoding Standard), and so do we: a page
# declaring Latin-1 that uses curly quotes really means cp1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}


def gunzip_if_needed(data: bytes, *, limit: int = 50_000_000) -> bytes:
    """The bytes, decompressed when they start with the gzip magic number.

    A truncated gzip stream yields what could be decompressed; a corrupt one raises InputError.
    """
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        return gzip.decompress(data)
    except EOFError:
        # Truncated download: keep what decompresses, malformed-HTML handling copes with the rest.
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return d.decompress(data, limit)
    except (OSError, zlib.error) as exc:
        raise InputError(f"the gzip data cannot be decompressed: {exc}") from exc


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, as a Python codec name."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    return codec_name(m.group(1).decode("ascii", "ignore"))


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label ("ISO-8859-1" is cp1252, as browsers read it), or None."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, transport_charset: str | None = None) -> str:
    """Decode an HTML page's bytes to text (see the module docstring for the order of trust).

    ``transport_charset`` is the charset of the HTTP ``Content-Type`` header when the page came
    over HTTP: it is tried before the page's own ``<meta>``, the order browsers follow.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")  # mojibake inside it is repaired by read_html (mojibake.py)
    except UnicodeDecodeError:
        pass
    declarations = [c for c in (codec_name(transport_charset), declared_charset(data)) if c]
    for declared in declarations:
        if declared not in ("utf-8", "utf_8"):
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
    if any(declared in ("utf-8", "utf_8") for declared in declarations):
        # Declared UTF-8 with a few bad bytes (often a truncated multi-byte character or one
        # pasted cp1252 quote): keep UTF-8 and replace the bad bytes rather than re-guess the page.
        bad = _count_utf8_errors(data)
        if bad <= max(3, len(data) // 10_000):
            return data.decode("utf-8", errors="replace")
    guess = _sniff(data)
    if guess:
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def _count_utf8_errors(data: bytes) -> int:
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")


def _sniff(data: bytes) -> str | None:
    # Imported here: it is slow to import and only undeclared, non-UTF-8 pages need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else None
