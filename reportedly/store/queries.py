"""Reading the store: every function takes a connection and returns plain dicts and lists.

These are the library's query API (the CLI and the web pages call them; keep names stable):
``list_speakers``, ``speaker_statements``, ``search_contents``, ``list_outlets``,
``outlet_sources``, ``list_articles``, ``get_article``, ``citation_graph``, ``list_failures``,
``store_stats``. Tracing a statement is ``reportedly.store.trace.trace_statement``.
"""
from __future__ import annotations

import heapq
import json
import re
import sqlite3
import zlib

from ..corpus.identity import visible
from ..errors import InputError, NotFoundError


def _rows(cursor) -> list[dict]:
    return [dict(row) for row in cursor]


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its own % and _ taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _speaker_filter(type: str | None, name: str | None, include_unnamed: bool) -> tuple[str, list]:
    where, params = [], []
    if type:
        where.append("type = ?")
        params.append(type)
    if not include_unnamed:
        # Named speakers only: a pronoun, a description or a source no article could name is
        # credited as written and listed only when asked for.
        where.append("named = 1")
    if name and name.strip():
        # Any name the speaker is credited under: "Donald J. Trump" finds Donald Trump.
        where.append("(name LIKE ? ESCAPE '\\' OR rowid IN (SELECT speaker FROM speaker_aliases WHERE name LIKE ? ESCAPE '\\'))")
        params += [_like(name.strip())] * 2
    return (" WHERE " + " AND ".join(where)) if where else "", params


# Orders a listing may be sorted in, by name: SQL is never built from user text.
SPEAKER_ORDERS = {
    "statements": "statements DESC, name", "articles": "articles DESC, statements DESC, name", "name": "name COLLATE NOCASE, rowid",
}


