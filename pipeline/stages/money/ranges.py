"""Ranges and bounds: amounts joined into ranges ("$2-3 billion", "between X and Y", "from X
to Y"), approximation words and open bounds ("under $5", "$5 billion or more"), and bracketed
conversions into another currency ("(about $5.7 billion)")."""

from __future__ import annotations

import re
from typing import Optional

from .currency import _is_year
from .match import MoneyMatch
from .patterns import _SP, _norm
from .tables import MoneyTables

_RANGE_GAP = re.compile(rf"^{_SP}*(?:-|–|—|(?i:to|and)){_SP}*$")


def _pair_cue(text: str, a: MoneyMatch, b: MoneyMatch, tables: MoneyTables) -> tuple[bool, bool]:
    """(whether a and b may be the bounds of one range, whether "from" introduces them)."""
    gap = text[a.end:b.start]
    if _RANGE_GAP.match(gap) is None or not (a.marker or b.marker):
        return False, False
    before = text[max(0, a.start - 40):a.start]
    after_from = False
    if gap.strip().lower() == "and":
        if tables.re_between.search(before) is None:
            return False, False
    else:
        after_from = tables.re_from.search(before) is not None
    if a.marker and b.marker and a.marker.family != b.marker.family:
        return False, after_from
    if b.marker is None and a.has_scale and not b.has_scale:
        return False, after_from  # "$5 billion to 10 companies"
    if any(x.marker is None and _is_year(text[x.start:x.end], x.has_scale) for x in (a, b)):
        return False, after_from  # "from $2 billion in 2020 to $5 billion": a year is no bound
    return True, after_from


def _pair(a: MoneyMatch, b: MoneyMatch, after_from: bool) -> bool:
    """Make a and b the bounds of a range when their amounts allow it (a bound without a
    currency or scale takes the other's)."""
    a_amount, b_amount = a.amount, b.amount
    a_power = a.power
    if not a.has_scale and b.has_scale and (a.number <= b.number or after_from):
        a_amount, a_power = a.number.scaleb(b.power), b.power
    if not b.has_scale and a.has_scale and b.marker is not None:
        b_amount = b.number.scaleb(a.power)
    # "50 to 60 cents": the bound without a unit is in the other's minor unit
    if a.marker is None and b.marker is not None and b.marker.kind == "minor":
        a_amount = a_amount * b.marker.fraction
    if b.marker is None and a.marker is not None and a.marker.kind == "minor":
        b_amount = b_amount * a.marker.fraction
    if a_amount is None or b_amount is None or a_amount == b_amount or (a_amount > b_amount and not after_from):
        return False
    a.amount, b.amount, a.power = a_amount, b_amount, a_power
    a.marker = a.marker or b.marker
    b.marker = b.marker or a.marker
    return True


def link_ranges(text: str, atoms: list[MoneyMatch], tables: MoneyTables) -> list[tuple[MoneyMatch, MoneyMatch]]:
    """Pairs (first, second in the text) of amounts joined by -, to, or between ... and; "from X
    to Y" is a range too (the issue: "from $660 million to $1 billion"), and may run downwards
    ("cut from $1 billion to $660 million"). A bound without a currency or scale takes it from
    the other ("$2-3 billion", "between 2 and 3 billion euros", "50 to 60 cents")."""
    pairs = []
    i = 0
    while i < len(atoms) - 1:
        a, b = atoms[i], atoms[i + 1]
        ok, after_from = _pair_cue(text, a, b, tables)
        if ok and _pair(a, b, after_from):
            pairs.append((a, b))
            i += 2
            continue
        i += 1
    return pairs


def number_ranges(pairs: list) -> dict:
    """range_id and range_bound (min/max) of each pair, in text order; id of a bound -> (first, second)."""
    range_of = {}
    for rid, (first, second) in enumerate(sorted(pairs, key=lambda p: p[0].start)):
        lo, hi = (first, second) if first.amount < second.amount else (second, first)
        lo.range_id, lo.range_bound = rid, "min"
        hi.range_id, hi.range_bound = rid, "max"
        range_of[id(first)] = range_of[id(second)] = (first, second)
    return range_of


def _open_bound(before, after, tables: MoneyTables) -> Optional[str]:
    """min/max when the approximation word is a floor or ceiling (approximation.tsv bound)."""
    for match in (before, after):
        if match is not None:
            bound = tables.bounds.get(_norm(match.group(0)))
            if bound:
                return bound
    return None


def mark_approximate(text: str, money: list[MoneyMatch], range_of: dict, tables: MoneyTables) -> None:
    """Approximation words before the amount (or its range) and after it; an open bound
    ("under $5", "$5 million or more") gets its range_bound without a range_id."""
    for m in money:
        first, last = range_of.get(id(m), (m, m))
        window = text[max(0, first.start - 30):first.start]
        if first.range_id is not None:
            window = re.sub(rf"(?i:(?:from|between)){_SP}+$", "", window)
        before = tables.re_approx_before.search(window)
        after = tables.re_approx_after.match(text[last.end:last.end + 12])
        if before or after:
            m.approximate = True
        if m.range_id is None and m.amount is not None:
            m.range_bound = _open_bound(before, after, tables)


def link_conversions(text: str, money: list[MoneyMatch], range_of: dict, tables: MoneyTables) -> None:
    """Bracketed / ", or" conversions into another currency: equivalent_of = the index of the
    amount converted (a range converts bound by bound; a single amount is the source of every bound)."""
    index = {id(m): i for i, m in enumerate(money)}
    i = 0
    while i < len(money) - 1:
        a = money[i]
        a_last = range_of.get(id(a), (a, a))[1]
        j = index[id(a_last)] + 1
        if j >= len(money):
            break
        b = money[j]
        b_group = range_of.get(id(b), (b, b))
        if (a.amount is not None and b.currency != a.currency
                and tables.re_conversion.match(text[a_last.end:b.start])):
            a_group = range_of.get(id(a), (a, a))
            b_group[0].equivalent_of = index[id(a_group[0])]
            b_group[1].equivalent_of = index[id(a_group[1])]
        i = j


def span_ranges(text: str, pairs: list) -> None:
    """Both bounds of a range span the whole range expression ("8-10 billion yuan")."""
    for lo, hi in pairs:
        lo.end = hi.end
        hi.start = lo.start
        lo.text = hi.text = text[lo.start:hi.end]
