"""Benchmark of the money stage on the Recognizers-Text English currency spec.

Not a unit test: ``newsie bench money [--data FILE] [--verbose]`` prints the figures quoted
in the README. Each sentence of the spec goes through the full pipeline (loaded once); an
expected result is reproduced when the stage reports the same value with the same currency
(the spec's isoCurrency, or USD for a spec result with unit "Dollar" and no ISO code, which
is newsie's "$" policy; other units without ISO code are looked up in newsie's currency table,
"Pound" = GBP, "Peseta" = ESP, and minor units are scaled to the major one, "50 Cent" = 0.50
USD, "470 Pence" = 4.70 GBP, as newsie reports them). The target subset is the results that carry an ISO code or a
"$"/"dollar" unit: the spec's other units (cents, pence, bitcoin, historical currencies
without ISO code in the spec) are reported but not aimed at.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Optional

from ..core.paths import benchmarks_dir

SPEC = Path("currency") / "NumberWithUnit_English_CurrencyModel.json"


def default_data_path() -> Path:
    return benchmarks_dir() / SPEC


def _value(text) -> Optional[Decimal]:
    try:
        return Decimal(str(text)).normalize()
    except (InvalidOperation, TypeError, ValueError):
        return None


def expected_currency(resolution: dict, tables=None) -> Optional[str]:
    """The ISO code an expected result stands for (None: a unit newsie has no code for).
    With newsie's tables, a unit name without ISO code is looked up there ("Pound" = GBP)."""
    iso = resolution.get("isoCurrency")
    if iso:
        return iso
    unit = (resolution.get("unit") or "").lower()
    if unit == "dollar":
        return "USD"
    if tables is not None and unit:
        marker = tables.markers.get(unit)
        if marker is not None and marker.kind == "word":
            return marker.code
        minor = tables.minor.get(unit) or tables.minor.get(unit + "s")
        if minor:
            return minor[0][0]
    return None


def expected_value(resolution: dict, tables=None) -> Optional[Decimal]:
    """The expected value in the major unit ("50" Cent = 0.50)."""
    value = _value(resolution.get("value"))
    unit = (resolution.get("unit") or "").lower()
    if value is not None and tables is not None and not resolution.get("isoCurrency") and unit:
        if tables.markers.get(unit) is None:
            minor = tables.minor.get(unit) or tables.minor.get(unit + "s")
            if minor:
                value = (value * minor[0][1]).normalize()
    return value


def in_target(resolution: dict) -> bool:
    unit = (resolution.get("unit") or "").lower()
    return bool(resolution.get("isoCurrency")) or unit == "dollar" or "dollar" in unit or unit == "$"


def score_case(case: dict, rows: list[dict], tables=None) -> dict:
    """Match the stage's rows of one sentence against its expected results (``tables``:
    newsie's money tables, to read the spec's units without ISO code)."""
    expected = case.get("Results") or []
    got = list(rows)  # a vague row (no amount) can match an expected result without value
    used = set()
    out = {"hits": [], "misses": [], "extras": [], "currency_mismatch": []}
    for exp in expected:
        res = exp.get("Resolution") or {}
        value = expected_value(res, tables)
        cur = expected_currency(res, tables)
        hit = None
        for k, r in enumerate(got):
            if k in used or _value(r["amount"]) != value:
                continue
            if cur is not None and r.get("currency") == cur:
                hit = k
                break
        entry = {"input": case["Input"], "expected": exp.get("Text"), "value": res.get("value"),
                 "unit": res.get("unit"), "iso": res.get("isoCurrency"), "target": in_target(res)}
        if hit is not None:
            used.add(hit)
            out["hits"].append(entry)
        else:
            same_value = [k for k, r in enumerate(got) if k not in used and _value(r["amount"]) == value]
            if same_value:
                used.add(same_value[0])
                entry["got_currency"] = got[same_value[0]].get("currency")
                out["currency_mismatch"].append(entry)
            out["misses"].append(entry)
    for k, r in enumerate(got):
        if k not in used and r.get("amount") is not None:
            out["extras"].append({"input": case["Input"], "text": r["text"], "amount": r["amount"],
                                  "currency": r.get("currency")})
    out["vague"] = [r["text"] for r in rows if r.get("amount") is None]
    return out


