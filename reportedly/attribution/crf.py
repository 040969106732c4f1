"""The default attribution extractor: two linear-chain CRFs over spaCy token features.

1. The cue CRF tags the cues of each paragraph (BIO).
2. For each cue found, the role CRF tags that cue's source and content in the paragraph, with
   features saying where each token stands relative to the cue (side, distance, sentence,
   dependency path). Tagging per cue is what links spans into attributions, and it lets one
   paragraph hold nested attributions (a content that contains another attribution's source).

Content tagged on both sides of the cue ("X, he said, Y") becomes one Span with fragments.
Paragraph-internal only: PolNeAR has under 1% of attributions that cross a blank line.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from spacy.tokens import Doc

from .. import budget
from ..errors import ModelNotFoundError
from ..model import Attribution, Span
from .blocks import block_end
from .brat import quote_kind
from .features import ParagraphFeatures, Segments
from .linear_crf import LinearCrf, read_crfs
from .syntax import subject_of, trim_subtree

MODEL_DIR = Path(__file__).parent / "models"
CUE_FILE = "cue.crfsuite"
ROLE_FILE = "role.crfsuite"
META_FILE = "meta.json"


def token_runs(tags: Sequence[str], label: str) -> list[tuple[int, int]]:
    """(start, end) token runs tagged ``B-label``/``I-label``; an I after O starts a run too."""
    return _runs(tags, "B-" + label, "I-" + label)


def _runs(tags: Sequence, begin, inside) -> list[tuple[int, int]]:
    """``token_runs`` of the tags ``begin`` and ``inside`` (names, or a tagger's label numbers)."""
    runs = []
    start = None
    for i, t in enumerate(tags):
        if t == begin or (t == inside and start is None):
            if start is not None:
                runs.append((start, i))
            start = i
        elif t != inside:
            if start is not None:
                runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(tags)))
    return runs


# Paragraphs are tagged in groups of about this many tokens, and cues' roles in groups of about
# this many rows (a paragraph or a window over it stays whole).
GROUP_TOKENS = 20_000


@dataclass(frozen=True)
class _Paragraph:
    index: int  # of the block
    offset: int
    doc: Doc
    features: ParagraphFeatures


@dataclass(frozen=True)
class _Cue:
    paragraph: _Paragraph
    start: int  # token range of the cue
    end: int
    window: tuple[int, int]  # the tokens the role CRF tags
    base_scores: np.ndarray  # their role scores from their base features
    probability: float  # the cue CRF's mean marginal over the cue's tokens


