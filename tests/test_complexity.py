"""Every step's time grows about linearly with the article (issue 26).

Each family of hostile-but-plausible input (the generators of benchmarks/hostile.py) is analysed
at n and 4n, step by step; the time at 4n must stay within 8 times the time at n, plus a little
for the timer (steps that take a few milliseconds). Linear work gives 4 and quadratic work 16;
8 is their geometric middle. A bound nearer 4 failed linear code: on another machine, extraction
of the vox_pops family took 6.2 times its time at n (4.0-4.4 here; larger working sets miss the
caches more on some CPUs). CPU time of this
process, the best of two runs (measured again when over the bound), with the garbage collector
off while a step runs (see ``_cpu``): wall time on a shared machine measures the neighbours too.

Sizes are past the paragraph limit where a family is one paragraph (reportedly.bounds): within a
single block of at most 10,000 characters, the work is bounded by the block, not the article.
"""
from __future__ import annotations

import gc
import importlib.util
import time

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow]

RATIO = 8.0  # between linear (4) and quadratic (16) growth at 4n
SLACK = 0.05  # seconds


def _hostile():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "benchmarks" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOSTILE = _hostile()

# family -> n; 4n is the larger size. Chosen so the slowest step takes a few tenths of a second.
SIZES = {
    "said_quote": 2000,  # `said "` repeated: quote pairing and nested cues (12,000 characters)
    "short_paragraphs": 300,  # one attribution per paragraph: provenance lookups across them
    "paren_run": 1000,  # unclosed "(" without a space: spaCy's tokenizer
    "quote_run": 1000,  # straight quote marks without a space
    "quote_words": 1000,  # straight quote marks between words
    "commas": 1000,  # long sentences of comma lists
    "mixed_quotes": 500,  # every kind of quote mark, unbalanced
    "long_paragraph": 150,  # one paragraph of attributed sentences: the role CRF per cue
    "many_entities": 100,  # many people, surnames and pronouns: speaker resolution
    "transcript": 150,  # one paragraph of speaker turns
    "long_words": 20000,  # a pasted blob among sentences
    "follow_ons": 250,  # split quotes, quotes over paragraphs, follow-ons, pull quotes
    "interview": 250,  # a Q&A of labelled questions and answers
    "transcript_paragraphs": 250,  # a transcript of one turn per paragraph
    "vox_pops": 250,  # name lines over quotes, signed quotes
    "datelines": 250,  # wire copy: datelines, captions and credits
}


def _cpu(run, repeat: int = 2):
    """The best CPU time of ``repeat`` runs, with Python's cyclic garbage collector off while
    each runs (and a collection before). The collector runs every so many allocations and scans
    every live object, so its share grows with everything the process holds, whatever the
    step's algorithm: on a large article it made linear steps look 5-5.7 times slower at 4n
    (4.1-4.3 with it off), and the test failed now and then on linear code. The steps' own
    work is what this test is about; quadratic work still gives 16."""
    best, value = None, None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            value = run()
            spent = time.process_time() - start
        finally:
            gc.enable()
        best = spent if best is None else min(best, spent)
    return best, value


def _steps(analyzer, text: str) -> dict[str, float]:
    from reportedly.ingest import read_article
    from reportedly.pipeline import number_attributions
    from reportedly.provenance import trace_provenance

    times = {}
    times["read"], article = _cpu(lambda: read_article(text, "hostile"))
    times["parse"], (blocks, _notes) = _cpu(lambda: analyzer.parse(article))
    times["extract"], found = _cpu(lambda: number_attributions(analyzer.extractor.extract(article.text, blocks)))
    times["provenance"], _ = _cpu(lambda: trace_provenance(article, blocks, found))
    return times


@pytest.fixture(scope="module")
def analyzer():
    from reportedly.ingest import read_article
    from reportedly.pipeline import Analyzer

    analyzer = Analyzer(time_limit=None)
    analyzer.analyze(read_article("Officials said the bridge would reopen on Monday, and it did.", "warm-up"))
    return analyzer


@pytest.mark.parametrize("family", sorted(SIZES))
def test_each_step_grows_linearly(analyzer, family):
    generate = HOSTILE.FAMILIES[family][0]
    n = SIZES[family]
    small, large = _steps(analyzer, generate(n)), _steps(analyzer, generate(4 * n))
    for _again in range(2):
        slow = [step for step in small if large[step] > RATIO * small[step] + SLACK]
        if not slow:
            break
        # A busy machine slows one run more than another: measure both sizes again and keep
        # each step's best. Quadratic work stays about 16 times slower however often it runs.
        small = {step: min(t, again) for (step, t), again in zip(small.items(), _steps(analyzer, generate(n)).values())}
        large = {step: min(t, again) for (step, t), again in zip(large.items(), _steps(analyzer, generate(4 * n)).values())}
    slow = {step: (round(small[step], 3), round(large[step], 3)) for step in small
            if large[step] > RATIO * small[step] + SLACK}
    assert not slow, f"{family}: time at n and 4n grows faster than {RATIO}x: {slow}"
