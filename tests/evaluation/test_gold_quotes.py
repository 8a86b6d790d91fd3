"""Integrity of the quotes evaluation sets (corpus/eval/quotes, corpus/sealed/quotes,
corpus/sealed2/quotes, corpus/sealed3/quotes, corpus/sealed4/quotes; issue 12).

Only the gold files are read: no pipeline stage runs on these texts."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = {"eval": ROOT / "corpus" / "eval" / "quotes", "sealed": ROOT / "corpus" / "sealed" / "quotes",
        "sealed2": ROOT / "corpus" / "sealed2" / "quotes", "sealed3": ROOT / "corpus" / "sealed3" / "quotes",
        "sealed4": ROOT / "corpus" / "sealed4" / "quotes"}


@pytest.mark.parametrize("name", list(SETS))
def test_quote_gold_is_built_from_its_sources(name):
    """The committed CSVs are exactly what build_gold.py makes of the set's YAML sources."""
    base = SETS[name]
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gold.py"), "--check",
                          "--articles", str(base / "articles"), "--out", str(base / "annotations")],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr


def _build_gold():
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "scripts" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", list(SETS))
def test_speaker_mentions_slice_back_once_the_schema_has_them(name, monkeypatch):
    """With the issue-12 columns in the schema, speaker_start/speaker_end slice to speaker_text
    on every row and every attributed row has a label."""
    bg = _build_gold()
    columns = bg.schema.columns
    monkeypatch.setattr(bg.schema, "columns", lambda table: columns(table) + (
        ["speaker_start", "speaker_end", "speaker_label"] if table == "quotes" else []))
    base = SETS[name]
    rows = bg.build_all(articles_dir=base / "articles", src=base / "annotations" / "src")["quotes"]
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in (base / "articles").glob("*.txt")}
    assert rows
    for r in rows:
        if r["speaker_text"] is None:
            assert r["speaker_start"] is None and r["speaker_end"] is None, r
            continue
        assert texts[r["article_id"]][r["speaker_start"]:r["speaker_end"]] == r["speaker_text"], r
        assert r["speaker_label"] in bg.SPEAKER_LABELS, r
        assert (r["speaker"] is None) == (r["speaker_label"] == "UNNAMED"), r


def test_sealed_set_is_a_third():
    counts = {name: len(list((base / "articles").glob("*.txt"))) for name, base in SETS.items()}
    assert counts["sealed"] >= 13
    assert counts["sealed"] * 3 >= counts["eval"] + counts["sealed"] - 2


def test_quote_sets_do_not_overlap():
    """No text is in two of the quotes sets (by file name and by body text)."""
    sets = [{p.stem for p in (base / "articles").glob("*.txt")} for base in SETS.values()]
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            assert not a & b
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1].strip()
              for base in SETS.values() for p in (base / "articles").glob("*.txt")]
    assert len(bodies) == len(set(bodies))
