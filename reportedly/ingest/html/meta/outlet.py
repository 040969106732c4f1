"""The outlet's name (``Article.outlet``): what the page declares, when it is a name.

Read in order: the JSON-LD ``publisher``, ``og:site_name``, ``application-name`` and its Apple
twin, ``<meta name="publisher">``, Dublin Core's publisher, a JSON-LD Organization; a name in
one of those slots that is not the outlet's is passed over (a URL, an account handle, a
section's label). A page that declares no name may still print it twice: as the
suffix of its ``<title>`` ("Headline - The New York Times") and in its copyright line
("© 2017 The New York Times Company"), or as a host name ("Salon.com" on salon.com); a
suffix that something else on the page confirms is the name, and so is a copyright holder
named as the host is ("©2005-2015 WebMD, LLC" on webmd.com). Last, a Twitter handle that
spells the host's name. No outlet is better than a wrong name: a reader quotes it as the
publisher.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import html as lxml_html

from reportedly.ingest.html.meta import json_ld
from reportedly.ingest.html.vocabulary import SECTION_LABELS

__all__ = ["decide_outlet"]


def decide_outlet(src, tree: lxml_html.HtmlElement | None, address: str | None) -> str | None:
    """The outlet's name from the declarations ``src`` (see the module's docstring); ``tree`` is
    read for the copyright line only when no declared name is one."""
    labels = _host_labels(address)
    names = [json_ld.text(obj.get("publisher")) for obj in src.ld_articles]
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher",
                "dc.publisher"):
        names += src.meta.get(key, ())
    names += [json_ld.text(obj.get("name")) for obj in src.ld_orgs]
    for name in names:
        name = (name or "").strip()
        if name and not _NOT_A_NAME.search(name) and not _is_section(name, labels):
            return name
    return (_confirmed_title_suffix(src.title_tag, tree, labels)
            or _holder_of_host(tree, labels)
            or _handle_of_domain(src.meta.get("twitter:site", ()), labels))


def _host_labels(address: str | None) -> set[str]:
    """The labels of the page's host name that may be its outlet's name ("gitlab" of
    about.gitlab.com), without the top-level domain and the generic ones."""
    host = urlsplit(address or "").hostname or ""
    return set(host.lower().split(".")[:-1]) - {"www", "m", "amp", "news", "blog"}


def _handle_of_domain(handles, labels: set[str]) -> str | None:
    """The first handle that spells a label of the page's host name ("@Upwork" on
    www.upwork.com, "@inria" on www.inria.fr), without its "@"; an account named otherwise
    ("@SputnikInt" on sputniknews.com) says nothing sure of the outlet's name."""
    for handle in handles:
        name = handle.strip().lstrip("@")
        if name and name.lower() in labels:
            return name
    return None


# A URL or an account handle where a name is declared, or no letter at all ("/"). A bare domain
# stays: many outlets are named so ("Salon.com", "Phys.org").
_NOT_A_NAME = re.compile(r"^(?:https?://|www\.|@)|^[\W\d_]*$", re.IGNORECASE)


def _is_section(name: str, labels: set[str]) -> bool:
    """Whether a declared site name is a section's or a page's label ("U.S." on a wire
    service's page, "Health" under nationalgeographic.com/health/, "Blog"), which is never the
    outlet's name; the host's own name is, though ("Health" on health.com).

    (The first segment of the page's path is no such sign: an outlet may live under its own
    name there, as nytimes.com/wirecutter/ does.)
    """
    key = _squash(name)
    return key in SECTION_LABELS and key not in labels


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


# "Headline - Outlet", "Headline | Outlet", "Headline — Outlet": the last part of a <title>.
_TITLE_SUFFIX = re.compile(r"\s[-|–—]\s+([^-|–—]+?)\s*$")
# Top-level domains after a name printed as a host ("Salon.com", "NPR.org").
_TLD = re.compile(r"\.(?:com|org|net|co\.uk|co|io|news|info|uk|us|ca|au|in)$", re.IGNORECASE)
# The copyright line: "© 2017 The New York Times Company", "Copyright © 2015 Salon Media
# Group, Inc.", "©2005-2015 WebMD, LLC. All rights reserved."
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*"
    r"(?:by\s+)?([A-Z][^.|•·,;©\n]{1,60})", re.IGNORECASE)


def _confirmed_title_suffix(title: str | None, tree, labels: set[str]) -> str | None:
    """The suffix of the ``<title>`` when the page confirms it is the outlet's name: the host
    is named by it ("Salon.com" on salon.com, "Reuters" on reuters.com), or the copyright
    line's holder begins with it ("The New York Times" and "© 2017 The New York Times
    Company"). A suffix alone may be a section or a slogan ("Headline - Opinion")."""
    m = _TITLE_SUFFIX.search(title or "")
    if m is None:
        return None
    suffix = " ".join(m.group(1).split())
    key = _squash(_TLD.sub("", suffix))
    if len(key) < 3 or len(suffix.split()) > 6 or key in SECTION_LABELS:
        return None
    if key in labels:
        return suffix
    if tree is not None and any(_squash(holder).startswith(key) for holder in _copyright_holders(tree)):
        return suffix
    return None


# A company's legal form after its name in a copyright line ("WebMD, LLC", "Salon Media Group,
# Inc."), which the outlet's name does not carry.
_LEGAL_FORM = re.compile(r"[\s,]+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|plc|PLC)\b.*$")


def _holder_of_host(tree, labels: set[str]) -> str | None:
    """The copyright line's holder when it is the host's name ("©2005-2015 WebMD, LLC" on
    webmd.com), without its legal form."""
    if tree is None or not labels:
        return None
    for holder in _copyright_holders(tree):
        name = _LEGAL_FORM.sub("", holder).strip(" ,")
        if name and _squash(_TLD.sub("", name)) in labels:
            return name
    return None


def _copyright_holders(tree) -> list[str]:
    """The names after "©" or "Copyright" in the page's text (its footer's copyright line)."""
    holders = []
    for node in tree.xpath("//text()[contains(., '©') or contains(., 'opyright')]")[:5]:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str):
            continue
        text = " ".join(parent.text_content().split())
        holders += [h.strip() for h in _COPYRIGHT.findall(text)]
    return holders
