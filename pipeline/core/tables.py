"""Writing and reading the output tables.

CSV: UTF-8, header row, RFC 4180 quoting (csv module, CRLF line ends), empty cell for a
missing value, ``true``/``false`` for booleans, amounts as exact decimals. Parquet: the
same columns with the dtypes of ``pipeline.schema``.

``TableWriter`` streams: every batch of articles is appended as it finishes (CSV rows to
the table files, Parquet as one part file per batch and table, joined into row groups of
one ``ParquetWriter`` file at the end), so memory stays flat in the corpus size. It
writes into the run's work folder inside ``out`` and ``finish()`` moves the complete set
into place, so an interrupted run never leaves half-written tables. For every article it
records where its rows are (``spans``: byte offsets for CSV, row numbers for Parquet),
which is what the manifest keeps for incremental runs.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from . import schema

if TYPE_CHECKING:   # pandas and pyarrow are imported where used: a CSV run never needs them
    import pandas as pd

FORMATS = ("csv", "parquet")
MANIFEST_PART = "manifest.jsonl"


def cell(value) -> str:
    """A value as a CSV cell: empty for missing, true/false for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: str, rows: list[dict]) -> bytes:
    """Rows of one table as CSV bytes (no header)."""
    if not rows:
        return b""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    cols = schema.columns(table)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in cols])
    return buf.getvalue().encode("utf-8")


def arrow_schema(table: str):
    import pandas as pd
    import pyarrow as pa

    empty = typed_frame(table, pd.DataFrame(columns=schema.columns(table)))
    return pa.Schema.from_pandas(empty, preserve_index=False)


def arrow_rows(table: str, rows: list[dict]):
    import pandas as pd
    import pyarrow as pa

    frame = typed_frame(table, pd.DataFrame(rows, columns=schema.columns(table)))
    return pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False)


class OldTables:
    """The previous run's tables in ``out`` (for ``--incremental``): slices by span."""

    def __init__(self, directory: Path, fmt: str):
        self.directory, self.fmt = Path(directory), fmt
        self._files = {}
        self._groups = {}   # table -> (ParquetFile, [first row of each group], cached (index, table))

    def csv_slice(self, table: str, start: int, end: int) -> bytes:
        fh = self._files.get(table)
        if fh is None:
            fh = self._files[table] = open(self.directory / f"{table}.csv", "rb")
        fh.seek(start)
        return fh.read(end - start)

    def parquet_slice(self, table: str, start: int, end: int):
        import bisect

        import pyarrow as pa
        import pyarrow.parquet as pq

        if table not in self._groups:
            pf = pq.ParquetFile(self.directory / f"{table}.parquet")
            firsts, n = [], 0
            for i in range(pf.num_row_groups):
                firsts.append(n)
                n += pf.metadata.row_group(i).num_rows
            self._groups[table] = [pf, firsts, None]
        pf, firsts, cached = self._groups[table]
        pieces, row = [], start
        while row < end:
            index = bisect.bisect_right(firsts, row) - 1
            if cached is None or cached[0] != index:
                cached = self._groups[table][2] = (index, pf.read_row_group(index))
            group_start = firsts[index]
            take = min(end, group_start + cached[1].num_rows) - row
            pieces.append(cached[1].slice(row - group_start, take))
            row += take
        return pa.concat_tables(pieces) if pieces else arrow_rows(table, [])

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._files.clear()
        self._groups.clear()


def _csv_header(table: str) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(schema.columns(table))
    return buf.getvalue().encode("utf-8")


