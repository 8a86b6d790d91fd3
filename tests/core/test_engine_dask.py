"""--engine dask: a LocalCluster of 2 workers (loopback only) writes the local engine's bytes,
also when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from pipeline import run
from runs import run_relative, table_bytes, write_corpus

TEXTS = [
    "Talks\n\nKazakh Foreign Minister Murat Nurtleu met Wang Yi on Monday. \"We agreed,\" Nurtleu said.",
    "Deal\n\nThe sides signed a memorandum worth $2 billion on 5 March 2024.",
    "Visit\n\nPresident Tokayev visited Beijing and signed an agreement on energy.",
    "Aid\n\nThe United States will provide $845 million to Jordan, the State Department said.",
]


def tables(out: Path) -> dict:
    return table_bytes(out, manifest=True)


@pytest.fixture(scope="module")
def small(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    write_corpus(root / "corpus", TEXTS, stem="d")
    run_relative(root, root / "local", nlp=nlp, batch_size=1)
    return root


def test_a_local_cluster_writes_the_bytes_of_the_local_engine(small, tmp_path, monkeypatch):
    monkeypatch.chdir(small)
    summary = run([Path("corpus")], tmp_path, engine="dask", workers=2, batch_size=1)
    assert (summary.articles, summary.failed) == (4, 0)
    assert tables(tmp_path) == tables(small / "local")


def test_a_worker_killed_mid_run_costs_no_row(small, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    monkeypatch.chdir(small)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        killed = []

        def kill_a_worker(done, total):
            if done >= 1 and not killed:
                pids = client.run(os.getpid)
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        summary = run([Path("corpus")], tmp_path, engine="dask", scheduler=cluster.scheduler_address,
                      batch_size=1, progress=kill_a_worker)
    assert killed
    assert (summary.articles, summary.failed) == (4, 0)
    assert tables(tmp_path) == tables(small / "local")
