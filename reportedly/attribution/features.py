"""Token features for the attribution CRFs, computed from a spaCy parse (no NER needed).

The cue CRF reads ``base_features`` of a paragraph; the role CRF reads ``role_features``, the
same base plus, for every token, where it stands relative to one given cue (side, distance,
sentence, and the dependency path between the two).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

OPEN_QUOTES = {'"', "“", "«", "``", "‘‘"}
CLOSE_QUOTES = {'"', "”", "»", "''", "’’"}
QUOTE_CHARS = OPEN_QUOTES | CLOSE_QUOTES
QUOTE_FEATURE = 12  # index of the "q=" (inside quotes) feature in base_features' lists


def quote_depth(doc: Doc) -> list[int]:
    """1 for tokens inside quote marks (the marks included), else 0.

    Straight quotes toggle; curly ones open and close. An unbalanced mark is simply left open
    to the end of the paragraph (textacy raises here; we would rather guess).
    """
    inside = False
    out = []
    for tok in doc:
        t = tok.text
        if t in QUOTE_CHARS:
            if t == '"' or t in ("``", "''"):
                opening = not inside if t == '"' else t == "``"
            else:
                opening = t in OPEN_QUOTES
            if opening:
                inside = True
                out.append(1)
            else:
                out.append(1)
                inside = False
            continue
        out.append(1 if inside else 0)
    return out


def sentences(doc: Doc) -> list:
    """The sentences of ``doc``, or the whole doc as one when nothing set sentence boundaries."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


def base_features(doc: Doc, paragraph_index: int) -> list[list[str]]:
    """Per-token features that do not depend on any cue."""
    quotes = quote_depth(doc)
    sent_starts = {}
    for si, sent in enumerate(sentences(doc)):
        for tok in sent:
            sent_starts[tok.i] = (si, tok.i - sent.start, sent.end - 1 - tok.i)
    para = "p0" if paragraph_index == 0 else ("p1" if paragraph_index == 1 else "pN")
    quoted_sents = {sent_starts[tok.i][0] for tok in doc if tok.text in QUOTE_CHARS}
    feats = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        si, from_start, to_end = sent_starts[tok.i]
        child_deps = sorted({c.dep_ for c in tok.children})
        f = [
            "bias",
            "w=" + tok.lower_,
            "l=" + lemma,
            "p=" + tok.pos_,
            "t=" + tok.tag_,
            "d=" + tok.dep_,
            "hl=" + tok.head.lemma_.lower(),
            "hp=" + tok.head.pos_,
            "hd=" + tok.head.dep_,
            "d|hp=" + tok.dep_ + "|" + tok.head.pos_,
            "l|d=" + lemma + "|" + tok.dep_,
            "sh=" + tok.shape_[:4],
            "q=%d" % quotes[tok.i],
            "para=" + para,
            "ss=" + _bucket(from_start),
            "se=" + _bucket(to_end),
        ]
        f += ["cd=" + d for d in child_deps]
        f.append("sq=%d" % (si in quoted_sents))
        if tok.pos_ in ("VERB", "AUX", "NOUN", "ADP"):
            # Verb particles and prepositions make the cue ("called for", "according to"); a
            # clausal complement or a quote under a verb is where its content usually is.
            for c in tok.children:
                if c.dep_ in ("prep", "prt", "agent", "dative", "mark"):
                    f.append("cdl=%s:%s" % (c.dep_, c.lower_))
                elif c.dep_ in ("nsubj", "nsubjpass"):
                    f.append("subj=" + (c.lower_ if c.pos_ == "PRON" else c.pos_))
            if "ccomp" in child_deps or "xcomp" in child_deps:
                f.append("l|comp=" + lemma)
            if tok.pos_ in ("VERB", "AUX") and any(t.text in QUOTE_CHARS for t in tok.subtree):
                f.append("subq")
        if tok.is_punct:
            f.append("punct")
        if tok.text in QUOTE_CHARS:
            f.append("quote")
        feats.append(f)
    # Neighbours: lemmas and tags at +-1, +-2 (read from lists: indexing a Doc builds a Token).
    lemmas = [t.lemma_.lower() for t in doc]
    tags = [t.pos_ for t in doc]
    n = len(doc)
    for i, f in enumerate(feats):
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.append("%+d:l=%s" % (off, lemmas[j]))
                f.append("%+d:p=%s" % (off, tags[j]))
            else:
                f.append("%+d:edge" % off)
    return feats


