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

from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from ..errors import InputError, NoCorpusError
from .limits import ERRORS, MAX_OFFSET, MAX_NAME, MAX_TEXT, MAX_WORD
from .render import render
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


def pager(request: Request, total: int, limit: int, offset: int) -> dict:
    """Where this page sits in a listing, with links to the pages before and after it."""
    def href(to: int) -> str:
        query = {**request.query_params, "offset": str(to), "limit": str(limit)}
        return str(request.url.path) + "?" + urlencode(query)

    return {
        "total": total, "limit": limit, "offset": offset,
        "first": offset + 1 if total else 0, "last": min(offset + limit, total),
        "prev": href(max(0, offset - limit)) if offset > 0 else None,
        "next": href(offset + limit) if offset + limit < total else None,
    }


def speakers_data(request: Request, type: str | None, name: str | None, all: bool, sort: str, limit: int, offset: int) -> dict:
    rows, total = store(request).speakers(type=type, name=name, include_unnamed=all, sort=sort, limit=limit, offset=offset,
                                          stop=stopper(request))
    return {"ok": True, "type": type, "name": name, "all": all, "sort": sort, "limit": limit, "offset": offset, "total": total,
            "page": pager(request, total, limit, offset), "speakers": rows}


def speaker_data(request: Request, name: str, type: str | None, limit: int, offset: int) -> dict:
    summary, rows = store(request).speaker(name, type=type, limit=limit, offset=offset, stop=stopper(request))
    return {"ok": True, "name": summary["name"], "speaker": summary, "limit": limit, "offset": offset,
            "total": summary["statements"], "page": pager(request, summary["statements"], limit, offset), "statements": rows}


def articles_data(request: Request, outlet: str | None, since: str | None, until: str | None, limit: int, offset: int) -> dict:
    rows, total = store(request).articles(outlet=outlet, since=since, until=until, limit=limit, offset=offset, stop=stopper(request))
    for row in rows:
        row.update({f"n_{k}": v for k, v in row.pop("counts").items()})
        row.pop("profile", None)
    return {"ok": True, "outlet": outlet, "since": since, "until": until, "limit": limit, "offset": offset,
            "total": total, "page": pager(request, total, limit, offset), "articles": rows}


def outlets_data(request: Request) -> dict:
    return {"ok": True, "outlets": store(request).outlets(stop=stopper(request))}


def outlet_data(request: Request, name: str) -> dict:
    summary, sources = store(request).outlet(name, stop=stopper(request))
    articles, total = store(request).articles(outlet=name, limit=20, stop=stopper(request))
    return {"ok": True, "name": summary["outlet"], "outlet": summary, "sources": sources, "articles": articles, "articles_total": total}


def search_data(request: Request, q: str, phrase: bool, kind: str | None, outlet: str | None, since: str | None,
                until: str | None, speaker_type: str | None, limit: int, offset: int) -> dict:
    data = {"ok": True, "q": q, "phrase": phrase, "kind": kind, "outlet": outlet, "since": since, "until": until,
            "speaker_type": speaker_type, "limit": limit, "offset": offset}
    if not q.strip():
        return {**data, "total": 0, "page": pager(request, 0, limit, offset), "results": []}
    try:
        rows, total = store(request).search(q, limit=limit, offset=offset, phrase=phrase, kind=kind, outlet=outlet,
                                            since=since, until=until, speaker_type=speaker_type, stop=stopper(request))
    except ValueError as exc:  # the query has no words: the library's own message
        raise InputError(f"cannot search for {q!r}: {exc}") from exc
    for row in rows:
        row["snippet_parts"] = snippet_parts(row.get("snippet") or row.get("content") or "")
    return {**data, "total": total, "page": pager(request, total, limit, offset), "results": rows}


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
        return {"ok": True, "text": text, "trace": None, "appearances": [], "origin_sizes": {}}
    try:
        found = store(request).trace(text, stop=stopper(request))
    except ValueError as exc:  # no words to trace: the library's own message
        raise InputError(f"cannot trace {text!r}: {exc}") from exc
    for item in found["appearances"]:
        item["diff_parts"] = diff_parts(item.get("diff") or "")
    # The page names copies of one story in words, not by their internal key.
    sizes: dict[str, int] = {}
    for item in found["appearances"]:
        sizes[item["origin"]] = sizes.get(item["origin"], 0) + 1
    return {"ok": True, "text": text, "trace": {k: v for k, v in found.items() if k != "appearances"},
            "appearances": found["appearances"], "origin_sizes": sizes}


def graph_data(request: Request, min_count: int) -> dict:
    edges = store(request).citation_graph(min_count=min_count, stop=stopper(request))
    return {"ok": True, "min_count": min_count, "edges": edges, "picture": layout(edges)}


# -- pages -------------------------------------------------------------------------------------

def _page(template: str, data, rows: str | None = None):
    """A view that computes ``data(request, *args)`` and renders it (run by ``guarded``)."""
    return lambda request, *args: render(request, template, data(request, *args), rows=rows)


def _needs_store(request: Request) -> None:
    if request.app.state.library.store is None:
        raise NoCorpusError(NO_STORE)


# Each parameter gets its own Query (FastAPI binds one to the first parameter that uses it).
def Text():
    return Query("", max_length=MAX_TEXT)


def Name():
    return Query(None, max_length=MAX_NAME)


def Word():
    return Query(None, max_length=MAX_WORD)


