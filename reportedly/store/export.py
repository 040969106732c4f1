"""Exporting the store as files: one per table (articles, attributions, speakers, clusters).

JSON Lines keeps each article's full ``reportedly/1`` document in ``document``; CSV, TSV and
Parquet carry the same columns with the document as a JSON string. Parquet needs pyarrow.
One table in a text format can also be written to any open file (``export_table``: stdout).
"""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import IO, Iterator

from ..errors import ReportedlyError
from ..serialize import json_line
from .queries import decode_document

TABLES = ("articles", "attributions", "speakers", "clusters")
FORMATS = ("jsonl", "csv", "tsv", "parquet")
TEXT_FORMATS = ("jsonl", "csv", "tsv")

_QUERIES = {
    "articles": """SELECT id, hash, outlet, published, title, url, source_path, wire, body_key,
                          n_attributions, profile, document FROM articles ORDER BY rowid""",
    "attributions": """SELECT ar.id AS article, a.att_id, a.kind, s.name AS speaker, s.type AS speaker_type,
                              a.source, a.cue, a.content, a.content_start, a.content_end, a.cluster
                       FROM attributions a JOIN articles ar ON ar.rowid = a.article
                       LEFT JOIN speakers s ON s.rowid = a.speaker ORDER BY a.rowid""",
    "speakers": "SELECT name, type, statements, articles FROM speakers ORDER BY statements DESC, name",
    "clusters": """SELECT a.cluster, COUNT(*) AS size, COUNT(DISTINCT a.article) AS articles,
                          COUNT(DISTINCT ar.outlet) AS outlets, MIN(ar.published) AS earliest_seen,
                          (SELECT content FROM attributions WHERE rowid = a.cluster) AS example
                   FROM attributions a JOIN articles ar ON ar.rowid = a.article
                   WHERE a.cluster IS NOT NULL GROUP BY a.cluster ORDER BY size DESC""",
}


def table_rows(db: sqlite3.Connection, table: str) -> Iterator[dict]:
    """Rows of one exported table as dicts (the article document decoded to a JSON string)."""
    for row in db.execute(_QUERIES[table]):
        row = dict(row)
        if "document" in row:
            row["document"] = json.dumps(decode_document(row["document"], row["id"]), ensure_ascii=False)
        yield row


def export_store(db: sqlite3.Connection, out: str | Path, fmt: str = "jsonl", tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    """Write each of ``tables`` to ``out/<table>.<fmt>``; returns {path: row count}."""
    if fmt not in FORMATS:
        raise ReportedlyError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in tables:
        path = out / f"{table}.{fmt}"
        if fmt == "parquet":
            written[str(path)] = _parquet(path, list(table_rows(db, table)))
            continue
        with path.open("w", encoding="utf-8", newline="") as fh:
            written[str(path)] = export_table(db, table, fh, fmt)
    return written


def export_table(db: sqlite3.Connection, table: str, fh: IO[str], fmt: str = "jsonl") -> int:
    """Write one table to the open text file ``fh`` as JSON Lines, CSV or TSV; returns the row count."""
    if table not in TABLES:
        raise ReportedlyError(f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    if fmt not in TEXT_FORMATS:
        raise ReportedlyError(f"{fmt} cannot be written as a text stream; use one of {', '.join(TEXT_FORMATS)}")
    rows = table_rows(db, table)
    if fmt == "jsonl":
        return _jsonl(fh, rows)
    return _delimited(fh, rows, db, table, "\t" if fmt == "tsv" else ",")


def _jsonl(fh: IO[str], rows) -> int:
    n = 0
    for row in rows:
        if "document" in row:
            row["document"] = json.loads(row["document"])
        if row.get("profile"):
            row["profile"] = json.loads(row["profile"])
        fh.write(json_line(row) + "\n")
        n += 1
    return n


def _delimited(fh: IO[str], rows, db, table: str, delimiter: str) -> int:
    columns = [d[0] for d in db.execute(_QUERIES[table] + " LIMIT 0").description]
    n = 0
    # TSV as the csv module writes it: a field holding a tab, newline or quote is quoted, so a
    # statement that spans paragraphs stays one field.
    writer = csv.DictWriter(fh, fieldnames=columns, delimiter=delimiter)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _parquet(path: Path, rows: list[dict]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ReportedlyError("Parquet export needs pyarrow: pip install 'reportedly[corpus]'") from exc
    pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), path)
    return len(rows)
