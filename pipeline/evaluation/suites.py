"""newsie's own expression suites (``tests/data/*_expressions.tsv``): one case per line, a
sentence with the expression it holds and the expected reading. Not a peer benchmark: the
suites are written for the project, one group of phrasings per phenomenon of the dates and
money issue, and score the stage end to end (span found in the sentence and read right).

``newsie bench dates --data tests/data/dates_expressions.tsv`` and ``newsie bench money --data
tests/data/money_expressions.tsv`` print the exact-match rate per phenomenon; for dates also
dateparser alone given the expected span and the reference date (its date written at the
expected value's granularity, as in the TempEval bench).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Optional


def read_suite(path) -> list[dict]:
    """The cases of one suite file (TSV with a header; lines starting with # are comments)."""
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "") for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _pipeline(stages: list[str]):
    from ..core.config import load_pipeline
    from ..core.extensions import register_extensions

    register_extensions()
    return load_pipeline(stages=stages)


def _run(nlp, cases: list[dict], attr: str, setup) -> list[list[dict]]:
    docs = []
    for case in cases:
        doc = nlp.make_doc(case["text"])
        setup(doc, case)
        docs.append(doc)
    return [list(getattr(d._, attr) or []) for d in nlp.pipe(docs)]


# --------------------------------------------------------------------------- dates
def date_case_ok(case: dict, rows: list[dict]) -> bool:
    """A row with exactly the expected span, value and mod (empty expected value: no value)."""
    return any(r["text"] == case["span"] and (r["value"] or "") == case["value"]
               and (r["mod"] or "") == case["mod"] for r in rows)


def _anchor(reference: str) -> dt.datetime:
    parts = [int(p) for p in reference.split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2])


def at_gold_granularity(d: dt.datetime, gold: str) -> str:
    """dateparser's datetime written the way the gold value is (YYYY, YYYY-MM, YYYY-Www ...)."""
    if len(gold) == 4 and gold.isdigit():
        return f"{d.year:04d}"
    if len(gold) == 7 and gold[4] == "-" and gold[5:].isdigit():
        return f"{d.year:04d}-{d.month:02d}"
    if "-W" in gold:
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if len(gold) == 3 and gold.isdigit():
        return f"{d.year:04d}"[:3]
    if len(gold) == 2 and gold.isdigit():
        return f"{d.year // 100:02d}"
    return d.date().isoformat()


def dateparser_value(case: dict) -> Optional[str]:
    """dateparser alone on the expected span, at the expected value's granularity."""
    import dateparser

    order = case.get("order") or "MDY"
    d = dateparser.parse(case["span"], languages=["en"], settings={
        "RELATIVE_BASE": _anchor(case["reference"]), "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first"})
    return at_gold_granularity(d, case["value"]) if d is not None else None


def score_dates(path, nlp=None) -> dict:
    cases = read_suite(path)
    nlp = nlp or _pipeline(["newsie_segmenter", "newsie_dates"])

    def setup(doc, case):
        doc._.published = case["reference"]
        doc._.date_order = case.get("order") or None

    results = _run(nlp, cases, "dates", setup)
    out = []
    for case, rows in zip(cases, results):
        dp = dateparser_value(case)
        out.append({**case, "ok": date_case_ok(case, rows),
                    "dateparser_ok": (dp or "") == case["value"], "dateparser": dp,
                    "got": [(r["text"], r["value"], r["mod"]) for r in rows]})
    return _summary("dates", path, out, with_dateparser=True)


# --------------------------------------------------------------------------- money
def money_case_ok(case: dict, rows: list[dict]) -> bool:
    """A row with exactly the expected text, amount, currency and range bound; a case with
    no span is a negative (a year, score or model number): any money row is a miss."""
    if not case["span"]:
        return not rows
    want = Decimal(case["amount"]) if case["amount"] else None
    for r in rows:
        amount = r.get("amount")
        got = Decimal(str(amount)) if amount is not None else None
        if (r["text"] == case["span"] and got == want and (r.get("currency") or "") == case["currency"]
                and (r.get("range_bound") or "") == case["range_bound"]):
            return True
    return False


def score_money(path, nlp=None) -> dict:
    cases = read_suite(path)
    nlp = nlp or _pipeline(["newsie_segmenter", "newsie_entities", "newsie_money"])
    results = _run(nlp, cases, "money", lambda doc, case: None)
    out = [{**case, "ok": money_case_ok(case, rows),
            "got": [(r["text"], str(r.get("amount")), r.get("currency"), r.get("range_bound")) for r in rows]}
           for case, rows in zip(cases, results)]
    return _summary("money", path, out, with_dateparser=False)


# --------------------------------------------------------------------------- report
def _summary(stage: str, path, cases: list[dict], with_dateparser: bool) -> dict:
    by = Counter(c["phenomenon"] for c in cases)
    ok = Counter(c["phenomenon"] for c in cases if c["ok"])
    result = {"suite": "expressions", "stage": stage, "path": str(path), "cases": len(cases),
              "exact": sum(c["ok"] for c in cases),
              "per_phenomenon": {p: [ok[p], n] for p, n in by.items()},
              "misses": [c for c in cases if not c["ok"]]}
    result["fraction"] = result["exact"] / len(cases) if cases else 0.0
    if with_dateparser:
        dp = sum(c["dateparser_ok"] for c in cases)
        dok = Counter(c["phenomenon"] for c in cases if c["dateparser_ok"])
        result["dateparser"] = {"exact": dp, "fraction": dp / len(cases) if cases else 0.0,
                                "per_phenomenon": {p: dok[p] for p in by}}
    return result


def format_report(result: dict, verbose: bool = False) -> str:
    r = result
    lines = [f"{r['stage']} expression suite {Path(r['path']).name}: {r['exact']}/{r['cases']} exact "
             f"({r['fraction']:.3f})"]
    dp = r.get("dateparser")
    if dp:
        lines.append(f"  dateparser alone on the expected spans: {dp['exact']}/{r['cases']} ({dp['fraction']:.3f})")
    for p, (k, n) in sorted(r["per_phenomenon"].items()):
        extra = f"   dateparser {dp['per_phenomenon'][p]}/{n}" if dp else ""
        lines.append(f"  {p:<12} {k:>3}/{n:<3}{extra}")
    if verbose:
        lines.append("misses:")
        for c in r["misses"]:
            want = (c.get("span"), c.get("value", c.get("amount")), c.get("mod", c.get("currency")))
            lines.append(f"  {c['text']!r} [{c.get('reference', '')} {c.get('order', '')}] want {want} got {c['got']}")
    return "\n".join(lines)
