"""Helpers for the run tests (tests/core/test_run_*.py, test_engine_*.py): small corpora and
the bytes of a run's table set."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline import run, schema
from pipeline.core.manifest import MANIFEST


def write_corpus(folder: Path, texts, stem: str = "a") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{stem}{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def table_bytes(out: Path, fmt: str = "csv", manifest: bool = False) -> dict:
    found = {name: (out / f"{name}.{fmt}").read_bytes() for name in schema.TABLES}
    if manifest:
        found[MANIFEST] = (out / MANIFEST).read_bytes()
    return found


def run_relative(root: Path, out: Path, **options):
    """A run over ``root/corpus`` given as the relative path "corpus" (as a user in ``root``
    types it), so that source paths match any other run from another root."""
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return run([Path("corpus")], out, **options)
    finally:
        os.chdir(cwd)
