"""Pairing gold and predicted records: text normalisation, the party rule, one-to-one
greedy matching and precision/recall/F1 (the mechanics behind every table's ``Matcher``;
the rules are written out in docs/evaluation.md)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional

from ..core.text import LOOSE_APOSTROPHES

_APOSTROPHES = LOOSE_APOSTROPHES
_WORD = re.compile(r"\w+")


def norm(value) -> str:
    """Normalised name for comparison: casefold, straight apostrophes, single spaces."""
    if value is None:
        return ""
    return " ".join(str(value).translate(_APOSTROPHES).casefold().split())


_NAME_PUNCT = str.maketrans({".": "", "-": " ", "\u2010": " ", "\u2011": " "})


def name_norm(value) -> str:
    """A name normalised for comparison: ``norm`` without full stops and with hyphens as
    spaces ("S. Jaishankar" = "S Jaishankar", "Jean-Yves" = "Jean Yves", "U.S." = "US")."""
    return " ".join(norm(value).translate(_NAME_PUNCT).split())


def tokens(value) -> list[str]:
    return _WORD.findall(norm(value))


def token_f1(a, b) -> float:
    """Token-multiset F1 between two texts (both empty: 1.0; one empty: 0.0)."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(tb), common / len(ta)
    return 2 * p * r / (p + r)


def span_iou(g: dict, p: dict) -> float:
    """Character overlap of two records' spans over their union (0 when either has no span)."""
    gs, ge, ps, pe = g.get("start"), g.get("end"), p.get("start"), p.get("end")
    if None in (gs, ge, ps, pe):
        return 0.0
    inter = min(ge, pe) - max(gs, ps)
    if inter <= 0:
        return 0.0
    return inter / (max(ge, pe) - min(gs, ps))


def same_amount(a, b, rel_tol: float = 1e-6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=0.0)


def same_code(a, b) -> bool:
    return norm(a).upper() == norm(b).upper()


PARTY_MIN_TOKEN_F1 = 0.8


def party_match(a: dict, b: dict) -> bool:
    """One gold party against one predicted party (the rule of docs/evaluation.md)."""
    na, nb = name_norm(a.get("party")), name_norm(b.get("party"))
    if na == nb:
        return True
    if token_f1(na, nb) >= PARTY_MIN_TOKEN_F1:
        return True
    ca, cb = norm(a.get("country")).upper(), norm(b.get("country")).upper()
    return bool(ca) and ca == cb and bool(a.get("is_state")) and bool(b.get("is_state"))


def parties_match(gold: list[dict], pred: list[dict]) -> bool:
    """Equal counts and a one-to-one assignment matching every gold party."""
    if len(gold) != len(pred):
        return False
    ok = [[party_match(g, p) for p in pred] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set) -> bool:  # Kuhn's bipartite matching: a few parties only
        for j in range(len(pred)):
            if ok[i][j] and j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(augment(i, set()) for i in range(len(gold)))


@dataclass(frozen=True)
class Matcher:
    """One way of pairing gold and predicted records: P/R/F1, plus accuracies (checks)
    over the pairs it matched."""

    name: str
    rule: str                                           # one line, for reports
    score: Callable[[dict, dict], Optional[float]]     # None = cannot match; higher = better
    checks: Mapping[str, Callable[[dict, dict], bool]] = field(default_factory=dict)


def greedy_match(gold: list[dict], pred: list[dict], score) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, pred index, score), best scores first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                cands.append((-s, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for neg, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, -neg))
    return pairs


def prf(tp: int, n_gold: int, n_pred: int) -> dict:
    """Precision/recall/F1; None when there is nothing in gold or prediction."""
    if n_gold == 0 and n_pred == 0:
        return {"precision": None, "recall": None, "f1": None}
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class MatchResult:
    """One matcher on one article."""

    tp: int
    n_gold: int
    n_pred: int
    check_ok: dict          # check -> correct pairs
    pairs: list             # (gold rec, pred rec)
    misses: list            # gold recs not matched
    spurious: list          # pred recs not matched


#: weight of each agreeing check in a pair's rank: decides ties only, never beats a better score
TIE_BREAK = 1e-6


def match_article(matcher: Matcher, gold: list[dict], pred: list[dict]) -> MatchResult:
    def ranked(g, p):  # ties (e.g. the two bounds of a range share a span) go to the pair whose checks agree
        s = matcher.score(g, p)
        return None if s is None else s + TIE_BREAK * sum(bool(fn(g, p)) for fn in matcher.checks.values())

    pairs = greedy_match(gold, pred, ranked)
    mg, mp = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    recs = [(gold[i], pred[j]) for i, j, _ in pairs]
    return MatchResult(
        tp=len(pairs), n_gold=len(gold), n_pred=len(pred),
        check_ok={name: sum(bool(fn(g, p)) for g, p in recs) for name, fn in matcher.checks.items()},
        pairs=recs,
        misses=[g for i, g in enumerate(gold) if i not in mg],
        spurious=[p for j, p in enumerate(pred) if j not in mp],
    )
