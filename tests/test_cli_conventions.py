"""CLI conventions without the model: logging flags, --output, export to stdout, TSV, help
examples, completion scripts, the progress bar only on a terminal."""
from __future__ import annotations

import csv
import io
import json
import logging
import shutil
import subprocess

import pytest

from corpus_helpers import DOCS, make_store
from reportedly import logs
from reportedly.cli import EXAMPLES, _parser, main
from reportedly.model import Analysis

TEXT = '"We are ready," the general said on Monday.'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def fake_analysis(monkeypatch):
    """analyze without spaCy: every readable input becomes an analysis with no attributions."""
    def analyze_loaded(loaded, **kwargs):
        for item in loaded:
            if item.article is None:
                yield Analysis(item.id, None, errors=(item.error,))
            else:
                yield Analysis(item.id, item.article)

    monkeypatch.setattr("reportedly.parallel.analyze_loaded", analyze_loaded)


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


@pytest.fixture
def dbpath(tmp_path):
    return make_store(tmp_path / "c.db")


# -- logging ----------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, level", [
    ([], logging.WARNING),
    (["-v"], logging.INFO),
    (["-vv"], logging.DEBUG),
    (["-q"], logging.ERROR),
])
def test_logging_flags_before_or_after_the_command(argv, level):
    for args in (argv + ["analyze", "x.txt"], ["analyze", "x.txt"] + argv):
        parsed = _parser().parse_args(args)
        assert logs.level_for(parsed.verbose, parsed.quiet) == level


def test_a_flag_before_the_command_is_not_reset_by_it():
    parsed = _parser().parse_args(["-v", "speakers", "--limit", "3"])
    assert parsed.verbose == 1 and parsed.quiet is False


def test_skipped_inputs_are_warnings_progress_is_info(capsys, fake_analysis, inputs):
    code, out, err = run(capsys, "analyze", str(inputs), "--format", "jsonl")
    assert code == 1 and len(out.splitlines()) == 2
    assert err == "reportedly: empty: empty.txt is empty\n".replace("empty.txt", str(inputs / "empty.txt"))
    code, _, err = run(capsys, "analyze", str(inputs), "--format", "jsonl", "-v")
    assert "reportedly: 2. good: 0 attributions\n" in err and "is empty" in err
    code, _, err = run(capsys, "-q", "analyze", str(inputs), "--format", "jsonl")
    assert code == 1 and err == ""  # the exit status and the output still say it failed


def test_files_of_other_kinds_in_a_folder_are_one_warning(capsys, fake_analysis, inputs):
    (inputs / "a.pdf").write_bytes(b"%PDF")
    (inputs / "b.pdf").write_bytes(b"%PDF")
    (inputs / "c.ann").write_text("T1\tSource 0 3\tWho", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(inputs / "good.txt"), str(inputs), "--format", "jsonl")
    assert f"reportedly: {inputs}: left out 2 .pdf, 1 .ann (not kinds of file reportedly reads)\n" in err
    assert err.count("left out") == 1
    _, _, err = run(capsys, "-q", "analyze", str(inputs), "--format", "jsonl")
    assert "left out" not in err


def test_debug_logs_each_step_time(caplog):
    with caplog.at_level(logging.DEBUG, logger="reportedly.test"):
        laps = logs.Laps(logging.getLogger("reportedly.test"), "a1")
        laps.done("spacy")
    assert [r.getMessage().rsplit(" ", 2)[0] for r in caplog.records] == ["a1: spacy"]
    quiet = logs.Laps(logging.getLogger("reportedly.test"), "a1")
    quiet.done("spacy")  # debug off: nothing logged, nothing timed
    assert len(caplog.records) == 1


# -- analyze --output ---------------------------------------------------------------------------

def test_output_file_takes_its_format_from_the_suffix(capsys, fake_analysis, inputs, tmp_path):
    out_json = tmp_path / "out.json"
    code, out, _ = run(capsys, "analyze", str(inputs / "good.txt"), "--output", str(out_json))
    assert code == 0 and out == ""
    assert json.loads(out_json.read_text(encoding="utf-8"))["id"] == "good"
    out_jsonl = tmp_path / "out.jsonl"
    run(capsys, "analyze", str(inputs), "-o", str(out_jsonl))
    assert [json.loads(line)["id"] for line in out_jsonl.read_text().splitlines()] == ["empty", "good"]
    out_txt = tmp_path / "report.txt"
    run(capsys, "analyze", str(inputs / "good.txt"), "-o", str(out_txt))
    assert out_txt.read_text(encoding="utf-8").startswith("== good ==\n")


def test_output_in_a_folder_being_read_is_not_read_back(capsys, fake_analysis, inputs):
    out = inputs / "analyses.jsonl"  # a kind analyze reads, in the folder it reads
    out.write_text('{"text": "stale"}\n', encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(inputs), "-o", str(out), "-v")
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["empty", "good"]
    assert "analyses.jsonl: not read, it is the output" in err


