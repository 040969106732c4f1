"""Excerpts of other posts: teaser cards whose text the extractor took for the article's.

Blog themes and page builders list other posts as cards with a title and an *excerpt*, the
first sentences of the post cut off ("… At O'Malley Tunstall,", "inspire […]"), and they name
that block in its class: ``elementor-post__excerpt``, ``post-excerpt``, ``qodef-e-excerpt``,
``display-card-excerpt``. The extractor reads such cards under an article as more paragraphs of
it. Where a page has two or more excerpt-classed blocks of teaser size, extracted lines that are
the text of one of them are left out. A single excerpt block is more likely the page's own
standfirst, and a long one is the article itself in a theme that calls its body wrapper
"…_excerpt".
"""
from __future__ import annotations

from lxml import html as lxml_html

from reportedly.ingest.words import word_key

__all__ = ["teaser_excerpt_lines"]

_MIN_EXCERPTS = 2  # one is a standfirst; a list of teasers has several
_MAX_EXCERPT_WORDS = 120  # a teaser's excerpt is a few sentences, not an article
_MIN_KEY_CHARS = 20  # shorter lines ("Read more") are not read as an excerpt's text


def teaser_excerpt_lines(tree: lxml_html.HtmlElement, lines: list[str]) -> set[int]:
    """Indices of ``lines`` that are the text of teaser excerpts (see the module docstring)."""
    blocks = tree.xpath("//*[contains(@class, 'excerpt')]")
    if len(blocks) < _MIN_EXCERPTS:
        return set()
    found = set(blocks)
    outermost = [b for b in blocks if not any(a in found for a in b.iterancestors())]
    keys = [word_key(b.text_content()) for b in outermost]
    keys = [k for k in keys if k and k.count(" ") < _MAX_EXCERPT_WORDS]
    if len(keys) < _MIN_EXCERPTS:
        return set()
    teasers = " | " + " | ".join(keys) + " | "
    out = set()
    for i, line in enumerate(lines):
        key = word_key(line)
        if len(key) > _MIN_KEY_CHARS and f" {key} " in teasers:
            out.add(i)
    return out
