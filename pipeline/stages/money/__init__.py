"""The money stage: currency amounts with their value, currency, ranges, conversions and
what they are for.

The scanner works on the text (no spaCy needed): it finds numbers (digits in English or
European notation, number words) with their scale words, then looks for a currency marker
(symbol, ISO code or currency word from ``models/money/currencies.tsv``) written before or
after them. The dependency parse is only used to say what the money is for (``context``).

Modules: ``tables`` (the rule data read into ``MoneyTables``), ``patterns`` (its compiled
regexes), ``gates`` (cheap first/last-word tests in front of the big alternations, and
those alternations cut to the phrases whose words the text holds), ``numbers`` (digits and number words), ``currency`` (marker lookup and the "$"
policy), ``minor`` (minor units), ``spans`` (numbers with their markers), ``ranges`` (ranges,
bounds, approximation, conversions), ``scan`` (``find_money``), ``context`` (what the money is
for), ``repeats`` (``repeat_of``) and ``factory`` (the spaCy component).

Pure functions, usable without spaCy:

- ``load_tables(data_dir)`` -> ``MoneyTables`` (the rule data, compiled)
- ``parse_number(text, tables)`` -> ``Decimal`` of "1,234.5", "345,0", "two hundred", "half a"
- ``parse_amount(number, scales, tables)`` -> ``Decimal`` of "2.7", "trl" -> 2700000000000
- ``format_amount(Decimal)`` -> "21000000000" (exact, no exponent)
- ``find_money(text, tables)`` -> ``list[MoneyMatch]`` sorted by start
- ``money_context(doc, start, end)`` -> ``{"context", "count", "item"}`` from the parse
"""

from .context import money_context
from .currency import resolve_currency
from .factory import MoneyStage, make_money
from .match import MoneyMatch
from .numbers import format_amount, parse_amount, parse_number
from .repeats import mark_repeats
from .scan import find_money
from .tables import Marker, MoneyTables, load_tables

__all__ = ["Marker", "MoneyMatch", "MoneyStage", "MoneyTables", "find_money", "format_amount", "load_tables",
           "make_money", "mark_repeats", "money_context", "parse_amount", "parse_number", "resolve_currency"]
