"""Turning the bytes of a file into text, or saying clearly why not."""
from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..errors import InputError, TooLargeError

DEFAULT_MAX_BYTES = 5_000_000


def check_size(size: int, max_bytes: int, what: str) -> None:
    """Raise TooLargeError when ``size`` is over ``max_bytes``."""
    if size > max_bytes:
        raise TooLargeError(
            f"{what} is {size:,} bytes, over the limit of {max_bytes:,}; raise it with --max-bytes"
        )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, one for one (offsets stay).

    Half of an emoji's escape in JSON ("\\ud83d" without its pair) becomes a surrogate in a
    Python str: no character, which no UTF-8 writer (stdout, SQLite) accepts.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def printable_name(name: str) -> str:
    """A name from the file system as valid Unicode: bytes that were not UTF-8 (which Python
    keeps as surrogate escapes, U+DC80..U+DCFF) become the text ``\\xNN``, other lone
    surrogates U+FFFD. Such a name then prints, stores and compares like any other."""
    return _LONE_SURROGATE.sub(
        lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if "\udc80" <= m.group() <= "\udcff" else "\ufffd", name
    )


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read: NUL bytes or many control bytes."""
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode_text(data: bytes, what: str = "input") -> tuple[str, str]:
    """Decode ``data`` to text with universal newlines; returns (text, encoding used).

    UTF-8 first (a BOM is dropped); otherwise charset detection, which only accepts a
    confident answer. Newlines become "\\n", as Python's text mode reads them, so offsets agree
    with every tool that opens the file as text.
    """
    if not data.strip():
        raise InputError(f"{what} is empty")
    if looks_binary(data):
        raise InputError(f"{what} looks binary, not text (NUL or control bytes)")
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{what} starts as UTF-16 but is not valid UTF-16 ({exc.reason} at byte {exc.start})") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            best = from_bytes(data[:200_000]).best()
            if best is None or best.encoding in ("utf_8", "ascii"):
                raise InputError(
                    f"{what} is not valid UTF-8 (byte {exc.start}) and its encoding cannot be guessed"
                ) from exc
            encoding = best.encoding
            text = data.decode(encoding, errors="strict")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{what} is empty")
    return text, encoding
