"""``--engine dask``: the batches mapped over a ``dask.distributed`` cluster.

Each batch (a partition of the input, in input order) travels to a worker as plain
records (``dataclasses.asdict`` of ``ArticleInput``); the worker runs the same batch
function as every other engine (``engine.run_batch`` over ``batch.process_articles``) with
the pipeline a worker plugin loaded once from the installed package, and sends the rows
back. Results are taken in partition order and go to the same streaming writer, so the
tables are byte-identical to the local engine. Per-article errors stay rows of their
article. A worker that dies takes its running partitions with it; the scheduler gives
them to another worker (``distributed.scheduler.allowed-failures`` times), so a lost
worker costs time, not rows.

Without ``scheduler`` a ``LocalCluster`` of ``workers`` processes (one thread each) is
started on the loopback interface; with ``scheduler="tcp://host:8786"`` an existing
cluster is used (see docs/scaling.md).
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Iterator, Optional

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from .engine import StopFlag, run_batch
from .inputs import ArticleInput

PLUGIN_NAME = "newsie-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads the newsie pipeline once per worker (from the worker's installed package)."""

    name = PLUGIN_NAME

    def __init__(self, model: Optional[str] = None, config: Optional[str] = None):
        self.model, self.config = model, config
        self.nlp = None

    def setup(self, worker) -> None:
        from .config import load_pipeline

        self.nlp = load_pipeline(self.model, Path(self.config) if self.config else None)


def process_partition(records: list[dict], options: Optional[dict] = None) -> list[dict]:
    """The task: plain article records in, the rows of each article out."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    return run_batch([ArticleInput(**record) for record in records], plugin.nlp, options)


class DaskEngine:
    """Partitions submitted in order (a bounded window ahead), results taken in order."""

    def __init__(self, workers: int = 1, scheduler: Optional[str] = None, *, model: Optional[str] = None,
                 config: Optional[Path] = None, stop: Optional[StopFlag] = None, window: Optional[int] = None,
                 options: Optional[dict] = None):
        self.workers, self.scheduler, self.options = workers, scheduler, options
        self.model, self.config = model, (str(config) if config else None)
        self.stop = stop or StopFlag()
        self.window = window or 2 * workers + 2
        self._window_given = window is not None
        self.client: Optional[Client] = None
        self.cluster: Optional[LocalCluster] = None

    def _start(self) -> None:
        if self.scheduler:
            self.client = Client(self.scheduler, timeout="30s")
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        self.client.register_plugin(PipelinePlugin(self.model, self.config), name=PLUGIN_NAME)
        if not self._window_given:
            threads = sum(self.client.nthreads().values()) or self.workers
            self.window = 2 * threads + 2

    def map(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[dict]]:
        source = iter(batches)
        running: deque = deque()       # futures (or [] for an empty batch), in input order
        run_id = uuid.uuid4().hex[:8]
        index = 0
        exhausted = False
        while True:
            while not exhausted and len(running) < self.window:
                articles = next(source, None)
                if articles is None:
                    exhausted = True
                    break
                if articles and self.client is None:
                    self._start()
                running.append(self.client.submit(process_partition, [asdict(a) for a in articles], self.options,
                                                  key=f"newsie-{run_id}-{index}", pure=False)
                               if articles else [])
                index += 1
            if not running:
                return
            yield self._result(running.popleft())

    def _result(self, future) -> list[dict]:
        if isinstance(future, list):
            return future
        from distributed import TimeoutError as DaskTimeout

        while True:
            self.stop.check()
            try:
                return future.result(timeout=0.5)
            except (DaskTimeout, TimeoutError):
                continue

    def close(self, abandon: bool = False) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
