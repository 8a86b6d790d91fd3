"""Writing and reading the output tables.

CSV: UTF-8, header row, RFC 4180 quoting (csv module, CRLF line ends), empty cell for a
missing value, ``true``/``false`` for booleans, amounts as exact decimals. Parquet: the
same columns with the dtypes of ``pipeline.schema``. Tables are written into a temporary
folder inside ``out`` and moved into place only when every table is complete, so an
interrupted run never leaves half-written tables.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from . import schema

FORMATS = ("csv", "parquet")


def cell(value) -> str:
    """A value as a CSV cell: empty for missing, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class TableWriter:
    """Streams rows into one file per table; ``close()`` moves them into place."""

    def __init__(self, out_dir: Path, fmt: str = "csv"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.tmp = Path(tempfile.mkdtemp(prefix=".newsie-", dir=self.out_dir))
        self.counts = {name: 0 for name in schema.TABLES}
        self._files = {}
        self._writers = {}
        self._buffers = {name: [] for name in schema.TABLES}
        if fmt == "csv":
            for name in schema.TABLES:
                fh = open(self.tmp / f"{name}.csv", "w", encoding="utf-8", newline="")
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(schema.columns(name))
                self._files[name], self._writers[name] = fh, writer

    def write(self, rows: dict[str, list[dict]]) -> None:
        for name, table_rows in rows.items():
            cols = schema.columns(name)
            for row in table_rows:
                if self.fmt == "csv":
                    self._writers[name].writerow([cell(row.get(c)) for c in cols])
                else:
                    self._buffers[name].append(row)
            self.counts[name] += len(table_rows)

    def close(self) -> None:
        """Finish every table and move the set into ``out_dir`` (replacing an older set)."""
        for fh in self._files.values():
            fh.close()
        if self.fmt == "parquet":
            for name, buf in self._buffers.items():
                frame = typed_frame(name, pd.DataFrame(buf, columns=schema.columns(name)))
                frame.to_parquet(self.tmp / f"{name}.parquet", index=False)
        for other in FORMATS:  # a run replaces the whole set, in either format
            for name in schema.TABLES:
                stale = self.out_dir / f"{name}.{other}"
                if other != self.fmt and stale.exists():
                    stale.unlink()
        for name in schema.TABLES:
            os.replace(self.tmp / f"{name}.{self.fmt}", self.out_dir / f"{name}.{self.fmt}")
        shutil.rmtree(self.tmp, ignore_errors=True)

    def abort(self) -> None:
        for fh in self._files.values():
            fh.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_tables(rows_per_article: Iterable[dict[str, list[dict]]], out_dir: Path, fmt: str = "csv") -> dict[str, int]:
    """Write all rows; returns the number of rows per table."""
    writer = TableWriter(out_dir, fmt)
    try:
        for rows in rows_per_article:
            writer.write(rows)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return writer.counts


def typed_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Cast a table's columns to the schema's dtypes (missing columns are added empty)."""
    out = {}
    for col, dtype in schema.dtypes(table).items():
        series = frame[col] if col in frame else pd.Series([None] * len(frame), dtype="object")
        series = series.astype("object").where(series.astype("object") != "", None)
        if dtype == "boolean":
            series = series.map(lambda v: None if v is None or v == "" or (isinstance(v, float) and pd.isna(v))
                                else (v if isinstance(v, bool) else str(v).lower() == "true"))
        elif dtype in ("Int64", "Float64"):
            series = pd.to_numeric(series.replace("", None), errors="coerce")
        out[col] = series.astype(dtype)
    extra = [c for c in frame.columns if c not in out]
    result = pd.DataFrame(out, index=frame.index)
    for c in extra:
        result[c] = frame[c]
    return result


def read_table(directory: Path, table: str) -> pd.DataFrame:
    """One table of a run (CSV or Parquet), typed; an absent table is an empty frame."""
    directory = Path(directory)
    csv_path, pq_path = directory / f"{table}.csv", directory / f"{table}.parquet"
    if csv_path.exists():
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    elif pq_path.exists():
        frame = pd.read_parquet(pq_path)
    else:
        frame = pd.DataFrame(columns=schema.columns(table))
    return typed_frame(table, frame)


def read_tables(directory: Path, tables: Optional[Iterable[str]] = None) -> dict[str, pd.DataFrame]:
    """All tables of a run as typed DataFrames, keyed by table name."""
    return {name: read_table(directory, name) for name in (tables or schema.TABLES)}
