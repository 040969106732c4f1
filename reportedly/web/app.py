"""The FastAPI application: one factory, one error shape, a request size limit, JSON twins.

Errors: the library raises ``ReportedlyError`` kinds that know their HTTP status; this module is
the one edge that turns any error into ``{"ok": false, "error": ..., "status": ...}`` (rendered
as an HTML page for a browser asking for a page, same data).

JSON twins: a page at ``/x`` answers with its data as JSON at ``/x.json`` or when asked with
``Accept: application/json``. The ``.json`` suffix is stripped by a small ASGI middleware so each
view is written once.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import ReportedlyError
from ..budget import DEFAULT_TIME_LIMIT
from . import worker
from .library import DEFAULT_MAX_BYTES, Library
from .pages import form_page
from .render import CSP, HERE, error_body, render, wants_json


def _error_response(request: Request, status: int, message: str):
    data = error_body(status, message)
    # A form post that failed shows the form again with the message and the text as pasted:
    # nobody should lose a long paste to a typo or a size limit.
    if request.method == "POST" and request.url.path == "/analyze" and not wants_json(request):
        form = getattr(request.state, "form_fields", None) or {}
        return render(request, "analyze.html", {**data, **form_page(request), "form": form}, status=status)
    return render(request, "error.html", data, status=status)


class JsonSuffix:
    """ASGI middleware: ``/articles/x.json`` (``.csv``) is served by ``/articles/x`` with the JSON (CSV) flag set."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and not scope["path"].startswith(("/static/", "/openapi")):
            for suffix, flag in ((".json", "json"), (".csv", "csv")):
                if scope["path"].endswith(suffix):
                    scope = dict(scope, path=scope["path"][: -len(suffix)], state={**scope.get("state", {}), flag: True})
                    scope["raw_path"] = scope["path"].encode()
                    break
        await self.app(scope, receive, send)


_TOO_LARGE_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large · reportedly</title>'
    '<link rel="stylesheet" href="/static/style.css"></head><body><main id="main"><section class="card error" role="alert">'
    '<h1>413: the article is too large</h1><p>{message}. Go back to keep your text and shorten it, or analyse it with '
    '<code>reportedly analyze FILE</code>.</p><p><a href="/">Back to Analyze</a></p></section></main></body></html>'
)


class SizeLimit:
    """ASGI middleware: bodies over ``max_bytes`` get 413 before the app reads them.

    A declared Content-Length over the limit is refused at once; a chunked body is counted as it
    arrives, and the app's read fails with the same 413.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        message = f"the request body is over the limit of {self.max_bytes:,} bytes"
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            headers = dict(scope["headers"])
            if scope["path"] == "/analyze" and b"text/html" in headers.get(b"accept", b""):
                # A browser's form post: a page it can show (the form script stops such posts
                # before they are sent, so the pasted text stays in the box).
                body = _TOO_LARGE_PAGE.format(message=message).encode()
                kind = b"text/html; charset=utf-8"
            else:
                body, kind = json.dumps(error_body(413, message)).encode(), b"application/json"
            await send({"type": "http.response.start", "status": 413, "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
            await send({"type": "http.response.body", "body": body})
            return
        seen = 0

        async def counted():
            nonlocal seen
            event = await receive()
            if event["type"] == "http.request":
                seen += len(event.get("body", b""))
                if seen > self.max_bytes:
                    raise StarletteHTTPException(413, message)
            return event

        await self.app(scope, counted, send)


class HeadAsGet:
    """ASGI middleware: HEAD on any GET route is answered as that GET, without the body.

    FastAPI routes answer only the methods they declare; HEAD must give the GET's status and
    headers (RFC 9110), so it is served by the same view and the body is dropped here.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(event):
            if event["type"] == "http.response.body":
                event = {**event, "body": b""}
            await send(event)

        await self.app(dict(scope, method="GET"), receive, headers_only)


class SecurityHeaders:
    """ASGI middleware: CSP and friends on our own pages (the vendored Swagger UI needs inline script)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith("/docs"):
            return await self.app(scope, receive, send)

        async def with_headers(event):
            if event["type"] == "http.response.start":
                headers = list(event.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                event = dict(event, headers=headers)
            await send(event)

        await self.app(scope, receive, with_headers)


def create_app(*, store=None, analyzer=None, max_bytes: int = DEFAULT_MAX_BYTES, fetch=None,
               analysis_seconds: float = worker.SECONDS, analysis_queue: int = worker.QUEUE,
               max_chars: int = worker.MAX_CHARS, save=None,
               time_limit: float | None = DEFAULT_TIME_LIMIT) -> FastAPI:
    """The web app. ``store`` is an open corpus store (optional); ``analyzer`` is loaded once, in the
    analysis worker, if not given; ``fetch`` (a ``web.fetching.FetchPolicy``) lets the form and the
    API fetch URLs (None: they do not). ``analysis_seconds``, ``analysis_queue`` and ``max_chars``
    bound the analysis worker (``web.worker``); ``time_limit`` is its budget per article
    (reportedly.budget): over it an article fails with 422 before the worker's cap stops it. ``save`` (a ``web.saving.StoreSaver``) keeps
    every analysis in the store."""
    analyses = worker.AnalysisWorker(analyzer, queue=analysis_queue, seconds=analysis_seconds, max_chars=max_chars,
                                    time_limit=time_limit)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        analyses.stop()

    app = FastAPI(
        title="reportedly",
        summary="Who said what, on whose word, in news articles.",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.library = Library(store=store, max_bytes=max_bytes, fetch=fetch, worker=analyses, saver=save)
    app.state.max_bytes = max_bytes

    @app.exception_handler(ReportedlyError)
    async def _reportedly_error(request: Request, exc: ReportedlyError):
        return _error_response(request, exc.status, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error_response(request, 422, f"invalid request: {problems}")

    @app.exception_handler(sqlite3.DatabaseError)
    async def _store_error(request: Request, exc: sqlite3.DatabaseError):
        # web.store turns SQLite errors into StoreError; this catches any that slip past it.
        return _error_response(request, 503, f"the corpus store could not be read ({exc}); `reportedly check --db FILE` tells more")

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception):
        # Not a catch-all that hides bugs: it only gives the crash the one error shape; the
        # traceback still reaches the server log through Starlette's ServerErrorMiddleware.
        return JSONResponse(error_body(500, f"internal error: {type(exc).__name__}"), status_code=500)

    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="reportedly API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc():
        # One documentation page to keep working offline (Swagger UI ships as a package; ReDoc
        # would need a CDN): the other address FastAPI users try leads to it.
        return RedirectResponse("/docs", status_code=308)

    from . import api, corpus, pages

    api.add_schemas(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(corpus.router)
    app.add_middleware(JsonSuffix)
    app.add_middleware(SizeLimit, max_bytes=max_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    return app
