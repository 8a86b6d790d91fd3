"""Span finding: every number with its scale words (``re_atom``) and the currency marker
written next to it — a symbol or code before ("$", "US$ ", "KZT"), a symbol, code or currency
word after ("42 BGN", "5 million dollars"), a currency name before ("dollar 22.5 million"), or
a lone minor unit ("50 cents") — continued by its minor units ("3 dollars and 50 cents")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

from .currency import _follows_ok, _is_year, _lookup
from .gates import after_match, before_search, minor_match, name_before_search
from .match import MoneyMatch
from .minor import _has_minor_part, _minor_marker, _minor_parts
from .numbers import parse_number
from .patterns import _SP, _norm
from .tables import Marker, MoneyTables


@dataclass
class _Atom:
    """One number being read (the state of ``_atoms`` for one match)."""

    num_text: str
    number: Decimal
    is_words: bool
    start: int
    end: int
    power: int
    has_scale: bool
    glued: bool
    marker: Optional[Marker] = None
    written_after: bool = False
    article_only: bool = False  # "a dollar": the number is only "a"/"an"
    cue: Optional[bool] = None  # a price word just before it ("costs", price_cues.txt); None: not looked at

    def price_cue(self, text: str, tables: MoneyTables) -> bool:
        """Looked up only when an ambiguous reading needs it (a regex search per number is costly)."""
        if self.cue is None:
            self.cue = tables.re_price_cue.search(text, max(0, self.start - 40), self.start) is not None
        return self.cue

    def weight_cue(self, text: str, unit_end: int, tables: MoneyTables) -> bool:
        """A weight word before the number or after its unit ("lost ten pounds", "ten pounds of")."""
        return (tables.re_weight_before.search(text, max(0, self.start - 50), self.start) is not None
                or tables.re_weight_after.match(text, unit_end) is not None)


def _price_after(text: str, pos: int, tables: MoneyTables) -> bool:
    """A price per something right after an amount ("15 sen per litre", "10 c a pack")."""
    return tables.re_price_after.match(text, pos) is not None


def _ambiguous_money(a: _Atom, mk: Marker, text: str, unit_end: int, tables: MoneyTables) -> bool:
    """Whether a word that is also a weight ("pounds": flag needs_scale) names money without a
    scale word: its minor unit follows ("one pound and twenty pence"), no weight word is near and a
    price word precedes ("costs 10 pounds") or follows ("10 pounds a week"), or the number is
    written in words before a word
    flagged ``words_ok`` ("ten pounds"; not "three crowns")."""
    if _has_minor_part(text, unit_end, mk, tables):
        return True
    if a.weight_cue(text, unit_end, tables):
        return False
    return (a.price_cue(text, tables) or _price_after(text, unit_end, tables)
            or (mk.words_ok and a.is_words and not a.article_only))


def _read_number(m, text: str, tables: MoneyTables) -> Optional[_Atom]:
    """The number of a ``re_atom`` match with its scale, or None when it is no amount's number."""
    num_text, scale_text = m.group("num"), m.group("scale")
    is_words = not re.match(r"[\d.]", num_text)
    num_start = m.start()
    if num_text.startswith(".") and num_start > 0 and text[num_start - 1].isalpha():
        num_text, num_start = num_text[1:], num_start + 1  # "Rs.100": the dot ends the abbreviation
    if is_words:
        # "a one and a half trillion": an article before another number is not part of it
        lead = re.match(r"(?i:an?)(?:\s+|-)(?=(\w+))", num_text)
        if lead and tables.number_words.get(lead.group(1).lower(), (0, ""))[1] in ("unit", "ten"):
            num_text = num_text[lead.end():]
            num_start += lead.end()
    number = parse_number(num_text, tables)
    if number is None:
        return None
    has_scale = bool(scale_text.strip(" -\u00a0"))
    article_only = False
    if is_words:
        kinds = {tables.number_words[w][1] for w in re.split(r"[\s-]+", num_text.lower())
                 if w and w not in ("and", "of")}
        article_only = kinds == {"article"} and not has_scale
        if kinds <= {"article", "half", "quarter"} and not has_scale and not article_only:
            return None
    power = sum(tables.scales[w.lower()] for w in re.findall(r"[A-Za-z]+", scale_text))
    end = m.end()
    glued = end < len(text) and (text[end].isalpha() or text[end] == "_")
    return _Atom(num_text, number, is_words, num_start, end, power, has_scale, glued, article_only=article_only)