def test_output_dash_is_stdout_and_an_unwritable_file_is_a_usage_error(capsys, fake_analysis, inputs, tmp_path):
    code, out, _ = run(capsys, "analyze", str(inputs / "good.txt"), "--output", "-", "--format", "jsonl")
    assert code == 0 and json.loads(out)["id"] == "good"
    code, _, err = run(capsys, "analyze", str(inputs / "good.txt"), "--output", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 2 and "cannot write" in err


# -- export and TSV ---------------------------------------------------------------------------

def test_export_one_table_to_stdout(capsys, dbpath):
    code, out, _ = run(capsys, "export", "--db", dbpath, "--format", "tsv", "--table", "attributions", "--out", "-")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert len(rows) == 7 and {"article", "speaker", "content"} <= set(rows[0])
    code, out, _ = run(capsys, "export", "--db", dbpath, "--format", "jsonl", "--table", "articles", "--out", "-")
    assert [json.loads(line)["document"]["schema"] for line in out.splitlines()] == ["reportedly/1"] * len(DOCS)


def test_export_to_stdout_needs_one_text_table(capsys, dbpath):
    code, out, err = run(capsys, "export", "--db", dbpath, "--out", "-")
    assert code == 1 and out == "" and "--table" in err
    code, out, err = run(capsys, "export", "--db", dbpath, "--format", "parquet", "--table", "articles", "--out", "-")
    assert code == 1 and out == "" and "parquet" in err


def test_export_tsv_files_and_chosen_tables(capsys, dbpath, tmp_path):
    code, _, _ = run(capsys, "export", "--db", dbpath, "--format", "tsv", "--table", "speakers", "--table", "clusters", "--out", str(tmp_path / "x"))
    assert code == 0 and sorted(p.name for p in (tmp_path / "x").iterdir()) == ["clusters.tsv", "speakers.tsv"]
    header = (tmp_path / "x" / "speakers.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "name\ttype\tstatements\tarticles"


def test_queries_as_tsv(capsys, dbpath):
    code, out, _ = run(capsys, "speakers", "--db", dbpath, "--format", "tsv")
    assert code == 0 and out.splitlines()[0].split("\t")[0] == "name"
    _, csv_out, _ = run(capsys, "speakers", "--db", dbpath, "--format", "csv")
    assert [line.split("\t") for line in out.splitlines()] == [row for row in csv.reader(io.StringIO(csv_out))]


# -- ingest progress ----------------------------------------------------------------------------

@pytest.mark.parametrize("tty, argv, bar", [
    (False, [], False),       # redirected to a log: no bar
    (True, [], True),
    (True, ["-q"], False),
    (True, ["-v"], False),    # info lines instead of a bar
])
def test_progress_bar_only_on_a_terminal(monkeypatch, capsys, tmp_path, tty, argv, bar):
    seen = {}

    def ingest_paths(db, paths, options, **kwargs):
        from reportedly.store.ingest import IngestReport

        seen.update(kwargs)
        return IngestReport(stored=1)

    monkeypatch.setattr("reportedly.fetch.sources.ingest_paths", ingest_paths)
    monkeypatch.setattr("sys.stderr.isatty", lambda: tty, raising=False)
    code, _, _ = run(capsys, *argv, "ingest", str(tmp_path), "--db", str(tmp_path / "c.db"))
    assert code == 0 and seen["progress"] is bar


def test_ingest_quiet_flag_still_works(monkeypatch, capsys, tmp_path):
    parsed = _parser().parse_args(["ingest", str(tmp_path), "--quiet"])
    assert parsed.quiet is True


# -- help and completion --------------------------------------------------------------------------

def test_every_command_has_an_example_in_its_help(capsys):
    commands = next(a for a in _parser()._actions if a.dest == "command").choices
    assert set(commands) == set(EXAMPLES)
    for name in commands:
        with pytest.raises(SystemExit):
            main([name, "--help"])
        help_text = capsys.readouterr().out
        assert f"example:\n  reportedly {name}" in help_text, name


def _complete(shell: str, script: str, words: list[str]) -> list[str]:
    # The word list as the shell hands it to the function; zsh runs it under sh emulation, as
    # its bashcompinit layer does.
    setup = "emulate -L sh; setopt kshglob noshglob braceexpand;" if shell == "zsh" else ""
    quoted = " ".join(f"'{w}'" for w in words)
    program = f"""{script}
t() {{ {setup} COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _reportedly; printf '%s\\n' "${{COMPREPLY[@]}}"; }}
t"""
    result = subprocess.run([shell, "-c", program], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_scripts(capsys, shell):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    code, script, _ = run(capsys, "completion", shell)
    assert code == 0
    # bash filters by the word typed; zsh's layer leaves that to zsh, so filter here too.
    def complete(*words):
        return [w for w in _complete(shell, script, ["reportedly", *words]) if w.startswith(words[-1])]

    assert complete("ana") == ["analyze"]
    assert complete("-v", "exp") == ["export"]
    assert complete("analyze", "--format", "") == ["json", "jsonl", "text"]
    assert complete("export", "--format", "t") == ["tsv"]
    assert "--output" in complete("analyze", "--o")
    assert complete("completion", "") == ["bash", "zsh"]


def test_completion_knows_every_command(capsys):
    _, script, _ = run(capsys, "completion", "bash")
    for name in EXAMPLES:
        assert f"        {name})\n" in script


@pytest.mark.model
def test_vv_times_each_pipeline_step(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "-vv", "analyze", str(tmp_path / "good.txt"), "--format", "jsonl")
    steps = [line.split(": ", 2)[2].split()[0] for line in err.splitlines() if line.startswith("reportedly: good: ") and line.endswith(" ms")]
    assert code == 0 and steps == ["language", "spacy", "attributions", "provenance"]
