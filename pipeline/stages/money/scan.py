"""``find_money``: the scanner composed (numbers with markers, vague amounts, currencies,
ranges, approximation, conversions). Text in, ``MoneyMatch`` list out; no spaCy needed."""

from __future__ import annotations

import bisect
import re
from typing import Optional

from .currency import _named_codes, resolve_currency
from .gates import find_phrases, text_words
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


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


class _Countries:
    """The countries an article names (``currencies.tsv`` column countries), by sentence: one
    scan of the text for the names and one for the sentence ends."""

    def __init__(self, text: str, tables: MoneyTables, words: frozenset):
        self.mentions = [(m.start(), tables.countries[m.group(0)]) for m in find_phrases(tables.country_index, text, words)]
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)] if self.mentions else []
        self.article = frozenset(code for _pos, code in self.mentions)

    def here(self, pos: int) -> frozenset:
        """Codes of the countries named in the sentence holding ``pos``."""
        if not self.mentions:
            return frozenset()
        k = bisect.bisect_right(self.ends, pos)
        lo = self.ends[k - 1] if k else 0
        hi = self.ends[k] if k < len(self.ends) else float("inf")
        return frozenset(code for p, code in self.mentions if lo <= p < hi)


def _resolve(text: str, money: list[MoneyMatch], tables: MoneyTables) -> None:
    """Each amount's ISO code by the "$" policy and the countries named (``resolve_currency``);
    a lone minor unit ("50 cents", "500 fils") is in the currency of that unit named in its
    sentence's country, else the article's currency of that unit, else its default."""
    words = text_words(text)
    named = _named_codes(text, money, tables, words)
    countries = _Countries(text, tables, words)
    for m in money:
        m.currency = resolve_currency(m.marker, named, tables, countries.here(m.start), countries.article)
    present = named | {m.currency for m in money if m.marker.kind != "minor"}
    for m in money:
        if m.marker.kind == "minor":
            here = countries.here(m.start)
            m.currency = next((c for group in (here, present, countries.article)
                               for c in m.marker.alternatives if c in group), m.marker.code)
            fraction = next((f for c, f, _a in tables.minor.get(_norm(m.marker.text), []) if c == m.currency),
                            m.marker.fraction)
            if fraction != m.marker.fraction and m.amount is not None:
                m.amount = m.amount / m.marker.fraction * fraction  # "500 fils" in Kuwait: 0.500 KWD


def find_money(text: str, tables: Optional[MoneyTables] = None) -> list[MoneyMatch]:
    """All amounts of money in the text, sorted by start, with currency, approximation,
    ranges (shared range_id, range_bound min/max; both rows span the whole range expression)
    and bracketed conversions (equivalent_of = the list index of the amount converted)."""
    tables = tables or load_tables()
    atoms = _atoms(text, tables)
    vague = _vague(text, tables, [])
    # "a few hundred dollars": a vague amount holding a number read after its start wins
    atoms = [a for a in atoms if not any(v.start < a.start and a.end <= v.end for v in vague)]
    pairs = link_ranges(text, atoms, tables)
    money = [a for a in atoms if a.marker is not None]
    taken = [(a.start, a.end) for a in money]
    money += [v for v in vague if not any(s < v.end and v.start < e for s, e in taken)]
    money = [m for m in money if not (m.vague is False and m.amount is None)]
    money.sort(key=lambda m: m.start)
    _resolve(text, money, tables)
    range_of = number_ranges(pairs)
    mark_approximate(text, money, range_of, tables)
    link_conversions(text, money, range_of, tables)
    span_ranges(text, pairs)
    return money
