"""Speed benchmark (`make bench`): `newsie run` against bare spaCy `nlp.pipe`, whole processes.

    .venv/bin/python scripts/bench_speed.py [PATH ...] [--repeat N] [--rounds R] [--workers 1 2]
                                            [--baseline DIR]

The articles under PATH (default corpus/articles) are copied ``--repeat`` times into a
temporary corpus. Each round runs, as separate processes measured with ``wait4`` (CPU =
user + system of the process and its workers, peak RSS of the largest one):

1. bare spaCy: import, load the same base model, ``nlp.pipe`` over the same texts
   (the article bodies newsie processes), batch size 16;
2. ``newsie run CORPUS --out TMP -q --workers N`` for each N of ``--workers``.

Rounds are interleaved and the best of each counts, so other load on the machine hits all
alike. ``--baseline DIR`` adds ``newsie run --workers 1`` of another checkout (DIR holds its
``pipeline`` package, e.g. from ``git archive OLD pipeline | tar -x -C DIR``; it runs with
``PYTHONPATH=DIR`` in this environment) to every round: a before/after comparison under
the same load. Not a unit test: copy the figures into the README.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

BARE = """
import json, sys, spacy
texts = json.load(open(sys.argv[2], encoding="utf-8"))
nlp = spacy.load(sys.argv[1])
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def measure(cmd: list[str], env: Optional[dict] = None) -> dict:
    """One process; ``env`` with PYTHONPATH (a baseline) also runs in that folder, which
    ``python -c``/``-m`` put first on sys.path."""
    start = time.perf_counter()
    cwd = env["PYTHONPATH"] if env else None
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode()
    err = proc.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "rss_mb": usage.ru_maxrss / 1024, "out": out}


def build_corpus(paths: list[str], repeat: int, folder: Path) -> list[str]:
    from pipeline.core.inputs import read_inputs

    arts = [a for a in read_inputs([Path(p) for p in paths]) if not a.error]
    for r in range(repeat):
        for art in arts:
            name = f"r{r:03d}_{art.article_id.replace('/', '_')}.txt"
            (folder / name).write_text(art.text, encoding="utf-8")
    return [a.body for a in arts] * repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["corpus/articles"])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--baseline", type=Path, help="folder holding another checkout's pipeline package")
    args = parser.parse_args()

    from pipeline.core.config import resolve_model_name

    newsie = str(Path(sys.executable).with_name("newsie"))
    work = Path(tempfile.mkdtemp(prefix="newsie-bench-"))
    try:
        (work / "corpus").mkdir()
        texts = build_corpus(args.paths, args.repeat, work / "corpus")
        (work / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        runs = {"bare spaCy": [sys.executable, "-c", BARE, resolve_model_name(None), str(work / "texts.json")]}
        for n in args.workers:
            runs[f"newsie --workers {n}"] = [newsie, "run", str(work / "corpus"), "--out", str(work / f"out{n}"),
                                             "-q", "--workers", str(n)]
        envs = {}
        if args.baseline:   # spaCy imports newsie's stage modules (entry points): bare too is per checkout
            runs["baseline bare spaCy"] = runs["bare spaCy"]
            envs["baseline bare spaCy"] = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
            runs["baseline --workers 1"] = [sys.executable, "-m", "pipeline.cli", "run", str(work / "corpus"),
                                            "--out", str(work / "out-baseline"), "-q", "--workers", "1"]
            envs["baseline --workers 1"] = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
        best: dict[str, dict] = {}
        for _ in range(args.rounds):
            for name, cmd in runs.items():
                result = measure(cmd, envs.get(name))
                if name not in best or result["cpu"] < best[name]["cpu"]:
                    best[name] = result
        report(best, len(texts), words, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(best: dict, n: int, words: int, args) -> None:
    import spacy

    print(f"{n} articles ({words} words), whole processes (start-up and model loading included), "
          f"best of {args.rounds} interleaved rounds; {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}, spaCy {spacy.__version__}")
    print(f"{'run':<20} {'CPU s':>7} {'wall s':>7} {'articles/s':>11} {'peak RSS MB':>12}")
    for name, r in best.items():
        print(f"{name:<20} {r['cpu']:7.1f} {r['wall']:7.1f} {n / r['wall']:11.1f} {r['rss_mb']:12.0f}")
    bare = best["bare spaCy"]["cpu"]
    one = best.get("newsie --workers 1")
    if one:
        print(f"newsie run CPU time: {one['cpu'] / bare:.2f}x bare spaCy nlp.pipe")
    base = best.get("baseline --workers 1")
    if base:
        print(f"baseline ({args.baseline}) newsie run CPU time: "
              f"{base['cpu'] / best['baseline bare spaCy']['cpu']:.2f}x bare spaCy nlp.pipe")
    two = best.get("newsie --workers 2")
    if one and two:
        print(f"--workers 2: {one['wall'] / two['wall']:.2f}x the articles/s of --workers 1")


if __name__ == "__main__":
    main()
