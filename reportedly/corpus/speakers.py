"""Who an attribution is credited to in its article (``credit_of``), and which outlet a name is.

The credit is the provenance step's ``speaker.name`` when it resolved one, else the source's own
wording, marked unresolved: a pronoun stays a pronoun (resolving it is the provenance step's
job), and a source is an outlet only when its text names a known news outlet or looks like one.
Across articles, credits become identities in ``corpus.identity``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .identity import visible

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


def outlet_form(text: str) -> tuple[str, str | None] | None:
    """(canonical outlet, short word) a source names, or None; the short word is set for forms
    like "the Post" that several outlets share, which only the article's context can settle.

    A capitalised bare "Post" (a name the provenance step gave) reads as "the Post".
    """
    cleaned = " ".join(visible(text).split()).strip(" ,.;:")
    name = outlet_name(cleaned) or (outlet_name("the " + cleaned) if cleaned[:1].isupper() else None)
    if name is None:
        return None
    key = re.sub(r"(?:'s|’s)$", "", _LEAD.sub("", _TAIL.sub("", cleaned))).lower()
    return name, (key if key in _AMBIGUOUS else None)


def settle_outlets(credits: list, publishing: str | None) -> list:
    """Credits with short outlet forms settled by the article's context, or left unresolved.

    "the Post" is the one outlet of the context whose name has that word: the article's own
    outlet and the outlets it names in full. In a Washington Post article it is the Post itself;
    in an article naming no Post, or two, nobody can tell which, so it is no citation.
    """
    context = {c.name for c in credits if c is not None and c.type == "outlet" and c.resolved}
    if publishing:
        context.add(publishing)
    out = []
    for c in credits:
        if c is not None and c.short_outlet:
            fits = [o for o in context if c.short_outlet in o.lower().split()]
            c = Credit(fits[0], "outlet", True) if len(fits) == 1 else Credit(c.name, "outlet", False)
        out.append(c)
    return out


def publishing_outlet(outlet: str | None) -> str | None:
    """The canonical name of an article's outlet as read: a file-name slug ("wash-post") or a
    name ("The Washington Post") become one name; an outlet we do not know keeps its own."""
    if not outlet or not outlet.strip():
        return None
    clean = visible(" ".join(outlet.split()))
    return outlet_name(clean.replace("-", " ").replace("_", " ")) or outlet_name(clean) or clean


def same_outlet(article_outlet: str | None, cited: str) -> bool:
    """Whether ``cited`` is the article's own outlet ("wash-post" citing "The Post" is not relaying)."""
    own = publishing_outlet(article_outlet)
    return own is not None and own.casefold() == cited.casefold()


# An outlet name the provenance step found that is not in our list counts only when it looks like
# one: capitalised words ending in an outlet word ("Las Vegas Review-Journal"), no office in it
# ("Atlantic City Mayor Don Guardian" is a person) and no lower-case word ("Jeb Bush in a Medium
# post" is a person's post, "’s Facebook post" a fragment).
_MAX_OUTLET_WORDS = 6


def looks_like_outlet(name: str) -> bool:
    """Whether a name the provenance step typed outlet is shaped like an outlet's name."""
    from ..provenance import lexicon

    words = visible(name).split()
    if not words or len(words) > _MAX_OUTLET_WORDS or not words[0][:1].isalpha():
        return False
    if words[0].lower() == "the":
        words = words[1:]
    if not words or any(not w[:1].isupper() for w in words):
        return False
    lower = [w.lower().strip(".,") for w in words]
    if any(w in lexicon.TITLE_WORDS for w in lower):
        return False
    return lower[-1].split("-")[-1] in lexicon.OUTLET_NAME_WORDS


@dataclass(frozen=True)
class Credit:
    """Who an attribution is credited to in its article: a name (or the source's wording), a
    type, and whether the article resolved it to that name (``resolved``)."""

    name: str
    type: str
    resolved: bool
    short_outlet: str | None = None  # "post" for "the Post": the outlet is settled by context
    in_full: str | None = None  # a one-word name: the one full name the article gives with it, "" none
    via: str | None = None  # the pronoun the article resolved to this name ("he"), when the source was one


