"""Reading one side of an evaluation (the gold folder or a run's prediction folder) into
records per table per article, with the article texts and sentences the report quotes.

Gold is a folder of the output tables themselves (``articles.csv``, ``entities.csv``, ...,
columns of ``pipeline.schema``). CSV is read leniently (a spreadsheet's BOM, padded
headers); Parquet via pandas. Documents carry their parties, and parties know whether
they denote a state.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..core import schema
from ..core.countries import CountryIndex
from ..core.paths import models_dir
from ..core.stage import read_lines
from .matching import norm, same_code, tokens
from .specs import PARTY_REQUIRED, SPECS


class GoldError(ValueError):
    """The gold (or prediction) folder cannot be scored: a usage error, not a score."""


@functools.lru_cache(maxsize=1)
def _country_index() -> CountryIndex:
    """The gazetteer's country names: a gold set without entities still knows "Kazakhstan" is a state."""
    return CountryIndex.load(models_dir() / "entities" / "countries.tsv",
                             models_dir() / "entities" / "former_states.tsv")


def load_state_words() -> frozenset[str]:
    return frozenset(norm(w) for w in read_lines(models_dir() / "evaluate" / "state_words.txt"))


def _present_columns(directory: Path, table: str) -> Optional[list[str]]:
    """The header of a table file, None when the table is absent."""
    csv_path, pq_path = directory / f"{table}.csv", directory / f"{table}.parquet"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            return [c.strip() for c in next(csv.reader(fh), [])]
    if pq_path.exists():
        import pyarrow.parquet as pq
        return list(pq.read_schema(pq_path).names)
    return None


def _convert(value, dtype: str):
    """A CSV cell as the schema's type (empty -> None); unparsable numbers become None."""
    if value is None:
        return None
    value = value.strip()
    if value == "":
        return None
    try:
        if dtype == "Int64":
            return int(float(value))
        if dtype == "Float64":
            return float(value)
    except ValueError:
        return None
    if dtype == "boolean":
        return value.lower() == "true"
    return value


def read_records(directory: Path, table: str) -> list[dict]:
    """A table's rows as plain dicts with every schema column (absent ones None).

    CSV is read leniently (a spreadsheet's BOM, padded headers); Parquet via pandas. An
    absent table is empty.
    """
    dtypes = schema.dtypes(table)
    csv_path, pq_path = directory / f"{table}.csv", directory / f"{table}.parquet"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [c.strip() for c in next(reader, [])]
            out = []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                raw = dict(zip(header, row))
                out.append({c: _convert(raw.get(c), t) for c, t in dtypes.items()})
            return out
    if pq_path.exists():
        import pandas as pd

        from ..core.tables import typed_frame

        frame = typed_frame(table, pd.read_parquet(pq_path))[list(dtypes)].astype(object)
        return frame.where(frame.notna(), None).to_dict("records")
    return []


@dataclass
class RunTables:
    """One side (gold or prediction): records per table per article, and article texts."""

    directory: Path
    present: set                                   # tables whose file exists
    rows: dict                                     # table -> article_id -> [record]
    sentences: dict                                # article_id -> [(start, end, text)]
    texts: dict                                    # article_id -> full text, when findable
    article_ids: list

    def of(self, table: str, article_id: str) -> list[dict]:
        return self.rows.get(table, {}).get(article_id, [])


def load_side(directory, *, gold: bool, state_words: frozenset = frozenset()) -> RunTables:
    directory = Path(directory)
    role = "gold" if gold else "prediction"
    if not directory.is_dir():
        raise GoldError(f"{role} folder not found: {directory}")
    present = set()
    if gold:
        cols = _present_columns(directory, "articles")
        if cols is None:
            raise GoldError(f"gold folder {directory} has no articles.csv: it lists the articles to score")
        if "article_id" not in cols:
            raise GoldError(f"gold {directory}/articles.csv has no article_id column")
        for table, spec in list(SPECS.items()) + [("document_parties", None)]:
            cols = _present_columns(directory, table)
            if cols is None:
                continue
            present.add(table)
            required = spec.required if spec else PARTY_REQUIRED
            missing = [c for c in required if c not in cols]
            if missing:
                raise GoldError(f"gold {table} table in {directory} lacks the scored column(s) "
                                f"{', '.join(missing)} (it has: {', '.join(cols) or 'no header'})")
        if "documents" in present and "document_parties" not in present:
            raise GoldError(f"gold {directory} has documents but no document_parties table")
    else:
        present = {t for t in list(SPECS) + ["document_parties"] if _present_columns(directory, t) is not None}

    frames = {t: read_records(directory, t) for t in list(SPECS) + ["document_parties", "sentences", "articles"]}
    rows: dict = {}
    for table in SPECS:
        by_article = defaultdict(list)
        for rec in frames[table]:
            by_article[rec["article_id"]].append(rec)
        rows[table] = by_article

    # documents carry their parties; parties know whether they denote a state
    ents = rows["entities"]
    gpe_names = {norm(n) for recs in ents.values() for e in recs if same_code(e.get("label"), "GPE")
                 for n in (e.get("canonical"), e.get("text")) if n}
    gpe_ids = {(aid, e.get("entity_id")) for aid, recs in ents.items() for e in recs
               if same_code(e.get("label"), "GPE") and e.get("entity_id") is not None}
    parties = defaultdict(list)
    for rec in sorted(frames["document_parties"],
                      key=lambda r: (r.get("party_order") is None, r.get("party_order") or 0)):
        rec["is_state"] = (bool(set(tokens(rec.get("party"))) & state_words)
                           or (rec["article_id"], rec.get("party_entity_id")) in gpe_ids
                           or norm(rec.get("party")) in gpe_names
                           or _country_index().code(rec.get("party") or "", kinds=("names",)) is not None)
        parties[(rec["article_id"], rec.get("document_id"))].append(rec)
    for aid, docs in rows["documents"].items():
        for d in docs:
            d["parties"] = parties.get((aid, d.get("document_id")), [])

    sentences = defaultdict(list)
    for s in frames["sentences"]:
        if s.get("start") is not None and s.get("end") is not None:
            sentences[s["article_id"]].append((s["start"], s["end"], s.get("text") or ""))

    article_ids, texts = [], {}
    for a in frames["articles"]:
        aid = a.get("article_id")
        if not aid or aid in article_ids:
            continue
        article_ids.append(aid)
        text = _article_text(directory, aid, a.get("source_path"))
        if text is not None:
            texts[aid] = text
    return RunTables(directory, present, rows, dict(sentences), texts, article_ids)


def _article_text(directory: Path, article_id: str, source_path) -> Optional[str]:
    """The article's text: <gold>/texts/<article_id>.txt, else its source_path if readable."""
    candidates = [directory / "texts" / f"{article_id}.txt"]
    if source_path:
        sp = Path(str(source_path))
        candidates += [sp, directory / sp] if not sp.is_absolute() else [sp]
    for c in candidates:
        try:
            if c.is_file() and c.suffix in (".txt", ""):
                return c.read_text(encoding="utf-8")
        except OSError:
            continue
    return None


# --------------------------------------------------------------------------- scoring
