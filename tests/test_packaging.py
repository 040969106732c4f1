"""What a package is expected to carry: its version, licence, changelog and type marker."""
from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

import reportedly
from reportedly.cli import main

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SCHEMA = json.loads((ROOT / "reportedly" / "schema" / "reportedly-1.schema.json").read_text(encoding="utf-8"))


def test_version_comes_from_the_package_metadata():
    assert reportedly.__version__ == version("reportedly")
    assert re.fullmatch(r"\d+\.\d+\.\d+", reportedly.__version__)


def test_version_flag(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"reportedly {reportedly.__version__} (output schema reportedly/1, version {SCHEMA['version']})\n"


def test_licence_is_the_one_pyproject_declares():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_changelog_names_the_current_schema_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([^\]]+)\].*\n\nSchema `reportedly/1`, version \*\*([\d.]+)\*\*", changelog, re.M)
    assert releases[0][1] == SCHEMA["version"]  # the newest entry says which schema it writes
    assert PYPROJECT["project"]["version"] in [name for name, _ in releases]


def test_py_typed_ships_with_the_package():
    assert (Path(reportedly.__file__).parent / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["reportedly"]
