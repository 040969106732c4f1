"""reportedly.workers: one pool for every batch of analyses, results in input order."""
import os
import platform
import resource
import subprocess
import sys

import pytest

from reportedly.workers import map_batches


def _square_with_pid(items):
    return [(x * x, os.getpid()) for x in items]


def test_results_come_back_in_input_order_from_several_processes():
    results = list(map_batches(_square_with_pid, range(20), workers=2, batch=3))
    assert [r for r, _pid in results] == [x * x for x in range(20)]
    assert os.getpid() not in {pid for _r, pid in results}


def test_one_worker_or_one_batch_runs_here():
    assert {pid for _r, pid in map_batches(_square_with_pid, range(5), workers=1, batch=2)} == {os.getpid()}
    assert {pid for _r, pid in map_batches(_square_with_pid, range(2), workers=2, batch=2)} == {os.getpid()}


def test_nothing_to_do_starts_nothing():
    assert list(map_batches(_square_with_pid, iter(()), workers=2)) == []


def test_items_are_read_lazily():
    def endless():
        n = 0
        while True:
            yield n
            n += 1

    got = map_batches(_square_with_pid, endless(), workers=1, batch=4)
    assert [next(got)[0] for _ in range(6)] == [0, 1, 4, 9, 16, 25]


def test_the_cli_process_leaves_the_heavy_imports_to_the_analyzer():
    # The CLI's own process reads inputs and writes analyses; spaCy (through the extractors and
    # provenance) and the HTML reader's libraries are imported where they are used: in the
    # workers, or in this process when it analyses or reads a page itself. So are the readers of
    # feeds and archives, mojibake's repair and the installed version: the workers start after
    # this process's imports.
    import subprocess
    import sys

    heavy = ("spacy", "thinc", "trafilatura", "htmldate", "feedparser", "warcio", "ftfy", "importlib.metadata")
    program = ("import sys, reportedly.cli, reportedly.report, reportedly.serialize; "
               f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


_REFAULTS = """
import resource, sys
if sys.argv[1] == "keep":
    from reportedly.workers import _keep_freed_memory
    _keep_freed_memory()
def faults():
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
counts = []
for _ in range(3):  # a batch's activations: ten blocks of 3 MB, made and freed
    before = faults()
    blocks = [bytearray(3 << 20) for _ in range(10)]
    del blocks
    counts.append(faults() - before)
print(counts[1] + counts[2])
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator only")
def test_the_analyzer_process_reuses_freed_memory_instead_of_faulting_it_in_again():
    def refaults(mode):
        run = subprocess.run([sys.executable, "-c", _REFAULTS, mode], capture_output=True, text=True, check=True)
        return int(run.stdout)

    pages = 2 * 30 * (1 << 20) // resource.getpagesize()  # the second and third batch, every page
    assert refaults("as is") > pages // 2  # glibc trims the freed 30 MB and faults it in again
    assert refaults("keep") < pages // 20


_FREEZE = """
import gc, weakref
from reportedly.workers import _freeze_loaded
class Node:
    pass
loop = Node()
loop.me = loop  # garbage only a collection finds: a cycle
alive = weakref.ref(loop)
del loop
_freeze_loaded()
print(alive() is None, gc.get_freeze_count() > 1000)
"""


def test_what_the_analyzer_loaded_is_frozen_and_its_fresh_garbage_collected_first():
    run = subprocess.run([sys.executable, "-c", _FREEZE], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "True"]
