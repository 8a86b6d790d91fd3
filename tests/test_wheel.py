"""A wheel that carries everything: built from the checkout, installed into a fresh venv outside
it, `newsie run` from another directory writes the same tables byte for byte; and the pipeline
packaged the spaCy way (`newsie package OUT`) loads with plain `spacy.load` and gives the same
tables."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "articles" / "00_seed_tokayev_xi_beijing.txt"
TABLES = ["articles", "sentences", "entities", "quotes", "documents", "document_parties", "money",
          "dates", "signings"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # built from a clean copy of the sources: an in-tree build/ folder left by an earlier
    # build would otherwise leak stale modules into the wheel
    src = tmp_path_factory.mktemp("src") / "newsie"
    shutil.copytree(ROOT, src, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "*.egg-info", "corpus", "tests", "outputs", "docs", "__pycache__", ".pytest_cache"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(src)], check=True, capture_output=True, text=True)
    (found,) = dist.glob("newsie-*.whl")
    return found


def test_wheel_carries_config_and_rule_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pipeline/models/newsie.cfg" in names
    shipped = {n for n in names if n.startswith("pipeline/models/")}
    on_disk = {f"pipeline/models/{p.relative_to(ROOT / 'pipeline' / 'models').as_posix()}"
               for p in (ROOT / "pipeline" / "models").rglob("*") if p.is_file()}
    assert on_disk <= shipped, sorted(on_disk - shipped)
    assert not any(n.startswith(("tests/", "corpus/", "models/")) for n in names)


def _checkout_run(out: Path) -> None:
    from pipeline import run

    summary = run([SEED], out)
    assert summary.failed == 0


def _same_tables(a: Path, b: Path) -> None:
    for table in TABLES:
        assert filecmp.cmp(a / f"{table}.csv", b / f"{table}.csv", shallow=False), table


def test_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    vpy = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(vpy), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, text=True)
    # the dependencies come from this environment's site-packages (as a path entry only: its
    # editable newsie finder is not activated, so `pipeline` can only come from the wheel)
    site = subprocess.run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(vpy), "-c", "import pipeline; print(pipeline.__file__)"], cwd=elsewhere,
                           check=True, capture_output=True, text=True).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    result = subprocess.run([str(venv / "bin" / "newsie"), "run", str(SEED), "--out", "tables"],
                            cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    _checkout_run(tmp_path / "checkout")
    _same_tables(elsewhere / "tables", tmp_path / "checkout")


def test_packaged_pipeline_loads_with_spacy(nlp, tmp_path):
    import spacy

    from pipeline import __version__, run
    from pipeline.core.package import package_pipeline

    package_pipeline(nlp, tmp_path / "pkg", __version__)
    assert "models" not in (tmp_path / "pkg" / "config.cfg").read_text(encoding="utf-8")
    loaded = spacy.load(tmp_path / "pkg")
    assert loaded.pipe_names == nlp.pipe_names
    run([SEED], tmp_path / "packaged", nlp=loaded)
    run([SEED], tmp_path / "plain", nlp=nlp)
    _same_tables(tmp_path / "packaged", tmp_path / "plain")


def test_package_command(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["package", str(tmp_path / "pkg")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pkg" / "config.cfg").is_file() and (tmp_path / "pkg" / "meta.json").is_file()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert CliRunner().invoke(app, ["package", str(tmp_path / "file")]).exit_code == 2
