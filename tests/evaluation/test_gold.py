"""Integrity of the hand-annotated gold tables in corpus/annotations/ (no pipeline needed)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core import schema

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "annotations"
GOLD_TABLES = [name for name in schema.TABLES if name != "sentences"]
ID_COLUMN = {"entities": "mention_id", "quotes": "quote_id", "documents": "document_id", "money": "money_id",
             "dates": "date_id", "signings": "signing_id"}


def read(table: str) -> tuple[list[str], list[dict]]:
    with open(GOLD / f"{table}.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def texts():
    return {p.stem: p.read_bytes().decode("utf-8") for p in CORPUS.glob("*.txt")}


@pytest.mark.parametrize("table", GOLD_TABLES)
def test_columns_are_the_schema(table):
    header, _ = read(table)
    assert header == schema.columns(table)


@pytest.mark.parametrize("table", [t for t in GOLD_TABLES if "start" in schema.columns(t)])
def test_offsets_slice_back_to_text(table, texts):
    _, rows = read(table)
    for row in rows:
        text = texts[row["article_id"]]
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end <= len(text)
        assert text[start:end] == row["text"], (table, row)


@pytest.mark.parametrize("table", list(ID_COLUMN))
def test_ids_unique_and_in_order_of_start(table):
    _, rows = read(table)
    id_col = ID_COLUMN[table]
    by_article = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    for aid, arows in by_article.items():
        ids = [int(r[id_col]) for r in arows]
        assert ids == list(range(len(ids))), (table, aid)
        starts = [int(r["start"]) for r in arows]
        assert starts == sorted(starts), (table, aid)


def test_document_parties_refer_to_documents():
    _, docs = read("documents")
    _, parties = read("document_parties")
    known = {(d["article_id"], d["document_id"]) for d in docs}
    for p in parties:
        assert (p["article_id"], p["document_id"]) in known, p
    keys = [(p["article_id"], p["document_id"], p["party_order"]) for p in parties]
    assert len(keys) == len(set(keys))


def test_references_resolve():
    _, ents = read("entities")
    ent_ids = {(e["article_id"], e["entity_id"]) for e in ents}
    _, quotes = read("quotes")
    for q in quotes:
        if q["speaker_entity_id"]:
            assert (q["article_id"], q["speaker_entity_id"]) in ent_ids, q
    _, parties = read("document_parties")
    for p in parties:
        if p["party_entity_id"]:
            assert (p["article_id"], p["party_entity_id"]) in ent_ids, p
    _, money = read("money")
    money_ids = {(m["article_id"], m["money_id"]) for m in money}
    for m in money:
        if m["equivalent_of"]:
            assert (m["article_id"], m["equivalent_of"]) in money_ids, m


def test_one_canonical_per_entity_id():
    _, ents = read("entities")
    seen = {}
    for e in ents:
        key = (e["article_id"], e["entity_id"])
        assert seen.setdefault(key, e["canonical"]) == e["canonical"], e


def test_every_article_has_an_articles_row():
    _, arts = read("articles")
    ids = [a["article_id"] for a in arts]
    assert len(ids) == len(set(ids))
    assert set(ids) == {p.stem for p in CORPUS.glob("*.txt")}


def test_gold_is_built_from_the_sources():
    """The committed CSVs are exactly what scripts/build_gold.py makes of the YAML sources."""
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gold.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr


def _check_set(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gold.py"), "--check",
                           "--articles", str(folder / "articles"), "--out", str(folder / "annotations")],
                          capture_output=True, text=True, cwd=ROOT)


def test_heldout_gold_is_built_from_its_sources():
    """The held-out set (corpus/heldout) is checked the same way: its CSVs are what
    build_gold.py makes of its YAML sources (offsets found, values valid)."""
    res = _check_set(ROOT / "corpus" / "heldout")
    assert res.returncode == 0, res.stderr


DOCUMENT_SETS = [ROOT / "corpus" / "eval" / "documents", ROOT / "corpus" / "sealed" / "documents",
                 ROOT / "corpus" / "sealed2" / "documents", ROOT / "corpus" / "sealed3" / "documents",
                 ROOT / "corpus" / "sealed4" / "documents"]


@pytest.mark.parametrize("folder", DOCUMENT_SETS, ids=["eval", "sealed", "sealed2", "sealed3", "sealed4"])
def test_documents_sets_are_built_from_their_sources(folder):
    """The documents evaluation set and its sealed third (documents tables only): the CSVs are
    what build_gold.py makes of the sources, and only the annotated tables are present."""
    res = _check_set(folder)
    assert res.returncode == 0, res.stderr
    present = sorted(p.stem for p in (folder / "annotations").glob("*.csv"))
    assert present == ["articles", "document_parties", "documents", "signings"]


def test_documents_sets_do_not_overlap():
    """No text is in two of the sets (development part, sealed part, second and third sealed sets),
    by file name and by body text."""
    sets = [{p.stem for p in (f / "articles").glob("*.txt")} for f in DOCUMENT_SETS]
    assert all(sets)
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            assert not a & b
    bodies = [p.read_text(encoding="utf-8").split("---", 2)[-1].strip()
              for f in DOCUMENT_SETS for p in (f / "articles").glob("*.txt")]
    assert len(bodies) == len(set(bodies))
