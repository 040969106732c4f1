"""Token features for the attribution CRFs, computed from a spaCy parse (no NER needed).

The cue CRF reads ``ParagraphFeatures.base`` of a paragraph; the role CRF reads
``ParagraphFeatures.for_cue``: the same base plus, for every token, where it stands relative to
one given cue (side, distance, sentence, and the dependency path between the two). Training
reads them by name; the extractor's taggers as attribute ids, segment by segment (``Segments``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, LEMMA, LOWER, ORTH, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc

from .blocks import sentence_ranges, strings_of

OPEN_QUOTES = {'"', "“", "«", "``", "‘‘"}
CLOSE_QUOTES = {'"', "”", "»", "''", "’’"}
QUOTE_CHARS = OPEN_QUOTES | CLOSE_QUOTES
QUOTE_FEATURE = 12  # index of the "q=" (inside quotes) feature in the base features' lists


def _quote_depth(texts: list[str]) -> list[int]:
    """1 for tokens inside quote marks (the marks included), else 0.

    Straight quotes toggle; curly ones open and close. An unbalanced mark is simply left open
    to the end of the paragraph (textacy raises here; we would rather guess).
    """
    inside = False
    out = []
    for t in texts:
        if t in QUOTE_CHARS:
            if t == '"' or t in ("``", "''"):
                opening = not inside if t == '"' else t == "``"
            else:
                opening = t in OPEN_QUOTES
            inside = opening
            out.append(1)
            continue
        out.append(1 if inside else 0)
    return out


def _sentences(doc: Doc, sent_starts: list[int]) -> list[tuple[int, int]]:
    """The token ranges of the sentences of ``doc``, or the whole doc as one when nothing set
    sentence boundaries."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return sentence_ranges(doc, sent_starts)
    return [(0, len(doc))]


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


@dataclass(frozen=True)
class _Parse:
    """A paragraph's parse as plain lists, read once: every ``doc[i]``, ``tok.head`` or
    ``tok.children`` builds a new Token object, and the role features walk the tree once per cue."""

    text: list[str]
    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]
    tag: list[str]
    dep: list[str]
    shape: list[str]
    punct: list[bool]
    head: list[int]
    left: list[int]  # the subtree's first and last token
    right: list[int]
    children: list[list[int]]
    order: list[int]  # every token after its head (see ``_top_down``)
    sentence: list[int]  # index of the token's sentence
    sent_start: list[int]
    sent_end: list[int]  # exclusive


_COLUMNS = (ORTH, LOWER, LEMMA, POS, TAG, DEP, SHAPE, IS_PUNCT, HEAD, SENT_START)


def _read_parse(doc: Doc) -> _Parse:
    # One array read instead of Token objects: their creation was the largest cost here.
    n = len(doc)
    if n:
        array = doc.to_array(_COLUMNS)
        orth, low, lem, pos, tag, dep, shape, punct = array[:, :8].T.tolist()
        # HEAD is an offset to the head, stored unsigned: read it as signed.
        head = (array[:, 8].astype("int64") + np.arange(n)).tolist()
        sent_starts = array[:, 9].tolist()
    else:
        orth = low = lem = pos = tag = dep = shape = punct = head = sent_starts = []
    string = strings_of(doc.vocab.strings)
    children: list[list[int]] = [[] for _ in range(n)]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    order = _top_down(head, children)
    # Subtree edges: each token widens its head's span, children first. (Walking every token's
    # ancestors instead is quadratic in a deep tree, and "said said said …" parses as one.)
    left, right = list(range(n)), list(range(n))
    for node in reversed(order):
        h = head[node]
        if h != node:
            left[h], right[h] = min(left[h], left[node]), max(right[h], right[node])
    sentence, sent_start, sent_end = [0] * n, [0] * n, [0] * n
    for si, (start, end) in enumerate(_sentences(doc, sent_starts)):
        width = end - start
        sentence[start:end], sent_start[start:end], sent_end[start:end] = [si] * width, [start] * width, [end] * width
    return _Parse(text=string(orth), lower=string(low), lemma=[x.lower() for x in string(lem)], pos=string(pos),
                  tag=string(tag), dep=string(dep), shape=string(shape), punct=list(map(bool, punct)),
                  head=head, left=left, right=right, children=children, order=order,
                  sentence=sentence, sent_start=sent_start, sent_end=sent_end)


