"""Reading article files into plain ``ArticleInput`` records.

Formats: ``.txt`` (UTF-8, optional YAML front matter between ``---`` lines at the very top),
``.jsonl`` (one article per line: id, text, optional title/published/url/source), ``.html``
/``.htm`` (main text extracted with trafilatura). Directories are walked recursively in
sorted order, following folder symlinks. Whatever is wrong with one input (an unreadable
folder, a broken symlink or a symlink loop, a FIFO, a file that is not UTF-8, bad front
matter or metadata, a bad JSON line) becomes an ``ArticleInput`` with ``error`` set,
never an exception: the batch reports it and goes on. Metadata checks live in
``pipeline.core.metadata``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional

from .metadata import (MAX_FRONT_MATTER, MAX_VALUE, MetadataError, check_text, load_front_matter,
                       normalise_date, text_value)

__all__ = ["ArticleInput", "SUFFIXES", "article_from_text", "iter_files", "normalise_date",
           "read_file", "read_inputs", "safe_name"]

SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
NEWLINE = r"(?:\r\n|\r|\n)"
FRONT_OPEN = re.compile(r"\A---[ \t]*" + NEWLINE)
FRONT_CLOSE = re.compile(r"(?<![^\r\n])---[ \t]*(?:" + NEWLINE + r"|\Z)")
FILE_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket",
              stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


@dataclass
class ArticleInput:
    """One article as read: the text the offsets refer to, and where the body starts."""

    article_id: str
    source_path: str
    text: str = ""                 # the decoded file (front matter included)
    body_start: int = 0            # offset of the text after the front matter
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    sha256: Optional[str] = None
    meta: dict = field(default_factory=dict)
    error: Optional[str] = None

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


def safe_name(name: str) -> str:
    """A file name as printable UTF-8: bytes that are not UTF-8 (surrogate-escaped by the
    OS layer) become ``\\xNN``."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def first_line(text: str) -> Optional[str]:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def split_front_matter(text: str) -> Optional[tuple[str, int]]:
    """(front matter source, offset of the body) when the text opens with a ``---`` line;
    None without one. Raises MetadataError when the opening line is never closed."""
    opening = FRONT_OPEN.match(text)
    if not opening:
        return None
    close = FRONT_CLOSE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER + 8)
    if not close:
        raise MetadataError(f"front matter opened by '---' on the first line is not closed by a "
                            f"'---' line within {MAX_FRONT_MATTER:,} characters")
    return text[opening.end():close.start()], close.end()


def article_from_text(article_id: str, source_path: str, text: str, *, sha256: str = None,
                      published: Optional[str] = None, meta: Optional[dict] = None) -> ArticleInput:
    """Parse front matter (if any) and fill title/published/url/source; never raises:
    a problem is the returned article's ``error``."""
    art = ArticleInput(article_id=article_id, source_path=source_path, text=text, sha256=sha256)
    try:
        _fill(art, text, published, dict(meta or {}))
    except MetadataError as exc:
        art.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - whatever else breaks, it breaks this article only
        art.error = f"metadata: {type(exc).__name__}: {exc}"
    return art


def _fill(art: ArticleInput, text: str, published: Optional[str], meta: dict) -> None:
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MetadataError(f"text holds a lone surrogate at offset {exc.start} (not valid Unicode)") from None
    art.sha256 = art.sha256 or hashlib.sha256(encoded).hexdigest()
    front = split_front_matter(text)
    if front is not None:
        source, art.body_start = front
        meta = {**load_front_matter(source), **{k: v for k, v in meta.items() if v not in (None, "")}}
    if not art.body.strip():
        raise MetadataError("empty article: no text after the front matter" if front
                            else "empty article: the file has no text")
    art.published = normalise_date(meta.pop("published", None)) or published
    title = text_value("title", meta.pop("title", None))
    art.title = title if title is not None else first_line(art.body)
    art.url = text_value("url", meta.pop("url", None))
    art.source = text_value("source", meta.pop("source", None))
    art.meta = meta


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         f"re-encode the file as UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


