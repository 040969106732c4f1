"""The entity recognizer's greedy decoding, vectorised: the same model, the same entities.

spaCy's entity recognizer (a transition-based tagger over BILUO moves) spends most of its time
outside the network: built with Cython 3, each ``StateC.B()`` call in its decoding loop takes and
releases the GIL, and checking the 74 moves' validity calls it about three times a move, for every
token. On PolNeAR that is 3.3 of the recognizer's 4.5 CPU seconds, more than the parser and its
tok2vec together. This stand-in runs the recognizer's own layers (its tok2vec, the precomputed
lower layer, the upper layer, with the same BLAS calls) and does the decoding in numpy.

What makes it cheap: the decoder's state is only "is an entity open, where did it start, with
which label". A token outside an entity has the same features whatever came before (the token
and two padding rows), so those tokens' scores and best valid move are computed for all tokens
at once; only the tokens after an entity opened ("B-") are decided one by one, between the two
moves then valid (I- or L- of the open label). The sums, the maxout, the matrix product and the
tie-breaking (first best valid move) are done in the same order as spaCy's ``predict_states`` and
``arg_max_if_valid``, so the scores are bit for bit the same (blis computes each row of a matrix
product alike whatever the number of rows: checked), and ``tests/test_nlp_entities.py`` holds the
entities equal to the original's; the PolNeAR and real-world outputs are byte-identical.

Only the case the analysis uses is handled: greedy decoding (beam width 1), the three state
features of spaCy's "ner" state, an upper layer, no unseen classes, and Docs that hold no entity
yet (nothing preset). Anything else raises ValueError at install (the original is kept), or, for a
batch with preset entities, runs the original on that batch.
"""
from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import NumpyOps

from .ops import maxout

_B, _I, _L, _U, _O = range(5)
_KINDS = {"B": _B, "I": _I, "L": _L, "U": _U}


class GreedyEntityRecognizer:
    """Stands in for a trained ``EntityRecognizer`` (see the module's docstring)."""

    def __init__(self, original) -> None:
        if not isinstance(original, EntityRecognizer) or original.postprocesses:
            raise ValueError("only spaCy's own entity recognizer has a stand-in")
        model = original.model
        if original.cfg.get("beam_width", 1) != 1:
            raise ValueError("only greedy decoding has a stand-in")
        if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            raise ValueError("the recognizer's upper layer is missing or has unseen classes")
        self.original = original
        self.tok2vec, self.lower, self.upper = (model.get_ref(n) for n in ("tok2vec", "lower", "upper"))
        if self.lower.get_dim("nF") != 3 or self.lower.get_dim("nP") < 2:
            raise ValueError("the recognizer's lower layer is not the 'ner' state's maxout")
        # spaCy's decoding multiplies by the upper layer with blis (thinc's CBlas), whatever
        # the model's ops: so does the stand-in, for the same scores.
        self.ops = NumpyOps(use_blis=True)
        kinds, labels = [], []
        for clas in range(original.moves.n_moves):
            name = original.moves.get_class_name(clas)
            kind, _, label = name.partition("-")
            if name == "O":
                kinds.append(_O)
                labels.append("")
            elif kind in _KINDS:
                kinds.append(_KINDS[kind])
                labels.append(label)
            else:
                raise ValueError(f"unknown move {name!r}")
        self.labels = labels
        self.kinds = numpy.array(kinds)
        # A move with no label is valid only on a preset entity (never here): U- with "" is out.
        named = numpy.array([bool(label) for label in labels])
        self._begin = (self.kinds == _B) & named
        self._unit = (self.kinds == _U) & named
        self._out = self.kinds == _O
        # For each label: the column of its I- and L- move (an open entity chooses between them).
        self._inside = {labels[c]: c for c in range(len(labels)) if kinds[c] == _I and named[c]}
        self._last = {labels[c]: c for c in range(len(labels)) if kinds[c] == _L and named[c]}

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs):
            for doc in docs:
                doc.set_ents([], default="outside")
            return
        if any(doc.to_array(ENT_IOB).any() for doc in docs if len(doc)):
            states = self.original.predict(docs)  # preset entities: the original's rules for them
            self.original.set_annotations(docs, states)
            return
        for doc, ents in zip(docs, self._decode(docs)):
            doc.set_ents([Span(doc, start, end, label=self.labels[clas]) for start, end, clas in ents],
                         default="outside")

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, int]]]:
        """Each doc's entities as (start, end, class of the move that labelled it)."""
        # cached: one row per token (row 0: padding), for each of the three features.
        cached = self.lower.predict(self.tok2vec.predict(docs))
        n, nf, no, np_ = cached.shape
        cached = cached.reshape(n, nf, no * np_)
        bias = self.lower.get_param("b").reshape(no * np_)
        weights, upper_bias = self.upper.get_param("W"), self.upper.get_param("b")

        def scores(unmaxed):
            unmaxed += bias
            hidden = maxout(unmaxed.reshape(-1, no, np_))
            out = self.ops.gemm(hidden, weights, trans2=True)
            out += upper_bias
            return out

        space, last_two, next_starts = [], [], []
        for doc in docs:
            rows = doc.to_array([IS_SPACE, SENT_START]).reshape(-1, 2)
            space.append(rows[:, 0] != 0)
            after = numpy.zeros(len(doc), dtype=bool)
            after[:-1] = rows[1:, 1] == 1
            next_starts.append(after)
            room = numpy.ones(len(doc), dtype=bool)
            room[-1:] = False  # B- needs a token after it
            last_two.append(room)
        space = numpy.concatenate(space)
        next_start = numpy.concatenate(next_starts)
        may_begin = numpy.concatenate(last_two) & ~next_start & ~space

        # Tokens outside an entity: features (token, padding, padding), in spaCy's order of sums.
        unmaxed = cached[1:, 0] + cached[0, 1]
        unmaxed += cached[0, 2]
        closed = scores(unmaxed)
        valid = (may_begin[:, None] & self._begin) | (~space[:, None] & self._unit) | self._out
        closed[~valid] = -numpy.inf
        best = closed.argmax(axis=1)
        kinds = self.kinds[best]

        found = []
        offset = 0
        for doc in docs:
            ents = []
            length = len(doc)
            i = offset
            end = offset + length
            candidates = numpy.flatnonzero(kinds[offset:end] != _O) + offset
            k = 0
            while k < len(candidates):
                j = int(candidates[k])
                if j < i:
                    k += 1
                    continue
                clas = int(best[j])
                if kinds[j] == _U:
                    ents.append((j - offset, j + 1 - offset, clas))
                    i = j + 1
                    k += 1
                    continue
                # B-: the entity stays open until an L- move; each token decides I- or L-.
                label = self.labels[clas]
                inside, last = self._inside[label], self._last[label]
                t = j + 1
                while True:
                    unmaxed = cached[t + 1, 0] + cached[j + 1, 1]
                    unmaxed += cached[t, 2]  # the token before t (row t is token t - 1)
                    row = scores(unmaxed[None, :])[0]
                    # I- is valid unless t is the doc's last token or a sentence starts after it;
                    # L- always; on a tie the first column (I-) wins, as in arg_max_if_valid.
                    if t + 1 < end and not next_start[t] and row[inside] >= row[last]:
                        t += 1
                        continue
                    break
                ents.append((j - offset, t + 1 - offset, clas))
                i = t + 1
                k += 1
            found.append(ents)
            offset = end
        return found