def run_bench(data_path: Optional[Path] = None) -> dict:
    if data_path is not None and str(data_path).endswith(".tsv"):   # newsie's own suite
        from . import suites

        return suites.score_money(data_path)
    path = Path(data_path) if data_path else default_data_path()
    if not path.is_file():
        raise FileNotFoundError(
            f"currency benchmark not found at {path}: pass --data FILE or set NEWSIE_BENCHMARKS "
            f"to the folder holding {SPEC}")
    with open(path, encoding="utf-8-sig") as fh:
        cases = json.load(fh)

    from ..core.config import load_pipeline

    nlp = load_pipeline()
    tables = nlp.get_pipe("newsie_money").tables
    totals = {"sentences": len(cases), "expected": 0, "reproduced": 0, "target_expected": 0,
              "target_reproduced": 0, "target_valued_expected": 0, "target_valued_reproduced": 0,
              "extras": 0, "currency_mismatch": 0, "vague_rows": 0}
    misses, extras, mismatches = [], [], []
    docs = nlp.pipe(c["Input"] for c in cases)
    for case, doc in zip(cases, docs):
        s = score_case(case, doc._.money or [], tables)
        totals["expected"] += len(s["hits"]) + len(s["misses"])
        totals["reproduced"] += len(s["hits"])
        totals["target_expected"] += sum(1 for e in s["hits"] + s["misses"] if e["target"])
        totals["target_reproduced"] += sum(1 for e in s["hits"] if e["target"])
        totals["target_valued_expected"] += sum(1 for e in s["hits"] + s["misses"]
                                                if e["target"] and e["value"] is not None)
        totals["target_valued_reproduced"] += sum(1 for e in s["hits"] if e["target"] and e["value"] is not None)
        totals["extras"] += len(s["extras"])
        totals["currency_mismatch"] += len(s["currency_mismatch"])
        totals["vague_rows"] += len(s["vague"])
        misses += s["misses"]
        extras += s["extras"]
        mismatches += s["currency_mismatch"]
    for key, num, den in (("recall", "reproduced", "expected"),
                          ("target_recall", "target_reproduced", "target_expected"),
                          ("target_valued_recall", "target_valued_reproduced", "target_valued_expected")):
        totals[key] = round(totals[num] / totals[den], 4) if totals[den] else None
    return {"data": str(path), "totals": totals, "misses": misses, "extras": extras,
            "currency_mismatch": mismatches}


def format_report(result: dict, verbose: bool = False) -> str:
    if result.get("suite") == "expressions":
        from . import suites

        return suites.format_report(result, verbose)
    t = result["totals"]
    lines = [
        f"money benchmark: {result['data']}",
        f"  sentences                 {t['sentences']}",
        f"  expected amounts          {t['expected']}",
        f"  reproduced (value+ccy)    {t['reproduced']}  ({t['recall']:.1%})",
        f"  target subset (ISO/$)     {t['target_reproduced']} / {t['target_expected']}  "
        f"({t['target_recall']:.1%}; goal >= 95%)",
        f"    of which with a value   {t['target_valued_reproduced']} / {t['target_valued_expected']}  "
        f"({t['target_valued_recall']:.1%}; the rest are currency names without amount)",
        f"  same value, other ccy     {t['currency_mismatch']}",
        f"  extra amounts reported    {t['extras']}",
        f"  vague rows (no amount)    {t['vague_rows']}",
    ]
    if verbose:
        lines.append("")
        lines.append("misses (T = in the target subset):")
        for m in result["misses"]:
            got = f" [stage said {m['got_currency']}]" if m.get("got_currency") else ""
            lines.append(f"  {'T' if m['target'] else ' '} {m['expected']!r} = {m['value']} "
                         f"{m['iso'] or m['unit']}{got}  <- {m['input']}")
        lines.append("")
        lines.append("extras:")
        for e in result["extras"]:
            lines.append(f"    {e['text']!r} = {e['amount']} {e['currency']}  <- {e['input']}")
    return "\n".join(lines)
