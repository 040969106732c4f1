"""Photo credits recognised by their form: a line of a page or of scraped text that credits an
image is not the article's words (the HTML reader's boilerplate step and the plain-text reader).

Kept apart from the HTML reader's steps so that reading plain text does not import them.
"""
from __future__ import annotations

import re

from reportedly.ingest.html.options import DEFAULT_OPTIONS

_FLAGS = re.IGNORECASE

# Photo credits, recognised by their form, never by an agency's name alone: a sentence of the
# article that ends "…, according to the Associated Press." names an agency as a source and is
# the article's own words (an earlier rule took any short line ending in "Associated Press" or
# "Getty Images" for a credit, and the lead quote of a page with it). A credit is
#   - a parenthesised credit closing a caption: "(AP Photo/Evan Vucci)", "(Photo: Getty Images)";
#   - a photographer and an agency joined by a slash, closing the line: "Jane Doe/Getty Images",
#     "REUTERS/Jane Doe", "Photograph: Jane Doe/AFP via Getty Images";
#   - the agency alone, or after a name or a label of a few capitalised words: "Getty Images",
#     "Jane Doe, The Associated Press", "Source: Shutterstock";
#   - a short line about the image that ends with the agency: "Image used under license from
#     Shutterstock".
# (Labelled credits at the start of a line, "Photo: …", "Image: Reuters", are among the boilerplate
# step's whole-line patterns, html/steps/boilerplate.py.)
_PHOTO_AGENCY = (r"(?:getty ?images|shutterstock|istock(?:photo)?|ap photo|afp via getty(?: images)?|"
                 r"(?:the )?associated press|epa-efe|alamy|unsplash)")
# In a parenthesis or beside a slash, the wire services' short names are credits too.
_AGENCY = rf"(?:{_PHOTO_AGENCY}|ap|afp|reuters|epa|aap|dpa|xinhua|ani|pti)"
# A word holding a capital ("Doe", "REUTERS", "iStock"), checked by a lookahead so that the
# word itself is read once (a pattern that could split a word into several "capitalised" parts
# backtracks exponentially on a long line of capitals).
_CAPITALISED = r"(?=[\w'’.-]*(?-i:[A-Z]))[\w'’.-]+"
# A few words before the agency, each opening with a capital (or "and", "&"), each followed by
# a space, a comma or a separator: "Jane Doe, ", "Source: ", "Jane Doe | ".
_NAME_RUN = r"(?:(?:(?-i:[A-Z])[\w'’.-]*|and|&)(?:\s*[:|•·–—-]\s*|[\s,]+)){1,6}"
# Each form is searched for at the end of the line (``\Z``); the engine tries it only where the
# line's own characters allow ("(", a word start), never every split of a ".{0,150}" prefix.
_CREDIT_FORMS = [re.compile(p, _FLAGS) for p in (
    # "… (AP Photo/Evan Vucci)", "… (Photo by Jane Doe/Getty Images)", "(Getty Images)"
    rf"\((?=[^()]*(?:/|photo|image|{_PHOTO_AGENCY}))[^()]{{0,80}}\b{_AGENCY}\b[^()]{{0,60}}\)\.?\Z",
    # "… Jane Doe/Getty Images", "… Jane Doe / AP", "… iStock/Getty Images"
    rf"(?<![\w'’.-]){_CAPITALISED}\s*/\s*{_AGENCY}(?: via getty images)?\.?\Z",
    # "… REUTERS/Jane Doe", "… AP Photo/Jane Doe"
    rf"(?:^|(?<=[\s(:|])){_AGENCY}\s*/\s*(?-i:[A-Z])[\w .'’-]{{0,60}}\.?\Z",
    # The whole line: "Getty Images", "Jane Doe, The Associated Press", "Source: Shutterstock",
    # "AFP via Getty Images"
    rf"^(?:{_NAME_RUN}(?:for |via )?)?{_PHOTO_AGENCY}\.?\Z",
    # The whole line: "Image used under license from Shutterstock", "Photo courtesy of Getty Images"
    rf"^(?:photo|photograph|image|picture|illustration)s?\b[\w ,'’-]{{0,60}}\b{_PHOTO_AGENCY}\.?\Z",
)]
# Every credit names an agency: lines that name none (nearly all) are ruled out in one pass.
_ANY_AGENCY = re.compile(rf"\b{_AGENCY}\b", _FLAGS)


def is_credit(line: str, *, max_chars: int = DEFAULT_OPTIONS.boilerplate.max_chars) -> bool:
    """Whether a whole line is a photo credit (or a caption closed by one), by its form."""
    text = line.strip()
    if not 0 < len(text) <= max_chars or not _ANY_AGENCY.search(text):
        return False
    return any(p.search(text) for p in _CREDIT_FORMS)
