"""Golden files: every table of the corpus run, frozen after being read against the texts.

A change in any extraction shows up here as a diff. Regenerate with
`.venv/bin/pytest tests/test_golden.py --force-regen`, then READ the diff: a golden file
is a claim that its content is right, not merely what the code produced.
"""

import pytest

from pipeline.core import schema


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_corpus_table(corpus_run, file_regression, table):
    text = (corpus_run["out"] / f"{table}.csv").read_text(encoding="utf-8")
    file_regression.check(text.replace("\r\n", "\n"), basename=table, extension=".csv")


def test_corpus_runs_clean(corpus_run):
    from conftest import CORPUS

    summary = corpus_run["summary"]
    assert summary.failed == 0, summary.failures
    assert summary.articles == len(list(CORPUS.glob("*.txt")))
