"""Exporting the store as files: one per table (articles, attributions, speakers, clusters).

JSON Lines keeps each article's full ``reportedly/1`` document in ``document``; CSV and Parquet
carry the same columns with the document as a JSON string. Parquet needs pyarrow.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Iterator

from ..errors import ReportedlyError
from ..serialize import json_line
from .queries import decode_document

TABLES = ("articles", "attributions", "speakers", "clusters")

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


def export_store(db: sqlite3.Connection, out: str | Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write every table to ``out/<table>.<fmt>``; returns {path: row count}."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        rows = table_rows(db, table)
        if fmt == "jsonl":
            written[str(path)] = _jsonl(path, rows)
        elif fmt == "csv":
            written[str(path)] = _csv(path, rows, db, table)
        elif fmt == "parquet":
            written[str(path)] = _parquet(path, list(rows))
        else:
            raise ReportedlyError(f"unknown export format {fmt!r}; use jsonl, csv or parquet")
    return written


def _jsonl(path: Path, rows) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            if "document" in row:
                row["document"] = json.loads(row["document"])
            if row.get("profile"):
                row["profile"] = json.loads(row["profile"])
            fh.write(json_line(row) + "\n")
            n += 1
    return n


def _csv(path: Path, rows, db, table: str) -> int:
    columns = [d[0] for d in db.execute(_QUERIES[table] + " LIMIT 0").description]
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
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
