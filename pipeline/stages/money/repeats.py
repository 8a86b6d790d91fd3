"""Restated amounts: ``repeat_of`` points a figure said again (a headline amount restated in
the body, a total repeated) to its first mention, so sums can count each figure once."""

from __future__ import annotations

import re
from typing import Optional

from .tables import MoneyTables, load_tables


#: a headline: the first line of the text, without a sentence end, followed by a blank line
_HEADLINE = re.compile(r"[^\S\n]*[^\n]*[^\s.!?:\"\u201d][^\S\n]*\n[^\S\n]*\n")


def headline_end(text: str) -> int:
    """The end of the text's headline (0: the text starts with no headline)."""
    m = _HEADLINE.match(text)
    return m.end() if m else 0


def _context_key(context: Optional[str], tables: MoneyTables) -> str:
    """The context compared: lower case, without a leading determiner; empty when it only names
    a measure ("total", "value")."""
    words = (context or "").lower().split()
    while words and words[0] in tables.determiners:
        words = words[1:]
    if words and words[-1] in tables.measure_nouns:
        return ""
    return " ".join(words)


def _same_figure(key: str, first_keys: list[str]) -> Optional[int]:
    """The position in ``first_keys`` (contexts of the earlier figures with the same amount,
    currency and bound) of the figure a mention with context ``key`` restates: the same
    context; else, when only one earlier figure has that amount, one without a context or a
    context with the same head word ("railway deal" / "deal")."""
    if key in first_keys:
        return first_keys.index(key)
    if len(first_keys) != 1:
        return None
    other = first_keys[0]
    if not key or not other or key.split()[-1] == other.split()[-1]:
        return 0
    return None


def mark_repeats(records: list[dict], tables: Optional[MoneyTables] = None, headline: int = 0) -> None:
    """``repeat_of``: the index of the first record of the same figure, so a sum over the rows
    where repeat_of is empty counts each figure once. The same figure: the same amount, currency
    and range bound, and
    - a headline amount (``headline``: the headline's end offset) restated in the body: the
      first body mention of that amount, whatever its context;
    - else the same context (compared without a leading determiner, ``determiners.txt``; a
      context naming only a measure, "total", counts as none), or, when the article has only
      one earlier figure of that amount, a context missing on either side or with the same
      head noun.
    Vague rows (no amount) are never repeats."""
    tables = tables or load_tables()
    firsts: dict = {}  # (amount, currency, bound) -> [(context key, index of the first mention)]
    in_headline: dict = {}  # (amount, currency, bound) -> index of a headline mention not restated yet
    for i, rec in enumerate(records):
        rec["repeat_of"] = None
        if rec.get("amount") is None:
            continue
        figure = (str(rec["amount"]), rec.get("currency"), rec.get("range_bound"))
        figures = firsts.setdefault(figure, [])
        key = _context_key(rec.get("context"), tables)
        if figure in in_headline and rec.get("start", 0) >= headline:
            rec["repeat_of"] = in_headline.pop(figure)
            figures.append((key, rec["repeat_of"]))
            continue
        k = _same_figure(key, [f[0] for f in figures])
        if k is not None:
            rec["repeat_of"] = figures[k][1]
            continue
        figures.append((key, i))
        if rec.get("start", 0) < headline:
            in_headline[figure] = i