class TableWriter:
    """Streams batches of articles into the work folder ``work``; ``finish(out)`` moves the
    complete set into ``out``. ``state`` (from the run's journal) continues a partial run:
    every file is cut back to its size at the last committed batch."""

    def __init__(self, work: Path, fmt: str = "csv", *, header: Optional[dict] = None,
                 state: Optional[dict] = None, old: Optional[OldTables] = None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.work, self.fmt, self.old = Path(work), fmt, old
        self.work.mkdir(parents=True, exist_ok=True)
        state = state or {}
        self.batches = state.get("batches", 0)
        self.counts = dict(state.get("counts") or {name: 0 for name in schema.TABLES})
        sizes = state.get("sizes")
        self._files = {}
        if fmt == "csv":
            for name in schema.TABLES:
                self._files[name] = self._open(f"{name}.csv", sizes, _csv_header(name))
        else:
            for part in (self.work / "parts").glob("*/*.parquet"):
                if int(part.stem) >= self.batches:
                    part.unlink()
        first = (json.dumps(header or {}, sort_keys=True) + "\n").encode("utf-8")
        self._files["manifest"] = self._open(MANIFEST_PART, sizes, first)

    def _open(self, filename: str, sizes: Optional[dict], first: bytes):
        path = self.work / filename
        if sizes is None:
            path.write_bytes(first)
        else:
            os.truncate(path, sizes[filename])
        return open(path, "ab")

    def write_batch(self, items: list) -> None:
        """One batch: ``(article, rows, old_spans)`` per article, in input order; ``rows`` is
        None for an article carried over from the previous run through ``old_spans``."""
        spans = [{} for _ in items]
        for name in schema.TABLES:
            if self.fmt == "csv":
                self._csv_table(name, items, spans)
            else:
                self._parquet_table(name, items, spans)
        lines = []
        for (art, rows, _), article_spans in zip(items, spans):
            status = rows["articles"][0]["status"] if rows and rows["articles"] else "ok"
            lines.append(json.dumps({"article_id": art.article_id, "sha256": art.sha256,
                                     "source_path": art.source_path, "status": status, "spans": article_spans}))
        self._files["manifest"].write(("\n".join(lines) + "\n").encode("utf-8") if lines else b"")
        self.batches += 1

    def _csv_table(self, name: str, items: list, spans: list) -> None:
        fh = self._files[name]
        pos, chunks = fh.tell(), []
        for (_, rows, old), article_spans in zip(items, spans):
            if rows is None:
                start, end, n = old[name]
                data = self.old.csv_slice(name, start, end)
            else:
                data, n = csv_bytes(name, rows[name]), len(rows[name])
            article_spans[name] = [pos, pos + len(data), n]
            pos += len(data)
            self.counts[name] += n
            chunks.append(data)
        fh.write(b"".join(chunks))

    def _parquet_table(self, name: str, items: list, spans: list) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pieces, pending, pos = [], [], self.counts[name]
        for (_, rows, old), article_spans in zip(items, spans):
            if rows is None:
                start, end, n = old[name]
                if pending:
                    pieces.append(arrow_rows(name, pending))
                    pending = []
                if n:
                    pieces.append(self.old.parquet_slice(name, start, end))
            else:
                pending.extend(rows[name])
                n = len(rows[name])
            article_spans[name] = [pos, pos + n, n]
            pos += n
        if pending:
            pieces.append(arrow_rows(name, pending))
        self.counts[name] = pos
        if sum(p.num_rows for p in pieces):
            table = pa.concat_tables([p.replace_schema_metadata(None) for p in pieces]).combine_chunks()
            folder = self.work / "parts" / name
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, folder / f"{self.batches:08d}.parquet")

    def sync(self) -> dict:
        """Flush every file; their sizes (what the journal records for a resume)."""
        sizes = {}
        for name, fh in self._files.items():
            fh.flush()
            sizes[Path(fh.name).name] = fh.tell()
        return sizes

    def close(self) -> None:
        for fh in self._files.values():
            fh.close()
        if self.old is not None:
            self.old.close()

    def finish(self, out_dir: Path, manifest_name: str) -> None:
        """Complete every table and move the set and its manifest into ``out_dir``."""
        self.close()
        if self.fmt == "parquet":
            self._join_parts()
        out_dir = Path(out_dir)
        # the old manifest goes first, so it can never describe the new tables
        (out_dir / manifest_name).unlink(missing_ok=True)
        for other in FORMATS:  # a run replaces the whole set, in either format
            for name in schema.TABLES:
                stale = out_dir / f"{name}.{other}"
                if other != self.fmt and stale.exists():
                    stale.unlink()
        for name in schema.TABLES:
            os.replace(self.work / f"{name}.{self.fmt}", out_dir / f"{name}.{self.fmt}")
        os.replace(self.work / MANIFEST_PART, out_dir / manifest_name)
        shutil.rmtree(self.work, ignore_errors=True)

    def _join_parts(self) -> None:
        import pyarrow.parquet as pq

        for name in schema.TABLES:
            with pq.ParquetWriter(self.work / f"{name}.parquet", arrow_schema(name)) as writer:
                for part in sorted((self.work / "parts" / name).glob("*.parquet")):
                    writer.write_table(pq.read_table(part))

    def discard(self) -> None:
        self.close()
        shutil.rmtree(self.work, ignore_errors=True)


def typed_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Cast a table's columns to the schema's dtypes (missing columns are added empty)."""
    import pandas as pd

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
    import pandas as pd

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
