"""Dask scheduler overhead per partition (for docs/scaling.md's throughput model).

    .venv/bin/python scripts/bench_dask.py [--partitions 400] [--workers 2]

Starts a LocalCluster on the loopback interface with the newsie worker plugin, then maps
the real task function over empty partitions the way ``DaskEngine`` does (a window of
2 x threads + 2 in flight, results taken in order): what remains is the scheduler's and
the transport's cost per partition. Not a unit test.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import deque


def main() -> None:
    from distributed import Client, LocalCluster

    from pipeline.core.dask_engine import PLUGIN_NAME, PipelinePlugin, process_partition

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partitions", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        client.register_plugin(PipelinePlugin(), name=PLUGIN_NAME)
        window = 2 * args.workers + 2
        start = time.perf_counter()
        running: deque = deque()
        for i in range(args.partitions):
            running.append(client.submit(process_partition, [], key=f"empty-{i}", pure=False))
            if len(running) >= window:
                running.popleft().result()
        while running:
            running.popleft().result()
        seconds = time.perf_counter() - start
    print(f"{args.partitions} empty partitions on {args.workers} workers: {seconds:.2f} s, "
          f"{1000 * seconds / args.partitions:.1f} ms per partition (wall, window {window})")


if __name__ == "__main__":
    main()
