"""The evaluation floor gate: the corpus must score at least tests/eval_floors.json.

Fails when a figure of FLOOR_METRICS (entities strict F1, quote content F1, quote speaker
accuracy, documents F1, money F1, dates F1) drops below its floor, or when the gold files
in corpus/annotations no longer have the recorded hashes (then the floors are stale:
run scripts/update_floors.py and commit the new floors with the gold).
"""

import json
from pathlib import Path

import pytest

from pipeline.evaluation.evaluate import below_floors, evaluate, floor_figures, gold_diff, gold_hashes

FLOORS = Path(__file__).resolve().parents[1] / "eval_floors.json"
GOLD = Path(__file__).resolve().parents[2] / "corpus" / "annotations"


def test_corpus_scores_at_least_the_floors(request):
    if not FLOORS.exists():
        pytest.fail("no tests/eval_floors.json: create it with scripts/update_floors.py and commit it")
    recorded = json.loads(FLOORS.read_text(encoding="utf-8"))
    floors = recorded.get("floors") or {}
    if not floors:
        pytest.fail("tests/eval_floors.json lists no floors: run scripts/update_floors.py")
    if not (GOLD / "articles.csv").exists():
        pytest.fail(f"floors are set but there is no gold: {GOLD}/articles.csv is missing")

    problems = []
    changes = gold_diff(recorded.get("gold_sha256") or {}, gold_hashes(GOLD))
    if changes:
        problems.append("gold changed: run scripts/update_floors.py and commit (" + "; ".join(changes) + ")")
    run = request.getfixturevalue("corpus_run")
    problems += below_floors(floor_figures(evaluate(GOLD, run["out"])), floors)
    assert not problems, "\n".join(problems)
