"""Restated amounts: ``repeat_of`` points a figure said again (a headline amount restated in
the body, a total repeated) to its first mention, so sums can count each figure once."""

from __future__ import annotations

from typing import Optional

def _context_key(context: Optional[str]) -> str:
    words = (context or "").lower().split()
    while words and words[0] in ("the", "a", "an", "this", "that", "its", "their"):
        words = words[1:]
    return " ".join(words)


def mark_repeats(records: list[dict]) -> None:
    """``repeat_of``: the index of the first record with the same amount, currency, range
    bound and context (a headline figure restated in the body, a total repeated), so a sum
    over the rows where repeat_of is empty counts each figure once."""
    first: dict = {}
    for i, rec in enumerate(records):
        rec["repeat_of"] = None
        if rec.get("amount") is None:
            continue
        key = (str(rec["amount"]), rec.get("currency"), rec.get("range_bound"), _context_key(rec.get("context")))
        if key in first:
            rec["repeat_of"] = first[key]
        else:
            first[key] = i
