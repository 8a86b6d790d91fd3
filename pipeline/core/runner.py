"""One run into ``--out``: lock, work folder, batches through an engine, tables and manifest.

The input is cut into batches of ``batch_size`` consecutive articles; the batch is the
unit of work (an engine task, a Parquet row group, a journal line), and its boundaries
depend only on the input order, so every engine, worker count and resumed or incremental
run writes the same bytes. Articles whose rows can be carried over from the previous run
(``--incremental``/``--resume``: same id, sha256, path and pipeline version, status ok)
never reach the engine.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator, Optional

from .engine import Interrupted, StopFlag, stop_on_signals
from .inputs import ArticleInput, read_inputs
from .manifest import MANIFEST, CarryIndex, OutputError, RunLock
from .partial import Partial, digest_step, remove_stale
from .progress import count_articles
from .tables import OldTables, TableWriter


@dataclass
class RunSummary:
    articles: int = 0
    failed: int = 0
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0
    failures: list = field(default_factory=list)   # (article_id, error), of this session
    processed: int = 0          # articles that went through the pipeline in this session
    carried: int = 0            # articles whose rows were carried over from the previous run
    resumed_from: int = 0       # articles already done by the interrupted run
    total: Optional[int] = None

    @property
    def ok(self) -> int:
        return self.articles - self.failed


@dataclass
class RunPlan:
    paths: list
    out: Path
    settings: dict                       # pipeline version, format, --published
    fmt: str = "csv"
    published: Optional[str] = None
    resume: bool = False
    incremental: bool = False
    batch_size: int = 16
    progress: Optional[Callable[[int, Optional[int]], None]] = None


def _batches(articles: Iterator[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    while True:
        batch = list(islice(articles, size))
        if not batch:
            return
        yield batch


def _skip_done(plan: RunPlan, state: Optional[dict]):
    """The input iterator after the articles a partial run already did (None if they differ)."""
    articles = read_inputs([Path(p) for p in plan.paths], published=plan.published)
    if not state:
        return articles
    digest = ""
    for art in islice(articles, state["articles"]):
        digest = digest_step(digest, art)
    return articles if digest == state["digest"] else None


def execute(plan: RunPlan, make_engine: Callable[[StopFlag], object]) -> RunSummary:
    out = Path(plan.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out, exc) from None
    lock = RunLock(out).acquire()
    try:
        return _execute_locked(plan, out, make_engine)
    finally:
        lock.release()


def _execute_locked(plan: RunPlan, out: Path, make_engine) -> RunSummary:
    partial = Partial(out)
    state = partial.recover(plan.settings) if plan.resume else None
    articles = _skip_done(plan, state)
    if articles is None:          # the inputs changed since the interrupted run: start over
        state, articles = None, _skip_done(plan, None)
    remove_stale(out, keep=partial.path if state else None)
    carry = CarryIndex.load(out, plan.settings) if (plan.incremental or plan.resume) else None
    try:
        if state:
            partial.continue_from(state)
        else:
            partial.start(plan.settings)
        writer = TableWriter(partial.path, plan.fmt, header={"settings": plan.settings, "format": plan.fmt},
                             state=state, old=OldTables(out, plan.fmt) if carry else None)
    except OSError as exc:
        remove_stale(out)
        raise OutputError(out, exc) from None
    summary = RunSummary(resumed_from=(state or {}).get("articles", 0), total=count_articles(plan.paths))
    try:
        _run_engine(plan, out, articles, carry, writer, partial, state, summary, make_engine)
    finally:
        if carry is not None:
            carry.close()
    return summary


def _run_engine(plan: RunPlan, out: Path, articles, carry, writer: TableWriter, partial: Partial,
                state: Optional[dict], summary: RunSummary, make_engine) -> None:
    stop = StopFlag()
    engine = make_engine(stop)
    try:
        with stop_on_signals(stop):
            _stream(plan, _batches(articles, plan.batch_size), carry, engine, writer, partial, state, summary, stop)
            engine.close()
        summary.rows = dict(writer.counts)
        writer.finish(out, MANIFEST)
    except Interrupted as exc:
        engine.close(abandon=True)
        writer.close()
        partial.close()
        exc.summary = summary
        raise
    except OSError as exc:
        engine.close(abandon=True)
        partial.close()
        writer.discard()
        raise OutputError(out, exc) from None
    except BaseException:
        engine.close(abandon=True)
        partial.close()
        writer.discard()
        raise
    partial.close()


def _stream(plan: RunPlan, batches, carry, engine, writer: TableWriter, partial: Partial,
            state: Optional[dict], summary: RunSummary, stop: StopFlag) -> None:
    state = dict(state or {"articles": 0, "digest": "", "failed": 0})
    summary.articles, summary.failed = state["articles"], state["failed"]
    if plan.progress:
        plan.progress(summary.articles, summary.total)
    queued: deque = deque()

    def work() -> Iterator[list[ArticleInput]]:
        for batch in batches:
            items = [(art, carry.spans(art) if carry is not None and not art.error else None) for art in batch]
            queued.append(items)
            yield [art for art, spans in items if spans is None]

    for results in engine.map(work()):
        items = queued.popleft()
        fresh = iter(results)
        batch = [(art, None, spans) if spans is not None else (art, next(fresh), None) for art, spans in items]
        writer.write_batch(batch)
        sizes = writer.sync()
        for art, rows, _ in batch:
            state["digest"] = digest_step(state["digest"], art)
            _count(summary, art, rows)
        state.update(articles=summary.articles, failed=summary.failed, batches=writer.batches,
                     counts=dict(writer.counts), sizes=sizes)
        partial.commit(state)
        summary.rows = dict(writer.counts)
        if plan.progress:
            plan.progress(summary.articles, summary.total)
        stop.check()


def _count(summary: RunSummary, art: ArticleInput, rows: Optional[dict]) -> None:
    summary.articles += 1
    if rows is None:
        summary.carried += 1
        return
    summary.processed += 1
    row = rows["articles"][0] if rows["articles"] else {"status": "error", "error": "no articles row"}
    if row["status"] != "ok":
        summary.failed += 1
        summary.failures.append((row.get("article_id", art.article_id), row.get("error")))
