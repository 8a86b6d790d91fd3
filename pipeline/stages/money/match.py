"""An amount found in the text (``MoneyMatch``), plain data."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .numbers import format_amount
from .tables import Marker

@dataclass
class MoneyMatch:
    """An amount found in the text (plain data; ``as_record`` gives the doc._ dict)."""

    start: int
    end: int
    text: str
    amount: Optional[Decimal]
    currency: Optional[str]
    approximate: bool = False
    range_id: Optional[int] = None
    range_bound: Optional[str] = None
    equivalent_of: Optional[int] = None
    # internals
    marker: Optional[Marker] = None
    number: Optional[Decimal] = None  # the number before scaling
    power: int = 0  # the scale's power of ten (0 = no scale word)
    has_scale: bool = False
    vague: bool = False

    def as_record(self) -> dict:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "amount": format_amount(self.amount), "currency": self.currency,
            "approximate": bool(self.approximate), "range_id": self.range_id,
            "range_bound": self.range_bound, "equivalent_of": self.equivalent_of,
        }

