"""The HTTP API: analyse an article, read analyses back. Views only parse and format."""
from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request
from starlette.datastructures import UploadFile

from ..errors import InputError
from ..serialize import output_schema
from .library import Library
from .limits import ERRORS, MAX_OFFSET

router = APIRouter(prefix="/api", tags=["api"])

# Analysing a URL adds: the server does not fetch, or robots.txt or the address rules forbid it
# (403); the page could not be had (502).
ANALYZE_ERRORS = {**ERRORS, 403: ERRORS[400], 408: ERRORS[400], 502: ERRORS[400]}

# The output JSON Schema (reportedly/schema/) is the response model of the endpoints that return
# an analysis: written once, referenced here, added to the document by ``add_schemas``.
ANALYSIS_REF = {"$ref": "#/components/schemas/Analysis"}
ANALYSIS = {"description": "The analysis (schema reportedly/1)", "content": {"application/json": {"schema": ANALYSIS_REF}}}


def analysis_components() -> dict:
    """The output JSON Schema as OpenAPI components: ``Analysis`` and one ``Analysis_<def>`` per $defs entry.

    OpenAPI 3.1 schemas are JSON Schema 2020-12, so the schema goes in as it is, except for what
    ties it to its own file: ``$id`` (it would change the base that references resolve against),
    ``$schema``, and ``#/$defs/...`` references, which point into the components instead.
    """
    schema = output_schema()
    defs = schema.pop("$defs", {})
    schema.pop("$id", None)
    schema.pop("$schema", None)

    def relink(node):
        if isinstance(node, list):
            return [relink(v) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            node = {**node, "$ref": "#/components/schemas/Analysis_" + ref.removeprefix("#/$defs/")}
        return {k: relink(v) for k, v in node.items()}

    return {"Analysis": relink(schema), **{f"Analysis_{name}": relink(d) for name, d in defs.items()}}


# The one error body of the app (app.error_body), referenced by every error response above.
ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "error", "status"],
    "properties": {"ok": {"const": False}, "error": {"type": "string"}, "status": {"type": "integer"}},
}


def add_schemas(app) -> None:
    """Make ``app``'s OpenAPI document define the schemas its responses reference: the output
    schema (``Analysis``) and the error body (``Error``), which FastAPI cannot see in a dict."""
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            document = generate()  # FastAPI caches this very dict as app.openapi_schema
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas.update(analysis_components(), Error=ERROR_SCHEMA)
        return app.openapi_schema

    app.openapi = openapi

ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "description": "The article as plain scraped text, as an HTML page, or the http(s) URL of a page to fetch "
                                   "(when the server fetches: see `reportedly serve --allow-fetch`); exactly one of the three.",
                    "properties": {
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        "url": {"type": "string", "description": "the page is fetched (robots.txt obeyed) and its analysis records article.fetch"},
                        "name": {"type": "string", "description": "file name, used for the article id"},
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


def library(request: Request) -> Library:
    return request.app.state.library


async def read_upload(upload: UploadFile) -> tuple[str | None, bytes | None, str]:
    """An uploaded .txt or .html file as (text, html bytes, name)."""
    name = upload.filename or "upload"
    data = await upload.read()
    lower = name.lower()
    is_html = lower.endswith((".html", ".htm")) or (upload.content_type or "").startswith("text/html")
    if is_html:
        return None, data, name
    if lower.endswith((".txt", ".text")) or (upload.content_type or "").startswith("text/") or "." not in name:
        try:
            return data.decode("utf-8-sig"), None, name
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    raise InputError(f"{name}: upload a .txt or .html file")


def parse_json_body(raw: bytes):
    """A request body as JSON, or InputError (400): invalid, or nested past Python's recursion
    limit (about 1,000 levels; the size is already bounded by ``--max-bytes``)."""
    try:
        return json.loads(raw)
    except RecursionError as exc:
        raise InputError("the JSON body nests too deeply; send an object of strings") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"the body is not valid JSON ({exc})") from exc


async def analyze_request(request: Request) -> dict:
    """Analyse the article in a JSON body or a multipart upload."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    lib = library(request)
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError("send the article as a file field named 'file'")
        text, html, name = await read_upload(upload)
        return await lib.run(text=text, html=html, name=name)
    if kind != "application/json":
        raise InputError("send JSON {\"text\": ...}, {\"html\": ...} or {\"url\": ...}, or a multipart file upload")
    raw = await request.body()
    if not raw.strip():
        raise InputError("the request body is empty; send JSON {\"text\": ...} or {\"html\": ...}")
    body = parse_json_body(raw)
    if not isinstance(body, dict):
        raise InputError("the JSON body must be an object with \"text\", \"html\" or \"url\"")
    text, html, name, url = body.get("text"), body.get("html"), body.get("name"), body.get("url")
    if sum(value is not None for value in (text, html, url)) != 1:
        raise InputError("give exactly one of \"text\", \"html\" and \"url\"")
    for field, value in (("text", text), ("html", html), ("name", name), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"\"{field}\" must be a string")
    if url is not None:
        return await lib.run(url=url)
    return await lib.run(text=text, html=html, name=name)


@router.post(
    "/analyze",
    summary="Analyse one article",
    description="Returns the analysis of schema `reportedly/1`, served afterwards at `/articles/{id}`: kept in the store when the server saves (`reportedly serve --db FILE --save`), else in this process's memory.",
    openapi_extra=ANALYZE_BODY,
    responses={200: ANALYSIS, **ANALYZE_ERRORS},
)
async def analyze(request: Request):
    return await analyze_request(request)


@router.get("/articles", summary="Articles: analysed by this server, then those in the store", responses=ERRORS)
def articles(request: Request, limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET)):
    lib = library(request)
    recent = lib.recent_summaries() if offset == 0 else []
    stored, total = lib.store.articles(limit=limit, offset=offset) if lib.store is not None else ([], 0)
    return {"ok": True, "limit": limit, "offset": offset, "total": total, "recent": recent, "stored": stored,
            "articles": (recent + stored)[:limit]}


# ":path": ids of pages fetched from the web (and of feed entries) are URLs, and the server
# decodes %2F before routing.
@router.get("/articles/{article_id:path}", summary="The analysis of one article (schema reportedly/1)", responses={200: ANALYSIS, **ERRORS})
def article(article_id: str, request: Request):
    return library(request).get(article_id)
