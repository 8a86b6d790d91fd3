"""The evaluation floor gate: the corpus must score at least tests/eval_floors.json.

One floors file per scored set (tests/eval_floors*.json). Fails when a figure of FLOOR_METRICS (entities strict F1, quote content F1, quote speaker
accuracy, documents F1, money F1, dates F1) drops below its floor, or when the gold files
in corpus/annotations no longer have the recorded hashes (then the floors are stale:
run scripts/update_floors.py and commit the new floors with the gold).
"""

import json
from pathlib import Path

import pytest

from pipeline.evaluation.evaluate import below_floors, evaluate, floor_figures, gold_diff, gold_hashes

ROOT = Path(__file__).resolve().parents[2]
#: tests/eval_floors.json: the corpus (corpus/articles vs corpus/annotations); tests/eval_floors_*.json:
#: the development evaluation sets (each file names its gold and articles folders)
FLOOR_FILES = sorted((ROOT / "tests").glob("eval_floors*.json"))


@pytest.mark.parametrize("floors_file", FLOOR_FILES, ids=lambda p: p.stem)
def test_scores_at_least_the_floors(request, tmp_path, floors_file):
    recorded = json.loads(floors_file.read_text(encoding="utf-8"))
    floors = recorded.get("floors") or {}
    if not floors:
        pytest.fail(f"{floors_file.name} lists no floors: run scripts/update_floors.py")
    gold = ROOT / recorded.get("gold", "corpus/annotations")
    articles = ROOT / recorded.get("articles", "corpus/articles")
    if not (gold / "articles.csv").exists():
        pytest.fail(f"floors are set but there is no gold: {gold}/articles.csv is missing")

    problems = []
    changes = gold_diff(recorded.get("gold_sha256") or {}, gold_hashes(gold))
    if changes:
        problems.append("gold changed: run scripts/update_floors.py and commit (" + "; ".join(changes) + ")")
    if articles == ROOT / "corpus" / "articles":
        out = request.getfixturevalue("corpus_run")["out"]
    else:
        from pipeline import run
        out = tmp_path / "run"
        run([articles], out, nlp=request.getfixturevalue("nlp"))
    problems += below_floors(floor_figures(evaluate(gold, out)), floors)
    assert not problems, "\n".join(problems)


def test_the_corpus_has_floors():
    assert (ROOT / "tests" / "eval_floors.json").exists(), \
        "no tests/eval_floors.json: create it with scripts/update_floors.py and commit it"