def _marker_before(a: _Atom, text: str, consumed: int, tables: MoneyTables) -> None:
    """A symbol or code right before the number ("$", "US$ ", "USD", "KZT", "MAUD")."""
    before = before_search(tables, text, max(0, consumed, a.start - 12), a.start)
    if before:
        mk = _lookup(tables, before.group(0).strip())
        if mk is not None and not (mk.needs_scale and not a.has_scale):  # "R5 billion", not "R2"
            a.marker = mk
            a.start = before.start()


def _marker_after(a: _Atom, text: str, tables: MoneyTables) -> None:
    """A symbol, code or currency word written after the number ("42 BGN", "5 million dollars")."""
    after = after_match(tables, text, a.end)
    if not after:
        return
    mk = _lookup(tables, after.group(0).strip(" -\u00a0\t"))
    a_end = a.end + after.end()
    minor = minor_match(tables, text, a.end)
    if minor is not None and minor.end() > a_end:
        return  # "50 euro cents": the longer minor unit wins
    # "1 $10": a sign followed by a number opens the next amount
    opens_next = mk is not None and mk.kind in ("symbol", "code") and _opens_next(
        text, a_end, tables, need_scale=mk.kind == "code")
    if a.glued and after.start() != 0:
        mk = None
    if mk is None or opens_next:
        return
    if a.marker is not None:
        if mk.family == a.marker.family and (mk.generic or mk.code == a.marker.code):
            a.end = a_end  # "$10 dollars", "US$ 5 million USD"
        return
    if mk.lower_only and not after.group(0).islower():
        return  # "3 Dong Nai": a currency word that is also a name counts in lower case only
    if ((mk.needs_scale and not a.has_scale and not _ambiguous_money(a, mk, text, a_end, tables))
            or (not a.is_words and _is_year(a.num_text, a.has_scale))):
        return  # "100 pounds", "lost ten pounds" (weight) unless "costs ten pounds"; "in 2015 dollars"
    if (a.article_only or mk.informal) and (mk.kind != "word" or not (_follows_ok(text, a_end, tables)
                                                                      or a.price_cue(text, tables))):
        return  # "a dollar", "3 grand": before punctuation or a closed-class word, or after a price word
    a.marker = mk
    a.end = a_end
    a.written_after = True
    if mk.kind == "code" and not a.has_scale:
        extra = tables.re_scale_after.match(text[a.end:a.end + 30])  # "75 USD million"
        if extra:
            a.power += sum(tables.scales[w.lower()] for w in re.findall(r"[A-Za-z]+", extra.group(0)))
            a.has_scale = True
            a.end += extra.end()


def _name_before(a: _Atom, text: str, consumed: int, tables: MoneyTables) -> None:
    """A currency name right before the number: "dollar 22.5 million", "rupees 500 crore";
    without a scale word not a year ("euro 2024"), a measure ("the dollar 22 percent") nor a
    capitalised name before one or two digits (a tournament or a standard: "Euro 96", "Euro 6")."""
    name = name_before_search(tables, text, max(0, consumed, a.start - 40), a.start)
    if name:
        mk = _lookup(tables, name.group(0).strip())
        if (mk is not None and (a.has_scale or (not mk.needs_scale and not _is_year(a.num_text, False)
                                                and not _edition(name.group(0), a.num_text)
                                                and _follows_ok(text, a.end, tables)))):
            a.marker = mk
            a.start = name.start()


def _minor_word(text: str, pos: int, tables: MoneyTables) -> bool:
    """A minor unit written as a word (not a letter: "a penny", "a cent", not "a c")."""
    minor = minor_match(tables, text, pos)
    return minor is not None and len(minor.group(0).strip(" -\u00a0\t")) > 1


