"""The article's metadata from a web page: title, dek, authors, dates, outlet, language, URL.

``gather_declarations`` reads what the page declares (JSON-LD, ``<meta>``, microdata, ``<time>``,
visible bylines) from the whole tree, before it is pruned; ``decide_meta`` weighs them against
each other (``decide``). Single values are cleaned in ``clean``; printed bylines are read in
``visible``, chosen in ``authors``; dates in ``dates`` (one time-stamp policy with plain text,
``reportedly.ingest.timestamps``); the standfirst in ``dek``; JSON-LD in ``json_ld``.
"""
from reportedly.ingest.html.meta.decide import Declarations, PageMeta, decide_meta, gather_declarations

__all__ = ["Declarations", "PageMeta", "decide_meta", "gather_declarations"]
