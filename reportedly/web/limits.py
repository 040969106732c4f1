"""Bounds every request parameter shares, page and API alike, and the error responses documented."""
from __future__ import annotations

# SQLite integers are 64-bit; a larger offset would be a server error instead of a 422.
MAX_OFFSET = 1_000_000_000
# Free text in a query string: searches and traces are capped at 100 words by the store, and
# nothing worth searching for is longer than this; a 60 KB query is refused before any work.
MAX_TEXT = 2_000
# A name filter, a speaker's or outlet's name in a path, a type or a date.
MAX_NAME = 300
MAX_WORD = 40

ERROR = {
    "description": "Error",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
ERRORS = {code: ERROR for code in (400, 404, 413, 422, 503)}
