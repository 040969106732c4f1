"""Reading the store: every function takes a connection and returns plain dicts and lists.

These are the library's query API (the CLI and the web pages call them; keep names stable):
``list_speakers``, ``speaker_statements``, ``search_contents``, ``list_outlets``,
``outlet_sources``, ``list_articles``, ``get_article``, ``citation_graph``, ``list_failures``,
``store_stats``. Tracing a statement is ``reportedly.corpus.trace.trace_statement``.
"""
from __future__ import annotations

import heapq
import json
import re
import sqlite3
import zlib

from ..errors import InputError, NotFoundError

# Speakers that name no one: pronouns are resolved (or not) by the provenance step.
_HIDDEN_TYPES = ("pronoun",)


def _rows(cursor) -> list[dict]:
    return [dict(row) for row in cursor]


def list_speakers(
    db: sqlite3.Connection,
    *,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_pronouns: bool = False,
) -> list[dict]:
    """Speakers with the number of statements and articles crediting them, most quoted first."""
    where, params = [], []
    if type:
        where.append("type = ?")
        params.append(type)
    elif not include_pronouns:
        where.append("type NOT IN (%s)" % ",".join("?" * len(_HIDDEN_TYPES)))
        params.extend(_HIDDEN_TYPES)
    sql = "SELECT name, type, statements, articles FROM speakers"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY statements DESC, name LIMIT ? OFFSET ?"
    return _rows(db.execute(sql, (*params, limit, offset)))


_STATEMENT_COLUMNS = """
    a.rowid AS attribution, ar.id AS article, ar.outlet, ar.published, ar.title, a.att_id,
    a.kind, s.name AS speaker, s.type AS speaker_type, a.source, a.cue, a.content,
    a.content_start, a.content_end, a.cluster
"""


def speaker_statements(db: sqlite3.Connection, name: str, *, limit: int = 200, offset: int = 0) -> list[dict]:
    """Everything credited to the speaker called ``name`` (any type, case-insensitive), by date.

    Statements are ordered by publication time (undated ones first, as SQLite sorts NULL), then
    by storage order. Raises NotFoundError when no speaker has that name.
    """
    ids = [row[0] for row in db.execute("SELECT rowid FROM speakers WHERE name = ? COLLATE NOCASE", (name.strip(),))]
    if not ids:
        raise NotFoundError(f"no speaker called {name!r} in the store; `reportedly speakers` lists them")
    # One query per speaker row, each walking the (speaker, published) index, then a merge:
    # a single "speaker IN (...)" query would have to sort every statement of a much-quoted name.
    pages = [
        _rows(db.execute(
            f"""SELECT {_STATEMENT_COLUMNS}, a.published AS _when
                FROM attributions a JOIN articles ar ON ar.rowid = a.article
                JOIN speakers s ON s.rowid = a.speaker
                WHERE a.speaker = ? ORDER BY a.published, a.rowid LIMIT ?""",
            (id, limit + offset),
        ))
        for id in ids
    ]
    merged = heapq.merge(*pages, key=lambda r: (r["_when"] is not None, r["_when"] or "", r["attribution"]))
    out = list(merged)[offset : offset + limit]
    for row in out:
        del row["_when"]
    return out


_WORD = re.compile(r"\w+", re.UNICODE)

# The most words a search or a trace may have: the CLI, the API and the pages all refuse more
# (InputError, 400). FTS5's cost grows with the square of a query's repeated terms (2,000
# words took minutes), and a statement worth tracing is far shorter than this.
MAX_QUERY_WORDS = 100


def query_words(text: str) -> list[str]:
    """The words of a search text; InputError when it has none or more than MAX_QUERY_WORDS."""
    words = _WORD.findall(text)
    if not words:
        raise InputError("the search text has no words")
    if len(words) > MAX_QUERY_WORDS:
        raise InputError(f"the search text has {len(words):,} words; at most {MAX_QUERY_WORDS} are allowed")
    return words


def fts_query(text: str, *, phrase: bool = False) -> str:
    """A safe FTS5 query from user text: every word must occur (or the words as one phrase).

    User text is never passed to FTS5 as is: its syntax (quotes, NEAR, AND, *) would make
    ordinary input an error or change its meaning. A word repeated counts once: "every word
    occurs" means the same, and each repeat would multiply FTS5's work.
    """
    words = query_words(text)
    if phrase:
        return '"' + " ".join(words) + '"'
    return " ".join(f'"{w}"' for w in dict.fromkeys(words))


def search_contents(db: sqlite3.Connection, text: str, *, limit: int = 50, phrase: bool = False) -> list[dict]:
    """Statements whose content has every word of ``text`` (or the exact phrase), best match first."""
    return _rows(
        db.execute(
            f"""SELECT {_STATEMENT_COLUMNS}, snippet(contents_fts, 0, '[', ']', '…', 12) AS snippet
                FROM contents_fts JOIN attributions a ON a.rowid = contents_fts.rowid
                JOIN articles ar ON ar.rowid = a.article
                LEFT JOIN speakers s ON s.rowid = a.speaker
                WHERE contents_fts MATCH ? ORDER BY rank LIMIT ?""",
            (fts_query(text, phrase=phrase), limit),
        )
    )


def list_outlets(db: sqlite3.Connection) -> list[dict]:
    """Outlets with their number of articles and attributions, and how many outlets they cite."""
    return _rows(
        db.execute(
            """SELECT ar.outlet, COUNT(*) AS articles, SUM(ar.n_attributions) AS attributions,
                      (SELECT COUNT(*) FROM citations c JOIN articles x ON x.rowid = c.article
                       WHERE x.outlet IS ar.outlet) AS outlet_citations,
                      MIN(ar.published) AS first_published, MAX(ar.published) AS last_published
               FROM articles ar GROUP BY ar.outlet ORDER BY articles DESC, ar.outlet"""
        )
    )


