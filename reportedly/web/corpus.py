"""Corpus pages (speakers, statements, search, trace, citation graph); they need ``--db``."""
from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
