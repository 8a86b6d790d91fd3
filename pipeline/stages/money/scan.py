"""``find_money``: the scanner composed (numbers with markers, vague amounts, currencies,
ranges, approximation, conversions). Text in, ``MoneyMatch`` list out; no spaCy needed."""

from __future__ import annotations

from typing import Optional

from .currency import _named_codes, resolve_currency
from .match import MoneyMatch
from .patterns import _norm
from .ranges import link_conversions, link_ranges, mark_approximate, number_ranges, span_ranges
from .spans import _atoms
from .tables import MoneyTables, load_tables


def _vague(text: str, tables: MoneyTables, taken: list[tuple[int, int]]) -> list[MoneyMatch]:
    """Vague amounts ("billions of dollars", "a multibillion-dollar deal"): no value."""
    out = []
    for m in tables.re_vague.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group("w1") or m.group("w2") or m.group("w3")
        mk = tables.markers.get(_norm(word))
        if mk is None:
            continue
        out.append(MoneyMatch(m.start(), m.end(), m.group(0), None, None, approximate=True,
                              marker=mk, vague=True))
    return out


def _resolve(text: str, money: list[MoneyMatch], tables: MoneyTables) -> None:
    """Each amount's ISO code by the "$" policy; a lone minor unit ("50 cents") is in the
    article's currency of that unit, else its default."""
    named = _named_codes(text, money, tables)
    for m in money:
        m.currency = resolve_currency(m.marker, named, tables)
    present = named | {m.currency for m in money if m.marker.kind != "minor"}
    for m in money:
        if m.marker.kind == "minor":
            m.currency = next((c for c in m.marker.alternatives if c in present), m.marker.code)


def find_money(text: str, tables: Optional[MoneyTables] = None) -> list[MoneyMatch]:
    """All amounts of money in the text, sorted by start, with currency, approximation,
    ranges (shared range_id, range_bound min/max; both rows span the whole range expression)
    and bracketed conversions (equivalent_of = the list index of the amount converted)."""
    tables = tables or load_tables()
    atoms = _atoms(text, tables)
    pairs = link_ranges(text, atoms, tables)
    money = [a for a in atoms if a.marker is not None]
    money += _vague(text, tables, [(a.start, a.end) for a in money])
    money = [m for m in money if not (m.vague is False and m.amount is None)]
    money.sort(key=lambda m: m.start)
    _resolve(text, money, tables)
    range_of = number_ranges(pairs)
    mark_approximate(text, money, range_of, tables)
    link_conversions(text, money, range_of, tables)
    span_ranges(text, pairs)
    return money
