"""One base error for the library; each kind knows the HTTP status an edge should answer with."""


class ReportedlyError(Exception):
    """Base of every error reportedly raises on purpose."""

    status = 500


class InputError(ReportedlyError):
    """The input cannot be read as an article (empty, binary, undecodable, too large, missing)."""

    status = 400


class TooLargeError(InputError):
    """The input is over the size limit."""

    status = 413


class UnsupportedLanguageError(InputError):
    """The article is not in English, the only language the models know."""

    status = 422


class NotAnArticleError(InputError):
    """The text is not an article: too little prose, a login or error page, junk (see prose.py)."""

    status = 422


class OverBudgetError(InputError):
    """The article took longer to analyse than its time budget (see reportedly.budget)."""

    status = 422


class ModelNotFoundError(ReportedlyError):
    """The spaCy English model (or the attribution model) is not installed."""

    status = 503


class NotFoundError(ReportedlyError):
    """The thing asked for (an article, a speaker, a quote) is not there."""

    status = 404


class FetchError(ReportedlyError):
    """A web page could not be fetched: DNS, connection, timeout, an HTTP error, a body too big,
    slow or of a kind we cannot read. The upstream server failed us, hence 502 at the web edge."""

    status = 502


class FetchRefusedError(FetchError):
    """We will not fetch this URL: robots.txt forbids it, it points to a private address from a
    public server, or this server does not fetch URLs at all."""

    status = 403


class NoCorpusError(ReportedlyError):
    """A corpus view was asked for but no store is open (``reportedly serve --db FILE``)."""

    status = 404


def internal_error(what: str, doing: str, exc: BaseException) -> str:
    """The message a batch records, and goes on, when a bug (ours or a library's) stops ``doing``
    (reading, analysing) ``what``: an article's id or a file's path."""
    return f"{what}: internal error while {doing} ({type(exc).__name__}: {exc}); please report it"
