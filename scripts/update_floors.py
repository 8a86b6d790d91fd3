"""Rewrite tests/eval_floors.json: the F1 floors the CI gate holds the pipeline to.

Runs the pipeline over corpus/articles (or reads --pred), scores it against the gold in
corpus/annotations, then sets each floor (FLOOR_METRICS of pipeline/evaluate.py) to the
current figure, rounded down to 4 decimals, and records the sha256 of every gold file.
A floor is never lowered unless --lower is given: a drop is either a regression to fix or
a decision to take explicitly (and to explain in the commit).

    .venv/bin/python scripts/update_floors.py            # raise floors, refresh gold hashes
    .venv/bin/python scripts/update_floors.py --lower    # also accept lower figures
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.evaluate import (FLOOR_EPSILON, GoldError, evaluate, floor_figures,  # noqa: E402
                               format_table, gold_hashes)


def _rel(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def round_down(value: float, places: int = 4) -> float:
    scale = 10 ** places
    return math.floor(value * scale + 1e-9) / scale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lower", action="store_true", help="allow floors to go down")
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "annotations")
    ap.add_argument("--articles", type=Path, default=ROOT / "corpus" / "articles")
    ap.add_argument("--pred", type=Path, help="score this run instead of running the pipeline")
    ap.add_argument("--floors", type=Path, default=ROOT / "tests" / "eval_floors.json")
    args = ap.parse_args(argv)

    old = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.exists() else {}
    old_floors = old.get("floors") or {}
    try:
        if args.pred:
            ev = evaluate(args.gold, args.pred)
        else:
            from pipeline import run
            with tempfile.TemporaryDirectory(prefix="newsie-floors-") as tmp:
                summary = run([args.articles], tmp)
                if summary.failed:
                    print(f"warning: {summary.failed} articles failed: {summary.failures}", file=sys.stderr)
                ev = evaluate(args.gold, tmp)
    except GoldError as exc:
        print(f"update_floors: {exc}", file=sys.stderr)
        return 2
    print(format_table(ev))
    current = {k: round_down(v) for k, v in floor_figures(ev).items()}

    drops = [f"{k}: {old_floors[k]:.4f} -> {current.get(k, 'gone')}" for k in sorted(old_floors)
             if k not in current or current[k] < old_floors[k] - FLOOR_EPSILON]
    if drops and not args.lower:
        print("refusing to lower floors (pass --lower if this is intended):\n  " + "\n  ".join(drops),
              file=sys.stderr)
        return 1
    gold_rel, articles_rel = _rel(args.gold), _rel(args.articles)
    default = args.floors.resolve() == (ROOT / "tests" / "eval_floors.json").resolve()
    data = {
        "about": "CI floor gate (tests/evaluation/test_eval_floor.py): per-metric floors of `newsie eval` "
                 f"over {articles_rel} vs {gold_rel}, and the sha256 of each gold file. Regenerate with "
                 "scripts/update_floors.py" + ("" if default else f" --gold {gold_rel} --articles {articles_rel} "
                                                               f"--floors {_rel(args.floors)}")
                 + " (never edit by hand).",
        "gold": gold_rel,
        "articles": articles_rel,
        "floors": dict(sorted(current.items())),
        "gold_sha256": gold_hashes(args.gold),
    }
    args.floors.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for k in sorted(set(current) | set(old_floors)):
        before = old_floors.get(k)
        after = current.get(k)
        if before != after:
            print(f"{k}: {'-' if before is None else f'{before:.4f}'} -> {'-' if after is None else f'{after:.4f}'}")
    print(f"wrote {args.floors.relative_to(ROOT) if args.floors.is_relative_to(ROOT) else args.floors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
