"""Corpus pages and API (need ``--db``): speakers, one speaker's statements, search, a quote's
trace, the outlet citation graph. Each page's data is its JSON twin; ``/api/...`` gives the same.

Each view runs its queries and its rendering in a worker thread through ``guarded``, which
watches the connection meanwhile: when the client leaves, the queries are stopped (see
``web.store``) instead of running on for nobody.
"""
from __future__ import annotations

import asyncio
import re
import threading

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

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


# How often a running view looks whether its client is still there.
WATCH_SECONDS = 0.25


async def guarded(request: Request, view, *args):
    """``view(request, *args)`` in a worker thread; its queries stop if the client disconnects.

    The stop event reaches the queries through ``stopper(request)``. It is also set when this
    task is cancelled (the server stopping), so the thread does not run on alone.
    """
    stop = threading.Event()
    request.state.stop = stop
    job = asyncio.ensure_future(run_in_threadpool(view, request, *args))
    try:
        while not job.done():
            await asyncio.wait({job}, timeout=WATCH_SECONDS)
            if not job.done() and await request.is_disconnected():
                stop.set()
        return job.result()
    finally:
        stop.set()


def stopper(request: Request) -> threading.Event | None:
    """The event that stops this request's queries (None outside ``guarded``)."""
    return getattr(request.state, "stop", None)


def speakers_data(request: Request, type: str | None, limit: int, offset: int) -> dict:
    rows = store(request).speakers(type=type, limit=limit, offset=offset, stop=stopper(request))
    return {"ok": True, "type": type, "limit": limit, "offset": offset, "speakers": rows}


def speaker_data(request: Request, name: str, limit: int, offset: int) -> dict:
    rows = store(request).statements(name, limit=limit, offset=offset, stop=stopper(request))
    return {"ok": True, "name": name, "limit": limit, "offset": offset, "statements": rows}


def search_data(request: Request, q: str, phrase: bool, limit: int) -> dict:
    if not q.strip():
        return {"ok": True, "q": q, "phrase": phrase, "results": []}
    try:
        rows = store(request).search(q, limit=limit, phrase=phrase, stop=stopper(request))
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
        found = store(request).trace(text, stop=stopper(request))
    except ValueError as exc:  # no words to trace: the library's own message
        raise InputError(f"cannot trace {text!r}: {exc}") from exc
    for item in found["appearances"]:
        item["diff_parts"] = diff_parts(item.get("diff") or "")
    return {"ok": True, "text": text, "trace": {k: v for k, v in found.items() if k != "appearances"}, "appearances": found["appearances"]}


def graph_data(request: Request, min_count: int) -> dict:
    edges = store(request).citation_graph(min_count=min_count, stop=stopper(request))
    return {"ok": True, "min_count": min_count, "edges": edges, "picture": layout(edges)}


# -- pages -------------------------------------------------------------------------------------

def _page(template: str, data):
    """A view that computes ``data(request, *args)`` and renders it (run by ``guarded``)."""
    return lambda request, *args: render(request, template, data(request, *args))


def _needs_store(request: Request) -> None:
    if request.app.state.library.store is None:
        raise NoCorpusError(NO_STORE)


@router.get("/speakers", include_in_schema=False)
async def speakers_page(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return await guarded(request, _page("speakers.html", speakers_data), type, limit, offset)


@router.get("/speakers/{name}", include_in_schema=False)
async def speaker_page(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return await guarded(request, _page("speaker.html", speaker_data), name, limit, offset)


@router.get("/search", include_in_schema=False)
async def search_page(request: Request, q: str = "", phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    _needs_store(request)
    return await guarded(request, _page("search.html", search_data), q, phrase, limit)


@router.get("/trace", include_in_schema=False)
async def trace_page(request: Request, text: str = ""):
    _needs_store(request)
    return await guarded(request, _page("trace.html", trace_data), text)


@router.get("/graph", include_in_schema=False)
async def graph_page(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return await guarded(request, _page("graph.html", graph_data), min_count)


# -- API ---------------------------------------------------------------------------------------

@router.get("/api/speakers", tags=["corpus"], summary="Speakers, most quoted first", responses=ERRORS)
async def api_speakers(request: Request, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return await guarded(request, speakers_data, type, limit, offset)


@router.get("/api/speakers/{name}", tags=["corpus"], summary="One speaker's statements, earliest first", responses=ERRORS)
async def api_speaker(name: str, request: Request, limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    return await guarded(request, speaker_data, name, limit, offset)


@router.get("/api/search", tags=["corpus"], summary="Statements containing every word (or the phrase)", responses=ERRORS)
async def api_search(request: Request, q: str = Query(..., min_length=1), phrase: bool = False, limit: int = Query(50, ge=1, le=500)):
    return await guarded(request, search_data, q, phrase, limit)


@router.get("/api/trace", tags=["corpus"], summary="Where a statement appeared, earliest seen first, with wording differences", responses=ERRORS)
async def api_trace(request: Request, text: str = Query(..., min_length=1, max_length=2000)):
    return await guarded(request, trace_data, text)


@router.get("/api/stats", tags=["corpus"], summary="Counts of what the store holds", responses=ERRORS)
async def api_stats(request: Request):
    return await guarded(request, lambda request: {"ok": True, **store(request).stats(stop=stopper(request))})


@router.get("/api/graph", tags=["corpus"], summary="The outlet citation graph", responses=ERRORS)
async def api_graph(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return await guarded(request, graph_data, min_count)
