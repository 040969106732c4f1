"""The analyze command: formats, the JSON schema, exit codes (needs the spaCy model)."""
import json
from pathlib import Path

import jsonschema
import pytest

from reportedly.cli import main

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "reportedly" / "schema" / "reportedly-1.schema.json").read_text())


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["analyze"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "x.txt", "--format", "xml"])
    assert exc.value.code == 2


def test_bad_zone_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "analyze", str(tmp_path), "--tz", "Nowhere/Land")
    assert code == 2 and "unknown time zone" in err


@pytest.mark.model
def test_example_json_validates(capsys, example_text, tmp_path):
    path = tmp_path / "belarus-military-letter.txt"
    path.write_text(example_text, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    assert code == 0
    obj = json.loads(out)
    jsonschema.validate(obj, SCHEMA)
    assert obj["id"] == "belarus-military-letter"
    assert obj["article"]["published"] == "2022-07-11T06:23:00+05:30"
    text = obj["article"]["text"]
    for att in obj["attributions"]:
        for role in ("source", "cue", "content"):
            span = att[role]
            if span and "fragments" not in span:
                assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.model
def test_bad_inputs_are_recorded_and_the_run_goes_on(capsys, tmp_path):
    (tmp_path / "good.txt").write_text('"We are ready," the general said on Monday.', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "german.txt").write_text(
        "Der Bundeskanzler sagte am Montag, dass die Regierung die Steuern im nächsten Jahr nicht erhöhen werde, "
        "obwohl die Opposition das seit Monaten fordert und die Wirtschaft schwächelt.", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    assert code == 1
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert set(rows) == {"good", "empty", "binary", "german"}
    for row in rows.values():
        jsonschema.validate(row, SCHEMA)
    assert rows["good"]["errors"] == [] and rows["good"]["attributions"]
    assert "empty" in rows["empty"]["errors"][0]
    assert "binary" in rows["binary"]["errors"][0]
    assert "English only" in rows["german"]["errors"][0]
    assert "empty" in err


@pytest.mark.model
def test_text_report(capsys, example_text, tmp_path):
    path = tmp_path / "belarus.txt"
    path.write_text(example_text, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "text")
    assert code == 0
    assert "By Zaini Majeed" in out and "Who said what" in out and "the Express" in out


def _shown_count(out: str) -> int:
    return int(out.split("Who said what (", 1)[1].split(" ", 1)[0])


@pytest.mark.model
def test_text_report_holds_back_low_confidence_unless_all(capsys, tmp_path):
    """The author's own "I think" is held back and counted; --all shows it with its confidence."""
    path = tmp_path / "column.txt"
    path.write_text("The mayor said the bridge would reopen on Monday.\n\n"
                    "I think the city will regret it, and we know why.\n", encoding="utf-8")
    _, out, _ = run(capsys, "analyze", str(path), "--format", "text")
    _, everything, _ = run(capsys, "analyze", str(path), "--format", "text", "--all")
    assert "held back with confidence below" in out and "regret" not in out
    assert "regret" in everything and _shown_count(everything) > _shown_count(out)


def test_eval_on_a_missing_corpus_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "eval", str(tmp_path / "nowhere"))
    assert code == 2 and "no corpus split" in err


def test_eval_scores_a_predictions_file(capsys, tiny_corpus, tmp_path):
    predictions = tmp_path / "p.jsonl"
    predictions.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(tiny_corpus), "--split", "dev", "--predictions", str(predictions), "--format", "json")
    assert code == 0 and json.loads(out)["relation"]["f1"] == 0.0


@pytest.mark.model
def test_explain_lists_each_line_left_out_with_its_step_and_reason(capsys, tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text("<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
                    "<p>The council approved the harbour plan on Monday after a long debate.</p>"
                    "<p>Advertisement</p><p>\"The ferries will run in spring,\" the mayor said.</p>"
                    "</article></body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "text", "--explain")
    assert code == 0
    assert "Left out of the body (2 lines)" in out
    assert "boilerplate: an advertisement label" in out and "boilerplate: the headline repeated" in out
    _, plain, _ = run(capsys, "analyze", str(path), "--format", "text")
    assert "Left out of the body" not in plain
    _, out, _ = run(capsys, "analyze", str(path), "--format", "json")
    obj = json.loads(out)
    jsonschema.validate(obj, SCHEMA)
    assert {o["reason"] for o in obj["article"]["boilerplate"]} == {"an advertisement label",
                                                                    "the headline repeated"}
