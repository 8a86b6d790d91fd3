"""Shared fixtures: the pipeline is loaded once per test session."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "annotations"


@pytest.fixture(scope="session")
def nlp():
    from pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_run(nlp, tmp_path_factory):
    """The whole corpus run once; tests read its tables."""
    from pipeline import read_tables, run

    out = tmp_path_factory.mktemp("corpus_run")
    # a relative input path, as a user types it: source_path must not depend on the clone's folder
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        summary = run([CORPUS.relative_to(ROOT)], out, nlp=nlp)
    finally:
        os.chdir(cwd)
    return {"summary": summary, "out": out, "tables": read_tables(out)}
