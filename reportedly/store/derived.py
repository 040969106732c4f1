"""Data computed across articles after they are stored: statement clusters and speaker identities.

Each is written together with the mark of how far it reaches (``derived``: the last attribution
covered; rowids only grow) in one transaction, so a run killed before it commits leaves the work
marked pending, never silently stale. Every writing command calls ``complete_pending`` before it
ends; ``clusters_pending`` and ``identities_pending`` tell readers what is not decided yet.
"""
from __future__ import annotations

from datetime import datetime, timezone

from ..corpus.clusters import cluster_statements
from .identities import identify_speakers, identities_pending


def cluster_store(db) -> int:
    """Recompute the ``cluster`` of every attribution in the store; returns the number of clusters.

    The clusters and the mark of how far they reach (``derived``: the last attribution covered)
    are written in one transaction: a run killed before it commits leaves the old clusters and
    the old mark, so ``clusters_pending`` says the work is still to do.
    """
    through = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM attributions").fetchone()[0]
    # Rows written after ``through`` by a concurrent ingest wait for the next clustering.
    items = [(row[0], row[1]) for row in db.execute("SELECT rowid, canonical FROM attributions WHERE rowid <= ?", (through,))]
    clusters = cluster_statements(items)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("UPDATE attributions SET cluster = NULL WHERE cluster IS NOT NULL")
        db.executemany("UPDATE attributions SET cluster = ? WHERE rowid = ?", [(c, id) for id, c in clusters.items()])
        db.execute(
            "INSERT INTO derived (name, through, at) VALUES ('clusters', ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET through = excluded.through, at = excluded.at",
            (through, datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(set(clusters.values()))


def clusters_pending(db) -> int:
    """How many attributions the last clustering did not cover (0: the clusters are complete)."""
    row = db.execute("SELECT through FROM derived WHERE name = 'clusters'").fetchone()
    through = row[0] if row else 0
    return db.execute("SELECT COUNT(*) FROM attributions WHERE rowid > ?", (through,)).fetchone()[0]


def complete_pending(db) -> int | None:
    """Finish derived work a killed or ``--no-cluster`` run left: the number of clusters, or None
    when no clustering was pending (speaker identities pending are decided too)."""
    if identities_pending(db):
        identify_speakers(db)
    if not clusters_pending(db):
        return None
    return cluster_store(db)




__all__ = ["cluster_store", "clusters_pending", "complete_pending", "identify_speakers", "identities_pending"]
