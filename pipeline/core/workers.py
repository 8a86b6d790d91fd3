"""``--workers N``: N persistent worker processes, each with one pipeline for the whole run.

Each worker gets one batch at a time over its own pipe and sends back the batch's rows;
the pool hands out batches as workers become free and yields results in input order, so
the tables are byte-identical to ``--workers 1``. On Linux the workers are forked from a
parent that has loaded the pipeline (copy-on-write: loaded once, shared); elsewhere each
worker loads it once. A worker that dies is replaced and its batch given to another
worker; a batch that kills two workers becomes error rows for its articles. Workers die
with their parent: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux, plus a watchdog thread
that exits when the parent is gone (any platform).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing as mp
import os
import signal
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from spacy.language import Language

from .engine import StopFlag, failed_batch, run_batch, settle_heap
from .inputs import ArticleInput

PR_SET_PDEATHSIG = 1
_INHERITED: dict = {}   # the parent's pipeline, inherited by forked workers


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` ends (even by SIGKILL)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watchdog alone
        pass

    def watchdog() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=watchdog, daemon=True, name="newsie-watchdog").start()


def _worker_main(conn, parent_pid: int, model: Optional[str], config: Optional[str]) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    nlp = _INHERITED.get("nlp")
    if nlp is None:
        from .config import load_pipeline

        nlp = load_pipeline(model, Path(config) if config else None)
    settle_heap()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, articles, options = task
        conn.send((index, run_batch(articles, nlp, options)))


class _Worker:
    def __init__(self, ctx, model, config):
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child_conn, os.getpid(), model, config),
                                daemon=True, name="newsie-worker")
        self.proc.start()
        child_conn.close()
        self.conn = parent_conn
        self.task: Optional[int] = None      # the batch it is working on


class WorkerPool:
    """N persistent worker processes (started on the first batch that needs them)."""

    def __init__(self, n: int, get_nlp: Callable[[], Language], *, model: Optional[str] = None,
                 config: Optional[Path] = None, stop: Optional[StopFlag] = None, window: int = 4,
                 options: Optional[dict] = None):
        self.n, self.get_nlp, self.stop, self.options = n, get_nlp, stop or StopFlag(), options
        self.model, self.config = model, (str(config) if config else None)
        self.window = max(window * n, n + 1)
        methods = mp.get_all_start_methods()
        self.ctx = mp.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker] = []

    def _start(self) -> None:
        if self.ctx.get_start_method() == "fork":
            _INHERITED["nlp"] = self.get_nlp()
            gc.freeze()     # the workers share the pipeline's pages (no collection writes to them)
        self.workers = [_Worker(self.ctx, self.model, self.config) for _ in range(self.n)]

    def pids(self) -> list[int]:
        return [w.proc.pid for w in self.workers]

    def map(self, batches: Iterable[list[ArticleInput]]) -> Iterator[list[dict]]:
        source = iter(batches)
        todo: list[int] = []                 # submitted, waiting for a free worker (retries first)
        pending: dict[int, list] = {}        # index -> articles, not yet returned
        done: dict[int, list] = {}
        deaths: dict[int, int] = {}
        submitted = returned = 0
        exhausted = False
        while True:
            while not exhausted and submitted - returned < self.window:
                articles = next(source, None)
                if articles is None:
                    exhausted = True
                    break
                if articles:
                    pending[submitted] = articles
                    todo.append(submitted)
                else:
                    done[submitted] = []
                submitted += 1
            if returned in done:
                yield done.pop(returned)
                returned += 1
                continue
            if exhausted and returned == submitted:
                return
            if not self.workers:
                self._start()
            self._dispatch(todo, pending)
            self._collect(todo, pending, done, deaths)
            self.stop.check()

    def _dispatch(self, todo: list, pending: dict) -> None:
        for worker in self.workers:
            if worker.task is None and todo:
                index = todo.pop(0)
                worker.task = index
                worker.conn.send((index, pending[index], self.options))

    def _collect(self, todo: list, pending: dict, done: dict, deaths: dict) -> None:
        by_conn = {w.conn: w for w in self.workers}
        for conn in wait(list(by_conn), timeout=0.5):
            worker = by_conn[conn]
            try:
                index, rows = conn.recv()
            except (EOFError, OSError):
                self._replace(worker, todo, pending, done, deaths)
                continue
            worker.task = None
            if index in pending:
                del pending[index]
                done[index] = rows
        for worker in list(self.workers):
            if not worker.proc.is_alive() and worker in self.workers:
                self._replace(worker, todo, pending, done, deaths)

    def _replace(self, worker: _Worker, todo: list, pending: dict, done: dict, deaths: dict) -> None:
        """A worker died: start another; its batch goes back to the queue (once)."""
        worker.proc.join(timeout=1)
        code = worker.proc.exitcode
        worker.conn.close()
        self.workers.remove(worker)
        self.workers.append(_Worker(self.ctx, self.model, self.config))
        index = worker.task
        if index is None or index not in pending:
            return
        deaths[index] = deaths.get(index, 0) + 1
        if deaths[index] >= 2:
            done[index] = failed_batch(pending.pop(index), f"worker process died (exit code {code}) "
                                                           f"twice on this article's batch")
        else:
            todo.insert(0, index)

    def close(self, abandon: bool = False) -> None:
        """Stop the workers: let them finish, or (``abandon``) end them now."""
        for worker in self.workers:
            try:
                if abandon:
                    worker.proc.kill()
                else:
                    worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.proc.join(timeout=0.5 if abandon else 10)
            if worker.proc.is_alive():
                worker.proc.kill()
                worker.proc.join()
            worker.conn.close()
        self.workers = []
        if _INHERITED:
            gc.unfreeze()
        _INHERITED.clear()
