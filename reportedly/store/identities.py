"""Speakers and outlets as identities in the store: aliases written with each article, identities
decided across the corpus.

Each attribution keeps its ``alias``: the name (or wording) its article credits, with the type
the article gave and whether it resolved that name (``corpus.speakers.credit_of``). Its
``speaker`` is the identity that alias belongs to (``corpus.identity.identify``). Identities
depend on the whole corpus (a second "Cruz" makes the one-word "Cruz" ambiguous), so they are
derived data, like the clusters: a new alias gets a provisional identity when it is written, and
``identify_speakers`` decides them all again, with the mark of how far it reaches in ``derived``,
in one transaction. Outlets are decided when written: a slug and a name of one outlet share a row.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from ..corpus.identity import Alias, alias_key, identify, name_tokens, visible
from ..corpus.speakers import Credit


def _identity_key(credit: Credit) -> str:
    # The identity a new alias gets until the next identify_speakers: its own folded name.
    if credit.resolved and credit.type != "pronoun":
        return "name:" + " ".join(name_tokens(credit.name))
    return "as-written:" + alias_key(credit.name, credit.type, credit.resolved, credit.in_full, credit.via)


def alias_and_speaker(db: sqlite3.Connection, credit: Credit) -> tuple[int, int]:
    """(alias rowid, speaker rowid) for a credit, made when new (inside the caller's transaction)."""
    key = alias_key(credit.name, credit.type, credit.resolved, credit.in_full, credit.via)
    row = db.execute("SELECT rowid, speaker FROM speaker_aliases WHERE key = ?", (key,)).fetchone()
    if row:
        return row[0], row[1]
    identity = _identity_key(credit)
    found = db.execute("SELECT rowid FROM speakers WHERE key = ?", (identity,)).fetchone()
    speaker = found[0] if found else db.execute(
        "INSERT INTO speakers (key, name, type, named) VALUES (?, ?, ?, ?)",
        (identity, credit.name, credit.type, int(identity.startswith("name:"))),
    ).lastrowid
    alias = db.execute(
        "INSERT INTO speaker_aliases (key, name, type, resolved, in_full, via, speaker) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (key, credit.name, credit.type, int(credit.resolved), credit.in_full, credit.via, speaker),
    ).lastrowid
    return alias, speaker


def outlet_rowid(db: sqlite3.Connection, name: str, *, alias: str | None = None) -> int:
    """The outlet row of canonical ``name`` (made when new); ``alias`` (a slug as read) is recorded."""
    key = " ".join(name_tokens(name[4:] if name.lower().startswith("the ") else name)) or name.casefold()
    row = db.execute("SELECT rowid FROM outlets WHERE key = ?", (key,)).fetchone()
    rowid = row[0] if row else db.execute("INSERT INTO outlets (key, name) VALUES (?, ?)", (key, visible(name))).lastrowid
    for form in {name, alias} - {None}:
        db.execute("INSERT OR IGNORE INTO outlet_aliases (alias, outlet) VALUES (?, ?)", (form.casefold().strip(), rowid))
    return rowid


def identities_pending(db: sqlite3.Connection) -> int:
    """How many attributions the last identification did not cover (0: speakers are decided)."""
    row = db.execute("SELECT through FROM derived WHERE name = 'speakers'").fetchone()
    through = row[0] if row else 0
    return db.execute("SELECT COUNT(*) FROM attributions WHERE rowid > ?", (through,)).fetchone()[0]


def identify_speakers(db: sqlite3.Connection) -> int:
    """Decide every speaker identity again from the aliases; returns the number of identities.

    One transaction with its ``derived`` mark: a run killed before it commits leaves the
    provisional identities and the old mark, so the work stays pending, never silently stale.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        n = apply_identities(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return n


def apply_identities(db: sqlite3.Connection) -> int:
    """``identify_speakers`` inside the caller's transaction (a migration's, a repair's)."""
    through = db.execute("SELECT COALESCE(MAX(rowid), 0) FROM attributions").fetchone()[0]
    # The statements of each alias are its evidence: counted from the rows, not trusted.
    db.execute("UPDATE speaker_aliases SET statements = (SELECT COUNT(*) FROM attributions a WHERE a.alias = speaker_aliases.rowid)")
    rows = db.execute("SELECT rowid, key, name, type, resolved, in_full, via, speaker, statements FROM speaker_aliases").fetchall()
    mapping = identify(Alias(r["key"], r["name"], r["type"], bool(r["resolved"]), max(1, r["statements"]), r["in_full"], r["via"])
                       for r in rows)
    existing = {key: rowid for rowid, key in db.execute("SELECT rowid, key FROM speakers")}
    ids: dict[str, int] = {}
    for identity in set(mapping.values()):
        named = int(identity.key.startswith("name:"))
        if identity.key in existing:
            rowid = existing[identity.key]
            db.execute("UPDATE speakers SET name = ?, type = ?, named = ? WHERE rowid = ?", (identity.name, identity.type, named, rowid))
        else:
            rowid = db.execute(
                "INSERT INTO speakers (key, name, type, named) VALUES (?, ?, ?, ?)", (identity.key, identity.name, identity.type, named)
            ).lastrowid
        ids[identity.key] = rowid
    for r in rows:
        speaker = ids[mapping[r["key"]].key]
        if speaker != r["speaker"]:
            db.execute("UPDATE speaker_aliases SET speaker = ? WHERE rowid = ?", (speaker, r["rowid"]))
            db.execute("UPDATE attributions SET speaker = ? WHERE alias = ?", (speaker, r["rowid"]))
    # Every attribution with a speaker has an alias, so an identity no alias points to is empty.
    # (The per-outlet counts point to speakers too; recount_speakers rebuilds them.)
    db.execute("DELETE FROM outlet_speakers")
    db.execute("DELETE FROM speakers WHERE rowid NOT IN (SELECT speaker FROM speaker_aliases WHERE speaker IS NOT NULL)")
    recount_speakers(db)
    db.execute(
        "INSERT INTO derived (name, through, at) VALUES ('speakers', ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET through = excluded.through, at = excluded.at",
        (through, datetime.now(timezone.utc).isoformat(timespec="seconds")),
    )
    return len(ids)


def recount_speakers(db: sqlite3.Connection) -> None:
    """Statement and article counts of every speaker and alias, and of each outlet's speakers,
    from the attributions."""
    db.execute("DELETE FROM outlet_speakers")
    db.execute(
        """INSERT INTO outlet_speakers (outlet, speaker, statements, articles)
           SELECT ar.outlet_id, a.speaker, COUNT(*), COUNT(DISTINCT a.article)
           FROM attributions a JOIN articles ar ON ar.rowid = a.article
           WHERE ar.outlet_id IS NOT NULL AND a.speaker IS NOT NULL GROUP BY ar.outlet_id, a.speaker"""
    )
    db.execute(
        """UPDATE speakers SET statements = (SELECT COUNT(*) FROM attributions a WHERE a.speaker = speakers.rowid),
                               articles = (SELECT COUNT(DISTINCT a.article) FROM attributions a WHERE a.speaker = speakers.rowid)"""
    )
    db.execute("UPDATE speaker_aliases SET statements = (SELECT COUNT(*) FROM attributions a WHERE a.alias = speaker_aliases.rowid)")