def Date():
    # A day or a month (2016-08-10, 2016-08) or a full ISO 8601 time.
    return Query(None, max_length=40, pattern=r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.+Z-]*)?)?)?$")


def Kind():
    return Query(None, pattern="^(direct|indirect|mixed)$")


def Sort():
    return Query("statements", pattern="^(statements|articles|name)$")


def Offset():
    return Query(0, ge=0, le=MAX_OFFSET)


@router.get("/speakers", include_in_schema=False)
async def speakers_page(request: Request, type: str | None = Word(), name: str | None = Name(), all: bool = False,
                        sort: str = Sort(), limit: int = Query(50, ge=1, le=500), offset: int = Offset()):
    return await guarded(request, _page("speakers.html", speakers_data, "speakers"), type, name, all, sort, limit, offset)


@router.get("/speakers/{name:path}", include_in_schema=False)  # names may hold "/"
async def speaker_page(request: Request, name: str = Path(max_length=MAX_NAME), type: str | None = Word(),
                       limit: int = Query(100, ge=1, le=1000), offset: int = Offset()):
    return await guarded(request, _page("speaker.html", speaker_data, "statements"), name, type, limit, offset)


@router.get("/search", include_in_schema=False)
async def search_page(request: Request, q: str = Text(), phrase: bool = False, kind: str | None = Kind(),
                      outlet: str | None = Name(), since: str | None = Date(), until: str | None = Date(),
                      speaker_type: str | None = Word(), limit: int = Query(50, ge=1, le=500), offset: int = Offset()):
    _needs_store(request)
    return await guarded(request, _page("search.html", search_data, "results"), q, phrase, kind, outlet, since, until,
                         speaker_type, limit, offset)


@router.get("/trace", include_in_schema=False)
async def trace_page(request: Request, text: str = Text()):
    _needs_store(request)
    return await guarded(request, _page("trace.html", trace_data, "appearances"), text)


@router.get("/graph", include_in_schema=False)
async def graph_page(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return await guarded(request, _page("graph.html", graph_data, "edges"), min_count)


@router.get("/articles", include_in_schema=False)
async def articles_page(request: Request, outlet: str | None = Name(), since: str | None = Date(), until: str | None = Date(),
                        limit: int = Query(50, ge=1, le=500), offset: int = Offset()):
    return await guarded(request, _page("articles.html", articles_data, "articles"), outlet, since, until, limit, offset)


@router.get("/outlets", include_in_schema=False)
async def outlets_page(request: Request):
    return await guarded(request, _page("outlets.html", outlets_data, "outlets"))


@router.get("/outlets/{name:path}", include_in_schema=False)
async def outlet_page(request: Request, name: str = Path(max_length=MAX_NAME)):
    return await guarded(request, _page("outlet.html", outlet_data, "sources"), name)


# -- API ---------------------------------------------------------------------------------------

@router.get("/api/speakers", tags=["corpus"], summary="Speakers, most quoted first", responses=ERRORS)
async def api_speakers(request: Request, type: str | None = Word(), name: str | None = Name(), all: bool = False,
                       sort: str = Sort(), limit: int = Query(50, ge=1, le=500), offset: int = Offset()):
    return await guarded(request, speakers_data, type, name, all, sort, limit, offset)


@router.get("/api/speakers/{name:path}", tags=["corpus"], summary="One speaker and their statements, earliest first", responses=ERRORS)
async def api_speaker(request: Request, name: str = Path(max_length=MAX_NAME), type: str | None = Word(),
                      limit: int = Query(100, ge=1, le=1000), offset: int = Offset()):
    return await guarded(request, speaker_data, name, type, limit, offset)


@router.get("/api/search", tags=["corpus"], summary="Statements containing every word (or the phrase)", responses=ERRORS)
async def api_search(request: Request, q: str = Query(..., min_length=1, max_length=MAX_TEXT), phrase: bool = False,
                     kind: str | None = Kind(), outlet: str | None = Name(), since: str | None = Date(), until: str | None = Date(),
                     speaker_type: str | None = Word(), limit: int = Query(50, ge=1, le=500), offset: int = Offset()):
    return await guarded(request, search_data, q, phrase, kind, outlet, since, until, speaker_type, limit, offset)


@router.get("/api/trace", tags=["corpus"], summary="Where a statement appeared, earliest seen first, with wording differences", responses=ERRORS)
async def api_trace(request: Request, text: str = Query(..., min_length=1, max_length=MAX_TEXT)):
    return await guarded(request, trace_data, text)


@router.get("/api/outlets", tags=["corpus"], summary="Outlets, with the forms of their names", responses=ERRORS)
async def api_outlets(request: Request):
    return await guarded(request, outlets_data)


@router.get("/api/outlets/{name:path}", tags=["corpus"], summary="One outlet: who it cites, its latest articles", responses=ERRORS)
async def api_outlet(request: Request, name: str = Path(max_length=MAX_NAME)):
    return await guarded(request, outlet_data, name)


@router.get("/api/stats", tags=["corpus"], summary="Counts of what the store holds", responses=ERRORS)
async def api_stats(request: Request):
    return await guarded(request, lambda request: {"ok": True, **store(request).stats(stop=stopper(request))})


@router.get("/api/graph", tags=["corpus"], summary="The outlet citation graph", responses=ERRORS)
async def api_graph(request: Request, min_count: int = Query(1, ge=1, le=MAX_OFFSET)):
    return await guarded(request, graph_data, min_count)
