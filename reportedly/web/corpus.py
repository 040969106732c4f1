"""Corpus pages and API (need ``--db``): speakers, one speaker's statements, search, a quote's
trace, the outlet citation graph. Each page's data is its JSON twin; ``/api/...`` gives the same."""
from __future__ import annotations

import difflib
from urllib.parse import quote

from fastapi import APIRouter, Query, Request

from ..errors import InputError, NoCorpusError
from .api import ERRORS
from .app import render
from .graph import layout

router = APIRouter()
NO_STORE = "no corpus store is open; start the server with `reportedly serve --db FILE`"


def store(request: Request):
    found = request.app.state.library.store
    if found is None:
        raise NoCorpusError(NO_STORE)
    return found


def speakers_data(request: Request, type: str | None, limit: int, offset: int) -> dict:
    rows = store(request).speakers(type=type, limit=limit, offset=offset)
    return {"ok": True, "type": type, "limit": limit, "offset": offset, "speakers": rows}


def speaker_data(request: Request, name: str, limit: int, offset: int) -> dict:
    rows = store(request).statements(name, limit=limit, offset=offset)
    return {"ok": True, "name": name, "limit": limit, "offset": offset, "statements": rows}


def search_data(request: Request, q: str, phrase: bool, limit: int) -> dict:
    if not q.strip():
        return {"ok": True, "q": q, "phrase": phrase, "results": []}
    try:
        rows = store(request).search(q, limit=limit, phrase=phrase)
    except ValueError as exc:  # the query has no words: the library's own message
        raise InputError(f"cannot search for {q!r}: {exc}") from exc
    for row in rows:
        row["snippet_parts"] = snippet_parts(row.get("snippet") or row.get("content") or "")
    return {"ok": True, "q": q, "phrase": phrase, "results": rows}


def snippet_parts(snippet: str) -> list[dict]:
    """An FTS snippet with [matches] as parts, so the template can mark them and escape all."""
    parts, rest = [], snippet
    while "[" in rest and "]" in rest[rest.index("["):]:
        a = rest.index("[")
        b = rest.index("]", a)
        if a:
            parts.append({"text": rest[:a], "hit": False})
        parts.append({"text": rest[a + 1 : b], "hit": True})
        rest = rest[b + 1 :]
    if rest:
        parts.append({"text": rest, "hit": False})
    return parts


def word_diff(before: str, after: str) -> list[dict]:
    """Word-level differences from ``before`` to ``after`` as parts: same, ins or del."""
    a, b = before.split(), after.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append({"op": "same", "text": " ".join(a[i1:i2])})
            continue
        if i2 > i1:
            parts.append({"op": "del", "text": " ".join(a[i1:i2])})
        if j2 > j1:
            parts.append({"op": "ins", "text": " ".join(b[j1:j2])})
    return parts


def trace_data(request: Request, attribution: int) -> dict:
    found = store(request).trace(attribution)
    appearances = found.get("appearances", []) if isinstance(found, dict) else list(found)
    first = appearances[0]["content"] if appearances else ""
    for item in appearances:
        item["diff"] = word_diff(first, item.get("content") or "")
    return {"ok": True, "attribution": attribution, "trace": found, "appearances": appearances}


def graph_data(request: Request, min_count: int) -> dict:
    edges = store(request).citation_graph(min_count=min_count)
    return {"ok": True, "min_count": min_count, "edges": edges, "picture": layout(edges)}


# -- pages -------------------------------------------------------------------------------------

@router.get("/speakers", include_in_schema=False)
def speakers_page(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
    return render(request, "speakers.html", speakers_data(request, type, limit, offset))


@router.get("/speakers/{name}", include_in_schema=False)
def speaker_page(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0)):
    return render(request, "speaker.html", speaker_data(request, name, limit, offset))


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: str = "", phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    if request.app.state.library.store is None:
        raise NoCorpusError(NO_STORE)
    return render(request, "search.html", search_data(request, q, phrase, limit))


@router.get("/trace/{attribution}", include_in_schema=False)
def trace_page(attribution: int, request: Request):
    return render(request, "trace.html", trace_data(request, attribution))


@router.get("/graph", include_in_schema=False)
def graph_page(request: Request, min_count: int = Query(1, ge=1)):
    return render(request, "graph.html", graph_data(request, min_count))


# -- API ---------------------------------------------------------------------------------------

@router.get("/api/speakers", tags=["corpus"], summary="Speakers, most quoted first", responses=ERRORS)
def api_speakers(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
    return speakers_data(request, type, limit, offset)


@router.get("/api/speakers/{name}", tags=["corpus"], summary="One speaker's statements, earliest first", responses=ERRORS)
def api_speaker(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0)):
    return speaker_data(request, name, limit, offset)


@router.get("/api/search", tags=["corpus"], summary="Statements containing every word (or the phrase)", responses=ERRORS)
def api_search(request: Request, q: str = Query(..., min_length=1), phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    return search_data(request, q, phrase, limit)


@router.get("/api/trace/{attribution}", tags=["corpus"], summary="Where one statement appeared, earliest first", responses=ERRORS)
def api_trace(attribution: int, request: Request):
    return trace_data(request, attribution)


@router.get("/api/graph", tags=["corpus"], summary="The outlet citation graph", responses=ERRORS)
def api_graph(request: Request, min_count: int = Query(1, ge=1)):
    return graph_data(request, min_count)


def speaker_href(name: str) -> str:
    return "/speakers/" + quote(name, safe="")
