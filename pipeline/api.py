"""The library entry points behind the CLI."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

from spacy.language import Language

from .core import schema
from .core.batch import process_articles
from .core.budget import DEFAULT_TIMEOUT
from .core.config import load_pipeline
from .core.engine import Interrupted, LocalEngine, StopFlag
from .core.inputs import article_from_text, normalise_date
from .core.manifest import OutputError, RunLocked, pipeline_version
from .core.runner import RunPlan, RunSummary, execute
from .core.tables import FORMATS, typed_frame

if TYPE_CHECKING:   # pandas is imported by extract() only: a run writing CSV never needs it
    import pandas as pd

__all__ = ["extract", "run", "RunSummary", "Interrupted", "OutputError", "RunLocked", "ENGINES"]

ENGINES = ("local", "dask")


def extract(text: str, published: Optional[str] = None, *, nlp: Optional[Language] = None,
            article_id: str = "text", title: Optional[str] = None) -> dict[str, pd.DataFrame]:
    """Every table for one text (front matter allowed), as typed DataFrames.

    Pass ``nlp`` (from ``load_pipeline()``) when calling this repeatedly: loading the
    pipeline takes a second or two.
    """
    import pandas as pd

    nlp = nlp or load_pipeline()
    art = article_from_text(article_id, "<text>", text, published=normalise_date(published))
    if title:
        art.title = title
    rows = next(process_articles([art], nlp))
    return {name: typed_frame(name, pd.DataFrame(rows[name], columns=schema.columns(name)))
            for name in schema.TABLES}


def _engine_factory(engine: str, workers: int, get_nlp: Callable[[], Language], model, config,
                    scheduler: Optional[str], options: Optional[dict]):
    def make(stop: StopFlag):
        if engine == "dask":
            from .core.dask_engine import DaskEngine

            return DaskEngine(workers=workers, scheduler=scheduler, model=model, config=config, stop=stop,
                              options=options)
        if workers > 1:
            from .core.workers import WorkerPool

            return WorkerPool(workers, get_nlp, model=model, config=config, stop=stop, options=options)
        return LocalEngine(get_nlp, stop, options)
    return make


def run(paths: Iterable[Union[str, Path]], out: Union[str, Path] = "outputs", *, nlp: Optional[Language] = None,
        model: Optional[str] = None, workers: int = 1, published: Optional[str] = None, fmt: str = "csv",
        config: Optional[Path] = None, progress: Optional[Callable[[int, Optional[int]], None]] = None,
        resume: bool = False, incremental: bool = False, engine: str = "local",
        scheduler: Optional[str] = None, batch_size: int = 16,
        batch_options: Optional[dict] = None, article_timeout: Optional[float] = DEFAULT_TIMEOUT,
        max_chars: Optional[int] = None, date_order: Optional[str] = None) -> RunSummary:
    """Run the batch over files/folders and write the tables into ``out``.

    Tables stream into ``out/.newsie-partial`` batch by batch and move into place at the end,
    with a manifest (``out/newsie.manifest``). ``resume`` continues an interrupted run,
    ``incremental`` reprocesses only new or changed articles. ``workers`` > 1 runs that many
    persistent processes; ``engine="dask"`` maps the batches over a dask.distributed
    cluster (``scheduler`` address, else a local cluster of ``workers`` processes).
    ``progress(done, total)`` is called after each batch. ``batch_options`` are passed to
    ``process_articles`` on every engine (JSON values; they are part of the run's settings,
    so a change reprocesses everything on ``incremental``). Raises ``Interrupted`` on
    SIGINT/SIGTERM (the partial run is kept for ``resume``), ``OutputError`` when ``out``
    cannot be written, ``RunLocked`` when another run writes into ``out``.
    ``article_timeout`` (seconds of stage time per article, None: no limit), ``max_chars``
    (longest body, default the model's ``nlp.max_length``) and ``date_order`` (MDY/DMY/YMD
    for articles whose front matter does not say) are batch options too.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    start = time.perf_counter()
    published = normalise_date(published)
    loaded = {"nlp": nlp}

    def get_nlp() -> Language:
        if loaded["nlp"] is None:
            loaded["nlp"] = load_pipeline(model, config)
        return loaded["nlp"]

    batch_options = dict(batch_options or {})
    if article_timeout != DEFAULT_TIMEOUT:
        batch_options["timeout"] = article_timeout
    if max_chars:
        batch_options["max_chars"] = max_chars
    if date_order:
        batch_options["date_order"] = date_order.upper()
    settings = {"version": pipeline_version(model, config), "format": fmt, "published": published}
    if batch_options:
        settings["batch_options"] = dict(sorted(batch_options.items()))
    plan = RunPlan(paths=[Path(p) for p in paths], out=Path(out), settings=settings, fmt=fmt,
                   published=published, resume=resume, incremental=incremental,
                   batch_size=batch_size, progress=progress)
    summary = execute(plan, _engine_factory(engine, workers, get_nlp, model, config, scheduler, batch_options))
    summary.seconds = time.perf_counter() - start
    return summary
