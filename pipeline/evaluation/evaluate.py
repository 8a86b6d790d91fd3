"""Scoring a run against gold tables (``newsie eval``): the evaluation itself, thresholds
and the floor gate; the pieces live in their own modules and are re-exported here.

Gold is a folder of the output tables themselves (``articles.csv``, ``entities.csv``, ...,
columns of ``pipeline.schema``): copy a run's output, correct it, and it is gold. Only the
articles listed in the gold's ``articles.csv`` are scored; a gold table that is absent is
"not annotated" and not scored (``signings`` is scored only when the gold has rows).

* ``specs``: every table's metrics, declared once in ``SPECS`` (a ``TableSpec`` lists the
  columns the gold must carry and its ``Matcher``s);
* ``matching``: a matcher pairs gold and predicted records of one article one-to-one
  (greedy by best score) and gives precision/recall/F1; its ``checks`` are accuracies over
  the matched pairs (canonical name, speaker, ...);
* ``sides``: reading the gold and prediction folders;
* ``report``: the terminal summary, JSON and the report of misses.

The matching rules are written out in docs/evaluation.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .matching import match_article, norm, party_match, prf, token_f1
from .report import format_table, write_json, write_report
from .sides import GoldError, RunTables, load_side, load_state_words
from .specs import FLOOR_METRICS, SPECS

#: what the CLI, scripts and tests import from here (the pieces are re-exported)
__all__ = ["Evaluation", "GoldError", "SPECS", "FLOOR_METRICS", "FLOOR_EPSILON", "evaluate", "format_table",
           "write_json", "write_report", "parse_thresholds", "check_thresholds", "gold_hashes", "floor_figures",
           "below_floors", "gold_diff", "norm", "party_match", "token_f1"]


def _figures(tp: int, n_gold: int, n_pred: int, check_ok: dict) -> dict:
    out = {"tp": tp, "n_gold": n_gold, "n_pred": n_pred, **prf(tp, n_gold, n_pred)}
    for name, ok in check_ok.items():
        out[f"{name}_accuracy"] = ok / tp if tp else None
        out[f"{name}_correct"] = ok
    return out


@dataclass
class Evaluation:
    gold_dir: Path
    pred_dir: Path
    articles: list
    missing_articles: list                  # gold articles the prediction does not have
    tables: dict                            # table -> {"scored", "reason", "metrics", "per_article"}
    results: dict                           # (table, matcher) -> {article_id: MatchResult}
    gold: RunTables
    pred: RunTables

    # flat figures: "entities.strict.f1" -> value
    @property
    def figures(self) -> dict:
        out = {}
        for table, t in self.tables.items():
            for mname, figs in t.get("metrics", {}).items():
                for k, v in figs.items():
                    out[f"{table}.{mname}.{k}"] = v
        return out

    def figure(self, key: str):
        """Resolve TABLE, TABLE.MATCHER (its F1) or TABLE.MATCHER.FIGURE; KeyError if unknown."""
        parts = key.split(".")
        if parts[0] not in SPECS:
            raise KeyError(key)
        spec = SPECS[parts[0]]
        if len(parts) == 1:
            parts = [parts[0], spec.headline, "f1"]
        elif len(parts) == 2:
            parts = parts + ["f1"]
        if len(parts) != 3:
            raise KeyError(key)
        spec.matcher(parts[1])
        figures = self.figures
        full = ".".join(parts)
        if full not in figures:
            if parts[0] in self.tables and not self.tables[parts[0]]["scored"]:
                return None
            raise KeyError(key)
        return figures[full]

    def to_dict(self) -> dict:
        return {
            "gold": str(self.gold_dir), "pred": str(self.pred_dir),
            "articles": self.articles, "missing_articles": self.missing_articles,
            "tables": self.tables, "figures": self.figures,
        }


def evaluate(gold_dir, pred_dir) -> Evaluation:
    """Score the prediction folder against the gold folder."""
    state_words = load_state_words()
    gold = load_side(gold_dir, gold=True, state_words=state_words)
    pred = load_side(pred_dir, gold=False, state_words=state_words)
    articles = gold.article_ids
    pred_articles = set(pred.article_ids) | {a for t in pred.rows.values() for a in t}
    tables, results = {}, {}
    for table, spec in SPECS.items():
        n_gold_rows = sum(len(gold.of(table, a)) for a in articles)
        if table not in gold.present:
            tables[table] = {"scored": False, "reason": "no gold table"}
            continue
        if spec.needs_rows and n_gold_rows == 0:
            tables[table] = {"scored": False, "reason": "gold table has no rows"}
            continue
        metrics, per_article = {}, defaultdict(dict)
        for m in spec.matchers:
            by_article = {a: match_article(m, gold.of(table, a), pred.of(table, a)) for a in articles}
            results[(table, m.name)] = by_article
            tot = Counter()
            checks = Counter({c: 0 for c in m.checks})
            for a, r in by_article.items():
                tot.update(tp=r.tp, n_gold=r.n_gold, n_pred=r.n_pred)
                checks.update(r.check_ok)
                per_article[a][m.name] = _figures(r.tp, r.n_gold, r.n_pred, r.check_ok)
            metrics[m.name] = _figures(tot["tp"], tot["n_gold"], tot["n_pred"], dict(checks))
        tables[table] = {"scored": True, "headline": spec.headline, "metrics": metrics,
                         "rules": {m.name: m.rule for m in spec.matchers},
                         "per_article": dict(per_article)}
    return Evaluation(Path(gold_dir), Path(pred_dir), articles,
                      [a for a in articles if a not in pred_articles], tables, results, gold, pred)


def parse_thresholds(specs: Iterable[str]) -> list[tuple[str, float]]:
    """``TABLE=F1`` / ``TABLE.MATCHER=F1`` / ``TABLE.MATCHER.FIGURE=X`` -> [(key, value)]."""
    out = []
    for s in specs:
        key, sep, value = s.partition("=")
        if not sep:
            raise GoldError(f"--fail-under expects KEY=VALUE (e.g. entities=0.6), not {s!r}")
        try:
            v = float(value)
        except ValueError:
            raise GoldError(f"--fail-under {s!r}: {value!r} is not a number") from None
        parts = key.strip().split(".")
        if parts[0] not in SPECS or len(parts) > 3:
            raise GoldError(f"--fail-under {s!r}: unknown table (choose from {', '.join(SPECS)})")
        if len(parts) >= 2 and parts[1] not in {m.name for m in SPECS[parts[0]].matchers}:
            names = ", ".join(m.name for m in SPECS[parts[0]].matchers)
            raise GoldError(f"--fail-under {s!r}: {parts[0]} has no metric {parts[1]!r} (choose from {names})")
        out.append((key.strip(), v))
    return out


def check_thresholds(ev: Evaluation, thresholds: list[tuple[str, float]]) -> list[str]:
    """The unmet thresholds, as messages (empty when all are met)."""
    failures = []
    for key, minimum in thresholds:
        try:
            value = ev.figure(key)
        except KeyError:
            raise GoldError(f"--fail-under: unknown figure {key!r}") from None
        if value is None:
            failures.append(f"{key}: no figure (table not scored or nothing to score) < {minimum}")
        elif value < minimum:
            failures.append(f"{key} = {value:.4f} < {minimum}")
    return failures


def gold_hashes(gold_dir) -> dict:
    """sha256 of every gold table (the CSV files; notes and authoring sources are not
    scored), by relative path, sorted."""
    import hashlib

    root = Path(gold_dir)
    out = {}
    if not root.is_dir():
        return out
    for path in sorted(p for p in root.rglob("*.csv") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(out.items()))


# --------------------------------------------------------------------------- the floor gate

#: slack for float noise when comparing a figure with its floor
FLOOR_EPSILON = 1e-9


def floor_figures(ev: Evaluation) -> dict:
    """The figures of FLOOR_METRICS that exist for this gold (tables not scored are left out)."""
    out = {}
    for key in FLOOR_METRICS:
        value = ev.figure(key)
        if value is not None:
            out[key] = value
    return out


def below_floors(current: dict, floors: dict, eps: float = FLOOR_EPSILON) -> list[str]:
    """Messages for every floor the current figures do not reach (a missing figure fails)."""
    out = []
    for key, floor in sorted(floors.items()):
        value = current.get(key)
        if value is None:
            out.append(f"{key}: no figure now (floor {floor:.4f}): nothing matched, or the table is no longer scored")
        elif value < floor - eps:
            out.append(f"{key} = {value:.4f} < floor {floor:.4f}")
    return out


def gold_diff(recorded: dict, current: dict) -> list[str]:
    """Which gold files were added, removed or changed since the hashes were recorded."""
    out = [f"added {p}" for p in sorted(set(current) - set(recorded))]
    out += [f"removed {p}" for p in sorted(set(recorded) - set(current))]
    out += [f"changed {p}" for p in sorted(set(current) & set(recorded)) if current[p] != recorded[p]]
    return out
