"""Speed benchmark: newsie's full pipeline against bare spaCy on the same texts, one run.

    .venv/bin/python scripts/bench_speed.py [PATH ...] [--repeat N] [--workers N]

Reads the articles under PATH (default corpus/articles), repeats the set N times so that
timings are not dominated by start-up, and reports articles/s and words/s for
(1) the bare spaCy model (same model, same nlp.pipe settings) and (2) the newsie
pipeline, plus the ratio. Model loading is not timed. Not a unit test: run it by hand
or with `make bench` and copy the figures into the README.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import spacy

from pipeline.core.config import load_pipeline, resolve_model_name
from pipeline.core.inputs import read_inputs


def timed(nlp, texts, workers: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["corpus/articles"])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best time of each counts")
    args = parser.parse_args()

    arts = [a for a in read_inputs([Path(p) for p in args.paths]) if not a.error]
    texts = [a.body for a in arts] * args.repeat
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(resolve_model_name(None))
    full = load_pipeline()
    # warm up both (lazy initialisation, caches)
    timed(bare, texts[:4], 1)
    timed(full, texts[:4], 1)

    # interleaved rounds, best of each: other load on the machine hits both alike
    best = {"bare spaCy": float("inf"), "newsie": float("inf")}
    for _ in range(args.rounds):
        for name, nlp in (("bare spaCy", bare), ("newsie", full)):
            best[name] = min(best[name], timed(nlp, texts, args.workers))
    rows = [(name, s, len(texts) / s, words / s) for name, s in best.items()]
    print(f"{len(arts)} articles x {args.repeat} = {len(texts)} texts, {words} words, "
          f"workers={args.workers}, best of {args.rounds} rounds, {platform.processor() or platform.machine()}, spaCy {spacy.__version__}")
    print(f"{'pipeline':<12} {'seconds':>8} {'articles/s':>11} {'words/s':>9}")
    for name, seconds, aps, wps in rows:
        print(f"{name:<12} {seconds:8.2f} {aps:11.1f} {wps:9.0f}")
    print(f"newsie takes {rows[1][1] / rows[0][1]:.2f}x the time of bare spaCy")


if __name__ == "__main__":
    main()
