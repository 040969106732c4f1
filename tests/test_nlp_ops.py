"""reportedly.nlp.ops: the inference ops give the layers' values exactly, without what only
training needs."""
import numpy
import pytest
from thinc.api import Maxout, NumpyOps, use_ops

from reportedly.nlp.ops import InferenceOps, maxout


@pytest.mark.parametrize("pieces", [2, 3])
def test_maxout_is_the_largest_piece_exactly(pieces):
    values = numpy.random.default_rng(pieces).standard_normal((7, 5, pieces)).astype("float32")
    values[0, 0] = -numpy.inf
    best = maxout(values)
    assert best.flags["C_CONTIGUOUS"] and best.dtype == values.dtype
    assert numpy.array_equal(best, values.max(axis=-1))


@pytest.mark.parametrize("use_blis", [True, False])
def test_a_maxout_layer_predicts_the_same_values_under_the_inference_ops(use_blis):
    inputs = numpy.random.default_rng(1).standard_normal((50, 288)).astype("float32")
    with use_ops("numpy", use_blis=use_blis):
        layer = Maxout(nO=96, nI=288, nP=3, normalize=True)
        layer.initialize()
        theirs = layer.predict(inputs)
    for node in layer.walk():
        node.ops = InferenceOps(use_blis=use_blis)
    ours = layer.predict(inputs)
    assert isinstance(layer.ops, NumpyOps)
    assert ours.dtype == theirs.dtype and numpy.array_equal(ours, theirs)
    _, backprop = layer(inputs, is_train=True)
    with pytest.raises(Exception):
        backprop(numpy.ones_like(ours))  # no record of the winning pieces: no learning from nothing


@pytest.mark.model
def test_the_loaded_pipelines_maxout_layers_compute_with_the_inference_ops():
    from reportedly.nlp import load_pipeline

    nlp = load_pipeline()
    for name in ("tok2vec", "ner"):  # the shared tok2vec, and the recognizer's own
        component = nlp.get_pipe(name)
        model = getattr(getattr(component, "impl", component), "original", component).model
        layers = [node for node in model.walk() if node.name == "maxout"]
        assert len(layers) == 5 and all(isinstance(node.ops, InferenceOps) for node in layers)
