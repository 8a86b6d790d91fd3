"""What every newsie stage shares: error isolation per article and data-file loading."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator, Optional

from spacy.tokens import Doc

from .budget import ArticleTimeout, expired, spend
from .extensions import record_error, register_extensions
from .text import text_of


class Stage:
    """Base of newsie's components: ``process(doc)`` does the work; a failure is recorded
    on the doc (the article is reported with status=error) instead of stopping the batch.

    Subclasses keep only plain, picklable attributes (lists, dicts, compiled regexes,
    spaCy matchers built from the shared vocab), loaded once when the pipeline is built.
    """

    name = "stage"

    def __init__(self, nlp, name: str):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if expired(doc):  # an earlier stage ran out of the article's time budget
            return doc
        try:
            with spend(doc):
                self.process(doc)
        except ArticleTimeout as exc:
            record_error(doc, self.name, exc)
        except Exception as exc:  # noqa: BLE001 - isolate one article's failure
            record_error(doc, self.name, exc)
        return doc

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def read_lines(path: Path) -> list[str]:
    """A word list: one entry a line; blank lines and lines starting with # are skipped."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_tsv(path: Path) -> list[dict]:
    """A TSV table with a header row; lines starting with # are comments."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def split_cell(value: Optional[str]) -> list[str]:
    """A '|'-separated TSV cell as its stripped, non-empty values."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


COUNTRY_COLUMNS = ("aliases", "adjectives", "demonyms", "capitals")


def read_country_table(path: Path) -> list[dict]:
    """The rows of a country gazetteer (models/entities/countries.tsv and tables of the same
    columns): ``iso2`` and ``name`` stripped, the list columns split; rows without a code
    are skipped. One reader for every stage that needs countries."""
    out = []
    for row in read_tsv(path):
        iso = (row.get("iso2") or "").strip()
        if not iso:
            continue
        out.append({"iso2": iso, "name": (row.get("name") or "").strip(),
                    **{col: split_cell(row.get(col)) for col in COUNTRY_COLUMNS}})
    return out


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                yield json.loads(line)


def content_sentences(doc: Doc) -> list:
    """The sentences that hold text (a run of blank lines is not a sentence). Reads each
    sentence's text from the doc's text (``Span.text`` builds a Token per token)."""
    text = text_of(doc)
    return [sent for sent in doc.sents if not text[sent.start_char:sent.end_char].isspace()
            and sent.end_char > sent.start_char]