def span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside the span (the first such)."""
    for tok in doc[start:end]:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            return tok
    return doc[start]


def role_features(doc: Doc, base: list[list[str]], cue_start: int, cue_end: int) -> list[list[str]]:
    """Features of every token of ``doc`` relative to the cue ``doc[cue_start:cue_end]``."""
    # Plain lists: walking the tree through Token objects costs one allocation per step.
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    tags = [t.pos_ for t in doc]
    left = [t.left_edge.i for t in doc]
    right = [t.right_edge.i for t in doc]
    cue = span_head(doc, cue_start, cue_end).i
    cue_path = [cue]
    while heads[cue_path[-1]] != cue_path[-1]:
        cue_path.append(heads[cue_path[-1]])
    cue_pos = {i: k for k, i in enumerate(cue_path)}
    sent_index = [0] * len(doc)
    for si, sent in enumerate(sentences(doc)):
        for i in range(sent.start, sent.end):
            sent_index[i] = si
    cue_si = sent_index[cue]
    cue_lemma = doc[cue].lemma_.lower()
    out = []
    rels = []
    for i, feats in enumerate(base):
        f = list(feats)
        if cue_start <= i < cue_end:
            f += ["in_cue", "cl=" + cue_lemma]
            out.append(f)
            rels.append("cue")
            continue
        side = "L" if i < cue_start else "R"
        dist = cue_start - i if side == "L" else i - cue_end + 1
        sd_s = str(max(-3, min(3, sent_index[i] - cue_si)))
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
            depth = "up%d" % min(up_cue, 3)
        else:
            rel = "lca:none"
            depth = "upX"
        rels.append(rel)
        if i == cue_end:
            f.append("next_to_cue")
        elif i == cue_start - 1:
            f.append("prev_to_cue")
        f += [
            rel + "|" + tags[i],
            rel + "|lca=" + tags[node],
            "side=" + side,
            "dist=" + side + _bucket(dist),
            "sd=" + sd_s,
            rel,
            rel + "|" + depth,
            rel + "|" + side,
            "depth=" + _bucket(k),
            "cl=" + cue_lemma,
            "cl|side=" + cue_lemma + "|" + side,
            "d|side=" + deps[i] + "|" + side,
            "p|side|sd=" + tags[i] + "|" + side + "|" + sd_s,
            "q|side=" + feats[QUOTE_FEATURE] + "|" + side,
            "in_cue_tree=%d" % (left[cue] <= i <= right[cue]),
        ]
        # Sources and contents are mostly whole subtrees: the first and last tokens of the
        # token's branch under the LCA are where a span may start or end.
        branch = below if below is not None else i
        if i == left[branch]:
            f.append("br_first")
        if i == right[branch]:
            f.append("br_last")
        out.append(f)
    # A span boundary is where the path to the cue changes: the neighbours' paths, and the
    # change itself at +-1 (on PolNeAR dev, content exact F1 +0.02 with these).
    n = len(doc)
    for i, f in enumerate(out):
        if cue_start <= i < cue_end:
            continue
        for off in (-2, -1, 1, 2):
            j = i + off
            other = rels[j] if 0 <= j < n else "edge"
            f.append("%+d:%s" % (off, other))
            if off in (-1, 1):
                f.append("%+d:%s>%s" % (off, other, rels[i]))
    return out
