"""Duplicate speakers and outlets in a store, before and after speaker identities (m006).

    .venv/bin/python benchmarks/speaker_identity.py STORE.db [--top 50]

Works on a store of any version (it reads the file with plain sqlite3, never migrating it):

- speaker rows, and rows sharing a folded name with another row ("Trump" as person, unknown
  and organisation are 3 rows, 2 of them duplicates);
- among the ``--top`` most quoted: rows that are the same person as a more quoted row by the
  plain reading a person would make (same folded first and last name, or a one-word name that is
  the surname of exactly one full name in the top list); each group is printed for checking by eye;
- statements on named speakers whose source is a pronoun the article left unresolved;
- citation-graph nodes that are not outlets (checked against the outlet list and shape).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import zlib
from collections import defaultdict

from reportedly.corpus.identity import name_tokens
from reportedly.corpus.speakers import OUTLETS, PRONOUNS, looks_like_outlet, outlet_name


def _key(name: str) -> tuple[str, ...]:
    words = name_tokens(name)
    return (words[0], words[-1]) if len(words) > 2 else words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    migrations = [r[0] for r in db.execute("SELECT name FROM migrations")]
    new = "m006_speaker_and_outlet_identities" in migrations
    named = " WHERE named = 1" if new else " WHERE type <> 'pronoun'"
    rows = db.execute(f"SELECT rowid, name, type, statements FROM speakers{named} ORDER BY statements DESC, name").fetchall()
    by_name = defaultdict(list)
    for r in rows:
        by_name[name_tokens(r["name"])].append(r)
    dupes = sum(len(v) - 1 for v in by_name.values() if len(v) > 1)
    print(f"store {args.db} ({'identities' if new else 'before identities'})")
    print(f"speaker rows listed: {len(rows)}; rows sharing a folded name with another: {dupes}")
    top = rows[: args.top]
    groups = defaultdict(list)
    fulls = defaultdict(set)
    for r in top:
        k = _key(r["name"])
        if len(k) > 1:
            fulls[k[-1]].add(k)
    for r in top:
        k = _key(r["name"])
        if len(k) == 1 and len(fulls.get(k[0], ())) == 1:
            k = next(iter(fulls[k[0]]))
        groups[k].append(r)
    dup_top = {k: v for k, v in groups.items() if len(v) > 1}
    print(f"top {args.top}: {sum(len(v) - 1 for v in dup_top.values())} rows duplicate a more quoted identity")
    for k, v in dup_top.items():
        print("   ", " | ".join(f"{r['name']} ({r['type']}, {r['statements']})" for r in v))
    # Pronoun sources on named speakers, left unresolved by their article.
    wrong = 0
    checked = 0
    docs: dict[int, dict] = {}
    for att in db.execute(
        f"""SELECT a.article, a.att_id, a.source FROM attributions a JOIN speakers s ON s.rowid = a.speaker
            {named.replace('WHERE', 'WHERE s.') if new else "WHERE s.type <> 'pronoun'"} """
    ):
        if (att["source"] or "").strip().lower() not in PRONOUNS:
            continue
        checked += 1
        if att["article"] not in docs:
            blob = db.execute("SELECT document FROM articles WHERE rowid = ?", (att["article"],)).fetchone()[0]
            docs[att["article"]] = {a["id"]: a for a in json.loads(zlib.decompress(blob))["attributions"]}
        speaker = docs[att["article"]][att["att_id"]].get("speaker") or {}
        if not speaker.get("name"):
            wrong += 1
    print(f"statements on named speakers with a pronoun source: {checked}; of which unresolved by their article: {wrong}")
    if new:
        edges = db.execute(
            """SELECT co.name, o.name FROM citations c JOIN articles ar ON ar.rowid = c.article
               JOIN outlets co ON co.rowid = ar.outlet_id JOIN outlets o ON o.rowid = c.cited_outlet WHERE co.rowid <> o.rowid"""
        ).fetchall()
    else:
        edges = db.execute("SELECT COALESCE(ar.outlet, '(unknown)'), c.cited FROM citations c JOIN articles ar ON ar.rowid = c.article").fetchall()
    nodes = {n for e in edges for n in e}
    not_outlets = sorted(n for n in nodes if not (n in OUTLETS.values() or outlet_name(n) or outlet_name(n.replace("-", " ")) or looks_like_outlet(n)))
    print(f"citation graph: {len(edges)} citations, {len(nodes)} nodes, {len(not_outlets)} not outlets: {not_outlets[:12]}")


if __name__ == "__main__":
    main()
