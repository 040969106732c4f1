"""A trained crfsuite model's tagging, in numpy: the same labels as ``pycrfsuite.Tagger``.

The role CRF tags a paragraph once per cue, and most of each token's features (its words, tags,
neighbours) are the same for every cue. crfsuite can only be given whole feature lists, so it
re-read and re-scored the cue-independent part per cue, and every feature string crossed into C
each time. Reading the model's weights once lets a paragraph's cue-independent scores be summed
once and the per-cue part added to them; and decoding many sequences together in numpy costs a
few array operations per token position instead of a call per sequence.

Same labels as crfsuite, by construction: the state scores are summed in crfsuite's order (each
token's features in their order, a feature as often as it is listed, unknown ones skipped) and
Viterbi makes crfsuite's comparisons (the first of equal scores wins). The marginals follow
crfsuite's scaled forward-backward; they may differ from its own in the last bits.
``tests/test_linear_crf.py`` keeps pycrfsuite as the reference.
"""
from __future__ import annotations

import itertools
import struct
from pathlib import Path
from typing import Sequence

import numpy as np

# The decoders work on a padded block of sequences; past this many cells (sequences x longest
# length) a batch is split, so that one long paragraph among many short ones pads nothing big.
BATCH_CELLS = 100_000

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class Attributes:
    """Feature names -> attribute ids, one numbering for all the models read together (a
    paragraph's features are looked up once for the cue and the role CRF). Id 0 is every name
    no model knows: its weights are all zero, as crfsuite skips such a feature."""

    UNKNOWN = 0

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._ids) + 1

    def add(self, names: Sequence[str]) -> list[int]:
        """The ids of ``names``, numbering the new ones."""
        ids = self._ids
        for name in names:
            ids.setdefault(name, len(ids) + 1)
        return [ids[name] for name in names]

    def lookup(self, names: Sequence[str]) -> list[int]:
        """The ids of ``names`` (``UNKNOWN`` for a name no model knows)."""
        return list(map(self._ids.get, names, itertools.repeat(self.UNKNOWN, len(names))))

    def ids(self, rows: Sequence[Sequence[str]]) -> np.ndarray:
        """``[t, k]``: the id of ``rows[t][k]``; short rows are padded with ``UNKNOWN``."""
        return self._padded(rows, map(self._ids.get, itertools.chain.from_iterable(rows), itertools.repeat(self.UNKNOWN)))

    def matrix(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """``rows`` of ids (see ``lookup``) as ``ids`` gives them."""
        return self._padded(rows, itertools.chain.from_iterable(rows))

    def _padded(self, rows, values) -> np.ndarray:
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        width = int(lengths.max()) if len(rows) else 0
        out = np.full((len(rows), width), self.UNKNOWN, dtype=np.intp)
        if width:
            # Row and column of every value, in reading order.
            owner = np.repeat(np.arange(len(rows)), lengths)
            column = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            out[owner, column] = np.fromiter(values, dtype=np.intp, count=len(owner))
        return out


def read_crfs(*paths: str | Path) -> tuple[LinearCrf, ...]:
    """The crfsuite models at ``paths``, sharing one ``Attributes``."""
    attributes = Attributes()
    read = [_read_model(Path(path).read_bytes()) for path in paths]
    numbered = [attributes.add(names) for _labels, names, _features in read]
    return tuple(LinearCrf(labels, attributes, np.asarray(ids, dtype=np.intp), features)
                 for (labels, _names, features), ids in zip(read, numbered))


class LinearCrf:
    """A linear-chain CRF of a crfsuite model file (crfsuite's ``crf1d`` format): see read_crfs."""

    def __init__(self, labels: Sequence[str], attributes: Attributes, ids: np.ndarray,
                 features: np.ndarray) -> None:
        """``ids``: the ``attributes`` id of each of the model's own attribute numbers."""
        self.labels: tuple[str, ...] = tuple(labels)
        self.label_index = {label: i for i, label in enumerate(self.labels)}
        self.attributes = attributes
        n_labels = len(self.labels)
        # Rows by ``attributes`` id; a row no feature of this model reaches stays zero.
        self.weights = np.zeros((len(attributes), n_labels))
        self.transitions = np.zeros((n_labels, n_labels))
        state = features[features["type"] == _STATE]
        self.weights[ids[state["src"]], state["dst"]] = state["weight"]
        trans = features[features["type"] == _TRANSITION]
        self.transitions[trans["src"], trans["dst"]] = trans["weight"]
        self._exp_transitions = np.exp(self.transitions)

    def scores(self, ids: np.ndarray, start: np.ndarray | None = None) -> np.ndarray:
        """State scores ``[t, y]`` of the tokens whose features have the ``ids[t]`` (see
        Attributes.ids), added to ``start`` (a new array is returned) when given.

        The weights are added one by one in the features' order, as crfsuite does, so that
        scoring a token's features in two parts, the second with the first's scores as
        ``start``, gives the same scores to the last bit (padding adds 0.0: no change).
        """
        out = np.zeros((len(ids), len(self.labels))) if start is None else start.copy()
        # Column by column, each a ``take`` of weight rows: indexing all the weights at once
        # made a [t, k, y] array and read it back strided (five times slower).
        for column in np.ascontiguousarray(ids.T):
            out += self.weights.take(column, axis=0)
        return out

    def best(self, scores: Sequence[np.ndarray]) -> list[list[int]]:
        """The Viterbi labels (indices into ``labels``) of each sequence of state scores."""
        return self._batched(scores, self._viterbi, lambda best, b, n: best[b, :n].tolist())

    def marginals(self, scores: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``[t, y]``: the probability that token ``t`` has label ``y``, for each sequence."""
        return self._batched(scores, self._marginals, lambda marginals, b, n: marginals[b, :n])

    def _batched(self, scores, compute, take) -> list:
        # Sequences longest first: the ones still running at position t are the first active[t].
        # Time-major blocks (``state[t, b]``): each step of the decoders reads and writes one
        # contiguous slice.
        out = [take(np.zeros((1, 0, len(self.labels))), 0, 0)] * len(scores)  # empty ones stay so
        for batch in _batches([len(s) for s in scores]):
            lengths = [len(scores[i]) for i in batch]
            state = np.zeros((lengths[0], len(batch), len(self.labels)))
            for b, i in enumerate(batch):
                state[: lengths[b], b] = scores[i]
            # active[t]: how many sequences are longer than t (the lengths are in falling order)
            active = np.searchsorted(-np.asarray(lengths), -np.arange(lengths[0] + 1), side="left").tolist()
            result = compute(state, lengths, active)
            for b, i in enumerate(batch):
                out[i] = take(result, b, lengths[b])
        return out

    def _viterbi(self, state: np.ndarray, lengths: list[int], active: list[int]) -> np.ndarray:
        width, n, n_labels = state.shape
        trans = self.transitions[None]
        score = state[0].copy()
        back = np.zeros((width, n, n_labels), dtype=np.intp)
        for t in range(1, width):
            k = active[t]
            # candidates[b, i, j]: from label i at t-1 to label j at t. argmax takes the first of
            # equal scores, as crfsuite's strict "<" does.
            candidates = score[:k, :, None] + trans
            candidates.argmax(axis=1, out=back[t, :k])
            np.add(candidates.max(axis=1), state[t, :k], out=score[:k])
        best = np.zeros((width, n), dtype=np.intp)
        rows = np.arange(n)
        best[np.asarray(lengths) - 1, rows] = score.argmax(axis=1)
        for t in range(width - 2, -1, -1):
            k = active[t + 1]  # the sequences that go on past t
            best[t, :k] = back[t + 1, rows[:k], best[t + 1, :k]]
        return best.T

    def _marginals(self, state: np.ndarray, lengths: list[int], active: list[int]) -> np.ndarray:
        """crfsuite's scaled forward-backward; each row's largest score is taken out before
        exponentiating (the marginals are the same, and no score can overflow)."""
        width, n, n_labels = state.shape
        exp_state = np.exp(state - state.max(axis=2, keepdims=True))
        exp_trans = self._exp_transitions
        back_trans = exp_trans.T
        alpha = np.zeros_like(state)
        scale = np.ones((width, n, 1))
        alpha[0] = exp_state[0]
        scale[0, :, 0] = 1.0 / alpha[0].sum(axis=1)
        alpha[0] *= scale[0]
        for t in range(1, width):
            k = active[t]
            cur = (alpha[t - 1, :k] @ exp_trans) * exp_state[t, :k]
            np.divide(1.0, cur.sum(axis=1), out=scale[t, :k, 0])
            np.multiply(cur, scale[t, :k], out=alpha[t, :k])
        beta = np.zeros_like(state)
        for t in range(width - 1, -1, -1):
            k, going_on = active[t], active[t + 1]
            if going_on:
                np.multiply((beta[t + 1, :going_on] * exp_state[t + 1, :going_on]) @ back_trans, scale[t, :going_on],
                            out=beta[t, :going_on])
            beta[t, going_on:k] = scale[t, going_on:k]  # the sequences that end at t
        return (alpha * beta / scale).transpose(1, 0, 2)


def _batches(lengths: list[int]) -> list[list[int]]:
    """Indices of the sequences, longest first, in batches of at most ``BATCH_CELLS`` padded
    cells (a longer sequence makes a batch of its own); empty sequences are left out."""
    order = sorted((i for i, n in enumerate(lengths) if n), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    for i in order:
        if batches and (len(batches[-1]) + 1) * lengths[batches[-1][0]] <= BATCH_CELLS:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _read_model(data: bytes) -> tuple[list[str], list[str], np.ndarray]:
    """Labels, attributes and features (type, source, destination, weight) of a crfsuite model.

    The layout is crfsuite's (crf1dmodel.c): a header of offsets, a feature table, and the label
    and attribute names each in a constant quark database (cqdb.c), read here through its
    backward array (id -> name).
    """
    magic, _size, kind, _version = struct.unpack_from("<4sI4sI", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a crfsuite crf1d model")
    (_n_features, _n_labels, _n_attrs, off_features, off_labels,
     off_attrs) = struct.unpack_from("<IIIIII", data, 16)
    chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError("crfsuite model without a feature table")
    features = np.frombuffer(data, _FEATURE, count, off_features + 12)
    return _quarks(data, off_labels), _quarks(data, off_attrs), features


def _quarks(data: bytes, offset: int) -> list[str]:
    chunk, _size, _flag, _order, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError("crfsuite model with a damaged name table")
    names = [""] * count
    for record in np.frombuffer(data, "<u4", count, offset + backward).tolist():
        index, size = struct.unpack_from("<II", data, offset + record)
        start = offset + record + 8
        names[index] = data[start : start + size - 1].decode("utf-8")  # size counts a final NUL
    return names
