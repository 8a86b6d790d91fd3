"""The --workers pool: persistent processes, results in input order, a dead worker replaced
and its batch retried, a batch that kills two workers turned into error rows."""

from __future__ import annotations

import os
import signal

from pipeline.core.engine import run_batch
from pipeline.core.inputs import article_from_text
from pipeline.core.workers import WorkerPool

TEXTS = ["Putin met Tokayev in Moscow.", "China and Kazakhstan signed an agreement.",
         "The deal is worth $2 billion.", "Wang Yi said talks went well.", "They met on 5 May 2023."]


def batches():
    arts = [article_from_text(f"t{i}", f"t{i}.txt", text) for i, text in enumerate(TEXTS)]
    return [arts[i:i + 1] for i in range(len(arts))]


def test_results_come_back_in_order_from_persistent_workers(nlp):
    pool = WorkerPool(2, lambda: nlp)
    try:
        results = list(pool.map(batches()))
        pids = pool.pids()
        assert results == [run_batch(b, nlp) for b in batches()]
        assert len(set(pids)) == 2 and list(pool.map(batches()[:2])) and pool.pids() == pids
    finally:
        pool.close()
    assert pool.workers == []


def test_a_killed_worker_is_replaced_and_its_batch_retried(nlp):
    pool = WorkerPool(2, lambda: nlp)
    results = []
    try:
        for rows in pool.map(batches()):
            if not results:
                os.kill(pool.pids()[0], signal.SIGKILL)
            results.append(rows)
    finally:
        pool.close()
    assert results == [run_batch(b, nlp) for b in batches()]


def test_a_batch_that_kills_its_worker_twice_becomes_error_rows(nlp, monkeypatch):
    import pipeline.core.workers as workers

    def deadly(articles, nlp, options=None):
        if articles[0].article_id == "t2":
            os._exit(9)
        return run_batch(articles, nlp, options)

    monkeypatch.setattr(workers, "run_batch", deadly)
    pool = WorkerPool(2, lambda: nlp)
    try:
        results = list(pool.map(batches()))
    finally:
        pool.close()
    assert [r[0]["articles"][0]["status"] for r in results] == ["ok", "ok", "error", "ok", "ok"]
    assert "worker process died (exit code 9)" in results[2][0]["articles"][0]["error"]


def test_batch_options_reach_process_articles_in_every_worker(nlp, monkeypatch):
    import pipeline.core.engine as engine

    seen = []

    def spy(articles, nlp, **options):
        seen.append(options)
        return iter([])

    monkeypatch.setattr(engine, "process_articles", spy)
    assert list(engine.LocalEngine(lambda: nlp, options={"batch_size": 4}).map(batches()[:1])) == [[]]
    assert seen == [{"batch_size": 4}]
    pool = WorkerPool(2, lambda: nlp, options={"batch_size": 4})
    try:
        assert list(pool.map(batches()[:2])) == [[], []]
    finally:
        pool.close()
