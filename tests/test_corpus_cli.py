"""Corpus CLI commands over a store built by hand: exit codes, formats, exports (no model)."""
import csv
import io
import json

import pytest

from corpus_helpers import DOCS, make_store
from reportedly.cli import main


@pytest.fixture
def dbpath(tmp_path):
    return make_store(tmp_path / "c.db")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_speakers_formats(capsys, dbpath):
    code, out, _ = run(capsys, "speakers", "--db", dbpath, "--format", "json", "--all")
    assert code == 0 and json.loads(out)[0] == {"name": "Trump", "type": "unknown", "statements": 3, "articles": 3}
    code, out, _ = run(capsys, "speakers", "--db", dbpath, "--format", "csv", "--type", "outlet")
    assert out == "name,type,statements,articles\nCNN,outlet,1,1\nThe Washington Post,outlet,1,1\n"
    code, out, _ = run(capsys, "speakers", "--db", dbpath, "--format", "text", "--limit", "1", "--all")
    assert out.splitlines() == ["name   type     statements  articles", "Trump  unknown  3           3"]


def test_speaker_not_found_exit_1(capsys, dbpath):
    code, out, err = run(capsys, "speaker", "Nobody", "--db", dbpath)
    assert code == 1 and out == "" and "no speaker called 'Nobody'" in err


def test_missing_db_exit_3(capsys, tmp_path):
    code, _, err = run(capsys, "speakers", "--db", str(tmp_path / "none.db"))
    assert code == 3 and "reportedly ingest" in err
    assert not (tmp_path / "none.db").exists()


def test_search_and_trace(capsys, dbpath):
    code, out, _ = run(capsys, "search", "pick her judges", "--db", dbpath, "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 3
    code, out, _ = run(capsys, "trace", "if she gets to pick her judges", "--db", dbpath)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("'if she gets to pick her judges': 3 appearances in 3 outlets")
    assert lines[1].startswith("earliest seen: 2016-08-09T00:00:00 usa-today")
    assert "differences:" in out
    code, out, _ = run(capsys, "trace", "nothing like this anywhere", "--db", dbpath, "--format", "json")
    assert code == 1 and json.loads(out)["appearances"] == []


def test_graph_exports(capsys, dbpath):
    code, out, _ = run(capsys, "graph", "--db", dbpath, "--format", "csv")
    assert sorted(out.splitlines()[1:]) == ["USA Today,The Washington Post,1,1", "Western Journal,CNN,1,1"]
    code, out, _ = run(capsys, "graph", "--db", dbpath, "--format", "graphml")
    assert out.startswith("<?xml") and out.count("<edge ") == 2


def test_outlets_outlet_articles(capsys, dbpath):
    assert json.loads(run(capsys, "outlets", "--db", dbpath, "--format", "json")[1])[0]["articles"] == 1
    code, out, _ = run(capsys, "outlet", "usa-today", "--db", dbpath, "--format", "csv")
    assert code == 0 and "The Washington Post,outlet,1,1" in out
    code, out, _ = run(capsys, "articles", "--db", dbpath, "--format", "json")
    assert {r["id"] for r in json.loads(out)} == {d["id"] for d in DOCS}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(capsys, dbpath, tmp_path, fmt):
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "export", "--db", dbpath, "--format", fmt, "--out", str(out_dir))
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f"{t}.{fmt}" for t in ("articles", "attributions", "speakers", "clusters"))
    if fmt == "jsonl":
        first = json.loads((out_dir / "articles.jsonl").read_text().splitlines()[0])
        assert first["document"]["schema"] == "reportedly/1"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out_dir / "attributions.parquet").num_rows == 7
        assert pq.read_table(out_dir / "clusters.parquet").num_rows >= 1


def test_cluster_command(capsys, dbpath):
    code, out, err = run(capsys, "cluster", "--db", dbpath)
    assert code == 0 and out == "" and err == "1 statement clusters\n"