def _edition(name: str, num_text: str) -> bool:
    """"Euro 96", "Euro 6": a capitalised currency name before a bare number of one or two digits."""
    return name[:1].isupper() and num_text.isdigit() and len(num_text) <= 2


def _lone_minor(a: _Atom, text: str, tables: MoneyTables) -> None:
    """A lone minor unit: "50 cents", "470 pence", "a 12-cent dividend"."""
    minor = minor_match(tables, text, a.end)
    if minor:
        word = minor.group(0).strip(" -\u00a0\t")
        priced = a.price_cue(text, tables) or _price_after(text, minor.end(), tables)
        mk = _minor_marker(word, tables) or (_minor_marker(word, tables, True) if priced else None)
        if mk is not None:
            a.marker = mk
            a.end = minor.end()


def _finish(a: _Atom, text: str, tables: MoneyTables) -> MoneyMatch:
    """The amount of a read number: scaled, in the major unit, with its minor parts."""
    if a.marker is not None:
        a.power += a.marker.power
        a.has_scale = a.has_scale or a.marker.power > 0
    amount = a.number.scaleb(a.power)
    if a.marker is not None and a.marker.kind == "minor":
        amount = amount * a.marker.fraction
    elif a.marker is not None and not a.has_scale and a.number == a.number.to_integral_value():
        # "3 dollars and 50 cents", "$3 and 50 cents", "15 dollars 50", "C$100 and fifty";
        # not inside "between $2 and 3"
        if not tables.re_between.search(text[max(0, a.start - 40):a.start]):
            amount, a.end = _minor_parts(text, a.end, amount, a.marker, a.written_after, tables)
    return MoneyMatch(a.start, a.end, text[a.start:a.end], amount, None, marker=a.marker,
                      number=a.number, power=a.power, has_scale=a.has_scale)


def _atoms(text: str, tables: MoneyTables) -> list[MoneyMatch]:
    """Every number with its scale, and its currency marker when one is written next to it."""
    out = []
    consumed = 0  # end of the last amount (a compound "3 dollars and 50 cents" eats "50")
    for m in tables.re_atom.finditer(text):
        if m.start() < consumed:
            continue
        a = _read_number(m, text, tables)
        if a is None:
            continue
        if a.article_only and not (after_match(tables, text, a.end) or _minor_word(text, a.end, tables)):
            continue  # "a" before no currency word ("a penny" is one)
        _marker_before(a, text, consumed, tables)
        _marker_after(a, text, tables)
        if a.marker is None:
            _name_before(a, text, consumed, tables)
        if a.marker is None:
            _lone_minor(a, text, tables)
        if (a.glued and a.end == m.end()) or (a.article_only and a.marker is None):
            continue  # "15x", "2nd": letters glued to the number that are no currency
        match = _finish(a, text, tables)
        out.append(match)
        if match.marker is not None:
            consumed = match.end
    return out


def _opens_next(text: str, pos: int, tables: MoneyTables, need_scale: bool = False) -> bool:
    """Whether a currency sign or code written after a number at ``pos`` rather opens the
    next amount ("1 $10", "at 10:30 EUR 5bn"): a number follows, and that number has no
    currency or subunit of its own after it ("10 $ 30 $", "10 $ 30 cent"). need_scale (codes):
    only when the next number is glued or has a scale word ("17 USD 25" stays 17.25)."""
    nxt = re.match(rf"{_SP}?(?=\d)", text[pos:pos + 2])
    if nxt is None:
        return False
    if nxt.end() == 0:
        return True  # glued to the next number: "1 $10"
    atom = tables.re_atom.match(text, pos + nxt.end())
    if atom is None:
        return True
    if need_scale and not atom.group("scale").strip():
        return False
    rest = text[atom.end():atom.end() + 40]
    if after_match(tables, text, atom.end()):
        return False
    sub = re.match(rf"{_SP}*(\w+)", rest)
    return not (sub and _norm(sub.group(1)) in tables.minor)


