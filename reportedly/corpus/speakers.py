"""Who a speaker is, from the attribution: its ``speaker`` object when the analysis has one,
else the source span's text, with a type guessed from a small lexicon.

The guess is deliberately modest: a pronoun stays a pronoun (resolving it is the provenance
step's job) and a source is an outlet only when its text names a known news outlet.
"""
from __future__ import annotations

import re

PRONOUNS = frozenset(
    "he she they it we i you him her them us his hers their its this that who which one someone".split()
)

# Outlet names as sources appear in text -> one display name. Lower-case keys, without "the".
OUTLETS: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "bloomberg": "Bloomberg",
    "cnn": "CNN", "fox news": "Fox News", "fox": "Fox News", "msnbc": "MSNBC", "nbc": "NBC News",
    "nbc news": "NBC News", "abc": "ABC News", "abc news": "ABC News", "cbs": "CBS News",
    "cbs news": "CBS News", "npr": "NPR", "pbs": "PBS", "bbc": "BBC", "politico": "Politico",
    "new york times": "The New York Times", "times": "The New York Times", "ny times": "The New York Times",
    "washington post": "The Washington Post", "post": "The Washington Post",
    "wall street journal": "The Wall Street Journal", "journal": "The Wall Street Journal",
    "wsj": "The Wall Street Journal", "usa today": "USA Today", "los angeles times": "Los Angeles Times",
    "breitbart": "Breitbart", "breitbart news": "Breitbart", "the hill": "The Hill", "hill": "The Hill",
    "daily mail": "Daily Mail", "guardian": "The Guardian", "the guardian": "The Guardian",
    "express": "The Express", "daily express": "The Express", "huffington post": "HuffPost",
    "huffpost": "HuffPost", "buzzfeed": "BuzzFeed News", "buzzfeed news": "BuzzFeed News",
    "axios": "Axios", "vox": "Vox", "slate": "Slate", "the atlantic": "The Atlantic", "atlantic": "The Atlantic",
    "newsweek": "Newsweek", "time": "Time", "time magazine": "Time", "daily caller": "The Daily Caller",
    "the daily caller": "The Daily Caller", "national review": "National Review", "salon": "Salon",
    "new york post": "New York Post", "washington examiner": "Washington Examiner",
    "washington times": "The Washington Times", "western journal": "Western Journal",
    "west journal": "Western Journal", "the blaze": "TheBlaze", "theblaze": "TheBlaze",
    "drudge report": "Drudge Report", "mother jones": "Mother Jones", "the intercept": "The Intercept",
    "intercept": "The Intercept", "propublica": "ProPublica", "cnbc": "CNBC", "yahoo news": "Yahoo News",
    "wikileaks": "WikiLeaks", "wash post": "The Washington Post", "nyt": "The New York Times",
    "huff post": "HuffPost", "western journalism": "Western Journal", "the new yorker": "The New Yorker", "new yorker": "The New Yorker",
}
# One-word names that are also ordinary words count only with "the" or a capital in the text.
_AMBIGUOUS = frozenset({"times", "post", "journal", "hill", "express", "time", "fox", "atlantic", "intercept"})
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.I)
_TAIL = re.compile(r"(?:'s|’s)?\s+(?:newspaper|reporters?|report|reporting|analysis|poll|survey|story|article|interview|news)$", re.I)


def outlet_name(text: str) -> str | None:
    """The outlet a source names ("the Express", "CNN's report", "The New York Times"), or None."""
    cleaned = " ".join(text.split()).strip(" ,.;:")
    cleaned = _TAIL.sub("", cleaned)
    cleaned = re.sub(r"(?:'s|’s)$", "", cleaned)
    had_article = bool(_LEAD.match(cleaned))
    key = _LEAD.sub("", cleaned).lower()
    if key not in OUTLETS:
        return None
    if key in _AMBIGUOUS and not (had_article and cleaned[cleaned.find(" ") + 1 :][:1].isupper()):
        return None
    return OUTLETS[key]


def same_outlet(article_outlet: str | None, cited: str) -> bool:
    """Whether ``cited`` is the article's own outlet ("wash-post" citing "The Post" is not relaying)."""
    if not article_outlet:
        return False
    own = outlet_name(article_outlet.replace("-", " ").replace("_", " ")) or article_outlet
    return own.casefold() == cited.casefold()


def speaker_of(attribution: dict) -> tuple[str, str] | None:
    """(name, type) of who is credited with an attribution (a ``reportedly/1`` dict), or None."""
    speaker = attribution.get("speaker")
    if isinstance(speaker, dict) and speaker.get("name"):
        kind = str(speaker.get("type") or "unknown")
        name = str(speaker["name"]).strip()
        if kind != "outlet" and outlet_name(name):
            kind = "outlet"
        return name, (kind if kind != "outlet" else "outlet")
    source = attribution.get("source")
    if not source or not source.get("text", "").strip():
        return None
    name = " ".join(source["text"].split())
    outlet = outlet_name(name)
    if outlet:
        return outlet, "outlet"
    if name.lower() in PRONOUNS:
        return name.lower(), "pronoun"
    return name, "unknown"


def speaker_key(name: str, kind: str) -> str:
    """The key that makes two mentions one speaker: folded name and type."""
    return f"{' '.join(name.casefold().split())}|{kind}"
