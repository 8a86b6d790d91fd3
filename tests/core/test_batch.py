"""The batch end to end: tables, offsets, errors, determinism, multiprocessing."""

import csv
import filecmp
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import read_tables, run, schema
from pipeline.cli import app
from pipeline.core.inputs import read_inputs

ARTICLE = """---
title: Ministers meet
published: 2024-03-06
---
Ministers meet in Astana

ASTANA - Kazakh Foreign Minister Murat Nurtleu met Chinese Foreign Minister Wang Yi on Wednesday.
"We agreed on trade," Nurtleu said. The sides signed a memorandum of understanding on transport.
"""


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Réunion à Almaty.".encode("latin-1"))
    return folder


def test_bad_files_are_rows_and_the_rest_is_written(nlp, mixed_folder, tmp_path):
    summary = run([mixed_folder], tmp_path, nlp=nlp)
    assert (summary.articles, summary.failed) == (4, 3)
    tables = read_tables(tmp_path)
    status = dict(zip(tables["articles"].article_id, tables["articles"].status))
    assert status == {"binary": "error", "empty": "error", "good": "ok", "latin1": "error"}
    errors = dict(zip(tables["articles"].article_id, tables["articles"].error))
    assert "binary" in errors["binary"] and "UTF-8" in errors["latin1"] and "empty" in errors["empty"]
    assert set(tables["sentences"].article_id) == {"good"}


def test_every_table_has_its_columns_and_offsets_slice_back(nlp, mixed_folder, tmp_path):
    run([mixed_folder], tmp_path, nlp=nlp)
    text = (mixed_folder / "good.txt").read_text(encoding="utf-8")
    for name in schema.TABLES:
        with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == schema.columns(name)
    tables = read_tables(tmp_path)
    checked = 0
    for name in schema.OFFSET_TABLES:
        for row in tables[name].itertuples():
            assert text[row.start:row.end] == row.text, (name, row)
            checked += 1
    assert checked > 5
    assert len(tables["sentences"]) >= 4


def test_runs_are_byte_identical(nlp, mixed_folder, tmp_path):
    run([mixed_folder], tmp_path / "a", nlp=nlp)
    run([mixed_folder], tmp_path / "b", nlp=nlp)
    for name in schema.TABLES:
        assert filecmp.cmp(tmp_path / "a" / f"{name}.csv", tmp_path / "b" / f"{name}.csv", shallow=False), name


@pytest.mark.parametrize("n_process", [1, 2])
def test_nlp_pipe_workers_give_the_same_records(nlp, n_process):
    texts = [ARTICLE.split("---\n")[-1], "Putin met Tokayev in Moscow. They signed a treaty on borders."]
    docs = list(nlp.pipe(texts, n_process=n_process))
    single = [nlp(t) for t in texts]
    for a, b in zip(docs, single):
        for attr in ("entities", "quotes", "documents", "money", "dates"):
            assert getattr(a._, attr) == getattr(b._, attr), attr
        assert [s.text for s in a.sents] == [s.text for s in b.sents]


def test_parquet_round_trip_keeps_types(nlp, mixed_folder, tmp_path):
    run([mixed_folder], tmp_path, nlp=nlp, fmt="parquet")
    assert not list(Path(tmp_path).glob("*.csv"))
    tables = read_tables(tmp_path)
    assert str(tables["sentences"]["start"].dtype) == "Int64"
    assert len(tables["articles"]) == 4


def test_cli_exit_codes(mixed_folder, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(mixed_folder / "good.txt"), "--out", str(tmp_path / "ok")])
    assert result.exit_code == 0, result.output
    assert "1 articles: 1 ok, 0 failed" in result.output
    result = runner.invoke(app, ["run", str(mixed_folder), "--out", str(tmp_path / "mixed")])
    assert result.exit_code == 1
    result = runner.invoke(app, ["run", str(tmp_path / "missing"), "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", str(mixed_folder), "--published", "May 5", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", str(mixed_folder), "--model", "no_such_model_xx", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "not installed" in result.output


def test_published_default_applies_to_articles_without_one(tmp_path):
    (tmp_path / "a.txt").write_text("Talks\n\nThey met today.", encoding="utf-8")
    (art,) = read_inputs([tmp_path], published="2022-02-02")
    assert art.published == "2022-02-02"
