"""Peak memory of a large `newsie run` (issue 14: 20,000 articles, peak RSS <= 500 MB).

    .venv/bin/python scripts/bench_rss.py [--articles 20000] [--formats csv parquet]
                                          [--workers 1] [--folder /tmp/newsie-rss] [--keep]

Builds a folder of ``--articles`` files by cycling the corpus texts (corpus/articles, the
eval sets' articles, corpus/heldout; never the sealed sets) under unique names, then runs
``newsie run FOLDER --out OUT --format F -q`` once per format, one at a time. While a run
goes, its process tree (the run and its worker processes) is polled every half second with
psutil: the report gives the peak RSS of the tree (sum over processes), of the largest
single process, and the tree's RSS at each quarter of the run, so growth with corpus size
shows. ``wait4``'s ``ru_maxrss`` (largest process) and CPU seconds are printed too.

Run it at low priority on a shared machine: ``nice -n 19 .venv/bin/python scripts/bench_rss.py``.
Not a unit test: copy the figures into docs/performance.md / the README.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SOURCES = ["corpus/articles", "corpus/eval/documents/articles", "corpus/eval/quotes/articles", "corpus/heldout"]


def build_folder(folder: Path, count: int, sources: list[str]) -> int:
    """``count`` article files cycled from ``sources`` (reused when the folder already holds them)."""
    texts = sorted(p for s in sources for p in Path(s).glob("*.txt"))
    if not texts:
        sys.exit("no corpus texts found: run from the repository root")
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == count:
        return len(texts)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(count):
        src = texts[i % len(texts)]
        shutil.copyfile(src, folder / f"a{i:06d}_{src.name}")
    return len(texts)


def tree_rss(proc) -> tuple[int, int]:
    """(sum, largest) RSS in bytes of ``proc`` and its descendants."""
    import psutil

    sizes = []
    for p in [proc] + proc.children(recursive=True):
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:
            pass
    return sum(sizes), max(sizes, default=0)


def run_one(cmd: list[str], interval: float = 0.5) -> dict:
    import psutil

    start = time.perf_counter()
    popen = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    proc = psutil.Process(popen.pid)
    samples: list[tuple[float, int]] = []
    peak_sum = peak_one = 0
    while True:
        pid, status, usage = os.wait4(popen.pid, os.WNOHANG)
        if pid:
            break
        try:
            total, largest = tree_rss(proc)
        except psutil.Error:
            total = largest = 0
        samples.append((time.perf_counter() - start, total))
        peak_sum, peak_one = max(peak_sum, total), max(peak_one, largest)
        time.sleep(interval)
    err = popen.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"failed ({code}): {' '.join(cmd)}\n{err}")
    return {"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
            "maxrss": usage.ru_maxrss * 1024, "peak_sum": peak_sum, "peak_one": peak_one,
            "samples": samples}


def quarters(samples: list[tuple[float, int]]) -> list[int]:
    """The tree's RSS at 25, 50, 75 and 100% of the run's samples."""
    if not samples:
        return []
    return [samples[min(len(samples) - 1, max(0, round(len(samples) * q / 4) - 1))][1] for q in (1, 2, 3, 4)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--formats", nargs="+", default=["csv", "parquet"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/newsie-rss/corpus"))
    parser.add_argument("--sources", nargs="+", default=SOURCES)
    parser.add_argument("--keep", action="store_true", help="keep the article folder for the next run")
    args = parser.parse_args()

    newsie = str(Path(sys.executable).with_name("newsie"))
    distinct = build_folder(args.folder, args.articles, args.sources)
    mb = 1024 * 1024
    print(f"{args.articles} articles cycled from {distinct} corpus texts in {args.folder}; "
          f"--workers {args.workers}; {os.cpu_count()} cores", flush=True)
    print(f"{'format':<8} {'wall s':>8} {'CPU s':>8} {'peak tree MB':>13} {'peak proc MB':>13} "
          f"{'ru_maxrss MB':>13}  tree MB at 25/50/75/100%", flush=True)
    try:
        for fmt in args.formats:
            out = args.folder.parent / f"out-{fmt}"
            shutil.rmtree(out, ignore_errors=True)
            r = run_one([newsie, "run", str(args.folder), "--out", str(out), "--format", fmt, "-q",
                         "--workers", str(args.workers)])
            marks = "/".join(f"{v / mb:.0f}" for v in quarters(r["samples"]))
            print(f"{fmt:<8} {r['wall']:8.0f} {r['cpu']:8.0f} {r['peak_sum'] / mb:13.0f} "
                  f"{r['peak_one'] / mb:13.0f} {r['maxrss'] / mb:13.0f}  {marks}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(args.folder, ignore_errors=True)


if __name__ == "__main__":
    main()
