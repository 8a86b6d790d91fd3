"""Loading what the viewer shows: a run's tables grouped per article, and the article texts.

Records are plain dicts (missing values ``None``), read through ``pipeline.read_tables`` so
CSV and Parquet runs look the same. The text is what the offsets point into: the decoded
file (front matter included), the record's ``text`` for ``.jsonl`` inputs (``source_path``
is then ``file.jsonl:LINE``), the extracted text for HTML. A gold folder's
``texts/<article_id>.txt`` (written by ``newsie import-gold``) is used first when present.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from ..core.tables import read_tables

#: the tables shown per article, in the order of the side panel
RECORD_TABLES = ("quotes", "documents", "money", "dates", "signings", "entities")
_JSONL_LINE = re.compile(r"^(?P<path>.+\.jsonl):(?P<line>\d+)$", re.I)


@dataclass
class ArticleData:
    """One article: its ``articles`` row, its text (None when not found) and its records."""

    article_id: str
    meta: dict
    text: Optional[str]
    tables: dict = field(default_factory=dict)     # table -> [record]; documents carry "parties"

    def rows(self, table: str) -> list[dict]:
        return self.tables.get(table, [])

    def counts(self) -> dict:
        return {t: len(self.rows(t)) for t in RECORD_TABLES}


def records(frame: pd.DataFrame) -> list[dict]:
    """A DataFrame as plain dicts with None for missing values."""
    plain = frame.astype(object)
    return plain.where(plain.notna(), None).to_dict("records")


def _jsonl_text(path: Path, line: int) -> Optional[str]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for n, raw in enumerate(fh, 1):
                if n == line:
                    value = json.loads(raw).get("text")
                    return value if isinstance(value, str) else None
    except (OSError, ValueError, AttributeError):
        return None
    return None


def read_article_text(source_path: Optional[str], article_id: str, roots: Iterable[Path] = ()) -> Optional[str]:
    """The text the offsets of ``article_id`` refer to, or None when the source is gone."""
    for root in roots:
        candidate = Path(root) / "texts" / f"{article_id}.txt"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    if not source_path:
        return None
    m = _JSONL_LINE.match(str(source_path))
    raw = Path(m.group("path")) if m else Path(str(source_path))
    tries = [raw if raw.is_absolute() else base / raw
             for base in [Path(".")] + [Path(r) for r in roots] + [Path(r).parent for r in roots]]
    tries += [Path(r) / raw.name for r in roots] + [Path(r) / f"{article_id}{raw.suffix}" for r in roots]
    for path in tries:
        if not path.is_file():
            continue
        if m:
            return _jsonl_text(path, int(m.group("line")))
        from ..core.inputs import read_file

        for art in read_file(path, article_id):
            if art.error is None and art.article_id in (article_id, path.stem):
                return art.text
        return None
    return None


def _by_article(frame: pd.DataFrame, wanted: Optional[set]) -> dict:
    out: dict = {}
    if frame.empty:
        return out
    for rec in records(frame):
        if wanted is None or rec["article_id"] in wanted:
            out.setdefault(rec["article_id"], []).append(rec)
    return out


def load_articles(out_dir, article_ids: Optional[Iterable[str]] = None, *,
                  text_roots: Iterable[Path] = ()) -> list[ArticleData]:
    """Every article of the run in ``out_dir`` (or only ``article_ids``), with text and records."""
    out_dir = Path(out_dir)
    frames = read_tables(out_dir, ["articles", "sentences", "document_parties", *RECORD_TABLES])
    wanted = set(article_ids) if article_ids else None
    grouped = {t: _by_article(frames[t], wanted) for t in frames if t != "articles"}
    parties = {}
    for aid, rows in grouped["document_parties"].items():
        for p in sorted(rows, key=lambda r: (r.get("party_order") is None, r.get("party_order") or 0)):
            parties.setdefault((aid, p.get("document_id")), []).append(p)
    result = []
    roots = [out_dir, *text_roots]
    for meta in records(frames["articles"]):
        aid = meta["article_id"]
        if wanted is not None and aid not in wanted:
            continue
        tables = {t: grouped[t].get(aid, []) for t in (*RECORD_TABLES, "sentences")}
        for doc in tables["documents"]:
            doc["parties"] = parties.get((aid, doc.get("document_id")), [])
        result.append(ArticleData(aid, meta, read_article_text(meta.get("source_path"), aid, roots), tables))
    return result


def empty_tables() -> dict:
    return {t: [] for t in (*RECORD_TABLES, "sentences")}
