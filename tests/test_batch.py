"""The Spark batch path in local mode on a handful of articles, and loading its Parquet with ingest."""
import shutil
import sqlite3

import pytest

from reportedly.cli import main

pytestmark = [pytest.mark.spark, pytest.mark.model]


@pytest.fixture(scope="module", autouse=True)
def needs_java():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java on PATH")


def test_batch_then_ingest(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    quote = "if she gets to pick her judges, nothing you can do, folks"
    for n, outlet in enumerate(["breitbart", "usa-today", "west-journal"]):
        (folder / f"{outlet}_2016-08-1{n}_judges.txt").write_text(
            f"Trump on judges\n\n\"{quote.capitalize()},\" Trump said at a rally in North Carolina on Tuesday. "
            f"The crowd of supporters cheered for several minutes afterwards.\n"
        )
    (folder / "empty.txt").write_text("")
    (folder / "wire.jsonl").write_text('{"id": "w1", "outlet": "AP", "text": "The senator said the vote would take place on Friday."}\n')
    out = tmp_path / "out"
    code = main(["batch", str(folder), "--out", str(out), "--master", "local[1]", "--partitions", "1"])
    err = capsys.readouterr().err
    assert code == 1  # the empty file failed; the others went through
    assert "batch: 4 analysed, 1 failed" in err
    assert (out / "analyses.parquet").is_dir() and (out / "clusters.parquet").is_dir()

    import pyarrow.parquet as pq

    clusters = pq.read_table(out / "clusters.parquet").to_pylist()
    assert {c["article"] for c in clusters} >= {"breitbart_2016-08-10_judges", "usa-today_2016-08-11_judges"}

    db = tmp_path / "c.db"
    assert main(["ingest", str(out / "analyses.parquet"), "--db", str(db), "--quiet"]) == 1
    assert "stored 4, already there 0, failed 1" in capsys.readouterr().err
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT outlet FROM articles WHERE id = 'w1'").fetchone() == ("AP",)
    assert main(["trace", "if she gets to pick her judges", "--db", str(db)]) == 0
    assert "3 appearances in 3 outlets" in capsys.readouterr().out
