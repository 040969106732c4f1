"""thinc's numpy ops for a pipeline that only predicts: the same values, less work.

A thinc layer does its arithmetic through the ops current when it was made; the pipeline is
loaded under ``InferenceOps`` (see reportedly.nlp.load_pipeline). Its one change is maxout, the
activation of every tok2vec layer (both tok2vecs: about 0.33 CPU s over PolNeAR dev): thinc
also records which piece won, for a backward pass that prediction never makes, in a loop over
every value. Here the largest piece is taken with numpy a piece at a time, which gives the same
values (a maximum is exact), and no record is kept: the backward pass of a layer made under
these ops fails rather than learn from nothing.
"""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class InferenceOps(NumpyOps):
    """NumpyOps (blis or numpy's BLAS as ``use_blis`` says) whose ``maxout`` keeps no argmax."""

    def maxout(self, X):
        return maxout(X), None


def maxout(pieces: numpy.ndarray) -> numpy.ndarray:
    """The largest of each unit's pieces, (rows, units, pieces) -> (rows, units), contiguous.

    The same values as ``pieces.max(axis=-1)`` (a maximum is exact), a piece at a time: numpy
    reduces a last axis of two or three slowly (a quarter of the time of thinc's maxout, and of
    ``max(axis=-1)``, on the tok2vec's shapes).
    """
    best = numpy.maximum(pieces[..., 0], pieces[..., 1])
    for p in range(2, pieces.shape[-1]):
        numpy.maximum(best, pieces[..., p], out=best)
    return best
