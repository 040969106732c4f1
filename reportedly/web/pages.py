"""The pages: analyse (paste, upload, or a path in the store) and one article, highlighted."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import UploadFile

from ..errors import InputError, NoCorpusError
from .api import library, read_upload
from .render import render
from .views import article_page, through_wire

router = APIRouter(include_in_schema=False)


def form_page(request: Request) -> dict:
    """What the analyse form shows besides an error (the home page's data)."""
    lib = request.app.state.library
    return {"recent": lib.recent_summaries(), "has_store": lib.store is not None, "can_fetch": lib.pages.enabled,
            "max_bytes": lib.max_bytes, "max_chars": lib.worker.max_chars}


@router.get("/")
def home(request: Request):
    lib = library(request)
    return render(request, "analyze.html", {"ok": True, **form_page(request)})


@router.post("/analyze")
async def analyze_form(request: Request):
    """The analyse form: pasted text, an uploaded file, a URL, or the id of an article in the store."""
    lib = library(request)
    form = await request.form()
    upload, text, path = form.get("file"), _field(form, "text"), _field(form, "path").strip()
    url = _field(form, "url").strip()
    # Kept for the error page: a failed analysis shows the form again with what was given.
    request.state.form_fields = {"text": text, "url": url, "path": path}
    if url:
        analysis = await lib.run(url=url)
    elif isinstance(upload, UploadFile) and upload.filename:
        text_in, html_in, name = await read_upload(upload)
        analysis = await lib.run(text=text_in, html=html_in, name=name)
    elif text.strip():
        analysis = await lib.run(text=text, name=None)
    elif path:
        if lib.store is None:
            raise NoCorpusError("no corpus store is open; start the server with `reportedly serve --db FILE`")
        analysis = lib.get(path)
    else:
        raise InputError("paste an article, choose a .txt or .html file, give a URL, or give the id of an article in the store")
    target = f"/articles/{quote(analysis['id'], safe='')}"
    if request.scope.get("state", {}).get("json"):
        target += ".json"
    return RedirectResponse(target, status_code=303)


def _field(form, name: str) -> str:
    """A text field of the form; a file sent under a text field's name counts as missing."""
    value = form.get(name)
    return value if isinstance(value, str) else ""


@router.get("/articles/{article_id:path}")  # ids may hold "/" (URLs): see api.article
def article(article_id: str, request: Request, all: bool = False):
    """One article, highlighted; ``?all=1`` also shows what was held back for low confidence."""
    lib = library(request)
    data = article_page(lib.get(article_id), show_all=all)
    data["has_store"] = lib.store is not None
    if lib.store is not None:
        data = through_wire(data, lib.store.wire(article_id))
    # Earlier and later fetches of the same page (reportedly ingest/watch of a URL).
    data["versions"] = lib.store.versions(article_id) if lib.store is not None else []
    return render(request, "article.html", data)
