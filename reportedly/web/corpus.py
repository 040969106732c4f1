"""Corpus pages and API (need ``--db``): speakers, one speaker's statements, search, a quote's
trace, the outlet citation graph. Each page's data is its JSON twin; ``/api/...`` gives the same."""
from __future__ import annotations

import re

from fastapi import APIRouter, Query, Request

from ..errors import InputError, NoCorpusError
from .api import ERRORS, MAX_OFFSET
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


DIFF_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}")


def diff_parts(marked: str) -> list[dict]:
    """The store's marked diff ("a [-old-] {+new+} b") as parts: same, del or ins."""
    parts, pos = [], 0
    for m in DIFF_MARK.finditer(marked):
        if m.start() > pos:
            parts.append({"op": "same", "text": marked[pos : m.start()].strip()})
        parts.append({"op": "del", "text": m.group(1)} if m.group(1) is not None else {"op": "ins", "text": m.group(2)})
        pos = m.end()
    if marked[pos:].strip():
        parts.append({"op": "same", "text": marked[pos:].strip()})
    return [p for p in parts if p["text"]]


def trace_data(request: Request, text: str) -> dict:
    if not text.strip():
        return {"ok": True, "text": text, "trace": None, "appearances": []}
    try:
        found = store(request).trace(text)
    except ValueError as exc:  # no words to trace: the library's own message
        raise InputError(f"cannot trace {text!r}: {exc}") from exc
    for item in found["appearances"]:
        item["diff_parts"] = diff_parts(item.get("diff") or "")
    return {"ok": True, "text": text, "trace": {k: v for k, v in found.items() if k != "appearances"}, "appearances": found["appearances"]}


def graph_data(request: Request, min_count: int) -> dict:
    edges = store(request).citation_graph(min_count=min_count)
    return {"ok": True, "min_count": min_count, "edges": edges, "picture": layout(edges)}


# -- pages -------------------------------------------------------------------------------------

@router.get("/speakers", include_in_schema=False)
def speakers_page(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return render(request, "speakers.html", speakers_data(request, type, limit, offset))


@router.get("/speakers/{name}", include_in_schema=False)
def speaker_page(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return render(request, "speaker.html", speaker_data(request, name, limit, offset))


@router.get("/search", include_in_schema=False)
def search_page(request: Request, q: str = "", phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    if request.app.state.library.store is None:
        raise NoCorpusError(NO_STORE)
    return render(request, "search.html", search_data(request, q, phrase, limit))


@router.get("/trace", include_in_schema=False)
def trace_page(request: Request, text: str = ""):
    if request.app.state.library.store is None:
        raise NoCorpusError(NO_STORE)
    return render(request, "trace.html", trace_data(request, text))


@router.get("/graph", include_in_schema=False)
def graph_page(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return render(request, "graph.html", graph_data(request, min_count))


# -- API ---------------------------------------------------------------------------------------

@router.get("/api/speakers", tags=["corpus"], summary="Speakers, most quoted first", responses=ERRORS)
def api_speakers(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return speakers_data(request, type, limit, offset)


@router.get("/api/speakers/{name}", tags=["corpus"], summary="One speaker's statements, earliest first", responses=ERRORS)
def api_speaker(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return speaker_data(request, name, limit, offset)


@router.get("/api/search", tags=["corpus"], summary="Statements containing every word (or the phrase)", responses=ERRORS)
def api_search(request: Request, q: str = Query(..., min_length=1), phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    return search_data(request, q, phrase, limit)


@router.get("/api/trace", tags=["corpus"], summary="Where a statement appeared, earliest seen first, with wording differences", responses=ERRORS)
def api_trace(request: Request, text: str = Query(..., min_length=1, max_length=2000)):
    return trace_data(request, text)


@router.get("/api/stats", tags=["corpus"], summary="Counts of what the store holds", responses=ERRORS)
def api_stats(request: Request):
    return {"ok": True, **store(request).stats()}


@router.get("/api/graph", tags=["corpus"], summary="The outlet citation graph", responses=ERRORS)
def api_graph(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return graph_data(request, min_count)
