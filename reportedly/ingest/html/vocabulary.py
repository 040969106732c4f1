"""The markup words the HTML reader recognises: tags, class tokens, labels.

Kept in one place, as trafilatura keeps its ``xpaths.py``, so that a maintainer sees what the
reader knows about pages without reading the rules. General vocabulary comes first; the words
that only one platform uses are grouped under "Platform quirks" and labelled with the platform.
Whole-line text patterns (boilerplate lines, teaser headings, byline cues) stay beside the rule
that reads them: each is the rule.

Class tokens are matched as substrings of the class attribute, case-sensitively unless the
pattern says otherwise (as XPath's ``contains()`` does), so "idebar" is "sidebar" and "Sidebar".
"""
from __future__ import annotations

import re

# --- Tags --------------------------------------------------------------------------------------

# Never article text: removed from the tree before extraction (``prepare``), after the metadata
# (JSON-LD lives in <script>) was read.
PRUNED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "link", "canvas")
# Blocks that hold a paragraph's worth of text (``restore.thin_body`` locates lines by them).
BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
              "dd", "dt", "figcaption")
# Elements that hold furniture, not the article, inside the article's container.
FURNITURE_TAGS = {"nav", "aside", "footer", "form", "button", "header", "select"}

# --- Class words -------------------------------------------------------------------------------

# Classes (or ids) of furniture inside the article's container: share rows, bios, promotions,
# captions, tags (``restore.thin_body`` never restores a paragraph inside one).
FURNITURE_CLASS = re.compile(
    r"share|social|related|comment|author|\bbio\b|newsletter|subscribe|promo|advert|\bads?\b"
    r"|sidebar|widget|cookie|breadcrumb|footer|header|nav|menu|caption|credit|\btags?\b|meta",
    re.IGNORECASE,
)
# Classes that name a block's purpose as furniture: a call to action, a dialog, a banner, a
# subscribe or social box, a disclaimer (``steps.furniture_blocks``). They say what the block is
# for, not how it looks.
PURPOSE_CLASS = re.compile(
    r"\bcta\b|call-?to-?action|pop-?up|modal|disclaimer|disclosure|banner|subscri|social", re.I)
# The substrings an XPath pre-filter tests for those classes (and for "excerpt").
PURPOSE_CLASS_PARTS = ("excerpt", "cta", "call-to", "pop", "modal", "discl", "banner", "subscri",
                       "social")
# Themes class the summary printed under each post of a feed "excerpt" or "Excerpt"
# ("post-excerpt", "elementor-post__excerpt", "tile-excerpt").
EXCERPT_CLASS_PART = "xcerpt"

# --- Labels ------------------------------------------------------------------------------------

# A label printed before a headline, in an element of its own ("Blog:", arXiv's "Title:",
# "Case study:"): a word or three and a colon. ``meta.visible.line_text`` leaves it out of the
# headline, and the headline's line in the body is still the headline.
HEADLINE_LABEL = re.compile(r"(?:\w+ ){0,2}\w+:")
# The names of a news site's sections and of a site's pages, which templates put in the site
# name's slot (``og:site_name`` "U.S." on a wire service's page, "Blog", "Homepage"): never the
# outlet's name (``meta.outlet``), unless the host is named so (health.com's "Health").
# Lower-case letters and digits only, as ``meta.outlet`` compares them.
SECTION_LABELS = frozenset("""
us usnews uk uknews world worldnews europe asia africa americas middleeast australia canada
india china local national international politics business markets economy money finance tech
technology science health wellness nutrition sports sport opinion opinions commentary analysis
entertainment lifestyle life culture arts style fashion food travel books music movies film tv
television media education environment climate weather video videos photos features news
latestnews topstories breakingnews latest home homepage blog blogs articles article stories
""".split())

# --- Platform quirks -----------------------------------------------------------------------------

# Next.js (App Router): the blocks of an article streamed in ``self.__next_f.push`` data.
STREAMED_BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
# Layout classes on the wrapper of a page *with* a sidebar, which holds the article as well as
# the sidebar (WordPress themes: "site-content with-sidebar", "c-layout-sidebar-left"; React:
# "SidebarLayout"); HubSpot wraps every module of a post, text included, in
# "hs_cos_wrapper_widget", and the post's rich-text body in "hs_cos_wrapper_meta_field".
# trafilatura discards blocks so classed (``prepare.content_marks`` unmarks them).
LAYOUT_WORDS = ("idebar", "widget", "meta_field")
LAYOUT_CLASS = re.compile(
    r"(?:has|with)[-_]sidebar|sidebar[-_](?:left|right|layout)|SidebarLayout"
    r"|^hs_cos_wrapper_(?:widget|meta_field)$",
    re.IGNORECASE,
)
# trafilatura's discard list holds "yin", a word of one site, which occurs inside ordinary class
# words ("buying-guide-table" around a comparison table): a lower-case class word with it inside.
WORD_PART_CLASS = re.compile(r"^[a-z0-9_-]*[a-z]yin[a-z0-9_-]*$")
