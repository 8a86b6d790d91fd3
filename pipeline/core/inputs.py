"""Reading article files into plain ``ArticleInput`` records.

Formats: ``.txt`` (UTF-8, optional YAML front matter between ``---`` lines at the very top),
``.jsonl`` (one article per line: id, text, optional title/published/url/source), ``.html``
/``.htm`` (main text extracted with trafilatura). Directories are walked recursively in
sorted order. A file that cannot be read becomes an ``ArticleInput`` with ``error`` set,
never an exception: the batch reports it and goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

import yaml

SUFFIXES = {".txt", ".jsonl", ".html", ".htm"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


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


def normalise_date(value) -> Optional[str]:
    """An ISO date string from a YAML date, datetime or string; raise ValueError if not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published is not an ISO date: {text!r}") from None


def first_line(text: str) -> Optional[str]:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def article_from_text(article_id: str, source_path: str, text: str, *, sha256: str = None,
                      published: Optional[str] = None, meta: Optional[dict] = None) -> ArticleInput:
    """Parse front matter (if any) and fill title/published/url/source."""
    art = ArticleInput(article_id=article_id, source_path=source_path, text=text,
                       sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest())
    meta = dict(meta or {})
    m = FRONT_MATTER.match(text)
    if m:
        try:
            fm = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            art.error = f"front matter is not valid YAML: {str(exc).splitlines()[0]}"
            return art
        if not isinstance(fm, dict):
            art.error = "front matter is not a mapping of keys to values"
            return art
        meta = {**fm, **{k: v for k, v in meta.items() if v not in (None, "")}}
        art.body_start = m.end()
    if not art.body.strip():
        art.error = "empty article: no text after the front matter" if m else "empty article: the file has no text"
        return art
    try:
        art.published = normalise_date(meta.pop("published", None)) or published
    except ValueError as exc:
        art.error = str(exc)
        return art
    title = meta.pop("title", None)
    art.title = str(title) if title not in (None, "") else first_line(art.body)
    art.url = _str(meta.pop("url", None))
    art.source = _str(meta.pop("source", None))
    art.meta = {k: _plain(v) for k, v in meta.items()}
    return art


def _str(value) -> Optional[str]:
    return None if value in (None, "") else str(value)


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         f"re-encode the file as UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_file(path: Path, article_id: str, published: Optional[str] = None) -> Iterator[ArticleInput]:
    """The article(s) in one file; errors become ArticleInput.error."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ArticleInput(article_id, str(path), error=f"unreadable file: {exc.strerror or exc}")
        return
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = _decode(data)
    except ValueError as exc:
        yield ArticleInput(article_id, str(path), sha256=digest, error=str(exc))
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text, published)
    elif suffix in (".html", ".htm"):
        yield _read_html(path, article_id, text, digest, published)
    else:
        yield article_from_text(article_id, str(path), text, sha256=digest, published=published)


def _read_jsonl(path: Path, text: str, published: Optional[str]) -> Iterator[ArticleInput]:
    seen = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        fallback_id = f"{path.stem}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleInput(fallback_id, f"{path}:{lineno}", error=f"line {lineno} is not JSON: {exc.msg}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ArticleInput(fallback_id, f"{path}:{lineno}", error=f"line {lineno} has no 'text' string")
            continue
        article_id = str(record.get("id") or fallback_id)
        if article_id in seen:
            yield ArticleInput(f"{article_id}:{lineno}", f"{path}:{lineno}",
                               error=f"duplicate id {article_id!r} on line {lineno}")
            continue
        seen.add(article_id)
        meta = {k: v for k, v in record.items() if k not in ("id", "text")}
        yield article_from_text(article_id, f"{path}:{lineno}", record["text"], published=published, meta=meta)


def _read_html(path: Path, article_id: str, html: str, digest: str, published: Optional[str]) -> ArticleInput:
    import trafilatura

    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # noqa: BLE001 - a broken page is a per-article error
        return ArticleInput(article_id, str(path), sha256=digest, error=f"HTML extraction failed: {exc}")
    if not body or not body.strip():
        return ArticleInput(article_id, str(path), sha256=digest, error="HTML has no main text")
    info = {}
    if meta is not None:
        info = {"title": meta.title, "published": meta.date, "url": meta.url, "source": meta.sitename}
    # offsets of an HTML article refer to the extracted text (written next to the tables)
    art = article_from_text(article_id, str(path), body, sha256=digest, published=published, meta=info)
    art.meta["extracted_from_html"] = True
    return art


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """(file, article_id) for every input file, sorted, ids relative to each input root."""
    for root in paths:
        root = Path(root)
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(root).parts))
            for f in files:
                yield f, f.relative_to(root).with_suffix("").as_posix()
        else:
            yield root, root.with_suffix("").name


def read_inputs(paths: Iterable[Path], published: Optional[str] = None) -> Iterator[ArticleInput]:
    """Every article under ``paths`` (files or folders), in a deterministic order."""
    seen: set[str] = set()
    for path, article_id in iter_files(paths):
        if not path.exists():
            yield ArticleInput(article_id, str(path), error="no such file")
            continue
        for art in read_file(path, article_id, published):
            if art.article_id in seen:
                art = ArticleInput(art.article_id + f"@{len(seen)}", art.source_path,
                                   error=f"duplicate article id {art.article_id!r}")
            seen.add(art.article_id)
            yield art
