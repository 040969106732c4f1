"""Ingest with the real pipeline: idempotent re-ingest, kill -9 and resume, bad inputs in a batch."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportedly.cli import main

pytestmark = pytest.mark.model

TOPICS = ["bridge", "budget", "school", "harbor", "airport", "library", "hospital", "stadium", "railway", "museum"]


def _articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        path = folder / f"daily-example_2016-08-{i % 28 + 1:02d}_{topic}-{i}.txt"
        path.write_text(
            f"Council debates the {topic} plan number {i}\n\n"
            f"The mayor said on Monday that the {topic} plan number {i} would be finished by spring. "
            f"\"We are confident about the {topic},\" she told reporters. Critics said the cost of plan {i} was too high.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_reingest_changes_nothing(tmp_path, capsys):
    _articles(tmp_path / "in", 3)
    db = tmp_path / "c.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    assert "stored 3, already there 0, failed 0" in capsys.readouterr().err
    with sqlite3.connect(db) as con:
        before = con.execute("SELECT COUNT(*), SUM(n_attributions), (SELECT COUNT(*) FROM speakers) FROM articles").fetchone()
        dump = list(con.execute("SELECT id, hash, n_attributions FROM articles ORDER BY id"))
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--quiet"]) == 0
    assert "stored 0, already there 3, failed 0" in capsys.readouterr().err
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*), SUM(n_attributions), (SELECT COUNT(*) FROM speakers) FROM articles").fetchone() == before
        assert list(con.execute("SELECT id, hash, n_attributions FROM articles ORDER BY id")) == dump


def test_kill_9_mid_ingest_then_resume(tmp_path):
    n = 40
    _articles(tmp_path / "in", n)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "reportedly", "ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "2", "--quiet", "--no-cluster"]
    # A session of its own, so that the kill takes the pool workers too, as a crash would.
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while _count(db) < 3 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:  # the run (and its workers) ended before the kill
        pass
    proc.wait()
    at_kill = _count(db)
    if at_kill >= n:
        pytest.skip("the run finished before it could be killed")
    assert at_kill >= 3
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"stored {n - at_kill}, already there {at_kill}" in done.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT hash) FROM articles").fetchone() == (n, n)
        # Every attribution row belongs to a stored article: no half-written article survived.
        assert con.execute("SELECT SUM(n_attributions) FROM articles").fetchone()[0] == con.execute("SELECT COUNT(*) FROM attributions").fetchone()[0]


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    _articles(folder, 2)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "french.txt").write_text(
        "Le maire a déclaré lundi que le nouveau pont serait terminé au printemps prochain. "
        "Les critiques ont affirmé que le coût du projet était beaucoup trop élevé pour la ville.\n"
    )
    (folder / "lines.jsonl").write_text('{"id": "ok1", "text": "The minister said the talks would resume on Friday in Geneva."}\nnot json\n')
    db = tmp_path / "c.db"
    code = main(["ingest", str(folder), "--db", str(db), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert "stored 3, already there 0, failed 4" in err
    with sqlite3.connect(db) as con:
        failures = {row[0] for row in con.execute("SELECT item FROM failures")}
    assert failures == {"empty", "binary", "french", "lines:2"}
    main(["failures", "--db", str(db), "--format", "csv"])
    assert capsys.readouterr().out.count("\n") == 5