@dataclass(frozen=True)
class ArticleNames:
    """The people an article names, as credits need them: each PERSON entity's span and folded
    first-and-last name, and those full names by each of their two words."""

    people: tuple[tuple[int, int, str], ...] = ()
    by_word: dict = None  # {"clinton": {"bill clinton", "hillary clinton"}, ...}

    def full_names(self, word: str) -> list[str]:
        """The full names of the article starting or ending with ``word``."""
        return sorted((self.by_word or {}).get(word, ()))

    def joins_people(self, source: dict) -> bool:
        """Whether a source span names two different people joined by "and", "or" or "&"
        ("Hillary Clinton and Martin O'Malley"); "Trump's spokeswoman Hope Hicks" names two
        people but speaks as one."""
        start, text = source.get("start"), source.get("text") or ""
        if start is None:
            return False
        inside = sorted((a, b, name) for a, b, name in self.people if start <= a and b <= start + len(text))
        for (_, end1, name1), (start2, _, name2) in zip(inside, inside[1:]):
            between = f" {text[end1 - start:start2 - start].strip(' ,').lower()} "
            if name1 != name2 and any(f" {word} " in between for word in ("and", "or", "&")):
                return True
        return False


def article_names(doc: dict) -> ArticleNames:
    """The ``ArticleNames`` of a ``reportedly/1`` document, from its PERSON entities."""
    from .identity import name_tokens

    people, by_word = [], {}
    for entity in doc.get("entities") or []:
        if entity.get("label") != "PERSON":
            continue
        words = name_tokens(entity.get("text") or "")
        if not words:
            continue
        full = f"{words[0]} {words[-1]}" if len(words) > 1 else words[0]
        people.append((entity.get("start", -1), entity.get("end", -1), full))
        if len(words) > 1:
            for word in (words[0], words[-1]):
                by_word.setdefault(word, set()).add(full)
    return ArticleNames(tuple(people), by_word)


def credit_of(attribution: dict, names: ArticleNames = ArticleNames()) -> Credit | None:
    """Who an attribution (a ``reportedly/1`` dict) is credited to, or None when it has no source.

    A name counts as resolved only when the provenance step gave one (``speaker.name``) or the
    source names a known outlet; a pronoun, a description or a source the article could not name
    is credited as written and never lands on a named speaker. ``names`` (the article's people)
    settles more: a source naming two people ("Hillary Clinton and Martin O'Malley") is a group,
    not the one name it was given; a one-word name the article gives two people in full is not
    resolved; otherwise ``in_full`` records the one full name it gives, or "" (corpus.identity).
    """
    from .identity import name_tokens

    speaker = attribution.get("speaker")
    source = attribution.get("source") or {}
    wording = visible(" ".join(str(source.get("text") or "").split()))
    if isinstance(speaker, dict) and speaker.get("name"):
        name = visible(" ".join(str(speaker["name"]).split()))
        if names.joins_people(source):
            return Credit(wording, "group", False)
        kind = str(speaker.get("type") or "unknown")
        outlet = outlet_form(name)
        if outlet:
            return _outlet_credit(outlet, wording or name)
        if kind == "outlet" and not looks_like_outlet(name):
            kind = "unknown"  # an outlet by type only: judged by its credits across the corpus
        words = name_tokens(name)
        fitting = names.full_names(words[0]) if len(words) == 1 else None
        in_full = None if fitting is None or len(fitting) > 1 else (fitting[0] if fitting else "")
        via = wording.lower() if wording.lower() in PRONOUNS else None
        return Credit(name, kind, bool(words) and (fitting is None or len(fitting) < 2), in_full=in_full, via=via)
    if not wording:
        return None
    outlet = outlet_form(wording)
    if outlet:
        return _outlet_credit(outlet, wording)
    if wording.lower() in PRONOUNS:
        return Credit(wording.lower(), "pronoun", False)
    kind = str(speaker.get("type") or "unknown") if isinstance(speaker, dict) else "unknown"
    return Credit(wording, kind, False)


def _outlet_credit(outlet: tuple[str, str | None], wording: str) -> Credit:
    name, short = outlet
    # A short form keeps its wording until the article's context settles it (settle_outlets).
    return Credit(wording, "outlet", False, short) if short else Credit(name, "outlet", True)


def speaker_of(attribution: dict) -> tuple[str, str] | None:
    """(name, type) of who is credited with an attribution (a ``reportedly/1`` dict), or None."""
    credit = credit_of(attribution)
    return (credit.name, credit.type) if credit else None
