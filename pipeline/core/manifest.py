"""What a finished run records next to its tables, and who may write into ``--out``.

* ``pipeline_version``: one hash of newsie's code, the pipeline config, the rule data it
  points to, and the base model's name and version. A run whose version differs from the
  manifest's reprocesses everything.
* ``newsie.manifest`` (in ``--out``, JSON lines): a header line (version, format, the run's
  settings), then one line per article: id, sha256, source path, status and, per table,
  the span of the article's rows in the table file (byte offsets for CSV, row numbers for
  Parquet). ``--incremental`` carries an unchanged article's rows over through these spans.
* ``RunLock``: ``--out/.newsie.lock`` (an ``flock``), so a second run on the same folder is
  refused instead of racing the first.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
from pathlib import Path
from typing import Iterator, Optional

from .paths import default_config_path

MANIFEST = "newsie.manifest"
LOCK = ".newsie.lock"
PACKAGE = Path(__file__).resolve().parent.parent


class OutputError(OSError):
    """``--out`` cannot be written (read-only, full disk, ...): exit 3."""

    def __init__(self, out: Path, exc: OSError):
        reason = exc.strerror or str(exc)
        super().__init__(exc.errno, f"cannot write to {out}: {reason}")
        self.out = out


class RunLocked(RuntimeError):
    """Another run holds the lock on the same ``--out``."""


def _hash_files(digest, root: Path, pattern: str) -> None:
    for path in sorted(p for p in root.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")


def _config_data_dirs(config_path: Path) -> list[Path]:
    """Folders of rule data a config points to (data_dir and other *_dir/*_table settings)."""
    from .config import read_config

    cfg, cfg_path = read_config(config_path)
    found = set()
    for section in cfg["components"].values():
        for key, value in dict(section).items():
            if (key == "data_dir" or key.endswith(("_dir", "_table"))) and value:
                path = Path(value)
                path = path if path.is_absolute() else cfg_path.parent / path
                found.add(path if path.is_dir() else path.parent)
    return sorted(found)


def pipeline_version(model: Optional[str] = None, config: Optional[Path] = None) -> str:
    """A short hash that changes when the code, the config, the rule data or the model change."""
    import spacy

    from .config import resolve_model_name

    digest = hashlib.sha256()
    _hash_files(digest, PACKAGE, "*.py")
    cfg_path = Path(config).expanduser().resolve() if config else default_config_path()
    digest.update(cfg_path.read_bytes())
    for folder in _config_data_dirs(cfg_path):
        _hash_files(digest, folder, "*")
    name = resolve_model_name(model)
    digest.update(f"{name}\0{spacy.util.get_package_version(name)}\0{spacy.__version__}".encode("utf-8"))
    return digest.hexdigest()[:16]


def article_key(art) -> str:
    """What must be equal for an article's old rows to be reused."""
    return f"{art.article_id}\0{art.sha256}\0{art.source_path}"


def read_header(out_dir: Path) -> Optional[dict]:
    """The manifest's header line (None when there is no readable manifest)."""
    try:
        with open(Path(out_dir) / MANIFEST, encoding="utf-8") as fh:
            return json.loads(fh.readline())
    except (OSError, ValueError):
        return None


def read_manifest(out_dir: Path) -> tuple[Optional[dict], Iterator[dict]]:
    """The header and an iterator over the article lines (``(None, [])`` when absent or unreadable)."""
    path = Path(out_dir) / MANIFEST
    try:
        fh = open(path, encoding="utf-8")
        header = json.loads(fh.readline())
    except (OSError, ValueError):
        return None, iter(())

    def lines() -> Iterator[dict]:
        with fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    return header, lines()


class CarryIndex:
    """The previous run's unchanged articles: for each (a 16-byte digest of its key, kept in
    memory), where its line is in the manifest; the spans are read from there on demand, so
    a million articles cost about 100 MB here."""

    def __init__(self, path: Path, fmt: str):
        self.fmt = fmt
        self._fh = open(path, "rb")
        self._offsets: dict[bytes, int] = {}
        self._fh.readline()                      # the header
        while True:
            offset = self._fh.tell()
            line = self._fh.readline()
            if not line:
                break
            if not line.strip():
                continue
            entry = json.loads(line)
            if entry.get("status") == "ok" and entry.get("sha256"):
                key = f"{entry['article_id']}\0{entry['sha256']}\0{entry['source_path']}"
                self._offsets[_digest(key)] = offset

    @classmethod
    def load(cls, out_dir: Path, settings: dict) -> Optional["CarryIndex"]:
        """The index when the previous run in ``out_dir`` used the same settings, else None."""
        header = read_header(out_dir)
        if header is None or header.get("settings") != settings:
            return None
        return cls(Path(out_dir) / MANIFEST, header["format"])

    def spans(self, art) -> Optional[dict]:
        offset = self._offsets.get(_digest(article_key(art)))
        if offset is None:
            return None
        self._fh.seek(offset)
        return json.loads(self._fh.readline())["spans"]

    def close(self) -> None:
        self._fh.close()

    def __len__(self) -> int:
        return len(self._offsets)


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class RunLock:
    """An exclusive ``flock`` on ``out/.newsie.lock`` for the run's lifetime."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir) / LOCK
        self.fd: Optional[int] = None

    def acquire(self) -> "RunLock":
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise OutputError(self.path.parent, exc) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise RunLocked(f"another newsie run (pid {holder or '?'}) is writing to {self.path.parent}; "
                                    f"wait for it to finish or choose another --out") from None
                raise
            try:  # the file we locked may have been unlinked by a run that just ended
                if os.fstat(fd).st_ino != os.stat(self.path).st_ino:
                    os.close(fd)
                    continue
            except FileNotFoundError:
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            self.fd = fd
            return self

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.unlink(self.path)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None
