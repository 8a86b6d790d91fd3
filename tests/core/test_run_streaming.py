"""Streaming runs: tables grow batch by batch, workers agree byte for byte, incremental
reruns carry rows over, the lock, stale work folders and an unwritable --out."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import run
from pipeline.api import OutputError, RunLocked
from pipeline.cli import app
from pipeline.core.manifest import LOCK, MANIFEST, RunLock, read_manifest
from pipeline.core.partial import PARTIAL
from pipeline.core.tables import TableWriter
from runs import run_relative, table_bytes, write_corpus

TEXTS = [
    "Talks in Astana\n\nKazakh Foreign Minister Murat Nurtleu met Wang Yi on Monday. \"We agreed on trade,\" Nurtleu said.",
    "Deal signed\n\nThe sides signed a memorandum of understanding on transport worth $2 billion on 5 March 2024.",
    "Visit\n\nPresident Tokayev visited Beijing. China and Kazakhstan signed an agreement on energy.",
    "Aid\n\nThe United States will provide $845 million in assistance to Jordan, the State Department said.",
    "Empty-ish\n\nNo names here at all, only words.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("stream") / "corpus", TEXTS)


@pytest.fixture(scope="module")
def reference(nlp, corpus, tmp_path_factory):
    """Full runs over ``corpus`` given as the relative path "corpus" (so source paths match
    any other folder's "corpus")."""
    outs = {fmt: tmp_path_factory.mktemp(f"ref_{fmt}") for fmt in ("csv", "parquet")}
    for fmt, out in outs.items():
        run_relative(corpus.parent, out, nlp=nlp, fmt=fmt, batch_size=2)
    return outs


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".newsie"))


def test_rows_are_written_as_batches_finish(nlp, corpus, tmp_path):
    seen = []

    def progress(done, total):
        rows = (tmp_path / PARTIAL / "articles.csv").read_bytes().count(b"\r\n") - 1
        seen.append((done, total, rows))

    run([corpus], tmp_path, nlp=nlp, batch_size=2, progress=progress)
    assert seen == [(0, 5, 0), (2, 5, 2), (4, 5, 4), (5, 5, 5)]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_two_workers_write_the_same_bytes(nlp, corpus, reference, tmp_path, fmt, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    summary = run([Path("corpus")], tmp_path, nlp=nlp, fmt=fmt, workers=2, batch_size=2)
    assert summary.processed == 5
    assert table_bytes(tmp_path, fmt) == table_bytes(reference[fmt], fmt)
    assert leftovers(tmp_path) == []


def test_parquet_has_one_row_group_per_batch(reference):
    import pyarrow.parquet as pq

    groups = pq.ParquetFile(reference["parquet"] / "articles.parquet").num_row_groups
    assert groups == 3   # 5 articles in batches of 2


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_incremental_rerun_of_an_unchanged_corpus_changes_no_byte(nlp, corpus, reference, tmp_path, fmt):
    run([corpus], tmp_path, nlp=nlp, fmt=fmt, batch_size=2)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    summary = run([corpus], tmp_path, nlp=nlp, fmt=fmt, batch_size=2, incremental=True)
    assert (summary.processed, summary.carried) == (0, 5)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_incremental_processes_only_new_or_changed_articles(nlp, reference, tmp_path, fmt, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = write_corpus(Path("corpus"), TEXTS[:4])
    (old / "a01.txt").write_text("Changed\n\nPutin met Tokayev in Moscow.", encoding="utf-8")
    out = tmp_path / "out"
    run([old], out, nlp=nlp, fmt=fmt, batch_size=2)
    new = write_corpus(Path("corpus"), TEXTS)          # a01 changed back, a04 new
    summary = run([new], out, nlp=nlp, fmt=fmt, batch_size=2, incremental=True)
    assert (summary.processed, summary.carried) == (2, 3)
    assert table_bytes(out, fmt) == table_bytes(reference[fmt], fmt)
    assert (out / MANIFEST).read_bytes() == (reference[fmt] / MANIFEST).read_bytes()


def test_a_changed_pipeline_version_reprocesses_everything(nlp, corpus, tmp_path, monkeypatch):
    run([corpus], tmp_path, nlp=nlp)
    monkeypatch.setattr("pipeline.api.pipeline_version", lambda model, config: "another-version")
    summary = run([corpus], tmp_path, nlp=nlp, incremental=True)
    assert (summary.processed, summary.carried) == (5, 0)
    header, _ = read_manifest(tmp_path)
    assert header["settings"]["version"] == "another-version"


def test_manifest_records_each_article(nlp, reference, corpus):
    header, entries = read_manifest(reference["csv"])
    entries = list(entries)
    assert header["format"] == "csv" and len(header["settings"]["version"]) == 16
    assert [e["article_id"] for e in entries] == [f"a{i:02d}" for i in range(5)]
    data = (reference["csv"] / "entities.csv").read_bytes()
    for entry in entries:
        start, end, n = entry["spans"]["entities"]
        assert data[start:end].count(b"\r\n") >= n
        assert all(line.startswith(entry["article_id"].encode()) for line in data[start:end].splitlines() if line)


def test_stale_work_folders_are_removed_at_the_start(nlp, corpus, tmp_path):
    (tmp_path / PARTIAL).mkdir()
    (tmp_path / PARTIAL / "articles.csv").write_text("junk")
    (tmp_path / ".newsie-abc123").mkdir()
    run([corpus], tmp_path, nlp=nlp)
    assert leftovers(tmp_path) == []


def test_a_second_run_on_the_same_out_is_refused(corpus, tmp_path):
    lock = RunLock(tmp_path).acquire()
    try:
        with pytest.raises(RunLocked, match="another newsie run"):
            run([corpus], tmp_path)
        result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path), "-q"])
        assert result.exit_code == 2 and "another newsie run" in result.output
    finally:
        lock.release()
    assert not (tmp_path / LOCK).exists()


def test_a_full_disk_ends_with_exit_3_and_leaves_nothing(corpus, tmp_path, monkeypatch):
    def full(self, items):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(TableWriter, "write_batch", full)
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 3
    assert result.stderr.strip().count("\n") == 0 and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_out_ends_with_exit_3(corpus, nlp):
    with pytest.raises(OutputError):
        run([corpus], Path("/sys/newsie-cannot-write-here"), nlp=nlp)
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", "/sys/newsie-out", "-q"])
    assert result.exit_code == 3 and result.stderr.startswith("newsie: cannot write to /sys/newsie-out")
