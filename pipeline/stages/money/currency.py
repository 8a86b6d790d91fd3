"""Currency markers: looking a marker up, the context tests that decide whether a number next
to one is an amount, and the "$" policy (a generic marker resolved per article)."""

from __future__ import annotations

import re
from typing import Optional

from .gates import find_phrases, text_words
from .patterns import _SP, _norm
from .tables import Marker, MoneyTables

def _lookup(tables: MoneyTables, text: str) -> Optional[Marker]:
    m = tables.markers_cs.get(text)
    if m is None:
        m = tables.markers.get(_norm(text))
    if m is None:
        m = tables.markers.get(_norm(re.sub(r"\s+", "", text)))
    return m


def _is_year(num_text: str, has_scale: bool) -> bool:
    return not has_scale and re.fullmatch(r"1[89]\d\d|20\d\d|21\d\d", num_text) is not None


def _follows_ok(text: str, pos: int, tables: MoneyTables) -> bool:
    """Whether what follows ``pos`` lets a number end an amount there: the end of the text,
    punctuation (not "%", a currency sign or a hyphen), or a closed-class word of
    ``followers.txt`` ("15 dollars and 50 more", not "one dollar and two points")."""
    rest = text[pos:pos + 30]
    m = re.match(rf"{_SP}*(?:$|(?P<punct>[.,;:!?)\]\"'\u201d\u2019])|(?P<word>[^\W\d_][\w']*))", rest)
    if m is None:
        return False
    if m.group("word") is not None:
        return m.group("word").lower() in tables.followers
    if m.group("punct") == "." and re.match(rf"\.\d", rest.lstrip()):
        return False
    return True




def _named_codes(text: str, atoms: list, tables: MoneyTables, words: Optional[frozenset] = None) -> set:
    """Currencies the article names explicitly (non-generic markers next to amounts, and
    currency names written anywhere: "Australian dollars", "the yuan")."""
    codes = {a.marker.code for a in atoms
             if a.marker and not a.marker.generic and a.marker.code and a.marker.kind != "minor"}
    for m in find_phrases(tables.named_index, text, words if words is not None else text_words(text)):
        mk = tables.markers.get(_norm(m.group(0)))
        if mk and mk.code:
            codes.add(mk.code)
    return codes


def resolve_currency(marker: Marker, named: set, tables: MoneyTables, here: frozenset = frozenset(),
                     article: frozenset = frozenset()) -> Optional[str]:
    """The ISO code of a marker. A generic marker ("$", "dollars", "¥", "rupees", "dinars") is,
    in order: the one member of its family whose country the amount's sentence names (``here``:
    codes of the countries named there; "Kuwait ... dinars" = KWD); the family's default when
    the article names it; the one other member the article names ("A$" or "Australian dollars"
    elsewhere: "$" = AUD); the one member whose country the article names (``article``); else
    the family's default (None for "dinars", "kr")."""
    if not marker.generic:
        return marker.code
    family = marker.family

    def members(codes):
        return {c for c in codes if c and _family_of(c, tables) == family}

    local = members(here)
    if len(local) == 1:
        return next(iter(local))
    default = tables.family_default.get(family)
    named_members = members(named)
    if default in named_members:
        return default
    others = named_members - {default}
    if len(others) == 1:
        return next(iter(others))
    by_country = members(article)
    if len(by_country) == 1:
        return next(iter(by_country))
    return default


def _family_of(code: str, tables: MoneyTables) -> Optional[str]:
    mk = tables.markers_cs.get(code)
    return mk.family if mk else None