@dataclass
class CrfExtractor:
    """Finds attributions with the cue and role CRFs stored in ``model_dir``."""

    model_dir: Path
    # A token is part of a cue when the cue CRF's marginal probability that it is not O reaches
    # this; None means the best (Viterbi) tagging. Read from meta.json unless given.
    cue_threshold: float | None = None

    def __post_init__(self) -> None:
        self.model_dir = Path(self.model_dir)
        cue_path, role_path = self.model_dir / CUE_FILE, self.model_dir / ROLE_FILE
        if not (cue_path.exists() and role_path.exists()):
            raise ModelNotFoundError(
                f"no attribution model in {self.model_dir}; train one with run_train(DATA_DIR, OUT_DIR)"
            )
        self._cue, self._role = read_crfs(cue_path, role_path)
        self._segments = Segments(self._cue.attributes.lookup)
        self._content_labels = {y for y, label in enumerate(self._role.labels) if label.endswith("-CON")}
        meta_path = self.model_dir / META_FILE
        self.meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        if self.cue_threshold is None:
            self.cue_threshold = self.meta.get("cue_threshold")

    # Workers reopen the model files rather than receive the weights pickled (a few ms to read).
    def __getstate__(self):
        return {"model_dir": self.model_dir, "cue_threshold": self.cue_threshold}

    def __setstate__(self, state):
        self.model_dir = state["model_dir"]
        self.cue_threshold = state["cue_threshold"]
        self.__post_init__()

    def extract(self, text: str, blocks: Sequence[tuple[int, Doc]]) -> list[Attribution]:
        """Attributions found in ``blocks`` of ``text``, in reading order of their cues.

        Paragraphs are tagged many at a time (the taggers decode many sequences at once, and
        each call's fixed costs are paid per group rather than per paragraph or cue); groups of
        at most ``GROUP_TOKENS`` tokens keep the memory bounded in a long article.
        """
        paragraphs = [(index, offset, doc) for index, (offset, doc) in enumerate(blocks) if len(doc)]
        found: list[Attribution] = []
        for group in _groups(paragraphs, lambda p: len(p[2]), GROUP_TOKENS):
            found.extend(self._extract_group(text, blocks, group))
        return found

    def _extract_group(self, text: str, blocks: Sequence[tuple[int, Doc]],
                       group: list[tuple[int, int, Doc]]) -> list[Attribution]:
        paragraphs = []
        for index, offset, doc in group:
            paragraphs.append(_Paragraph(index, offset, doc, ParagraphFeatures(doc, index)))
            budget.check("the attribution model")
        # The base features of every paragraph are looked up once (both CRFs number them alike).
        attributes = self._cue.attributes
        lengths = [len(p.features) for p in paragraphs]
        ids = attributes.matrix([row for p in paragraphs for row in p.features.base_segments(self._segments)])
        cue_scores = _split(self._cue.scores(ids), lengths)
        found = self._find_cues(cue_scores)
        # The marginals give each cue its probability: only the paragraphs with a cue need them.
        with_cues = [k for k, runs in enumerate(found) if runs]
        marginals = dict(zip(with_cues, self._cue.marginals([cue_scores[k] for k in with_cues])))
        # The cue-independent part of the tokens' role scores, once for all the cues of the
        # paragraphs with one, and scored together (each paragraph apart was a call per column
        # of the features for each of them: 1,195 calls on PolNeAR dev).
        base_ids, role_base = _split(ids, lengths), {}
        if with_cues:
            role_scores = self._role.scores(np.concatenate([base_ids[k] for k in with_cues]))
            role_base = dict(zip(with_cues, _split(role_scores, [lengths[k] for k in with_cues])))
        cues: list[_Cue] = []
        for k in with_cues:
            paragraph, base = paragraphs[k], role_base[k]
            for (start, end), window in zip(found[k], paragraph.features.role_windows(found[k])):
                cues.append(_Cue(paragraph, start, end, window, base[window[0] : window[1]],
                                 _marked_probability(self._cue, marginals[k], "CUE", range(start, end))))
        out = []
        for chunk in _groups(cues, lambda c: c.window[1] - c.window[0], GROUP_TOKENS):
            # Each cue adds its own part to the role scores of its window's tokens.
            parts = []
            for cue in chunk:
                parts.extend(cue.paragraph.features.cue_part(cue.start, cue.end, cue.window, self._segments))
                budget.check("the attribution model")
            lengths = [len(cue.base_scores) for cue in chunk]
            scores = self._role.scores(attributes.matrix(parts), np.concatenate([c.base_scores for c in chunk]))
            scores = _split(scores, lengths)
            roles = zip(self._role.best(scores), self._role.marginals(scores))
            out.extend(a for cue, (best, marginals) in zip(chunk, roles)
                       if (a := self._attribution(text, blocks, cue, best, marginals)) is not None)
        return out

    def _attribution(self, text: str, blocks: Sequence[tuple[int, Doc]], cue: _Cue,
                     best: list[int], marginals: np.ndarray) -> Attribution | None:
        """The attribution of one cue from the role CRF's tags (None: no content found)."""
        paragraph, c_start, c_end = cue.paragraph, cue.start, cue.end
        offset, doc, lo = paragraph.offset, paragraph.doc, cue.window[0]
        # Tags of the window only (the whole paragraph unless it is long and full of cues);
        # token positions in it are shifted by ``lo``. Read as label numbers, not named.
        content_tokens = [i for i, y in enumerate(best) if y in self._content_labels]
        p_content = _marked_probability(self._role, marginals, "CON", content_tokens) if content_tokens else 0.5
        content = _char_pieces(doc, offset, _shifted(_labelled_runs(self._role, best, "CON"), lo), paragraph.features.words)
        if not content:
            index = paragraph.index
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            content = _lead_in_content(text, offset, block_end(offset, doc), doc, c_end, following)
        if not content:
            return None  # a cue without content is no attribution
        sources = _char_pieces(doc, offset, _shifted(_labelled_runs(self._role, best, "SRC"), lo), paragraph.features.words)
        if not sources:
            sources = _subject_piece(doc, offset, paragraph.features.cue_head(c_start, c_end), c_start, content)
        source = None
        if sources:
            cue_char = offset + doc[c_start].idx
            nearest = min(sources, key=lambda p: min(abs(p[0] - cue_char), abs(p[1] - cue_char)))
            source = Span.of(text, *nearest)
        inverted = _inverted_parenthetical(text, offset, doc, paragraph.features.cue_head(c_start, c_end), source, content)
        if inverted is not None:
            source, content = inverted
        content = _with_fronted_condition(text, offset, doc, source, content)
        content_span = Span.from_fragments(text, content)
        cue_span = Span.of(text, offset + doc[c_start].idx, offset + doc[c_end - 1].idx + len(doc[c_end - 1]))
        return Attribution("", quote_kind(content_span.text), content_span, source, cue_span,
                           origin="model", probability=round(cue.probability * p_content, 4))

    def _find_cues(self, scores: list[np.ndarray]) -> list[list[tuple[int, int]]]:
        """The token runs of each paragraph's cues, from its cue scores."""
        if self.cue_threshold is None:
            return [_labelled_runs(self._cue, best, "CUE") for best in self._cue.best(scores)]
        # Marginals let recall be traded for precision; a token whose best label is B starts a run.
        index = self._cue.label_index
        o, b, i = index["O"], index["B-CUE"], index["I-CUE"]
        found = []
        for marginals in self._cue.marginals(scores):
            marked = []
            for row in marginals.tolist():
                if 1.0 - row[o] >= self.cue_threshold:
                    marked.append("B-CUE" if row[b] >= row[i] else "I-CUE")
                else:
                    marked.append("O")
            found.append(token_runs(marked, "CUE"))
        return found


