"""Batch runs on Apache Spark: analysis and statement clustering, written as Parquet.

    reportedly batch PATH... --out DIR [--master local[2] | spark://host:7077 | yarn]

Layout of DIR:
- ``analyses.parquet/``: one row per input article: ``id``, ``hash``, ``source_path``,
  ``document`` (the ``reportedly/1`` JSON) and ``error`` (set when the article could not be read
  or analysed; the batch goes on). ``reportedly ingest DIR/analyses.parquet`` loads it.
- ``clusters.parquet/``: ``article``, ``att_id``, ``cluster`` for statements seen more than once.

How work is split: the driver lists input files; executors read them (so on a cluster the
paths must be on storage every executor sees: NFS, or a path the executors have mounted),
analyse one partition at a time with one spaCy pipeline per partition, and emit shingle ->
statement pairs for clustering. Candidate pairs (statements sharing a rare 3-word shingle) are
verified on the executors; only the verified edges come back to the driver, which joins them
into clusters (union-find): they are few even for large corpora.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import ReportedlyError


def _analyse_partition(paths: Iterator[str]) -> Iterator[tuple]:
    from ..ingest import iter_articles
    from ..pipeline import Analyzer
    from ..serialize import analysis_dict
    from ..store.write import content_hash

    analyzer = None
    for path in paths:
        for loaded in iter_articles([path]):
            if loaded.article is None:
                yield (loaded.id, None, path, None, loaded.error or "unreadable")
                continue
            if analyzer is None:
                analyzer = Analyzer()
            analysis = next(analyzer.analyze_many([loaded.article]))
            doc = analysis_dict(analysis)
            error = "; ".join(analysis.errors) or None
            yield (analysis.id, content_hash(loaded.article), path, json.dumps(doc, ensure_ascii=False), error)


def _statements(row) -> Iterator[tuple[str, tuple[str, str, str]]]:
    from .clusters import MIN_WORDS
    from .text import canonical, shingles

    if row.document is None or row.error:
        return
    doc = json.loads(row.document)
    for att in doc.get("attributions", []):
        words = canonical(att["content"]["text"]).split()
        if len(words) < MIN_WORDS:
            continue
        item = (doc["id"], att["id"], " ".join(words))
        for shingle in shingles(words):
            yield " ".join(shingle), item


def _verified_pairs(posting: tuple[str, list]) -> Iterator[tuple[tuple[str, str], tuple[str, str]]]:
    from .clusters import MAX_POSTING, match_kind

    items = sorted(set(posting[1]))
    if len(items) < 2 or len(items) > MAX_POSTING:
        return
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if match_kind(a[2].split(), b[2].split()):
                yield (a[0], a[1]), (b[0], b[1])


def run_batch(paths: Sequence[str], out: str, *, master: str = "local[2]", partitions: int | None = None) -> dict:
    """Analyse and cluster ``paths`` on Spark; write Parquet under ``out``; return counts."""
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql.types import StringType, StructField, StructType
    except ImportError as exc:
        raise ReportedlyError("batch needs PySpark: pip install 'reportedly[spark]'") from exc
    from ..ingest import expand_paths

    files = list(expand_paths(paths))
    if not files:
        raise ReportedlyError(f"no readable input files in {', '.join(paths)}")
    # Executors must run the same Python (with reportedly installed) as the driver in local mode;
    # on a cluster, set PYSPARK_PYTHON to the executors' interpreter before running.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("reportedly-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(partitions or 4))
        .getOrCreate()
    )
    try:
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")
        schema = StructType([StructField(name, StringType(), True) for name in ("id", "hash", "source_path", "document", "error")])
        rows = sc.parallelize(files, partitions or min(len(files), sc.defaultParallelism)).mapPartitions(_analyse_partition)
        analyses = spark.createDataFrame(rows, schema).cache()
        analyses.write.mode("overwrite").parquet(str(Path(out) / "analyses.parquet"))
        total = analyses.count()
        failed = analyses.filter(analyses.error.isNotNull()).count()
        edges = analyses.rdd.flatMap(_statements).groupByKey().flatMap(_verified_pairs).distinct().collect()
        clusters = _components(edges)
        cluster_rows = [(a, b, c) for (a, b), c in sorted(clusters.items())]
        cschema = StructType([StructField("article", StringType()), StructField("att_id", StringType()), StructField("cluster", StringType())])
        spark.createDataFrame(cluster_rows, cschema).coalesce(1).write.mode("overwrite").parquet(str(Path(out) / "clusters.parquet"))
        return {"articles": total - failed, "failed": failed, "clusters": len(set(clusters.values()))}
    finally:
        spark.stop()


def _components(edges) -> dict[tuple[str, str], str]:
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {node: "/".join(find(node)) for node in parent}


def read_batch_parquet(path: str) -> Iterator[tuple[str, dict, str | None]]:
    """(hash, document, source path) for each row of a batch's ``analyses.parquet``.

    A row with an error yields a document with that error, so ingest records it as a failure.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ReportedlyError("loading Parquet needs pyarrow: pip install 'reportedly[corpus]'") from exc
    if not Path(path).exists():
        raise ReportedlyError(f"{path}: no such file or directory")
    table = pq.read_table(path, columns=["id", "hash", "source_path", "document", "error"])
    for row in table.to_pylist():
        if row["document"] and not row["error"]:
            yield row["hash"], json.loads(row["document"]), row["source_path"]
        else:
            yield row["hash"] or row["id"], {"id": row["id"], "article": None, "errors": [row["error"] or "no document"]}, row["source_path"]