class ParagraphFeatures:
    """The features of one parsed paragraph: ``base`` for the cue CRF, ``for_cue`` for the role CRF."""

    def __init__(self, doc: Doc, paragraph_index: int) -> None:
        self._parse = _read_parse(doc)
        self._index = paragraph_index
        self._quotes = _quote_depth(self._parse.text)
        self._base: list[list[str]] | None = None

    def __len__(self) -> int:
        return len(self._quotes)

    @property
    def words(self) -> list[str]:
        """Every token's text."""
        return self._parse.text

    @property
    def base(self) -> list[list[str]]:
        """Every token's features that depend on no cue, by name (the cue CRF's features)."""
        if self._base is None:
            self._base = _base_features(self._parse, self._index, self._quotes)
        return self._base

    def base_segments(self, segments: Segments) -> list[list]:
        """``base`` made from ``segments`` (with ``Segments(ids_of)``: as ids)."""
        return _base_features(self._parse, self._index, self._quotes, segments)

    def for_cue(self, cue_start: int, cue_end: int, window: tuple[int, int] | None = None) -> list[list[str]]:
        """Features of every token (of ``window``, a token range, when given) relative to the
        cue ``doc[cue_start:cue_end]``: its base features, then ``cue_part``'s."""
        lo, hi = window if window is not None else (0, len(self))
        return [self.base[i] + list(part) for i, part in zip(range(lo, hi), self.cue_part(cue_start, cue_end, (lo, hi)))]

    def cue_part(self, cue_start: int, cue_end: int, window: tuple[int, int] | None = None,
                 segments: Segments | None = None) -> list[list]:
        """The features of ``for_cue`` that depend on the cue: what follows each token's base
        features (the role tagger scores the base once per paragraph, this part per cue).
        ``segments`` makes them (see ``_segment``; ``Segments(ids_of)`` gives ids)."""
        lo, hi = window if window is not None else (0, len(self))
        return _role_features(self._parse, self._quotes, cue_start, cue_end, lo, hi, segments)

    def role_windows(self, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The token range the role CRF tags for each cue: the whole paragraph, unless that
        would make more than ``ROLE_ROWS_LIMIT`` feature rows (see ``role_window``)."""
        n = len(self)
        if len(cues) * n <= ROLE_ROWS_LIMIT:
            return [(0, n)] * len(cues)
        # Narrower windows when the cues are dense, so that a paragraph never makes many more
        # rows than the limit (a paragraph of "said" after "said" has a cue every other token).
        width = max(ROLE_WINDOW_MIN_TOKENS, min(ROLE_WINDOW_TOKENS, ROLE_ROWS_LIMIT // (2 * len(cues))))
        return [role_window(self._parse, start, end, width) for start, end in cues]

    def cue_head(self, cue_start: int, cue_end: int) -> int:
        """The cue's syntactic head: its first token whose head lies outside it."""
        return _span_head(self._parse.head, cue_start, cue_end)


def base_features(doc: Doc, paragraph_index: int) -> list[list[str]]:
    """Per-token features that do not depend on any cue (``ParagraphFeatures(doc, i).base``)."""
    return ParagraphFeatures(doc, paragraph_index).base


_CHILD_LABELS = ("prep", "prt", "agent", "dative", "mark")

# The role CRF tags the paragraph once per cue: cues x tokens feature rows, quadratic in a
# paragraph that is long and dense with cues (a transcript or a page of comments pasted as one
# paragraph: 400 attributed sentences took a minute). Past ``ROLE_ROWS_LIMIT`` rows, each cue's
# tagging is limited to its own sentence and ``ROLE_WINDOW_SENTENCES`` on either side (the
# sentence distance feature stops at 3 anyway), at most ``ROLE_WINDOW_TOKENS`` tokens away, or
# fewer (down to ``ROLE_WINDOW_MIN_TOKENS``) where cues are so dense that the rows would pass the
# limit. The largest paragraph of PolNeAR dev makes 38,558 rows (1,483 tokens, 26 cues), the next
# 7,190; the real-world gold's largest 760: they are tagged whole, as the model was trained.
ROLE_ROWS_LIMIT = 50_000
ROLE_WINDOW_SENTENCES = 3
ROLE_WINDOW_TOKENS = 100
ROLE_WINDOW_MIN_TOKENS = 10
# In a window, the climb from the cue to the root is cut here: a deeper common head is "none".
_WINDOW_PATH = 64


_BUCKETS = [_bucket(n) for n in range(14)]


def _bucketed(n: int) -> str:
    return _BUCKETS[n] if n < 13 else "13+"


def _base_features(p: _Parse, paragraph_index: int, quotes: list[int] | None = None,
                   segments: Segments | None = None) -> list[list]:
    """Every token's base features, segment by segment from ``segments`` (names or ids).

    Made a column (one kind of segment for every token) at a time: each column's keys are
    looked up by one ``Segments.column`` rather than token by token.
    """
    segments = segments or _NAMES
    column = segments.column
    quotes = quotes if quotes is not None else _quote_depth(p.text)
    n = len(p.text)
    if not n:
        return []
    para = "p0" if paragraph_index == 0 else ("p1" if paragraph_index == 1 else "pN")
    lower, lemmas, poses, deps, heads, sentence = p.lower, p.lemma, p.pos, p.dep, p.head, p.sentence
    is_quote = [t in QUOTE_CHARS for t in p.text]
    quoted_sents = {sentence[i] for i in range(n) if is_quote[i]}
    # A verb "has a quote under it" when a quote mark is in its subtree: passed up from the
    # marks to their heads, children first, rather than walking each verb's subtree.
    quote_above = list(is_quote)
    for node in reversed(p.order):
        if quote_above[node] and heads[node] != node:
            quote_above[heads[node]] = True
    child_deps = [tuple(sorted({deps[c] for c in kids})) if kids else () for kids in p.children]
    columns = [
        column(WORD, list(zip(lower, lemmas))),
        column(TAGS, list(zip(poses, p.tag, deps))),
        column(HEAD_LEMMA, [(lemmas[h],) for h in heads]),
        column(HEAD_TAGS, [(poses[h], deps[h], dep) for h, dep in zip(heads, deps)]),
        column(LEMMA_DEP, list(zip(lemmas, deps))),
        column(SHAPE, [(shape[:4], quote, para) for shape, quote in zip(p.shape, quotes)]),
        column(PLACE, [(i - start if i - start < 13 else 13, end - 1 - i if end - 1 - i < 13 else 13)
                       for i, start, end in zip(range(n), p.sent_start, p.sent_end)]),
        column(CHILDREN, [(deps_, s in quoted_sents) for deps_, s in zip(child_deps, sentence)]),
        _some(column, NAMES, [_names(p, i, child_deps[i], quote_above[i]) if pos in _NAMED else None
                              for i, pos in enumerate(poses)]),
        _some(column, MARKS, [(punct, quote) if punct or quote else None for punct, quote in zip(p.punct, is_quote)]),
    ]
    # Neighbours: lemmas and tags at +-1, +-2; past the paragraph's edge, "edge".
    neighbours = list(zip(lemmas, poses))
    for off, kind in zip(_OFFSETS, NEXT):
        edge = column(EDGE, [(off,)]) * min(abs(off), n)
        found = column(kind, neighbours[max(off, 0):n + min(off, 0)])
        columns.append(edge + found if off < 0 else found + edge)
    return [[*word, *tags, *head_lemma, *head_tags, *lemma_dep, *shape, *place, *children, *names, *marks, *n2, *n1, *p1, *p2]
            for word, tags, head_lemma, head_tags, lemma_dep, shape, place, children, names, marks, n2, n1, p1, p2
            in zip(*columns)]


_NAMED = frozenset({"VERB", "AUX", "NOUN", "ADP"})


def _names(p: _Parse, i: int, child_deps: tuple[str, ...], quote_above: bool) -> tuple[str, ...] | None:
    """The NAMES key of a verb, noun or preposition (``_NAMED``; None: nothing to say)."""
    pos = p.pos[i]
    # Verb particles and prepositions make the cue ("called for", "according to"); a
    # clausal complement or a quote under a verb is where its content usually is.
    deps, lower = p.dep, p.lower
    names = []
    for c in p.children[i]:
        if deps[c] in _CHILD_LABELS:
            names.append("cdl=%s:%s" % (deps[c], lower[c]))
        elif deps[c] in ("nsubj", "nsubjpass"):
            names.append("subj=" + (lower[c] if p.pos[c] == "PRON" else p.pos[c]))
    if "ccomp" in child_deps or "xcomp" in child_deps:
        names.append("l|comp=" + p.lemma[i])
    if pos in ("VERB", "AUX") and quote_above:
        names.append("subq")
    return tuple(names) if names else None


def _some(column, kind: int, keys: list) -> list[tuple]:
    """``column(kind, keys)`` of the keys that are not None; an empty segment for the others."""
    found = [()] * len(keys)
    some = [k for k, key in enumerate(keys) if key is not None]
    for k, segment in zip(some, column(kind, [keys[k] for k in some])):
        found[k] = segment
    return found


def _top_down(head: list[int], children: list[list[int]]) -> list[int]:
    """Every token after its head: roots first, then their children, and so on."""
    order = [i for i, h in enumerate(head) if h == i]
    for node in order:  # grows while it is read
        order.extend(children[node])
    return order


def _span_head(heads: list[int], start: int, end: int) -> int:
    for i in range(start, end):
        if heads[i] < start or heads[i] >= end or heads[i] == i:
            return i
    return start


def role_window(p: _Parse, cue_start: int, cue_end: int, width: int = ROLE_WINDOW_TOKENS) -> tuple[int, int]:
    """The cue's sentence and ``ROLE_WINDOW_SENTENCES`` on either side, at most ``width`` tokens
    from the cue: the tokens the role CRF tags in a long paragraph."""
    lo = p.sent_start[cue_start]
    for _ in range(ROLE_WINDOW_SENTENCES):
        if lo == 0:
            break
        lo = p.sent_start[lo - 1]
    hi = p.sent_end[cue_end - 1]
    for _ in range(ROLE_WINDOW_SENTENCES):
        if hi >= len(p.text):
            break
        hi = p.sent_end[hi]
    return max(lo, cue_start - width), min(hi, cue_end + width)


# The features of a token come in segments, each a function of a few values (its "key"):
# its word, its head, its place; for the role CRF, the path to the cue, the token against the
# cue, its neighbours' paths (or, in the cue, a segment of its own). ``_segment`` spells a
# segment out; training reads the names. The taggers map each
# (segment, key) to attribute ids once and remembers them (``SegmentIds``): most keys recur
# from cue to cue and article to article, and the strings need not be made again.
_SIDES = ("L", "R")


def _path(flag, rel, tag, lca_tag):
    return ((flag,) if flag else ()) + (rel + "|" + tag, rel + "|lca=" + lca_tag)


def _depth(rel, up, s, k):
    return (rel, rel + "|" + ("upX" if up < 0 else "up%d" % up), rel + "|" + _SIDES[s], "depth=" + _bucketed(k))


def _edges(quote, s, in_tree, first, last):
    return (("q|side=q=%d|%s" % (quote, _SIDES[s]), "in_cue_tree=1" if in_tree else "in_cue_tree=0")
            + ("br_first",) * first + ("br_last",) * last)


# A neighbour's lemma and tag at each offset. One kind per offset, all keyed by (lemma, tag): the
# keys are made once per token, and each kind's memo holds a fourth of what one kind keyed by
# (offset, lemma, tag) would (that one overflowed its limit on PolNeAR dev, and was refilled).
_OFFSETS = (-2, -1, 1, 2)


def _neighbour(off):
    return lambda lemma, pos: ("%+d:l=%s" % (off, lemma), "%+d:p=%s" % (off, pos))


# Each kind of segment: its spelling from its key's values. Segments are small (a few values
# each) so that their keys recur: a word with its head in one key would almost never recur.
_SPELLED = (
    # base features
    lambda lower, lemma: ("bias", "w=" + lower, "l=" + lemma),  # WORD
    lambda pos, tag, dep: ("p=" + pos, "t=" + tag, "d=" + dep),  # TAGS
    lambda head_lemma: ("hl=" + head_lemma,),  # HEAD_LEMMA
    lambda head_pos, head_dep, dep: ("hp=" + head_pos, "hd=" + head_dep, "d|hp=" + dep + "|" + head_pos),  # HEAD_TAGS
    lambda lemma, dep: ("l|d=" + lemma + "|" + dep,),  # LEMMA_DEP
    lambda shape, quote, para: ("sh=" + shape, "q=%d" % quote, "para=" + para),  # SHAPE
    lambda from_start, to_end: ("ss=" + _bucketed(from_start), "se=" + _bucketed(to_end)),  # PLACE
    lambda deps, quoted: tuple("cd=" + d for d in deps) + ("sq=%d" % quoted,),  # CHILDREN
    lambda *names: names,  # NAMES
    lambda punct, quote: ("punct",) * punct + ("quote",) * quote,  # MARKS
    *(_neighbour(off) for off in _OFFSETS),  # NEXT, one kind per offset
    lambda off: ("%+d:edge" % off,),  # EDGE
    # role features
    lambda cue_lemma: ("in_cue", "cl=" + cue_lemma),  # IN_CUE
    _path,  # PATH
    lambda s, dist, sd: ("side=" + _SIDES[s], "dist=" + _SIDES[s] + _bucketed(dist), "sd=" + str(sd)),  # SIDE
    _depth,  # DEPTH
    lambda cue_lemma, s: ("cl=" + cue_lemma, "cl|side=" + cue_lemma + "|" + _SIDES[s]),  # CUE_LEMMA
    lambda dep, s: ("d|side=" + dep + "|" + _SIDES[s],),  # DEP_SIDE
    lambda tag, s, sd: ("p|side|sd=" + tag + "|" + _SIDES[s] + "|" + str(sd),),  # TAG_SIDE
    _edges,  # EDGES
    lambda before2, before1, rel: ("-2:" + before2, "-1:" + before1, "-1:" + before1 + ">" + rel),  # BEFORE
    lambda after1, rel, after2: ("+1:" + after1, "+1:" + after1 + ">" + rel, "+2:" + after2),  # AFTER
)
(WORD, TAGS, HEAD_LEMMA, HEAD_TAGS, LEMMA_DEP, SHAPE, PLACE, CHILDREN, NAMES, MARKS, *NEXT, EDGE,
 IN_CUE, PATH, SIDE, DEPTH, CUE_LEMMA, DEP_SIDE, TAG_SIDE, EDGES, BEFORE, AFTER) = range(len(_SPELLED))
SEGMENTS = len(_SPELLED)


def _segment(kind: int, key: tuple) -> tuple[str, ...]:
    """The feature names of segment ``kind`` for ``key`` (the keys are made in
    ``_base_features`` and ``_role_features``; a NAMES segment is its names)."""
    return _SPELLED[kind](*key)


class Segments:
    """Segments by kind and key (see ``_segment``): their names, or with ``ids_of`` (names ->
    ids) their ids; each remembered, up to ``limit`` keys of a kind, then forgotten: memory
    stays bounded on any corpus (PolNeAR dev leaves 55,000 keys in all, 11 MB; the commonest
    keys are back soon after a kind is forgotten)."""

    def __init__(self, ids_of=None, limit: int = 20_000) -> None:
        self._ids_of = ids_of
        self._memos: list[dict] = [{} for _ in range(SEGMENTS)]
        self._limit = limit
        # ``known[kind](key)``: the remembered segment, or None. The feature loops ask it for
        # every segment of every token: a dict's own get costs less than a method call.
        self.known = [memo.get for memo in self._memos]

    def column(self, kind: int, keys: list[tuple]) -> list[tuple]:
        """The segment of each of ``keys`` (all of ``kind``): those remembered in one map over
        the memo, the others made."""
        known = self.known[kind]
        found = list(map(known, keys))
        if None in found:
            for k in [k for k, segment in enumerate(found) if segment is None]:
                # (asked again: a key may come twice in a column, the paragraph's head lemmas)
                found[k] = known(keys[k]) or self(kind, keys[k])
        return found

    def __call__(self, kind: int, key: tuple) -> tuple:
        """The segment, made and remembered."""
        memo = self._memos[kind]
        if len(memo) >= self._limit:
            memo.clear()
        found = _segment(kind, key)
        memo[key] = found = tuple(self._ids_of(found)) if self._ids_of else found
        return found


_NAMES = Segments()


def _role_features(p: _Parse, quotes: list[int], cue_start: int, cue_end: int,
                   lo: int = 0, hi: int | None = None, segments: Segments | None = None) -> list[list]:
    """The cue-dependent features of the tokens ``lo:hi`` (``ParagraphFeatures.cue_part``),
    segment by segment from ``segments`` (names or ids)."""
    segments = segments or _NAMES
    known, emit = segments.known, segments
    heads, deps, tags, left, right = p.head, p.dep, p.pos, p.left, p.right
    n = len(quotes)
    hi = n if hi is None else hi
    windowed = (lo, hi) != (0, n)
    cue = _span_head(heads, cue_start, cue_end)
    cue_path = [cue]
    while heads[cue_path[-1]] != cue_path[-1] and not (windowed and len(cue_path) >= _WINDOW_PATH):
        cue_path.append(heads[cue_path[-1]])
    cue_pos = {i: k for k, i in enumerate(cue_path)}
    cue_si = p.sentence[cue]
    cue_lemma = p.lemma[cue]
    cue_left, cue_right = left[cue], right[cue]
    sentence = p.sentence
    in_cue = emit(IN_CUE, (cue_lemma,))
    # Each kind's memo lookup bound once; the cue's lemma makes one segment on either side.
    path_of, side_of, depth_of, dep_side_of, tag_side_of, edges_of, before_of, after_of = (
        known[kind] for kind in (PATH, SIDE, DEPTH, DEP_SIDE, TAG_SIDE, EDGES, BEFORE, AFTER))
    cue_lemma_on = [known[CUE_LEMMA]((cue_lemma, s)) or emit(CUE_LEMMA, (cue_lemma, s)) for s in (0, 1)]
    out = []
    rels = []
    for i in range(lo, hi):
        if cue_start <= i < cue_end:
            out.append(list(in_cue))
            rels.append("cue")
            continue
        if i < cue_start:
            s, dist = 0, cue_start - i
        else:
            s, dist = 1, i - cue_end + 1
        sd = sentence[i] - cue_si
        sd = -3 if sd < -3 else 3 if sd > 3 else sd
        # Path: climb from the token until reaching the cue's path to the root (the LCA).
        k = 0
        node = i
        below = None
        while node not in cue_pos and k < 40:
            below = node
            node = heads[node]
            k += 1
            if node == heads[node] and node not in cue_pos:
                break
        if node in cue_pos:
            up_cue = cue_pos[node]
            # the branch under the LCA on the token's side, and on the cue's side
            tok_branch = deps[below] if below is not None else "self"
            cue_branch = deps[cue_path[up_cue - 1]] if up_cue > 0 else "cue"
            rel = "lca:%s>%s" % (tok_branch, cue_branch)
            up = up_cue if up_cue < 3 else 3
        else:
            rel = "lca:none"
            up = -1
        rels.append(rel)
        flag = "next_to_cue" if i == cue_end else "prev_to_cue" if i == cue_start - 1 else ""
        tag = tags[i]
        # Sources and contents are mostly whole subtrees: the first and last tokens of the
        # token's branch under the LCA are where a span may start or end.
        branch = below if below is not None else i
        key = (flag, rel, tag, tags[node])
        f = list(path_of(key) or emit(PATH, key))
        key = (s, dist if dist < 13 else 13, sd)
        f += side_of(key) or emit(SIDE, key)
        key = (rel, up, s, k if k < 13 else 13)
        f += depth_of(key) or emit(DEPTH, key)
        f += cue_lemma_on[s]
        key = (deps[i], s)
        f += dep_side_of(key) or emit(DEP_SIDE, key)
        key = (tag, s, sd)
        f += tag_side_of(key) or emit(TAG_SIDE, key)
        key = (quotes[i], s, cue_left <= i <= cue_right, i == left[branch], i == right[branch])
        f += edges_of(key) or emit(EDGES, key)
        out.append(f)
    # A span boundary is where the path to the cue changes: the neighbours' paths, and the
    # change itself at +-1 (on PolNeAR dev, content exact F1 +0.02 with these).
    edged = ["edge", "edge", *rels, "edge", "edge"]  # the k-th token's is edged[k + 2]
    for k, f in enumerate(out):
        if cue_start <= lo + k < cue_end:
            continue
        key = (edged[k], edged[k + 1], edged[k + 2])
        f += before_of(key) or emit(BEFORE, key)
        key = (edged[k + 3], edged[k + 2], edged[k + 4])
        f += after_of(key) or emit(AFTER, key)
    return out