def _groups(items: list, size, limit: int) -> Iterator[list]:
    """``items`` in consecutive groups whose ``size``s add up to at most ``limit`` (an item
    bigger than that makes a group of its own)."""
    group, total = [], 0
    for item in items:
        n = size(item)
        if group and total + n > limit:
            yield group
            group, total = [], 0
        group.append(item)
        total += n
    if group:
        yield group


def _split(rows: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
    """``rows`` cut into consecutive pieces of ``lengths``."""
    return np.split(rows, np.cumsum(lengths)[:-1]) if lengths else []


def _marked_probability(crf: LinearCrf, marginals: np.ndarray, label: str, tokens) -> float:
    """The mean marginal probability that ``tokens`` carry ``label`` (B or I)."""
    tokens = list(tokens)
    if not tokens:
        return 0.0
    columns = [crf.label_index["B-" + label], crf.label_index["I-" + label]]
    total = sum(b + i for b, i in marginals[np.ix_(tokens, columns)].tolist())
    return total / len(tokens)


def _labelled_runs(crf: LinearCrf, best: list[int], label: str) -> list[tuple[int, int]]:
    """``token_runs`` of the labels ``best`` of ``crf`` (numbers: not named one by one)."""
    index = crf.label_index
    return _runs(best, index.get("B-" + label, -1), index.get("I-" + label, -1))


def _shifted(runs: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    return [(a + by, b + by) for a, b in runs] if by else runs


def _char_pieces(doc: Doc, offset: int, runs: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """Character pieces of token runs, leaving out runs that hold no word character (read from
    ``words``, the tokens' texts: not a Token made for each)."""
    pieces = []
    for a, b in runs:
        if not any(any(ch.isalnum() for ch in word) for word in words[a:b]):
            continue
        pieces.append((offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1])))
    return pieces


_ONLY_A_COLON = re.compile(r"\s*:?\s*")


def _lead_in_content(text: str, offset: int, end: int, doc: Doc, c_end: int,
                     following: tuple[int, Doc] | None) -> list[tuple[int, int]]:
    """The next paragraph, when the cue ends its own with a colon ("Caddell continued:").

    The role CRF tags within the cue's paragraph (``text[offset:end]``), and what such a lead-in
    introduces is the paragraph below it (36 attributions in PolNeAR train, 7 in dev). The
    article text is read, not ``doc.text``, which spaCy rebuilds on every call.
    """
    cue_end = offset + doc[c_end - 1].idx + len(doc[c_end - 1])
    if following is None or not _ONLY_A_COLON.fullmatch(text, cue_end, end):
        return []
    if not text[offset:end].rstrip().endswith(":"):
        return []
    offset, below = following
    body = below.text.strip()
    if not body:
        return []
    start = offset + below.text.index(body)
    return [(start, start + len(body))]


def _subject_piece(doc: Doc, offset: int, cue_head: int, c_start: int,
                   content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cue verb's subject as the source, when the role CRF tagged none.

    The role CRF learnt sources next to their cue and misses the ones a verb inherits ("Trump
    took to Twitter to accuse …", "…, adding that …"). On PolNeAR dev, taking the (inherited)
    subject for the sourceless attributions lifts relation F1 from 0.658 to 0.670 (train:
    0.683 to 0.693). A subject inside the content or the cue is no source.
    """
    subject = subject_of(doc[cue_head])
    if subject is None:
        return []
    found = trim_subtree(subject, quotes_too=True)
    if found is None:
        return []
    start, end = offset + found[0], offset + found[1]
    cue_start = offset + doc[c_start].idx
    if start <= cue_start < end or any(a <= start < b for a, b in content):
        return []
    return [(start, end)]


def _inverted_parenthetical(text: str, offset: int, doc: Doc, cue_head: int, source: Span | None,
                            content: list[tuple[int, int]]) -> tuple[Span, list[tuple[int, int]]] | None:
    """The source and content of "The combination, say economists, marks a journey …".

    An inverted reporting clause set as a parenthesis ("say economists", "said the mayor") puts
    its subject after the verb; the role CRF took the sentence's fronted subject, just before
    the comma, for the source. When the cue verb's own subject stands after it and the tagged
    source before it, only a comma between them, the subject after the verb is the source and
    the fronted words open the content.
    """
    if source is None or not content or source.end > offset + doc[cue_head].idx:
        return None
    between = text[source.end:offset + doc[cue_head].idx].strip()
    if between != "," and not (between == "" and source.text.rstrip().endswith(",")):
        return None
    subject = next((c for c in doc[cue_head].rights if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    found = trim_subtree(subject, quotes_too=True)
    if found is None:
        return None
    start, end = offset + found[0], offset + found[1]
    if any(a < end and start < b for a, b in content):
        return None
    fronted = (source.start, source.start + len(source.text.rstrip().rstrip(",").rstrip()))
    if fronted[1] <= fronted[0]:
        return None
    return Span.of(text, start, end), sorted([fronted, *content])


# "Even if …, X says …": a condition set before the source and cue is a condition of the claim.
_CONDITION = re.compile(r"(?:(?:Even|Only)[ \t]+)?(?:If|if|Unless|unless)\b")


def _with_fronted_condition(text: str, offset: int, doc: Doc, source: Span | None,
                            content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``content`` with the conditional clause that opens its sentence before the source: "Even
    if a game isn't tuned for the console, Microsoft says you might still see improvements".

    The condition qualifies what was said (Microsoft does not say you will see improvements,
    only that you might even then), so it is part of the content, as a fronted clause of the
    content is. Only "if" and "unless" clauses: a fronted "although", "when" or "after" clause
    is as often the author's narration ("After the vote, Smith said …").
    """
    if source is None or not content or content[0][0] < source.end:
        return content
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return content  # (no sentences to read: a blank pipeline)
    sentence = next((s for s in doc.sents if s.start_char + offset <= source.start < s.end_char + offset), None)
    if sentence is None:
        return content
    start = offset + sentence.start_char
    clause = text[start:source.start].rstrip()
    if not clause.endswith(",") or not _CONDITION.match(text, start) or len(clause.split()) < 4:
        return content
    return [(start, start + len(clause) - 1), *content]


def load_default_extractor() -> CrfExtractor:
    """The extractor with the model committed in the package (``reportedly/attribution/models``)."""
    return CrfExtractor(MODEL_DIR)
