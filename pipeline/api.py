"""The library entry points behind the CLI."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

import pandas as pd
from spacy.language import Language

from .core import schema
from .core.batch import process_articles
from .core.budget import DEFAULT_TIMEOUT
from .core.config import load_pipeline
from .core.inputs import article_from_text, normalise_date, read_inputs
from .core.tables import TableWriter, typed_frame


def extract(text: str, published: Optional[str] = None, *, nlp: Optional[Language] = None,
            article_id: str = "text", title: Optional[str] = None) -> dict[str, pd.DataFrame]:
    """Every table for one text (front matter allowed), as typed DataFrames.

    Pass ``nlp`` (from ``load_pipeline()``) when calling this repeatedly: loading the
    pipeline takes a second or two.
    """
    nlp = nlp or load_pipeline()
    art = article_from_text(article_id, "<text>", text, published=normalise_date(published))
    if title:
        art.title = title
    rows = next(process_articles([art], nlp))
    return {name: typed_frame(name, pd.DataFrame(rows[name], columns=schema.columns(name)))
            for name in schema.TABLES}


@dataclass
class RunSummary:
    articles: int = 0
    failed: int = 0
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0
    failures: list = field(default_factory=list)   # (article_id, error)

    @property
    def ok(self) -> int:
        return self.articles - self.failed


def run(paths: Iterable[Union[str, Path]], out: Union[str, Path] = "outputs", *, nlp: Optional[Language] = None,
        model: Optional[str] = None, workers: int = 1, published: Optional[str] = None, fmt: str = "csv",
        config: Optional[Path] = None, progress: Optional[Callable[[dict], None]] = None,
        article_timeout: Optional[float] = DEFAULT_TIMEOUT, max_chars: Optional[int] = None) -> RunSummary:
    """Run the batch over files/folders and write the tables into ``out``. ``article_timeout``:
    seconds of stage time per article (None: no limit); ``max_chars``: longest article body
    (default the model's ``nlp.max_length``); an article over either is an error row."""
    start = time.perf_counter()
    nlp = nlp or load_pipeline(model, config)
    articles = read_inputs([Path(p) for p in paths], published=normalise_date(published))
    summary = RunSummary()
    writer = TableWriter(Path(out), fmt)
    try:
        for rows in process_articles(articles, nlp, workers=workers, timeout=article_timeout,
                                     max_chars=max_chars):
            writer.write(rows)
            for row in rows["articles"]:
                summary.articles += 1
                if row["status"] != "ok":
                    summary.failed += 1
                    summary.failures.append((row["article_id"], row["error"]))
                if progress:
                    progress(row)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    summary.rows = dict(writer.counts)
    summary.seconds = time.perf_counter() - start
    return summary
