"""The work folder of a run, ``--out/.newsie-partial``, and its journal.

The tables of a run in progress grow in this folder (see ``tables.TableWriter``). After
every batch the journal gets one line: batches and articles done, a running digest of the
articles done (id, sha256, path), the row counts and every file's size. That line is the
commit point: ``--resume`` cuts every file back to the sizes of the last line and goes on
from the next article, so a run killed at any moment (even SIGKILL) resumes into tables
byte-identical to an uninterrupted run. Any run that does not resume removes the folder
(and any other ``.newsie-*`` folder a killed run left) before it starts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Optional

PARTIAL = ".newsie-partial"
JOURNAL = "journal.jsonl"
SETTINGS = "settings.json"


def remove_stale(out_dir: Path, keep: Optional[Path] = None) -> list[Path]:
    """Remove work folders (``.newsie-*``) left by killed runs; the removed paths."""
    removed = []
    for path in sorted(Path(out_dir).glob(".newsie-*")):
        if path.is_dir() and path != keep:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def digest_step(digest: str, art) -> str:
    """The running digest of the articles done, one article further."""
    key = f"{digest}\0{art.article_id}\0{art.sha256}\0{art.source_path}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class Partial:
    """The work folder and its journal."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / PARTIAL
        self._journal = None

    def recover(self, settings: dict) -> Optional[dict]:
        """The last committed state of a partial run with the same settings, else None."""
        try:
            saved = json.loads((self.path / SETTINGS).read_text(encoding="utf-8"))
            lines = (self.path / JOURNAL).read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            return None
        if saved != settings:
            return None
        state = None
        for line in lines:
            try:
                state = json.loads(line)
            except ValueError:  # a line cut by a kill: the previous one is the state
                break
        return state

    def start(self, settings: dict) -> None:
        """A fresh work folder for these settings."""
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        (self.path / SETTINGS).write_text(json.dumps(settings, sort_keys=True), encoding="utf-8")
        (self.path / JOURNAL).write_bytes(b"")

    def continue_from(self, state: dict) -> None:
        """Resume: the journal keeps only the state the run goes on from."""
        (self.path / JOURNAL).write_text(json.dumps(state, sort_keys=True) + "\n", encoding="utf-8")

    def commit(self, state: dict) -> None:
        if self._journal is None:
            self._journal = open(self.path / JOURNAL, "ab")
        self._journal.write((json.dumps(state, sort_keys=True) + "\n").encode("utf-8"))
        self._journal.flush()

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
