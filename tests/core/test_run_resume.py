"""Interrupted runs: SIGINT/SIGTERM stop cleanly and resume; SIGKILL of a --workers 2 run
takes its workers with it, and --resume then writes the same bytes as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from pipeline import run
from pipeline.api import Interrupted
from pipeline.cli import app
from pipeline.core.manifest import MANIFEST
from pipeline.core.partial import JOURNAL, PARTIAL
from runs import run_relative, table_bytes, write_corpus

TEXTS = [f"Meeting {i}\n\nForeign Minister Murat Nurtleu met Wang Yi in Astana on {i + 1} March 2024. "
         f"The sides signed {i + 2} agreements worth ${i + 1} billion." for i in range(12)]


def all_bytes(out: Path) -> dict:
    return table_bytes(out, manifest=True)


@pytest.fixture(scope="module")
def folder(nlp, tmp_path_factory):
    """A corpus and an uninterrupted run over it (input given as the relative "corpus")."""
    root = tmp_path_factory.mktemp("resume")
    write_corpus(root / "corpus", TEXTS, stem="m")
    run_relative(root, root / "reference", nlp=nlp, batch_size=3)
    return root


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_after_the_batch_and_resume_completes(nlp, folder, tmp_path, monkeypatch, signum):
    monkeypatch.chdir(folder)
    out = tmp_path / "out"

    def progress(done, total):
        if done == 3:
            os.kill(os.getpid(), signum)

    with pytest.raises(Interrupted) as caught:
        run([Path("corpus")], out, nlp=nlp, batch_size=3, progress=progress)
    assert caught.value.summary.articles == 3
    assert (out / PARTIAL / JOURNAL).exists() and not (out / MANIFEST).exists()
    summary = run([Path("corpus")], out, nlp=nlp, batch_size=3, resume=True)
    assert (summary.resumed_from, summary.processed, summary.articles) == (3, 9, 12)
    assert all_bytes(out) == all_bytes(folder / "reference")
    assert not [p for p in out.iterdir() if p.name.startswith(".newsie")]


def test_ctrl_c_prints_how_to_resume_and_exits_130(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder)
    from pipeline.core import progress as progress_module

    def interrupting(self, done, total):
        if done:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(progress_module.Progress, "__call__", interrupting)
    result = CliRunner().invoke(app, ["run", "corpus", "--out", str(tmp_path / "out"), "--batch-size", "3"])
    assert result.exit_code == 130
    assert "interrupted (SIGINT) after 3 of 12 articles" in result.output
    assert "--resume" in result.output


def test_resume_of_a_finished_run_changes_nothing(nlp, folder, tmp_path, monkeypatch):
    monkeypatch.chdir(folder)
    run([Path("corpus")], tmp_path, nlp=nlp, batch_size=3)
    summary = run([Path("corpus")], tmp_path, nlp=nlp, batch_size=3, resume=True)
    assert (summary.processed, summary.carried) == (0, 12)
    assert all_bytes(tmp_path) == all_bytes(folder / "reference")


def _journal_lines(out: Path) -> int:
    try:
        return (out / PARTIAL / JOURNAL).read_bytes().count(b"\n")
    except OSError:
        return 0


def test_sigkill_of_two_workers_leaves_none_and_resume_is_byte_identical(folder, tmp_path):
    out = tmp_path / "out"
    newsie = [sys.executable, "-m", "pipeline.cli", "run", "corpus", "--out", str(out), "--batch-size", "1", "-q"]
    proc = subprocess.Popen(newsie + ["--workers", "2"], cwd=folder, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers = []
    deadline = time.monotonic() + 120
    while _journal_lines(out) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = psutil.Process(proc.pid).children(recursive=True) or workers
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"workers still alive 10 s after their parent was killed: {alive}"
    assert (out / PARTIAL).exists()

    done = subprocess.run(newsie + ["--resume"], cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "done before the resume" in done.stdout
    assert all_bytes(out) == all_bytes(folder / "reference")
    assert not [p for p in out.iterdir() if p.name.startswith(".newsie")]
