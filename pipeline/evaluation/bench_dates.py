"""Benchmark of the dates stage on the TempEval-3 platinum test set (not a unit test).

``newsie bench dates [--data DIR] [--verbose]``. Each document's text goes through the
segmenter, the spaCy model and the dates stage with its DCT as the publication date. Over
the gold TIMEX3 expressions of type DATE it reports:

- found: gold DATEs overlapped by a predicted span;
- value_exact: of those, how many get exactly the gold value (the overlapping prediction
  with the largest overlap);
- end_to_end: value_exact / all gold DATEs (the headline figure);
- extras: predicted spans overlapping no gold DATE, TIME or DURATION expression.

As a reference it also scores dateparser alone, given each gold DATE span and the DCT
(RELATIVE_BASE), its date formatted at the gold value's own granularity (generous to it:
the granularity is taken from the gold).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional

from .suites import at_gold_granularity as _at_gold_granularity

SUITE = "te3_platinum"


def _data_dir(data_path) -> Path:
    from ..core.paths import benchmarks_dir

    path = Path(data_path) if data_path else benchmarks_dir() / SUITE
    if path.is_file():
        path = path.parent
    docs, timex = path / "te3-platinum.docs.jsonl", path / "te3-platinum.timex.jsonl"
    if not docs.exists() or not timex.exists():
        raise FileNotFoundError(
            f"TempEval-3 platinum data not found in {path}: expected te3-platinum.docs.jsonl and "
            f"te3-platinum.timex.jsonl (set NEWSIE_BENCHMARKS or pass --data DIR)")
    return path


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def dateparser_reference(gold_dates: list[dict]) -> dict:
    import dateparser

    right, parsed, wrong = 0, 0, []
    for g in gold_dates:
        base = dt.datetime.fromisoformat(g["dct"])
        d = dateparser.parse(g["text"], languages=["en"], settings={
            "RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first"})
        value = _at_gold_granularity(d, g["value"]) if d is not None else None
        parsed += d is not None
        if value == g["value"]:
            right += 1
        else:
            wrong.append({"doc": g["doc"], "text": g["text"], "gold": g["value"], "got": value})
    return {"gold": len(gold_dates), "parsed": parsed, "value_exact": right,
            "fraction": right / len(gold_dates) if gold_dates else 0.0, "misses": wrong}


def run_bench(data_path: Optional[Path] = None) -> dict:
    if data_path is not None and str(data_path).endswith(".tsv"):   # newsie's own suite
        from . import suites

        return suites.score_dates(data_path)
    from ..core.config import load_pipeline
    from ..core.extensions import register_extensions

    path = _data_dir(data_path)
    docs = _read_jsonl(path / "te3-platinum.docs.jsonl")
    timex = _read_jsonl(path / "te3-platinum.timex.jsonl")
    register_extensions()
    nlp = load_pipeline(stages=["newsie_segmenter", "newsie_dates"])

    gold_dates = [t for t in timex if t["type"] == "DATE"]
    found = exact = extras = 0
    misses, extra_rows, per_doc = [], [], []
    for d in docs:
        doc = nlp.make_doc(d["text"])
        doc._.published = d["dct"]
        doc = nlp(doc)
        if doc._.errors:
            raise RuntimeError(f"{d['doc']}: {doc._.errors}")
        preds = list(doc._.dates or [])
        gold_all = [t for t in timex if t["doc"] == d["doc"]]
        gold = [t for t in gold_all if t["type"] == "DATE"]
        n_exact = 0
        for g in gold:
            over = [(min(p["end"], g["end"]) - max(p["start"], g["start"]), p) for p in preds
                    if p["start"] < g["end"] and g["start"] < p["end"]]
            if not over:
                misses.append({"doc": d["doc"], "text": g["text"], "gold": g["value"], "got": None,
                               "why": "not found"})
                continue
            found += 1
            best = max(over, key=lambda o: o[0])[1]
            if best["value"] == g["value"]:
                exact += 1
                n_exact += 1
            else:
                misses.append({"doc": d["doc"], "text": g["text"], "gold": g["value"],
                               "got": best["value"], "pred_text": best["text"], "why": "wrong value"})
        for p in preds:
            if not any(p["start"] < t["end"] and t["start"] < p["end"]
                       for t in gold_all if t["type"] in ("DATE", "TIME", "DURATION")):
                extras += 1
                extra_rows.append({"doc": d["doc"], "text": p["text"], "value": p["value"]})
        per_doc.append({"doc": d["doc"], "gold": len(gold), "value_exact": n_exact, "predicted": len(preds)})

    n = len(gold_dates)
    return {
        "suite": SUITE, "documents": len(docs), "gold_dates": n,
        "found": found, "value_exact": exact,
        "value_exact_of_found": exact / found if found else 0.0,
        "end_to_end": exact / n if n else 0.0,
        "extras": extras,
        "dateparser_reference": dateparser_reference(gold_dates),
        "per_doc": per_doc, "misses": misses, "extra_rows": extra_rows,
    }


def format_report(result: dict, verbose: bool = False) -> str:
    if result.get("suite") == "expressions":
        from . import suites

        return suites.format_report(result, verbose)
    r = result
    ref = r["dateparser_reference"]
    lines = [
        f"dates on {r['suite']}: {r['documents']} documents, {r['gold_dates']} gold DATE expressions",
        f"  found (overlapping span):        {r['found']}/{r['gold_dates']}",
        f"  exact value among found:         {r['value_exact']}/{r['found']} ({r['value_exact_of_found']:.3f})",
        f"  end to end (exact value / gold): {r['value_exact']}/{r['gold_dates']} ({r['end_to_end']:.3f})",
        f"  extras (overlap no gold DATE/TIME/DURATION): {r['extras']}",
        f"  reference, dateparser alone on the gold spans: {ref['value_exact']}/{ref['gold']} "
        f"({ref['fraction']:.3f}; parsed {ref['parsed']})",
    ]
    if verbose:
        lines.append("misses:")
        for m in r["misses"]:
            lines.append(f"  {m['doc']}: {m['text']!r} gold={m['gold']} got={m['got']} ({m['why']}"
                         + (f", predicted {m['pred_text']!r}" if m.get("pred_text") else "") + ")")
        lines.append("extras:")
        for e in r["extra_rows"]:
            lines.append(f"  {e['doc']}: {e['text']!r} -> {e['value']}")
        lines.append("dateparser reference misses:")
        for m in ref["misses"]:
            lines.append(f"  {m['doc']}: {m['text']!r} gold={m['gold']} got={m['got']}")
    return "\n".join(lines)
