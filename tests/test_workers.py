"""reportedly.workers: one pool for every batch of analyses, results in input order."""
import os

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
    # workers, or in this process when it analyses or reads a page itself.
    import subprocess
    import sys

    program = ("import sys, reportedly.cli, reportedly.report, reportedly.serialize; "
               "print(sorted(m for m in ('spacy', 'thinc', 'trafilatura', 'htmldate') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"
