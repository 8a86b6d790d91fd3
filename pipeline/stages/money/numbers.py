"""Numbers as written in money amounts: digits in English, European, spaced and Indian
grouping, number words ("two hundred fifty", "one and a half", "half a", "one point three"),
scale words, and the exact decimal string of an amount."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

def parse_number(text: str, tables) -> Optional[Decimal]:
    """The value of a number as written: "1,234.5", "1 234,5", "345,0", "1.234.567",
    "two hundred fifty", "one and a half", "half a". None when it is not a number."""
    s = text.strip()
    if not s:
        return None
    if re.match(r"[\d.]", s):
        s = re.sub(r"[ \u00a0\u202f\u2009'\u2019]", "", s)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):  # 1.234,5
            s = s.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):  # 1.234.567
            s = s.replace(".", "")
        elif re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?", s):  # 12,34,567.89 (lakh grouping)
            s = s.replace(",", "")
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):  # 1,234.5
            s = s.replace(",", "")
        elif re.fullmatch(r"\d+,\d+", s):  # 345,0 (decimal comma)
            s = s.replace(",", ".")
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    return _parse_number_words(s, tables)


def _spoken_decimal(tokens: list[str], tables) -> Optional[Decimal]:
    """"one point three" = 1.3, "four point seven five" = 4.75: the whole part in words, then
    one digit word (0-9) per decimal place."""
    at = tokens.index("point")
    whole = _parse_number_words(" ".join(tokens[:at]), tables) if at else None
    digits = [tables.number_words[w] for w in tokens[at + 1:]]
    if whole is None or not digits or any(k != "unit" or v > 9 for v, k in digits):
        return None
    return whole + Decimal("0." + "".join(str(int(v)) for v, _ in digits))


def _parse_number_words(text: str, tables) -> Optional[Decimal]:
    tokens = [w for w in re.split(r"[\s-]+", text.lower()) if w and w not in ("and", "of")]
    if not tokens or any(w not in tables.number_words for w in tokens):
        return None
    if "point" in tokens:
        return _spoken_decimal(tokens, tables)
    total = Decimal(0)
    current = Decimal(0)
    seen_number = False
    i = 0
    while i < len(tokens):
        value, kind = tables.number_words[tokens[i]]
        if kind in ("unit", "ten", "couple"):
            current += value
            seen_number = True
        elif kind == "hundred":
            current = (current or Decimal(1)) * value
            seen_number = True
        elif kind == "article":
            # "a hundred", "a billion"; "half a", "and a half": the fraction decides
            if i + 1 < len(tokens) and tables.number_words[tokens[i + 1]][1] in ("half", "quarter", "couple"):
                pass
            elif i > 0 and tables.number_words[tokens[i - 1]][1] in ("half", "quarter"):
                pass
            else:
                current = current or Decimal(1)
                seen_number = True
        elif kind in ("half", "quarter"):
            prev = tables.number_words[tokens[i - 1]][1] if i > 0 else None
            if prev in ("unit", "ten") and value < 1 and tokens[i].endswith("s"):
                current = current * value  # "three quarters"
            else:
                current = current + value if seen_number else value  # "half a", "one and a half"
            seen_number = True
        i += 1
    total += current
    return total if seen_number else None


def parse_amount(number: str, scales: str, tables) -> Optional[Decimal]:
    """number x the product of the scale words ("2.7", "trl" -> 2.7e12; "5", "lakh crore" -> 5e12)."""
    value = parse_number(number, tables)
    if value is None:
        return None
    for word in re.findall(r"[A-Za-z]+", scales or ""):
        power = tables.scales.get(word.lower())
        if power is None:
            return None
        value = value.scaleb(power)
    return value


def format_amount(value: Optional[Decimal]) -> Optional[str]:
    """An exact decimal string without exponent or trailing zeros ("21000000000", "2.5")."""
    if value is None:
        return None
    value = value.normalize()
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text

