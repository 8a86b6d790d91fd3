"""What every engine shares: the batch as one call, the in-process engine, interruption.

An engine maps batches of ``ArticleInput`` records (lists, in input order) to lists of
per-article rows, yielding the results in the order of the batches, whatever order they
finish in. ``LocalEngine`` runs them in this process; ``workers.WorkerPool`` on N
persistent processes; ``dask_engine.DaskEngine`` on a ``dask.distributed`` cluster. The
batch itself is always ``batch.process_articles`` (plain records in, plain rows out), so
every engine writes the same tables.
"""

from __future__ import annotations

import gc
import signal
import threading
from contextlib import ExitStack, contextmanager
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language

from .batch import empty_rows, process_articles
from .inputs import ArticleInput


class Interrupted(Exception):
    """SIGINT or SIGTERM: the run stops after the last committed batch."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StopFlag:
    """Set by the first SIGINT/SIGTERM; engines check it while they wait."""

    def __init__(self):
        self.signum: Optional[int] = None

    def check(self) -> None:
        if self.signum is not None:
            raise Interrupted(self.signum)


@contextmanager
def stop_on_signals(flag: StopFlag):
    """SIGINT/SIGTERM set ``flag`` (the run stops at its next check); a second one stops at once."""
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum, frame):
        if flag.signum is not None:
            raise Interrupted(signum)
        flag.signum = signum

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield flag
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


#: objects allocated (net) between two collections of the youngest generation while a run
#: processes batches (CPython's default is 700): a batch allocates hundreds of thousands of
#: short-lived objects (tokens, spans, records, rows), and at 700 the collector ran twice as
#: often as in bare spaCy and cost 4% of a run's CPU time
GC_THRESHOLD = 10_000


def settle_heap() -> None:
    """Once the pipeline is loaded, before the batches, in a process newsie owns (a
    worker): move everything alive (the model, the rule data) out of the collector's sight
    (``gc.freeze``: no collection walks it again, and forked workers share its pages) and
    collect the youngest objects less often."""
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


@contextmanager
def settled_heap() -> Iterator[None]:
    """``settle_heap`` for the length of a run in the caller's process, then the
    collector's settings as they were (a library call must not change them for good)."""
    before = gc.get_threshold()
    settle_heap()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def run_batch(articles: list[ArticleInput], nlp: Language, options: Optional[dict] = None) -> list[dict]:
    """The rows of each article of one batch (the unit every engine maps); ``options`` are
    the run's keyword arguments for ``process_articles``."""
    return list(process_articles(articles, nlp, **(options or {})))


def failed_batch(articles: list[ArticleInput], reason: str) -> list[dict]:
    """Error rows for a batch that could not be processed (e.g. its worker kept dying)."""
    from .batch import article_row

    out = []
    for art in articles:
        rows = empty_rows()
        rows["articles"].append(article_row(art, "error", reason))
        out.append(rows)
    return out


class LocalEngine:
    """Batches in this process, one pipeline (loaded on first use)."""

    def __init__(self, get_nlp: Callable[[], Language], stop: Optional[StopFlag] = None,
                 options: Optional[dict] = None):
        self.get_nlp, self.stop, self.options = get_nlp, stop or StopFlag(), options

    def map(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[dict]]:
        nlp = None
        with ExitStack() as heap:
            for articles in batches:
                self.stop.check()
                if not articles:
                    yield []
                    continue
                if nlp is None:
                    nlp = self.get_nlp()
                    heap.enter_context(settled_heap())
                yield run_batch(articles, nlp, self.options)

    def close(self, abandon: bool = False) -> None:
        pass