def list_speakers(
    db: sqlite3.Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_unnamed: bool = False,
    sort: str = "statements",
) -> list[dict]:
    """Speakers (identities across the corpus) with their statements and articles, most quoted
    first (``sort``: "statements", "articles" or "name").

    ``name`` keeps those credited under a name containing it; ``include_unnamed`` adds the
    credits no article resolved to a name (pronouns, descriptions), each as written.
    """
    _check_page(limit, offset)
    if sort not in SPEAKER_ORDERS:
        raise InputError(f"cannot sort speakers by {sort!r}; use {', '.join(SPEAKER_ORDERS)}")
    where, params = _speaker_filter(type, name, include_unnamed)
    return _rows(db.execute(
        f"SELECT name, type, statements, articles FROM speakers{where} ORDER BY {SPEAKER_ORDERS[sort]} LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ))


def count_speakers(db: sqlite3.Connection, *, type: str | None = None, name: str | None = None,
                   include_unnamed: bool = False) -> int:
    """How many speakers ``list_speakers`` would list without a limit."""
    where, params = _speaker_filter(type, name, include_unnamed)
    return db.execute(f"SELECT COUNT(*) FROM speakers{where}", params).fetchone()[0]


def _check_page(limit: int, offset: int) -> None:
    if not (0 <= limit < 2**63 and 0 <= offset < 2**63):
        raise InputError(f"limit and offset must be between 0 and 2**63-1, not {limit} and {offset}")


_STATEMENT_COLUMNS = """
    a.rowid AS attribution, ar.id AS article, ar.outlet, ar.published, ar.title, ar.url, a.att_id,
    a.kind, s.name AS speaker, s.type AS speaker_type, s.named AS speaker_named, a.source, a.cue, a.content,
    a.content_start, a.content_end, a.cluster
"""


def _speaker_rows(db: sqlite3.Connection, name: str, type: str | None = None) -> list[sqlite3.Row]:
    """The identities shown on the page of ``name``: the named one(s), else the credits as written."""
    sql = "SELECT rowid, name, type, named, statements, articles FROM speakers WHERE name = ? COLLATE NOCASE"
    params: list = [visible(name).strip()]
    if type:
        sql += " AND type = ?"
        params.append(type)
    rows = db.execute(sql + " ORDER BY named DESC, statements DESC", params).fetchall()
    if not rows:
        raise NotFoundError(f"no speaker called {name!r} in the store; `reportedly speakers` lists them")
    named = [r for r in rows if r["named"]]
    return named or rows


def speaker_summary(db: sqlite3.Connection, name: str, *, type: str | None = None) -> dict:
    """Who the speaker called ``name`` is: type, counts and every name the articles credit it under."""
    rows = _speaker_rows(db, name, type)
    ids = [r["rowid"] for r in rows]
    aliases = _rows(db.execute(
        f"""SELECT name, type, resolved, statements FROM speaker_aliases WHERE speaker IN ({",".join("?" * len(ids))})
            ORDER BY statements DESC, name""", ids,
    ))
    return {
        "name": rows[0]["name"], "type": rows[0]["type"], "named": bool(rows[0]["named"]),
        "statements": sum(r["statements"] for r in rows), "articles": sum(r["articles"] for r in rows),
        "aliases": aliases,
    }


def speaker_statements(db: sqlite3.Connection, name: str, *, limit: int = 200, offset: int = 0,
                       type: str | None = None) -> list[dict]:
    """Everything credited to the speaker called ``name`` (case-insensitive), by date.

    A statement is here only when its article resolved its speaker to one of this identity's
    names; the same wording left unresolved (a source the article could not name) has its own
    page, reached with ``type``. Statements are ordered by publication time (undated ones first,
    as SQLite sorts NULL), then by storage order. Raises NotFoundError when no speaker has that name.
    """
    _check_page(limit, offset)
    ids = [row["rowid"] for row in _speaker_rows(db, name, type)]
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


def _statement_filter(db, kind, outlet, since, until, speaker_type) -> tuple[str, list]:
    where, params = [], []
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    _outlet_and_dates(db, "a.published", outlet, since, until, where, params)
    if speaker_type:
        where.append("s.type = ? AND s.named = 1")
        params.append(speaker_type)
    return "".join(f" AND {w}" for w in where), params


def search_contents(db: sqlite3.Connection, text: str, *, limit: int = 50, offset: int = 0, phrase: bool = False,
                    kind: str | None = None, outlet: str | None = None, since: str | None = None,
                    until: str | None = None, speaker_type: str | None = None) -> list[dict]:
    """Statements whose content has every word of ``text`` (or the exact phrase), best match first,
    optionally only of one ``kind``, ``outlet``, date range or named ``speaker_type``."""
    _check_page(limit, offset)
    where, params = _statement_filter(db, kind, outlet, since, until, speaker_type)
    return _rows(
        db.execute(
            f"""SELECT {_STATEMENT_COLUMNS}, snippet(contents_fts, 0, '[', ']', '…', 12) AS snippet
                FROM contents_fts JOIN attributions a ON a.rowid = contents_fts.rowid
                JOIN articles ar ON ar.rowid = a.article
                LEFT JOIN speakers s ON s.rowid = a.speaker
                WHERE contents_fts MATCH ?{where} ORDER BY rank LIMIT ? OFFSET ?""",
            (fts_query(text, phrase=phrase), *params, limit, offset),
        )
    )


def count_contents(db: sqlite3.Connection, text: str, *, phrase: bool = False, kind: str | None = None,
                   outlet: str | None = None, since: str | None = None, until: str | None = None,
                   speaker_type: str | None = None) -> int:
    """How many statements ``search_contents`` would find without a limit."""
    where, params = _statement_filter(db, kind, outlet, since, until, speaker_type)
    return db.execute(
        f"""SELECT COUNT(*) FROM contents_fts JOIN attributions a ON a.rowid = contents_fts.rowid
            JOIN articles ar ON ar.rowid = a.article LEFT JOIN speakers s ON s.rowid = a.speaker
            WHERE contents_fts MATCH ?{where}""",
        (fts_query(text, phrase=phrase), *params),
    ).fetchone()[0]


def list_outlets(db: sqlite3.Connection) -> list[dict]:
    """Outlets (one row per outlet, whatever slug or name its articles used) with their numbers
    of articles and attributions, how many citations of other outlets they make, and the forms
    of their name seen (``aliases``)."""
    rows = _rows(db.execute(
        """SELECT o.name AS outlet, COUNT(ar.rowid) AS articles, COALESCE(SUM(ar.n_attributions), 0) AS attributions,
                  (SELECT COUNT(*) FROM citations c JOIN articles x ON x.rowid = c.article
                   WHERE x.outlet_id = o.rowid) AS outlet_citations,
                  (SELECT COUNT(*) FROM citations c WHERE c.cited_outlet = o.rowid) AS cited_by,
                  MIN(ar.published) AS first_published, MAX(ar.published) AS last_published,
                  (SELECT group_concat(alias, '|') FROM outlet_aliases WHERE outlet = o.rowid) AS aliases
           FROM outlets o LEFT JOIN articles ar ON ar.outlet_id = o.rowid
           GROUP BY o.rowid ORDER BY articles DESC, cited_by DESC, o.name"""
    ))
    for row in rows:
        row["aliases"] = sorted((row["aliases"] or "").split("|")) if row["aliases"] else []
    return rows


def outlet_id(db: sqlite3.Connection, outlet: str) -> int:
    """The outlet row known by ``outlet`` (its name, a slug its articles used, any alias);
    NotFoundError otherwise."""
    from ..corpus.speakers import publishing_outlet

    form = visible(outlet).strip()
    canonical = publishing_outlet(form) or form
    for value in (form.casefold(), canonical.casefold()):
        row = db.execute("SELECT outlet FROM outlet_aliases WHERE alias = ?", (value,)).fetchone()
        if row:
            return row[0]
    row = db.execute("SELECT rowid FROM outlets WHERE name = ? COLLATE NOCASE", (canonical,)).fetchone()
    if row:
        return row[0]
    raise NotFoundError(f"no outlet {outlet!r} in the store; `reportedly outlets` lists them")


def outlet_summary(db: sqlite3.Connection, outlet: str) -> dict:
    """One outlet: its name, the forms of its name, its articles and citations both ways."""
    oid = outlet_id(db, outlet)
    row = dict(db.execute(
        """SELECT o.name AS outlet, COUNT(ar.rowid) AS articles, COALESCE(SUM(ar.n_attributions), 0) AS attributions,
                  MIN(ar.published) AS first_published, MAX(ar.published) AS last_published
           FROM outlets o LEFT JOIN articles ar ON ar.outlet_id = o.rowid WHERE o.rowid = ? GROUP BY o.rowid""",
        (oid,),
    ).fetchone())
    row["outlet_citations"] = db.execute(
        "SELECT COUNT(*) FROM citations c JOIN articles ar ON ar.rowid = c.article WHERE ar.outlet_id = ?", (oid,)
    ).fetchone()[0]
    row["cited_by"] = db.execute("SELECT COUNT(*) FROM citations WHERE cited_outlet = ?", (oid,)).fetchone()[0]
    row["aliases"] = [r[0] for r in db.execute("SELECT alias FROM outlet_aliases WHERE outlet = ? ORDER BY alias", (oid,))]
    return row


def outlet_sources(db: sqlite3.Connection, outlet: str, *, limit: int = 50, include_unnamed: bool = False) -> list[dict]:
    """Who an outlet cites: speakers credited in its articles, with counts, most cited first
    (from the counts kept per outlet and speaker, ``outlet_speakers``)."""
    oid = outlet_id(db, outlet)
    if not db.execute("SELECT 1 FROM articles WHERE outlet_id = ? LIMIT 1", (oid,)).fetchone():
        raise NotFoundError(f"no articles from outlet {outlet!r} in the store; `reportedly outlets` lists them")
    hidden = "" if include_unnamed else "AND s.named = 1"
    return _rows(
        db.execute(
            f"""SELECT s.name AS speaker, s.type, os.statements, os.articles
                FROM outlet_speakers os JOIN speakers s ON s.rowid = os.speaker
                WHERE os.outlet = ? {hidden}
                ORDER BY os.statements DESC, s.name LIMIT ?""",
            (oid, limit),
        )
    )


def _article_filter(outlet: str | None, since: str | None, until: str | None, db) -> tuple[str, list]:
    where, params = [], []
    _outlet_and_dates(db, "ar.published", outlet, since, until, where, params)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _outlet_and_dates(db, published: str, outlet, since, until, where: list, params: list) -> None:
    """Add the outlet and date-range conditions (on the column ``published``) to ``where``."""
    if outlet:
        where.append("ar.outlet_id = ?")
        params.append(outlet_id(db, outlet))
    if since:
        where.append(f"{published} >= ?")
        params.append(since)
    if until:
        # A day or month "until" includes all of it: ISO strings within it sort below its end.
        where.append(f"{published} < ?")
        params.append(until + "\uffff" if "T" not in until else until)


def list_articles(
    db: sqlite3.Connection, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
    limit: int = 50, offset: int = 0, order: str = "published",
) -> list[dict]:
    """Articles, newest first, each with its sourcing profile.

    ``outlet`` is any form of an outlet's name; ``since`` and ``until`` bound the publication
    date (ISO 8601 prefixes, both included); ``order="stored"`` lists the latest stored first. ``profile`` is the analysis's own profile when it
    has one; ``counts`` is always computed here (attributions by kind, named speakers,
    pronoun-only and source-less attributions, outlets cited), so every article has a
    comparable summary.
    """
    _check_page(limit, offset)
    where, params = _article_filter(outlet, since, until, db)
    rows = _rows(
        db.execute(
            f"""SELECT ar.rowid AS _rowid, ar.id, COALESCE(o.name, ar.outlet) AS outlet, ar.published, ar.title, ar.url, ar.wire,
                       ar.n_attributions, ar.profile
                FROM articles ar LEFT JOIN outlets o ON o.rowid = ar.outlet_id {where}
                ORDER BY {"ar.rowid DESC" if order == "stored" else "ar.published IS NULL, ar.published DESC, ar.id"}
                LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        )
    )
    for row in rows:
        row["profile"] = json.loads(row["profile"]) if row["profile"] else None
        row["counts"] = _profile_counts(db, row.pop("_rowid"))
    return rows


def count_articles(db: sqlite3.Connection, *, outlet: str | None = None, since: str | None = None,
                   until: str | None = None) -> int:
    """How many articles ``list_articles`` would list without a limit."""
    where, params = _article_filter(outlet, since, until, db)
    return db.execute(f"SELECT COUNT(*) FROM articles ar{where}", params).fetchone()[0]


def _profile_counts(db: sqlite3.Connection, article_rowid: int) -> dict:
    counts = {"direct": 0, "indirect": 0, "mixed": 0, "named": 0, "pronoun": 0, "no_source": 0, "outlets_cited": 0}
    for kind, type, named, n in db.execute(
        """SELECT a.kind, s.type, s.named, COUNT(*) FROM attributions a LEFT JOIN speakers s ON s.rowid = a.speaker
           WHERE a.article = ? GROUP BY a.kind, s.type, s.named""",
        (article_rowid,),
    ):
        counts[kind] = counts.get(kind, 0) + n
        if type is None:
            counts["no_source"] += n
        elif type == "pronoun":
            counts["pronoun"] += n
        elif named:
            counts["named"] += n
    counts["outlets_cited"] = db.execute("SELECT COUNT(*) FROM citations WHERE article = ?", (article_rowid,)).fetchone()[0]
    return counts


def get_article(db: sqlite3.Connection, id: str) -> dict:
    """The stored ``reportedly/1`` document of article ``id``; raises NotFoundError."""
    row = db.execute("SELECT document FROM articles WHERE id = ?", (id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no article {id!r} in the store; `reportedly articles` lists them")
    return decode_document(row[0], id)


def article_wire(db: sqlite3.Connection, id: str) -> str | None:
    """The agency whose copy stored article ``id`` is (from its byline or dateline), or None."""
    row = db.execute("SELECT wire FROM articles WHERE id = ?", (id,)).fetchone()
    return row[0] if row else None


def decode_document(blob: bytes, id: str) -> dict:
    """A stored ``document`` column back to its dict; StoreError when the bytes are damaged
    (SQLite checks its pages, not what we wrote inside a blob)."""
    from . import StoreError

    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, TypeError) as exc:
        raise StoreError(f"the stored document of article {id!r} is damaged ({exc}); `reportedly check` tells how to repair the store") from exc


def citation_graph(db: sqlite3.Connection, *, min_count: int = 1) -> list[dict]:
    """Edges of the outlet citation graph: ``citing`` outlet relays ``cited`` outlet ``count`` times.

    Both ends are outlets (store.identities): an article's slug and the name it is cited by are
    one node, and an outlet citing itself is no edge.
    """
    return _rows(
        db.execute(
            """SELECT co.name AS citing, o.name AS cited, COUNT(*) AS count, COUNT(DISTINCT c.article) AS articles
               FROM citations c JOIN articles ar ON ar.rowid = c.article
               JOIN outlets co ON co.rowid = ar.outlet_id JOIN outlets o ON o.rowid = c.cited_outlet
               WHERE co.rowid <> o.rowid
               GROUP BY co.rowid, o.rowid HAVING COUNT(*) >= ? ORDER BY count DESC, citing, cited""",
            (min_count,),
        )
    )


def list_failures(db: sqlite3.Connection, *, limit: int = 100) -> list[dict]:
    """Inputs that could not be read or analysed, latest first."""
    return _rows(db.execute("SELECT item, source_path, error, at FROM failures ORDER BY at DESC LIMIT ?", (limit,)))


def store_stats(db: sqlite3.Connection) -> dict:
    """Counts of what the store holds."""
    from .derived import clusters_pending, identities_pending

    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "speakers": one("SELECT COUNT(*) FROM speakers WHERE named = 1"),
        "outlets": one("SELECT COUNT(*) FROM outlets"),
        "clusters": one("SELECT COUNT(DISTINCT cluster) FROM attributions WHERE cluster IS NOT NULL"),
        "failures": one("SELECT COUNT(*) FROM failures"),
        "migrations": [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY rowid")],
        # Statements stored since the last clustering (a killed or --no-cluster run): trace
        # misses reworded copies among them until a writing command completes the clusters.
        "clusters_pending": clusters_pending(db),
        # Statements whose speaker has a provisional identity until the next writing command.
        "identities_pending": identities_pending(db),
    }
