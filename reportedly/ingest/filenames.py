"""Outlet and date from PolNeAR-style file names: ``outlet_YYYY-MM-DD_slug``.

PolNeAR (and many scraped corpora laid out like it) keep the publisher and the publication day in
the file name and nowhere in the text. We use them only when the reader found nothing better:
a date from the page or an outlet from a JSON record always wins. The date is a calendar day with
no time and no zone, so ``published`` stays naive (see timestamps: we never invent an offset).
"""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime

from ..model import Article

_NAME = re.compile(r"^(?P<outlet>[a-z0-9][a-z0-9.\-]*)_(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.+)$")


def outlet_and_date(stem: str) -> tuple[str, datetime] | None:
    """("breitbart", 2016-09-20) from "breitbart_2016-09-20_some-slug", None for other names."""
    match = _NAME.match(stem)
    if not match:
        return None
    try:
        day = datetime.strptime(match.group("date"), "%Y-%m-%d")
    except ValueError:
        return None
    return match.group("outlet"), day


def with_file_name_metadata(article: Article, stem: str) -> Article:
    """The article with outlet/published filled from its file name where they are missing."""
    found = outlet_and_date(stem)
    if found is None:
        return article
    outlet, day = found
    changes = {}
    if not article.outlet:
        changes["outlet"] = outlet
    if article.published is None:
        changes["published"] = day
    return dataclasses.replace(article, **changes) if changes else article
