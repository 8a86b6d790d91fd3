"""Minor units: a whole amount continued by its minor units ("3 dollars and 50 cents",
"15 dollars 50") and a lone minor amount ("50 cents") as a marker of its currency."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .currency import _family_of, _follows_ok
from .gates import after_match
from .numbers import parse_number
from .patterns import _norm
from .tables import Marker, MoneyTables

def _minor_units(marker: Marker, tables: MoneyTables) -> dict:
    """The minor units a major amount may be continued with: word -> fraction."""
    out = {}
    for word, rows in tables.minor.items():
        for code, fraction, _alone in rows:
            # an unresolved generic ("pesos") takes the minor units of any member of its family
            if code == marker.code or (marker.code is None and _family_of(code, tables) == marker.family):
                out.setdefault(word, fraction)
    return out


def _minor_parts(text: str, end: int, number: Decimal, marker: Marker, written_after: bool,
                 tables: MoneyTables) -> tuple[Decimal, int]:
    """A whole amount continued by its minor units: "3 dollars and 50 cents" (3.50), "10 euros
    50 cents", "one kuai and five mao five" (1.55), "15 dollars 50", "one dollar and one" (1.01),
    "C$100 and fifty" (100.50). An explicit minor unit must belong to the currency and be worth
    less than the unit before it. A bare number is read in the next smaller unit when it is an
    integer below the ratio of the two units (cents: below 100), when the text after it is no
    noun or unit (``_follows_ok``), and, without "and", only after a currency written after the
    number or after a minor unit ("15 dollars 50", "five mao five"). Returns (amount, end)."""
    units = _minor_units(marker, tables)
    fractions = sorted(set(units.values()) | set(tables.minor_fractions.get(marker.code, [])), reverse=True)
    amount, unit = number, Decimal(1)
    after_unit = written_after
    while True:
        part = tables.re_minor_part.match(text, end)
        if part is None:
            break
        fraction = units.get(_norm(part.group("sub")))
        value = parse_number(part.group("num"), tables)
        if fraction is None or value is None or fraction >= unit or value * fraction >= unit:
            break
        amount += value * fraction
        unit = fraction
        end = part.end()
        after_unit = True
    bare = tables.re_minor_bare.match(text, end)
    smaller = [f for f in fractions if f < unit]
    if bare is not None and smaller and (bare.group("and") or after_unit):
        fraction = smaller[0]
        value = parse_number(bare.group("num"), tables)
        if (value is not None and value == value.to_integral_value() and value * fraction < unit
                and not after_match(tables, text, bare.end())
                and _follows_ok(text, bare.end(), tables)):
            amount += value * fraction
            end = bare.end()
    return amount, end


def _has_minor_part(text: str, pos: int, marker: Marker, tables: MoneyTables) -> bool:
    """Whether an explicit minor unit of the marker's currency follows ("pound and 20 pence")."""
    part = tables.re_minor_part.match(text, pos)
    return part is not None and _norm(part.group("sub")) in _minor_units(marker, tables)


def _minor_marker(word: str, tables: MoneyTables, price_cue: bool = False) -> Optional[Marker]:
    """A lone minor unit ("50 cents") as a marker of its default currency (alternatives kept);
    a unit that is also a word or a letter ("sen", "c", "p") only after a price word."""
    rows = [r for r in tables.minor.get(_norm(word)) or [] if r[2] or price_cue]
    if not rows:
        return None
    code, fraction, _alone = rows[0]
    return Marker(word, code, _family_of(code, tables) or code, False, "minor", fraction=fraction,
                  alternatives=tuple(dict.fromkeys(c for c, _f, _a in rows)))


