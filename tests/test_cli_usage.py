"""Usage errors of `newsie run` are one line on stderr and exit 2 (issue: config and CLI errors)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.paths import default_config_path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "articles" / "00_seed_tokayev_xi_beijing.txt"


def _run(args):
    return CliRunner().invoke(app, ["run", *map(str, args)])


def _one_line_usage_error(result, *needles):
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("newsie: ")
    for needle in needles:
        assert needle in lines[0]


def test_missing_config(tmp_path):
    _one_line_usage_error(_run([SEED, "--out", tmp_path / "o", "--config", tmp_path / "nope.cfg"]),
                          "config file not found", "nope.cfg")


@pytest.mark.parametrize("content", [
    "[newsie\nbase_model = 1\n",                 # broken section header
    "this is not a config at all\n",
    "[other]\nx = 1\n",                          # no [newsie] section
    "[newsie]\nbase_model = \"auto\"\n",         # no [components]
])
def test_malformed_config(tmp_path, content):
    cfg = tmp_path / "bad.cfg"
    cfg.write_text(content, encoding="utf-8")
    _one_line_usage_error(_run([SEED, "--out", tmp_path / "o", "--config", cfg]), "bad.cfg")


def test_out_is_a_file(tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("x", encoding="utf-8")
    _one_line_usage_error(_run([SEED, "--out", target]), "is a file")
    assert target.read_text(encoding="utf-8") == "x"


def test_relative_config_resolves_against_its_folder(tmp_path, monkeypatch):
    # a copy of the config and its rule data elsewhere, named by a path relative to the cwd
    models = tmp_path / "mine" / "models"
    shutil.copytree(default_config_path().parent, models)
    monkeypatch.chdir(tmp_path)
    result = _run([SEED, "--out", tmp_path / "o", "--config", Path("mine/models/newsie.cfg")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "documents.csv").read_bytes() == _default_run(tmp_path)


def _default_run(tmp_path) -> bytes:
    out = tmp_path / "default"
    result = _run([SEED, "--out", out])
    assert result.exit_code == 0, result.output
    return (out / "documents.csv").read_bytes()