def outlet_sources(db: sqlite3.Connection, outlet: str, *, limit: int = 50, include_pronouns: bool = False) -> list[dict]:
    """Who an outlet cites: speakers credited in its articles, with counts, most cited first."""
    if not db.execute("SELECT 1 FROM articles WHERE outlet = ? LIMIT 1", (outlet,)).fetchone():
        raise NotFoundError(f"no articles from outlet {outlet!r} in the store; `reportedly outlets` lists them")
    hidden = "" if include_pronouns else "AND s.type <> 'pronoun'"
    return _rows(
        db.execute(
            f"""SELECT s.name AS speaker, s.type, COUNT(*) AS statements, COUNT(DISTINCT a.article) AS articles
                FROM articles ar JOIN attributions a ON a.article = ar.rowid
                JOIN speakers s ON s.rowid = a.speaker
                WHERE ar.outlet = ? {hidden}
                GROUP BY s.rowid ORDER BY statements DESC, s.name LIMIT ?""",
            (outlet, limit),
        )
    )


def list_articles(
    db: sqlite3.Connection, *, outlet: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict]:
    """Articles, newest first, each with its sourcing profile.

    ``profile`` is the analysis's own profile when it has one; ``counts`` is always computed
    here (attributions by kind, named speakers, pronoun-only and source-less attributions,
    outlets cited), so every article has a comparable summary.
    """
    if not (0 <= limit < 2**63 and 0 <= offset < 2**63):
        raise InputError(f"limit and offset must be between 0 and 2**63-1, not {limit} and {offset}")
    where, params = ("WHERE ar.outlet = ?", [outlet]) if outlet else ("", [])
    rows = _rows(
        db.execute(
            f"""SELECT ar.rowid AS _rowid, ar.id, ar.outlet, ar.published, ar.title, ar.url, ar.wire,
                       ar.n_attributions, ar.profile
                FROM articles ar {where}
                ORDER BY ar.published IS NULL, ar.published DESC, ar.id LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        )
    )
    for row in rows:
        row["profile"] = json.loads(row["profile"]) if row["profile"] else None
        row["counts"] = _profile_counts(db, row.pop("_rowid"))
    return rows


def _profile_counts(db: sqlite3.Connection, article_rowid: int) -> dict:
    counts = {"direct": 0, "indirect": 0, "mixed": 0, "named": 0, "pronoun": 0, "no_source": 0, "outlets_cited": 0}
    for kind, type, n in db.execute(
        """SELECT a.kind, s.type, COUNT(*) FROM attributions a LEFT JOIN speakers s ON s.rowid = a.speaker
           WHERE a.article = ? GROUP BY a.kind, s.type""",
        (article_rowid,),
    ):
        counts[kind] = counts.get(kind, 0) + n
        if type is None:
            counts["no_source"] += n
        elif type == "pronoun":
            counts["pronoun"] += n
        else:
            counts["named"] += n
            if type == "outlet":
                counts["outlets_cited"] += n
    return counts


def get_article(db: sqlite3.Connection, id: str) -> dict:
    """The stored ``reportedly/1`` document of article ``id``; raises NotFoundError."""
    row = db.execute("SELECT document FROM articles WHERE id = ?", (id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article {id!r} in the store; `reportedly articles` lists them")
    return decode_document(row[0], id)


def decode_document(blob: bytes, id: str) -> dict:
    """A stored ``document`` column back to its dict; StoreError when the bytes are damaged
    (SQLite checks its pages, not what we wrote inside a blob)."""
    from . import StoreError

    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, TypeError) as exc:
        raise StoreError(f"the stored document of article {id!r} is damaged ({exc}); `reportedly check` tells how to repair the store") from exc


def citation_graph(db: sqlite3.Connection, *, min_count: int = 1) -> list[dict]:
    """Edges of the outlet citation graph: ``citing`` outlet relays ``cited`` outlet ``count`` times."""
    return _rows(
        db.execute(
            """SELECT COALESCE(ar.outlet, '(unknown)') AS citing, c.cited, COUNT(*) AS count,
                      COUNT(DISTINCT c.article) AS articles
               FROM citations c JOIN articles ar ON ar.rowid = c.article
               GROUP BY citing, c.cited HAVING COUNT(*) >= ? ORDER BY count DESC, citing, c.cited""",
            (min_count,),
        )
    )


def list_failures(db: sqlite3.Connection, *, limit: int = 100) -> list[dict]:
    """Inputs that could not be read or analysed, latest first."""
    return _rows(db.execute("SELECT item, source_path, error, at FROM failures ORDER BY at DESC LIMIT ?", (limit,)))


def store_stats(db: sqlite3.Connection) -> dict:
    """Counts of what the store holds."""
    from ..corpus.clusters import clusters_pending

    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "speakers": one("SELECT COUNT(*) FROM speakers"),
        "clusters": one("SELECT COUNT(DISTINCT cluster) FROM attributions WHERE cluster IS NOT NULL"),
        "failures": one("SELECT COUNT(*) FROM failures"),
        "migrations": [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY rowid")],
        # Statements stored since the last clustering (a killed or --no-cluster run): trace
        # misses reworded copies among them until a writing command completes the clusters.
        "clusters_pending": clusters_pending(db),
    }
