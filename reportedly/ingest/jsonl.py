"""Reading JSON Lines: one article per line with ``text`` or ``html`` and optional metadata."""
from __future__ import annotations

import dataclasses
import json
from datetime import datetime, tzinfo
from typing import Iterator

from ..errors import InputError
from ..model import Article
from .decode import whole_characters
from . import html
from .plaintext import read_plaintext
from .timestamps import parse_timestamp


def read_record(record: dict, default_id: str, *, zone: tzinfo | None = None, source_path: str | None = None) -> Article:
    """One JSONL record as an Article; fields given in the record win over what the reader found."""
    if not isinstance(record, dict):
        raise InputError(f"{default_id}: a JSON Lines record must be an object, not {type(record).__name__}")
    id = str(record.get("id") or default_id)
    url = record.get("url")
    if isinstance(record.get("text"), str) and record["text"].strip():
        text = record["text"].replace("\r\n", "\n").replace("\r", "\n")
        article = read_plaintext(text, id, zone=zone, source_path=source_path)
    elif isinstance(record.get("html"), str) and record["html"].strip():
        article = html.read_html(record["html"], id, url=url, default_tz=zone, source_path=source_path)
    else:
        raise InputError(f"{id}: the record has no non-empty 'text' or 'html' field")
    overrides = {}
    for key in ("url", "outlet", "title"):
        if isinstance(record.get(key), str) and record[key].strip():
            overrides[key] = whole_characters(record[key].strip())
    for key in ("published", "updated"):
        if record.get(key):
            overrides[key] = _when(str(record[key]), zone, id)
    return dataclasses.replace(article, **overrides)


def _when(value: str, zone: tzinfo | None, id: str) -> datetime:
    # The same policy as every reader (see timestamps): a day stays a day, a time without a
    # zone takes the user's zone or stays naive.
    parsed = parse_timestamp(value, zone)
    if parsed is None:
        raise InputError(f"{id}: cannot read the date {value!r}")
    return parsed


def iter_records(text: str, stem: str, first_line: int = 1) -> Iterator[tuple[str, dict | InputError]]:
    """Each line of a JSON Lines text as (default id, record), or the error for that line."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        default_id = f"{stem}:{number}"
        try:
            yield default_id, json.loads(line)
        except RecursionError:
            yield default_id, InputError(f"{default_id}: line {number} nests its JSON too deeply to read")
        except json.JSONDecodeError as exc:
            yield default_id, InputError(f"{default_id}: line {number} is not valid JSON ({exc.msg} at column {exc.colno})")
