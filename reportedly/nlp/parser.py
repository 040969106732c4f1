"""The dependency parser's greedy decoding with the GIL held: the same model, the same parses.

spaCy's parser decodes in Cython with the GIL released (``Parser._parseC``): at each step it
sums the states' precomputed features, takes each hidden unit's best piece, multiplies by the
upper layer and applies each state's best valid move. Built with Cython 3, the best-piece
helper (thinc's ``Vec.arg_max``) may raise as far as Cython knows, so every call takes and
releases the GIL to check: once per hidden unit (64) of every state at every step, about ten
million GIL hand-overs over PolNeAR dev, which made the decoding 1.15 of the parser's 1.3 CPU
seconds. This stand-in drives the same steps from Python, where the GIL is held throughout and
those checks cost next to nothing:

- the states, their context tokens and the features' sums, bias and maxout come from spaCy's
  own objects (``init_batch``, the step model's ``get_token_ids`` and ``state2vec``: the same
  Cython sums, in the same order);
- the upper layer is multiplied with blis, as ``_parseC`` does whatever the model's ops (blis
  computes each row of a product alike whatever the number of rows), its bias added after, and
  classes the model never saw get the step's lowest score, as in spaCy's ``predict_states``;
- the moves are chosen and applied by spaCy's own ``transition_states`` (validity, the first
  best valid move, the transition itself), and the parses written by its ``set_annotations``
  (which also runs its postprocesses: making non-projective arcs again);
- documents are batched as ``Parser.pipe`` batches them (sorted by length, in sub-batches of a
  quarter of the batch), so every product has the rows it has in spaCy; a sub-batch of one
  document, where spaCy's loop hands the GIL over least, is left to it.

The scores are therefore bit for bit spaCy's and so are the parses: ``tests/test_nlp_parser.py``
holds heads, labels and sentence starts equal to the original's on hand-made text, and the
PolNeAR and real-world outputs are byte-identical. Only greedy decoding (beam width 1) of
spaCy's own dependency parser with an upper layer is handled; anything else raises ValueError
at install, and the original is kept.
"""
from __future__ import annotations

from spacy.ml.parser_model import ParserStepModel
from spacy.pipeline import DependencyParser
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import NumpyOps


class GreedyParser:
    """Stands in for a trained ``DependencyParser`` (see the module's docstring)."""

    def __init__(self, original) -> None:
        if not isinstance(original, DependencyParser):
            raise ValueError("only spaCy's own dependency parser has a stand-in")
        if original.cfg.get("beam_width", 1) != 1:
            raise ValueError("only greedy decoding has a stand-in")
        if not original.model.attrs.get("has_upper"):
            raise ValueError("the parser has no upper layer")
        # The spaCy methods the stand-in drives (spacy is bounded in pyproject.toml; a version
        # without them keeps its own parser, and tests/test_nlp_parser.py says so).
        if not all(hasattr(original, name) for name in ("transition_states", "_ensure_labels_are_added")) \
                or not hasattr(ParserStepModel, "get_token_ids"):
            raise ValueError("this spaCy's parser lacks the methods the stand-in drives")
        self.original = original
        self.ops = NumpyOps(use_blis=True)  # as spaCy's decoding multiplies, whatever the model's ops

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs, batch_size: int = 256):
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        # spaCy's loop hands the GIL over per state and step, this one spends Python per step: for
        # a single document spaCy's is the cheaper (607 tokens: 15.7 against 16.7 ms), for two
        # already this one (25.0 against 22.0 ms). Both give the same parses.
        states = self.original.predict(docs) if len(docs) == 1 else self._parse(docs)
        self.original.set_annotations(docs, states)

    def _parse(self, docs: list[Doc]) -> list:
        """The docs' final parse states (spaCy's ``StateClass``), in order."""
        parser = self.original
        if not any(len(doc) for doc in docs):
            return parser.moves.init_batch(docs)
        parser._ensure_labels_are_added(docs)
        batch = parser.moves.init_batch(docs)
        step = parser.model.predict(docs)  # the precomputed lower layer, as spaCy computes it
        # The upper layer and the unseen classes as spaCy's decoding reads them, after any resize.
        weights, bias = step.vec2scores.get_param("W"), step.vec2scores.get_param("b")
        unseen = sorted(parser.model.attrs["unseen_classes"])
        states = [state for state in batch if not state.is_final()]
        while states:
            hidden, _ = step.state2vec(step.get_token_ids(states), False)
            scores = self.ops.gemm(hidden, weights, trans2=True)
            scores += bias
            if unseen:
                scores[:, unseen] = scores.min()
            states = parser.transition_states(states, scores)
        step.clear_memory()
        return batch
