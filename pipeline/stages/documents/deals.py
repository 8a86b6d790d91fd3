"""Inline deal lists: a plural signing object followed by two or more counterparties, each
opened by a counterparty marker and optionally carrying its own amount and purpose
("agreements worth $2 billion were signed with A for X, $500 million with B for Y and $50
million with C"; "deals with A for X and with B for Y"): one document per counterparty.

``deal_items`` is a pure function over the text, the zone after the signing and the amounts
in it; the markers are data (``models/documents/deal_markers.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...core.text import alternation, words_regex
from .grammar import trim_span

#: separators between two items, before the next one's amount or marker
_ITEM_SEP = re.compile(r"[\s,;]*(?:\band\s+)?$")


@dataclass(frozen=True)
class DealMarkers:
    """The deal-list words as patterns: ``counterparty`` ("with B"), ``purpose`` ("for X"),
    ``gap`` (what may stand between an item's amount and its counterparty: ", worth")."""

    counterparty: re.Pattern
    purpose: re.Pattern
    gap: re.Pattern

    @classmethod
    def from_rows(cls, rows: list[dict]) -> "DealMarkers":
        words = {role: [r["marker"].strip() for r in rows if r["role"].strip() == role]
                 for role in ("counterparty", "purpose", "value")}
        return cls(counterparty=words_regex(words["counterparty"], after=r"\s+"),
                   purpose=words_regex(words["purpose"], after=r"\s+"),
                   gap=re.compile(r"[\s,]*(?:(?:" + alternation(words["value"], spaces=True) + r")\s+)?", re.I))


@dataclass(frozen=True)
class DealItem:
    start: int                              # the item's description (its amount, else its marker)
    end: int
    counterparty: tuple[int, int]           # the other side's name
    subject: Optional[tuple[int, int]]      # what the item is for
    money: Optional[int]                    # index of its amount in the money records


def deal_items(text: str, start: int, end: int, money: list[tuple[int, int, int]],
               markers: "DealMarkers", first_money_from: int, times: tuple = ()) -> list[DealItem]:
    """The items of a deal list in text[start:end] (two or more counterparty markers), else [].
    ``money``: (start, end, index) of the amounts; the first item may take an amount written
    before the zone, from ``first_money_from`` on ("agreements worth Rs 900 crore were signed
    with A"). ``times``: start offsets of time expressions: a purpose marker before one ("with
    B on Tuesday") opens no purpose."""
    found = list(markers.counterparty.finditer(text, start, end))
    if len(found) < 2:
        return []
    heads = []   # (item start, marker end, money index)
    for k, mk in enumerate(found):
        lo = found[k - 1].end() if k else first_money_from
        before = [m for m in money if lo <= m[0] and m[1] <= mk.start()]
        own = before[-1] if before else None
        adjacent = own is not None and markers.gap.fullmatch(text, own[1], mk.start()) is not None
        item_start = own[0] if adjacent and k else mk.start()
        heads.append((item_start, mk.end(), own[2] if own is not None and (adjacent or not k) else None))
    items = []
    for k, (s, body, money_idx) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else end
        sep = _ITEM_SEP.search(text, body, stop)
        e = sep.start() if sep else stop
        _, e = trim_span(text, body, e)
        pm = next((m for m in markers.purpose.finditer(text, body, e) if m.end() not in times), None)
        cs, ce = trim_span(text, body, pm.start() if pm else e)
        if ce <= cs:
            return []
        subject = trim_span(text, pm.end(), e) if pm else None
        items.append(DealItem(start=s, end=e, counterparty=(cs, ce),
                              subject=subject if subject and subject[1] > subject[0] else None, money=money_idx))
    return items