def regular_file_problem(path: Path) -> Optional[str]:
    """Why ``path`` cannot be read as an article file (checked without opening it), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _stat_problem(path, exc)
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if not stat.S_ISREG(mode):
        kind = FILE_KINDS.get(stat.S_IFMT(mode), "not a regular file")
        return f"{kind}, not a regular file; refused"
    return None


def _stat_problem(path: Path, exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if os.path.islink(path) and exc.errno == errno.ENOENT:
        try:
            return f"broken symlink (points to {safe_name(os.readlink(path))})"
        except OSError:
            return "broken symlink"
    return f"unreadable: {exc.strerror or exc}"


def read_file(path: Path, article_id: str, published: Optional[str] = None) -> Iterator[ArticleInput]:
    """The article(s) in one file; errors become ArticleInput.error."""
    suffix = path.suffix.lower()
    shown = safe_name(str(path))
    problem = regular_file_problem(path)
    if problem:
        yield ArticleInput(article_id, shown, error=problem)
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, shown, published)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ArticleInput(article_id, shown, error=f"unreadable file: {exc.strerror or exc}")
        return
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = _decode(data)
    except ValueError as exc:
        yield ArticleInput(article_id, shown, sha256=digest, error=str(exc))
        return
    if suffix in (".html", ".htm"):
        yield _read_html(shown, article_id, text, digest, published)
    else:
        yield article_from_text(article_id, shown, text, sha256=digest, published=published)


def _read_jsonl(path: Path, shown: str, published: Optional[str]) -> Iterator[ArticleInput]:
    """One article per line. Lines end at ``\\n`` only (a raw U+2028 inside a JSON string is
    text), each line is decoded on its own, so one bad line is one error row."""
    seen: set[str] = set()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield ArticleInput(path.stem, shown, error=f"unreadable file: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            art = _jsonl_record(raw, lineno, f"{path.stem}:{lineno}", f"{shown}:{lineno}", published)
            if art.error is None and art.article_id in seen:
                art = ArticleInput(f"{art.article_id}:{lineno}", art.source_path,
                                   error=f"duplicate id {art.article_id!r} on line {lineno}")
            seen.add(art.article_id)
            yield art


def _jsonl_record(raw: bytes, lineno: int, fallback_id: str, where: str,
                  published: Optional[str]) -> ArticleInput:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ArticleInput(fallback_id, where, error=f"line {lineno} is not valid UTF-8 "
                                                      f"(byte 0x{raw[exc.start]:02x} at offset {exc.start})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ArticleInput(fallback_id, where, error=f"line {lineno} is not JSON: {exc.msg}")
    except RecursionError:
        return ArticleInput(fallback_id, where, error=f"line {lineno} is JSON nested too deeply")
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return ArticleInput(fallback_id, where, error=f"line {lineno} has no 'text' string")
    try:
        article_id = _record_id(record.get("id"), fallback_id)
    except MetadataError as exc:
        return ArticleInput(fallback_id, where, error=f"line {lineno}: {exc}")
    meta = {k: v for k, v in record.items() if k not in ("id", "text")}
    return article_from_text(article_id, where, record["text"], published=published, meta=meta)


def _record_id(value, fallback_id: str) -> str:
    """A record's id as given (``0`` is an id); a missing id is the file stem and line."""
    if value is None:
        return fallback_id
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MetadataError(f"id must be a string or an integer, not {type(value).__name__}")
    text = str(value)
    if not text.strip():
        raise MetadataError("the id is empty")
    check_text("id", text, MAX_VALUE)
    return text


def _read_html(shown: str, article_id: str, html: str, digest: str, published: Optional[str]) -> ArticleInput:
    import trafilatura

    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # noqa: BLE001 - a broken page is a per-article error
        return ArticleInput(article_id, shown, sha256=digest, error=f"HTML extraction failed: {exc}")
    if not body or not body.strip():
        return ArticleInput(article_id, shown, sha256=digest, error="HTML has no main text")
    info = {}
    if meta is not None:
        info = {"title": meta.title, "published": meta.date, "url": meta.url, "source": meta.sitename}
    # offsets of an HTML article refer to the extracted text (written next to the tables)
    art = article_from_text(article_id, shown, body, sha256=digest, published=published, meta=info)
    art.meta["extracted_from_html"] = True
    return art


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str, Optional[str]]]:
    """(path, article_id, problem) for every input, sorted, ids relative to each input root.
    ``problem`` is None for a file to read, else why the path yields only an error row."""
    for root in paths:
        root = Path(root)
        try:
            st = os.stat(root)
        except OSError as exc:
            yield root, safe_name(root.with_suffix("").name), _stat_problem(root, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(root, root, {(st.st_dev, st.st_ino)})
        else:
            yield root, safe_name(root.with_suffix("").name), None


def _walk(root: Path, folder: Path, above: set) -> Iterator[tuple[Path, str, Optional[str]]]:
    """Depth-first in name order (the order of sorted paths); hidden names are skipped."""
    def rel_id(path: Path, strip: bool = True) -> str:
        rel = PurePosixPath(path.relative_to(root).as_posix())
        return safe_name(str(rel.with_suffix("") if strip and rel.suffix else rel))

    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield folder, rel_id(folder, False) or ".", f"unreadable folder: {exc.strerror or exc}"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        suffix = path.suffix.lower()
        try:
            st = os.stat(path)
        except OSError as exc:
            if suffix in SUFFIXES or not suffix:
                yield path, rel_id(path), _stat_problem(path, exc)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in above:
                yield path, rel_id(path, False), "symlink loop: the folder link points back to a folder above it"
            else:
                try:
                    yield from _walk(root, path, above | {key})
                except RecursionError:
                    yield path, rel_id(path, False), "folders nested too deeply; not read"
        elif suffix in SUFFIXES:
            yield path, rel_id(path), None


def read_inputs(paths: Iterable[Path], published: Optional[str] = None) -> Iterator[ArticleInput]:
    """Every article under ``paths`` (files or folders), in a deterministic order."""
    seen: set[str] = set()
    for path, article_id, problem in iter_files(paths):
        if problem:
            arts = [ArticleInput(article_id, safe_name(str(path)), error=problem)]
        else:
            arts = _read_isolated(path, article_id, published)
        for art in arts:
            if art.article_id in seen:
                art = ArticleInput(art.article_id + f"@{len(seen)}", art.source_path,
                                   error=f"duplicate article id {art.article_id!r}")
            seen.add(art.article_id)
            yield art


def _read_isolated(path: Path, article_id: str, published: Optional[str]) -> Iterator[ArticleInput]:
    """read_file, with anything it raises turned into one error row for the file."""
    try:
        yield from read_file(path, article_id, published)
    except Exception as exc:  # noqa: BLE001 - one file's failure never stops the batch
        yield ArticleInput(article_id, safe_name(str(path)), error=f"reading failed: {type(exc).__name__}: {exc}")
