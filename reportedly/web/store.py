"""Opening the corpus store for the web app (``reportedly serve --db FILE``)."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def open_store(path: str):
    """The corpus store at ``path``; InputError when the file is missing."""
    if not Path(path).exists():
        raise InputError(f"{path}: no such store; create it with `reportedly ingest` first")
    raise InputError("the corpus store is not available in this build yet")
