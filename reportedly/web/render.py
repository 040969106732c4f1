"""Rendering a page's data: HTML from a template, or the data itself as its JSON (or CSV) twin.

Every page renders one data dict, and its twins return that same dict (``/x.json``, or a
listing's rows as ``/x.csv``), so a page and its API can never disagree. The views import this
module; the app factory imports the views: nothing imports the app back.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..corpus.identity import visible

HERE = Path(__file__).resolve().parent
# Our pages load nothing from elsewhere and run no inline script; the header makes any markup
# that slipped through escaping inert as well.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

# Path segments (ids, speaker names) are quoted whole: a "/" in a name must not start a new segment.
templates.filters["segment"] = lambda value: quote(str(value), safe="")
# Names and titles come from untrusted articles: bidi overrides and other invisible format
# characters would let one make a name display as another; they are dropped wherever shown.
templates.filters["plain"] = lambda value: visible(str(value)) if value is not None else ""


def error_body(status: int, message: str) -> dict:
    """The one error shape of the app."""
    return {"ok": False, "error": message, "status": status}


def wants_json(request: Request) -> bool:
    """A JSON twin was asked for: a ``.json`` path, an API path, or ``Accept: application/json``."""
    if request.scope.get("state", {}).get("json") or request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def wants_csv(request: Request) -> bool:
    """The CSV twin of a listing was asked for (``/x.csv``)."""
    return bool(request.scope.get("state", {}).get("csv"))


def render(request: Request, template: str, data: dict, status: int = 200, *, rows: str | None = None):
    """A page from ``data``, or ``data`` itself as JSON when the JSON twin is asked for; ``rows``
    names the listing in ``data`` that the CSV twin (``/x.csv``) writes."""
    if wants_csv(request) and rows is not None and status == 200:
        return csv_response(data.get(rows) or [], request.url.path.rsplit("/", 1)[-1] or "rows")
    if wants_json(request):
        return JSONResponse(data, status_code=status)
    path = request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    json_href = (path.rstrip("/") or "/") + ".json" + query
    csv_href = (path.rstrip("/") or "/") + ".csv" + query if rows is not None else None
    html = templates.get_template(template).render(data=data, path=path, json_href=json_href, csv_href=csv_href, **data)
    return HTMLResponse(html, status_code=status)


def csv_response(rows: list[dict], name: str) -> Response:
    """Rows as a CSV download: one column per key seen, nested values as JSON."""
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns and not k.endswith("_parts")]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in row.items()})
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:60] or "rows"
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{safe}.csv"'})
