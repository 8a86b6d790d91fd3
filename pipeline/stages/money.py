"""The money stage: currency amounts with their value, currency, ranges, conversions and
what they are for.

The scanner works on the text (no spaCy needed): it finds numbers (digits in English or
European notation, number words) with their scale words, then looks for a currency marker
(symbol, ISO code or currency word from ``models/money/currencies.tsv``) written before or
after them. The dependency parse is only used to say what the money is for (``context``).

Pure functions, usable without spaCy:

- ``load_tables(data_dir)`` -> ``MoneyTables`` (the rule data, compiled)
- ``parse_number(text, tables)`` -> ``Decimal`` of "1,234.5", "345,0", "two hundred", "half a"
- ``parse_amount(number, scales, tables)`` -> ``Decimal`` of "2.7", "trl" -> 2700000000000
- ``format_amount(Decimal)`` -> "21000000000" (exact, no exponent)
- ``find_money(text, tables)`` -> ``list[MoneyMatch]`` sorted by start
- ``money_context(doc, start, end)`` -> ``{"context", "count", "item"}`` from the parse
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Optional

from spacy.language import Language

from ..core.paths import stage_data_dir
from ..core.stage import Stage, read_lines, read_tsv

#: horizontal whitespace (never crosses a line break)
_SP = r"[^\S\r\n]"
#: ISO 4217 "no currency": placeholder rows for generic words without a default currency
NO_CURRENCY = "XXX"


# --------------------------------------------------------------------------- rule data

@dataclass(frozen=True)
class Marker:
    """One way of writing a currency."""

    text: str
    code: Optional[str]  # None: the generic word has no default currency ("pesos")
    family: str
    generic: bool  # "$", "dollars", "¥": resolved per article (see resolve_currency)
    kind: str  # symbol | code | word | minor
    needs_scale: bool = False
    power: int = 0  # a scale glued to an ISO code: "MUSD" = 10^6 USD
    fraction: Decimal = Decimal(1)  # a minor unit's value in its major unit ("cents" = 0.01)
    alternatives: tuple = ()  # a minor unit's currencies, default first ("cents": USD, EUR, ...)
    after_only: bool = False  # a word that is also English ("won", "sum"): never before a number


@dataclass
class MoneyTables:
    """The compiled rule data of ``models/money``. Plain, picklable attributes only."""

    markers: dict  # normalised text -> Marker (case-insensitive markers, lower-cased key)
    markers_cs: dict  # exact text -> Marker (case-sensitive markers)
    family_default: dict  # family -> default code (None when the generic has no default)
    scales: dict  # word (lower) -> power of ten
    minor: dict  # minor unit word (lower) -> [(code, Decimal fraction, alone)], default first
    minor_fractions: dict  # code -> its minor units' fractions, largest first (CNY: 0.1, 0.01)
    followers: set  # closed-class words that may follow an amount read as "not a noun next"
    plural_scales: list
    number_words: dict  # word -> (Decimal value, kind)
    approx_before: list
    approx_after: list
    vague: list
    vague_prefix: list
    conversion_cues: list
    range_cues: dict  # kind -> phrases (between, from)
    measure_nouns: set
    bounds: dict = field(default_factory=dict)  # approximation phrase -> min | max (an open bound)
    re_before: re.Pattern = field(repr=False, default=None)
    re_after: re.Pattern = field(repr=False, default=None)
    re_atom: re.Pattern = field(repr=False, default=None)
    re_vague: re.Pattern = field(repr=False, default=None)
    re_named: re.Pattern = field(repr=False, default=None)
    re_approx_before: re.Pattern = field(repr=False, default=None)
    re_approx_after: re.Pattern = field(repr=False, default=None)
    re_conversion: re.Pattern = field(repr=False, default=None)
    re_scale_after: re.Pattern = field(repr=False, default=None)
    re_between: re.Pattern = field(repr=False, default=None)
    re_from: re.Pattern = field(repr=False, default=None)
    re_name_before: re.Pattern = field(repr=False, default=None)
    re_minor_after: re.Pattern = field(repr=False, default=None)
    re_minor_part: re.Pattern = field(repr=False, default=None)
    re_minor_bare: re.Pattern = field(repr=False, default=None)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _has_currency_sign(text: str) -> bool:
    return any(unicodedata.category(ch) == "Sc" for ch in text)


def _phrase_re(phrase: str) -> str:
    """A phrase as a regex: escaped, any horizontal whitespace between its words."""
    return f"{_SP}+".join(re.escape(part) for part in phrase.split())


def _alternation(phrases, flags_for=None) -> str:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = _phrase_re(phrase) if " " in phrase else re.escape(phrase)
        if flags_for is not None and not flags_for(phrase):
            parts.append(body)
        else:
            parts.append(f"(?i:{body})")
    return "|".join(parts)


def _word_bounded(alt_phrases: list[str], case_insensitive) -> str:
    """Alternatives, each with a word boundary on the sides that end in a word character."""
    parts = []
    for phrase in sorted(set(alt_phrases), key=len, reverse=True):
        body = _phrase_re(phrase)
        if case_insensitive(phrase):
            body = f"(?i:{body})"
        left = r"(?<![^\W\d_])" if re.match(r"\w", phrase) else ""
        right = r"(?![^\W_])" if re.search(r"\w$", phrase) else ""
        parts.append(f"{left}{body}{right}")
    return "|".join(parts)


def load_tables(data_dir: Optional[Path] = None) -> MoneyTables:
    """Read and compile ``currencies.tsv``, ``minor_units.tsv``, ``scales.tsv``,
    ``number_words.tsv``, ``approximation.tsv``, ``range_cues.tsv``, ``conversion_cues.txt``,
    ``measure_nouns.txt`` and ``followers.txt`` (default: models/money)."""
    data_dir = Path(data_dir) if data_dir else stage_data_dir("money", None)
    markers: dict = {}
    markers_cs: dict = {}
    family_default: dict = {}
    code_prefixes = {}
    for row in read_tsv(data_dir / "scales.tsv"):
        if (row.get("code_prefix") or "").strip() == "yes":
            code_prefixes[row["word"].strip()] = int(row["multiplier"])

    def split(value):
        return [v.strip() for v in (value or "").split("|") if v.strip()]

    for row in read_tsv(data_dir / "currencies.tsv"):
        code = row["code"].strip()
        real_code = None if code == NO_CURRENCY else code
        family = row["family"].strip()
        needs_scale = "needs_scale" in (row.get("flags") or "")
        after_only = "after_only" in (row.get("flags") or "")
        generic = split(row.get("generic"))
        if generic:
            family_default[family] = real_code

        def add(text, kind, is_generic):
            m = Marker(text, real_code, family, is_generic, kind, needs_scale and kind == "word",
                       after_only=after_only and kind == "word")
            if kind == "word" or _has_currency_sign(text):
                markers.setdefault(_norm(text), m)
            else:
                markers_cs.setdefault(text, m)

        if real_code:
            lower_ok = (row.get("lower_ok") or "").strip() == "yes"
            markers_cs.setdefault(code, Marker(code, code, family, False, "code"))
            if lower_ok:
                markers.setdefault(code.lower(), Marker(code, code, family, False, "code"))
            # "NZD$15", "mxn$ 15": a code glued to a dollar/peso sign names the currency
            markers.setdefault(_norm(code + "$"), Marker(code + "$", code, family, False, "symbol"))
            # "30 MUSD", "500 kSEK": a scale letter glued to the code
            for prefix, power in code_prefixes.items():
                for variant in {prefix.upper() + code, prefix.lower() + code}:
                    markers_cs.setdefault(variant, Marker(variant, code, family, False, "code", power=power))
                if lower_ok:
                    markers.setdefault((prefix + code).lower(),
                                       Marker(prefix + code, code, family, False, "code", power=power))
        for sym in split(row.get("symbols")):
            add(sym, "symbol", False)
        for word in split(row.get("words")):
            add(word, "word", False)
        for g in generic:
            kind = "symbol" if _has_currency_sign(g) else "word"
            add(g, kind, True)

    minor: dict = {}
    minor_fractions: dict = {}
    for row in read_tsv(data_dir / "minor_units.tsv"):
        code = row["code"].strip()
        fraction = Decimal(row["fraction"].strip())
        alone = (row.get("alone") or "").strip() == "yes"
        for word in split(row["words"]):
            minor.setdefault(_norm(word), []).append((code, fraction, alone))
        minor_fractions.setdefault(code, set()).add(fraction)
    minor_fractions = {c: sorted(f, reverse=True) for c, f in minor_fractions.items()}

    scales = {}
    attached_only = []
    spaced = []
    plural = []
    for row in read_tsv(data_dir / "scales.tsv"):
        word = row["word"].strip().lower()
        scales[word] = int(row["multiplier"])
        (attached_only if row["attached"].strip() == "only" else spaced).append(word)
        if row["plural"].strip() == "yes":
            plural.append(word)

    number_words = {}
    for row in read_tsv(data_dir / "number_words.tsv"):
        number_words[row["word"].strip().lower()] = (Decimal(row["value"]), row["kind"].strip())

    approx = {"before": [], "after": [], "vague": [], "vague_prefix": []}
    bounds = {}
    for row in read_tsv(data_dir / "approximation.tsv"):
        approx[row["kind"].strip()].append(_norm(row["phrase"]))
        if (row.get("bound") or "").strip():
            bounds[_norm(row["phrase"])] = row["bound"].strip()
    cues = [_norm(x) for x in read_lines(data_dir / "conversion_cues.txt")]
    range_cues = {"between": [], "from": []}
    for row in read_tsv(data_dir / "range_cues.tsv"):
        range_cues[row["kind"].strip()].append(_norm(row["phrase"]))
    measure = {w.lower() for w in read_lines(data_dir / "measure_nouns.txt")}
    followers = {w.lower() for w in read_lines(data_dir / "followers.txt")}

    t = MoneyTables(markers, markers_cs, family_default, scales, minor, minor_fractions, followers,
                    plural, number_words,
                    approx["before"], approx["after"], approx["vague"], approx["vague_prefix"], cues,
                    range_cues, measure, bounds)
    _compile(t, attached_only, spaced)
    return t


def _compile(t: MoneyTables, attached_only: list[str], spaced: list[str]) -> None:
    ci_keys = set(t.markers)
    all_before = [k for k, m in t.markers.items() if m.kind != "word"]
    all_before_cs = list(t.markers_cs)

    def before_alt():
        parts = []
        for text in sorted(set(all_before) | set(all_before_cs), key=len, reverse=True):
            body = re.escape(text).replace(r"\ ", f"{_SP}*")
            ci = text in ci_keys and text not in t.markers_cs
            if ci:
                body = f"(?i:{body})"
            left = r"(?<![^\W\d_])" if re.match(r"[^\W\d_]", text) else ""
            parts.append(left + body)
        return "|".join(parts)

    # a marker ending right before the number (a space allowed: "$ 75", "USD 345")
    t.re_before = re.compile(f"(?:{before_alt()}){_SP}?$")
    after_words = sorted(set(t.markers) | set(t.markers_cs), key=len, reverse=True)
    t.re_after = re.compile(
        rf"^(?:{_SP}*-?{_SP}*)(?:" + _word_bounded(after_words, lambda p: p in ci_keys and p not in t.markers_cs) + ")")

    digits = (r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 12,34,567.89 (Indian lakh grouping)
              r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.5
              r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"  # 1 234 567,5 (spaced groups)
              r"|\d{1,3}(?:\.\d{3})+,\d+"  # 1.234.567,5 (European)
              r"|\d{1,3}(?:\.\d{3}){2,}"  # 1.234.567
              r"|\d+(?:[.,]\d+)?"  # 345,0 / 2.5 / 21
              r"|\.\d+)")
    words = "|".join(re.escape(w) for w in sorted(t.number_words, key=len, reverse=True))
    word_seq = (rf"(?<![\w'])(?i:(?!point(?!\w))(?:{words})(?!\w)(?:(?:{_SP}+|-)(?:and{_SP}+)?(?:{words})(?!\w))*)")
    any_scale = "|".join(re.escape(w) for w in sorted(spaced, key=len, reverse=True))
    only_scale = "|".join(re.escape(w) for w in sorted(attached_only, key=len, reverse=True))
    scale = rf"(?:(?:{_SP}*|-)(?i:{any_scale})(?!\w)|(?i:{only_scale})(?!\w))"
    t.re_atom = re.compile(
        rf"(?P<num>(?<!\d)(?<!\d[.,:]){digits}|{word_seq})(?P<scale>{scale}*)(?![\d%])")
    # "75 USD million": a scale word after a code written after the number
    t.re_scale_after = re.compile(rf"^(?:{_SP}+(?i:{any_scale})(?!\w))+")
    # minor units: "50 cents", "a 12-cent dividend"; "3 dollars and 50 cents", "five mao"; and the
    # bare minor number ("15 dollars 50", "one dollar and one"): digits or words without "and"
    minors = _word_bounded(list(t.minor), lambda p: True)
    t.re_minor_after = re.compile(rf"{_SP}*-?{_SP}*(?:{minors})")
    small_words = rf"(?<![\w'])(?i:(?:{words})(?!\w)(?:(?:{_SP}+|-)(?:{words})(?!\w))*)"
    t.re_minor_part = re.compile(
        rf"{_SP}*(?:,{_SP}*)?(?:(?P<and>(?i:and)){_SP}+)?(?P<num>\d{{1,3}}(?:\.\d+)?(?![\d,])|{small_words})"
        rf"{_SP}*-?{_SP}*(?P<sub>{minors})")
    t.re_minor_bare = re.compile(
        rf"{_SP}+(?:(?P<and>(?i:and)){_SP}+)?(?P<num>\d{{1,3}}(?!\w|[.,]\d)|{small_words})")
    # a currency name written right before the number ("dollar 22.5 million", "rupees 500 crore")
    names = sorted((k for k, m in t.markers.items() if m.kind == "word" and not m.after_only),
                   key=len, reverse=True)
    t.re_name_before = re.compile(
        rf"(?<![^\W\d_])(?i:{'|'.join(_phrase_re(w) for w in names)}){_SP}$")

    vague = "|".join(_phrase_re(v) for v in sorted(t.vague, key=len, reverse=True))
    plural = "|".join(re.escape(p) for p in sorted(t.plural_scales, key=len, reverse=True))
    singular = "|".join(re.escape(w) for w in sorted(spaced, key=len, reverse=True)
                        if w not in t.plural_scales)
    word_markers = sorted((k for k, m in t.markers.items() if m.kind == "word"), key=len, reverse=True)
    wm = "|".join(_phrase_re(w) for w in word_markers)
    vprefix = "|".join(_phrase_re(v) for v in sorted(t.vague_prefix, key=len, reverse=True))
    t.re_vague = re.compile(
        rf"(?<!\w)(?i:(?:(?:{vague}){_SP}+)?(?:{plural})(?:{_SP}+of)?{_SP}+(?P<w1>{wm})"
        rf"|(?:{vague}){_SP}+(?:{singular})(?:{_SP}*-{_SP}*|{_SP}+)(?P<w2>{wm})"
        rf"|(?:{vprefix}){_SP}*-?{_SP}*(?:{singular})(?:{_SP}*-{_SP}*|{_SP}+)(?P<w3>{wm}))(?!\w)")
    named = [k for k, m in t.markers.items() if m.kind == "word" and not m.generic and m.code]
    t.re_named = re.compile(rf"(?<!\w)(?i:{'|'.join(_phrase_re(w) for w in sorted(named, key=len, reverse=True))})(?!\w)")

    def bounded(phrases):
        out = []
        for p in sorted(phrases, key=len, reverse=True):
            body = _phrase_re(p)
            left = r"(?<!\w)" if re.match(r"\w", p) else ""
            right = r"(?!\w)" if re.search(r"\w$", p) else ""
            out.append(left + body + right)
        return "|".join(out)

    t.re_between = re.compile(rf"(?<!\w)(?i:{bounded(t.range_cues['between'])}){_SP}+$")
    t.re_from = re.compile(rf"(?<!\w)(?i:{bounded(t.range_cues['from'])}){_SP}+$")
    t.re_approx_before = re.compile(rf"(?i:{bounded(t.approx_before)}){_SP}+$")
    t.re_approx_after = re.compile(rf"^(?i:{_SP}*(?:{bounded(t.approx_after)}))")
    cues = bounded(t.conversion_cues + t.approx_before)
    t.re_conversion = re.compile(
        rf"^(?:{_SP}*[(\[]{_SP}*(?:(?i:{cues}){_SP}*)*|{_SP}*,{_SP}*(?i:or){_SP}+(?:(?i:{cues}){_SP}+)*)$")


# --------------------------------------------------------------------------- numbers

def parse_number(text: str, tables: MoneyTables) -> Optional[Decimal]:
    """The value of a number as written: "1,234.5", "1 234,5", "345,0", "1.234.567",
    "two hundred fifty", "one and a half", "half a". None when it is not a number."""
    s = text.strip()
    if not s:
        return None
    if re.match(r"[\d.]", s):
        s = re.sub(r"[ \u00a0\u202f\u2009]", "", s)
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


def _spoken_decimal(tokens: list[str], tables: MoneyTables) -> Optional[Decimal]:
    """"one point three" = 1.3, "four point seven five" = 4.75: the whole part in words, then
    one digit word (0-9) per decimal place."""
    at = tokens.index("point")
    whole = _parse_number_words(" ".join(tokens[:at]), tables) if at else None
    digits = [tables.number_words[w] for w in tokens[at + 1:]]
    if whole is None or not digits or any(k != "unit" or v > 9 for v, k in digits):
        return None
    return whole + Decimal("0." + "".join(str(int(v)) for v, _ in digits))


def _parse_number_words(text: str, tables: MoneyTables) -> Optional[Decimal]:
    tokens = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
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
        if kind == "unit" or kind == "ten":
            current += value
            seen_number = True
        elif kind == "hundred":
            current = (current or Decimal(1)) * value
            seen_number = True
        elif kind == "article":
            # "a hundred", "a billion"; "half a", "and a half": the fraction decides
            if i + 1 < len(tokens) and tables.number_words[tokens[i + 1]][1] in ("half", "quarter"):
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


def parse_amount(number: str, scales: str, tables: MoneyTables) -> Optional[Decimal]:
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


# --------------------------------------------------------------------------- scanning

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
                and not tables.re_after.match(text[bare.end():bare.end() + 40])
                and _follows_ok(text, bare.end(), tables)):
            amount += value * fraction
            end = bare.end()
    return amount, end


def _has_minor_part(text: str, pos: int, marker: Marker, tables: MoneyTables) -> bool:
    """Whether an explicit minor unit of the marker's currency follows ("pound and 20 pence")."""
    part = tables.re_minor_part.match(text, pos)
    return part is not None and _norm(part.group("sub")) in _minor_units(marker, tables)


def _minor_marker(word: str, tables: MoneyTables) -> Optional[Marker]:
    """A lone minor unit ("50 cents") as a marker of its default currency (alternatives kept)."""
    rows = tables.minor.get(_norm(word)) or []
    if not rows or not rows[0][2]:
        return None
    code, fraction, _alone = rows[0]
    return Marker(word, code, _family_of(code, tables) or code, False, "minor", fraction=fraction,
                  alternatives=tuple(dict.fromkeys(c for c, _f, a in rows if a)))


def _atoms(text: str, tables: MoneyTables) -> list[MoneyMatch]:
    """Every number with its scale, and its currency marker when one is written next to it."""
    out = []
    consumed = 0  # end of the last amount (a compound "3 dollars and 50 cents" eats "50")
    for m in tables.re_atom.finditer(text):
        if m.start() < consumed:
            continue
        num_text, scale_text = m.group("num"), m.group("scale")
        is_words = not re.match(r"[\d.]", num_text)
        num_start = m.start()
        if is_words:
            # "a one and a half trillion": an article before another number is not part of it
            lead = re.match(r"(?i:an?)(?:\s+|-)(?=(\w+))", num_text)
            if lead and tables.number_words.get(lead.group(1).lower(), (0, ""))[1] in ("unit", "ten"):
                num_text = num_text[lead.end():]
                num_start += lead.end()
        number = parse_number(num_text, tables)
        if number is None:
            continue
        has_scale = bool(scale_text.strip(" -\u00a0"))
        if is_words:
            kinds = {tables.number_words[w][1] for w in re.split(r"[\s-]+", num_text.lower())
                     if w and w != "and"}
            if kinds <= {"article", "half", "quarter"} and not has_scale:
                continue
        power = sum(tables.scales[w.lower()] for w in re.findall(r"[A-Za-z]+", scale_text))
        start, end = num_start, m.end()
        glued = end < len(text) and (text[end].isalpha() or text[end] == "_")
        marker = None
        written_after = False
        # a marker before the number ("$", "US$ ", "USD", "KZT", "MAUD")
        before = tables.re_before.search(text, max(0, consumed, start - 12), start)
        if before:
            mk = _lookup(tables, before.group(0).strip())
            if mk is not None:
                marker = mk
                start = before.start()
        after = tables.re_after.match(text[end:end + 40])
        if after:
            mk = _lookup(tables, after.group(0).strip(" -\u00a0\t"))
            a_end = end + after.end()
            # "1 $10": a sign followed by a number opens the next amount
            opens_next = mk is not None and mk.kind in ("symbol", "code") and _opens_next(
                text, a_end, tables, need_scale=mk.kind == "code")
            if glued and after.start() != 0:
                mk = None
            if mk is None or opens_next:
                pass
            elif marker is not None:
                if mk.family == marker.family and (mk.generic or mk.code == marker.code):
                    end = a_end  # "$10 dollars", "US$ 5 million USD"
            elif ((mk.needs_scale and not has_scale and not _has_minor_part(text, a_end, mk, tables))
                  or (not is_words and _is_year(num_text, has_scale))):
                pass  # "100 pounds" (weight) unless "one pound and twenty pence"; "in 2015 dollars"
            else:
                marker = mk
                end = a_end
                written_after = True
                if mk.kind == "code" and not has_scale:
                    extra = tables.re_scale_after.match(text[end:end + 30])  # "75 USD million"
                    if extra:
                        power += sum(tables.scales[w.lower()] for w in re.findall(r"[A-Za-z]+", extra.group(0)))
                        has_scale = True
                        end += extra.end()
        if marker is None:
            # a currency name right before the number: "dollar 22.5 million", "rupees 500 crore";
            # without a scale word not a year ("euro 2024") nor a measure ("the dollar 22 percent")
            name = tables.re_name_before.search(text, max(0, consumed, start - 40), start)
            if name:
                mk = _lookup(tables, name.group(0).strip())
                if (mk is not None and (has_scale or (not mk.needs_scale and not _is_year(num_text, False)
                                                      and _follows_ok(text, end, tables)))):
                    marker = mk
                    start = name.start()
        if marker is None:
            # a lone minor unit: "50 cents", "470 pence", "a 12-cent dividend"
            minor = tables.re_minor_after.match(text, end)
            if minor:
                mk = _minor_marker(minor.group(0).strip(" -\u00a0\t"), tables)
                if mk is not None:
                    marker = mk
                    end = minor.end()
        if glued and end == m.end():
            continue  # "15x", "2nd": letters glued to the number that are no currency
        if marker is not None:
            power += marker.power
            has_scale = has_scale or marker.power > 0
        amount = number.scaleb(power)
        if marker is not None and marker.kind == "minor":
            amount = amount * marker.fraction
        elif marker is not None and not has_scale and number == number.to_integral_value():
            # "3 dollars and 50 cents", "$3 and 50 cents", "15 dollars 50", "C$100 and fifty";
            # not inside "between $2 and 3"
            if not tables.re_between.search(text[max(0, start - 40):start]):
                amount, end = _minor_parts(text, end, amount, marker, written_after, tables)
        match = MoneyMatch(start, end, text[start:end], amount, None, marker=marker,
                           number=number, power=power, has_scale=has_scale)
        out.append(match)
        if marker is not None:
            consumed = end
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
    if tables.re_after.match(rest):
        return False
    sub = re.match(rf"{_SP}*(\w+)", rest)
    return not (sub and _norm(sub.group(1)) in tables.minor)


def _named_codes(text: str, atoms: list[MoneyMatch], tables: MoneyTables) -> set:
    """Currencies the article names explicitly (non-generic markers next to amounts, and
    currency names written anywhere: "Australian dollars", "the yuan")."""
    codes = {a.marker.code for a in atoms
             if a.marker and not a.marker.generic and a.marker.code and a.marker.kind != "minor"}
    for m in tables.re_named.finditer(text):
        mk = tables.markers.get(_norm(m.group(0)))
        if mk and mk.code:
            codes.add(mk.code)
    return codes


def resolve_currency(marker: Marker, named: set, tables: MoneyTables) -> Optional[str]:
    """The ISO code of a marker. A generic marker ("$", "dollars", "¥", "rupees") is the
    family's default, unless the article names exactly one other member of the family and
    never the default itself ("A$" or "Australian dollars" elsewhere: "$" = AUD)."""
    if not marker.generic:
        return marker.code
    default = tables.family_default.get(marker.family)
    members = {c for c in named if _family_of(c, tables) == marker.family}
    if default in members:
        return default
    others = members - {default}
    if len(others) == 1:
        return next(iter(others))
    return default


def _family_of(code: str, tables: MoneyTables) -> Optional[str]:
    mk = tables.markers_cs.get(code)
    return mk.family if mk else None


def _vague(text: str, tables: MoneyTables, taken: list[tuple[int, int]]) -> list[MoneyMatch]:
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


def _gap(text: str, a: MoneyMatch, b: MoneyMatch) -> str:
    return text[a.end:b.start]


_RANGE_GAP = re.compile(rf"^{_SP}*(?:-|–|—|(?i:to|and)){_SP}*$")


def _link_ranges(text: str, atoms: list[MoneyMatch], tables: MoneyTables) -> list[tuple[MoneyMatch, MoneyMatch]]:
    """Pairs (first, second in the text) of amounts joined by -, to, or between ... and; "from X
    to Y" is a range too (the issue: "from $660 million to $1 billion"), and may run downwards
    ("cut from $1 billion to $660 million"). A bound without a currency or scale takes it from
    the other ("$2-3 billion", "between 2 and 3 billion euros", "50 to 60 cents")."""
    pairs = []
    i = 0
    while i < len(atoms) - 1:
        a, b = atoms[i], atoms[i + 1]
        gap = _gap(text, a, b)
        ok = _RANGE_GAP.match(gap) is not None and (a.marker or b.marker)
        before = text[max(0, a.start - 40):a.start]
        after_from = False
        if ok and gap.strip().lower() == "and":
            ok = tables.re_between.search(before) is not None
        elif ok:
            after_from = tables.re_from.search(before) is not None
        if ok and a.marker and b.marker and a.marker.family != b.marker.family:
            ok = False
        if ok and b.marker is None and a.has_scale and not b.has_scale:
            ok = False  # "$5 billion to 10 companies"
        if ok and any(x.marker is None and _is_year(text[x.start:x.end], x.has_scale) for x in (a, b)):
            ok = False  # "from $2 billion in 2020 to $5 billion": a year is no bound
        if ok:
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
            if (a_amount is None or b_amount is None or a_amount == b_amount
                    or (a_amount > b_amount and not after_from)):
                ok = False
            else:
                a.amount, b.amount, a.power = a_amount, b_amount, a_power
                a.marker = a.marker or b.marker
                b.marker = b.marker or a.marker
                pairs.append((a, b))
                i += 2
                continue
        i += 1
    return pairs


def _open_bound(before, after, tables: MoneyTables) -> Optional[str]:
    """min/max when the approximation word is a floor or ceiling (approximation.tsv bound)."""
    for match in (before, after):
        if match is not None:
            bound = tables.bounds.get(_norm(match.group(0)))
            if bound:
                return bound
    return None


def find_money(text: str, tables: Optional[MoneyTables] = None) -> list[MoneyMatch]:
    """All amounts of money in the text, sorted by start, with currency, approximation,
    ranges (shared range_id, range_bound min/max; both rows span the whole range expression)
    and bracketed conversions (equivalent_of = the list index of the amount converted)."""
    tables = tables or load_tables()
    atoms = _atoms(text, tables)
    pairs = _link_ranges(text, atoms, tables)
    money = [a for a in atoms if a.marker is not None]
    money += _vague(text, tables, [(a.start, a.end) for a in money])
    money = [m for m in money if not (m.vague is False and m.amount is None)]
    money.sort(key=lambda m: m.start)

    named = _named_codes(text, money, tables)
    for m in money:
        m.currency = resolve_currency(m.marker, named, tables)
    # a lone minor unit ("50 cents") is in the article's currency of that unit, else its default
    present = named | {m.currency for m in money if m.marker.kind != "minor"}
    for m in money:
        if m.marker.kind == "minor":
            m.currency = next((c for c in m.marker.alternatives if c in present), m.marker.code)

    range_of = {}  # id of a bound -> (first, second bound in the text)
    for rid, (first, second) in enumerate(sorted(pairs, key=lambda p: p[0].start)):
        lo, hi = (first, second) if first.amount < second.amount else (second, first)
        lo.range_id, lo.range_bound = rid, "min"
        hi.range_id, hi.range_bound = rid, "max"
        range_of[id(first)] = range_of[id(second)] = (first, second)

    # approximation words before the amount (or its range) and after it
    for m in money:
        first, last = range_of.get(id(m), (m, m))
        window = text[max(0, first.start - 30):first.start]
        if first.range_id is not None:
            window = re.sub(rf"(?i:(?:from|between)){_SP}+$", "", window)
        before = tables.re_approx_before.search(window)
        after = tables.re_approx_after.match(text[last.end:last.end + 12])
        if before or after:
            m.approximate = True
        if m.range_id is None and m.amount is not None:   # "under $5", "$5 million or more": an open bound
            m.range_bound = _open_bound(before, after, tables)

    # bracketed / ", or" conversions into another currency
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
            # a range converts bound by bound; a single amount is the source of every bound
            b_group[0].equivalent_of = index[id(a_group[0])]
            b_group[1].equivalent_of = index[id(a_group[1])]
        i = j
    # both bounds of a range span the whole range expression ("8-10 billion yuan")
    for lo, hi in pairs:
        lo.end = hi.end
        hi.start = lo.start
        lo.text = hi.text = text[lo.start:hi.end]
    return money


# --------------------------------------------------------------------------- context

_CONTEXT_MODS = {"det", "nummod", "amod", "compound", "poss", "nmod", "quantmod"}
_DROP_DET = {"a", "an"}
_PURPOSE_PREPS = {"for", "of", "in", "on", "into"}
_ATTACH_PREPS = {"worth", "of", "at", "valued", "totalling", "totaling", "amounting", "for"}


def _noun_phrase(tok, exclude: set[int]) -> tuple[list, Optional[object]]:
    """The short noun phrase headed by tok: its determiner (not a/an), numbers, adjectives
    and compounds to the left, without the money tokens."""
    left = []
    for child in tok.lefts:
        if child.i in exclude or child.dep_ not in _CONTEXT_MODS:
            continue
        if child.dep_ == "det" and child.lower_ in _DROP_DET:
            continue
        left.extend(t for t in child.subtree if t.i not in exclude)
    toks = sorted(set(left) | {tok}, key=lambda t: t.i)
    # keep the contiguous part ending at the head
    kept = [tok]
    for t in reversed(toks[:-1]):
        if t.i == kept[0].i - 1 or (t.is_punct is False and t.i == kept[0].i - 1):
            kept.insert(0, t)
        else:
            break
    gerund = tok.head
    if tok.dep_ == "dobj" and gerund.dep_ == "pcomp" and gerund.i == kept[0].i - 1:
        kept.insert(0, gerund)  # "in blending operations"
    count_tok = next((t for t in kept if t.dep_ == "nummod" and t.like_num and t.head == tok), None)
    # one "of" complement: "construction of the railway line", "exports of farm products"
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and of.i == tok.i + 1 and not any(t.i in exclude for t in of.subtree):
        obj = next((g for g in of.rights if g.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            inner = [c for c in obj.lefts if c.dep_ in _CONTEXT_MODS]
            first = min([obj.i] + [t.i for c in inner for t in c.subtree])
            if first == of.i + 1:
                kept.extend([of] + [tok.doc[k] for k in range(first, obj.i + 1)])
    return kept, count_tok


def _phrase_record(tokens, count_tok, tables) -> dict:
    doc = tokens[0].doc
    context = doc[tokens[0].i:tokens[-1].i + 1].text
    count = None
    item = None
    if count_tok is not None:
        value = parse_number(count_tok.text, tables) if tables else None
        if value is not None and value == value.to_integral_value():
            count = int(value)
            rest = [t for t in tokens if t.i > count_tok.i]
            item = doc[rest[0].i:rest[-1].i + 1].text if rest else None
    return {"context": context, "count": count, "item": item}


def money_context(doc, start: int, end: int, tables: Optional[MoneyTables] = None) -> dict:
    """What the money at doc.text[start:end] is for, from the dependency parse:
    "52 joint projects worth $21 billion" -> context "52 joint projects", count 52, item
    "joint projects"; "trade reached $28.7 billion" -> "trade"; "a $48.2 million army
    contract" -> "army contract"; "€150 billion worth of investments" -> "investments"."""
    empty = {"context": None, "count": None, "item": None}
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return empty
    inside = {t.i for t in span}
    root = span.root
    # "from $660 million to $1 billion" parsed as one number: take the whole number phrase
    for _ in range(3):
        head = root.head
        if head.i in inside or head == root or root.dep_ not in ("quantmod", "compound", "nummod"):
            break
        if not (head.like_num or head.pos_ in ("NUM", "SYM")):
            break
        lo, hi = min(span.start, head.i), max(span.end - 1, head.i)
        inside |= set(range(lo, hi + 1))
        root = head

    measure = tables.measure_nouns if tables else set()

    def np(tok, depth=0):
        if tok.lower_ in measure and depth < 2:
            # "a combined value of X" measures something else: what it is attached to
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"
                       and not any(t.i in inside for t in c.subtree)), None)
            obj = next((g for g in of.rights if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None and is_noun(obj):
                return np(obj, depth + 1)
            if tok.dep_ == "pobj" and tok.head.lower_ == "with":
                host = tok.head.head
                if is_noun(host):
                    return np(host, depth + 1)
                if host.pos_ in ("VERB", "AUX"):
                    subj = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and is_noun(subj):
                        return np(subj, depth + 1)
        return _phrase_record(*_noun_phrase(tok, inside), tables)

    def is_noun(tok):
        return tok.pos_ in ("NOUN", "PROPN") and tok.i not in inside

    def prep_object(prep):
        """The object of a preposition: its pobj, or the object of a gerund ("in blending operations")."""
        obj = next((g for g in prep.rights if g.dep_ == "pobj"), None)
        if obj is not None:
            return obj
        pcomp = next((g for g in prep.rights if g.dep_ == "pcomp"), None)
        if pcomp is not None:
            return next((g for g in pcomp.rights if g.dep_ == "dobj"), None)
        return None

    def before_worth(worth):
        """"the deal, worth $10 billion", "an agreement worth ...": the noun just before."""
        k = worth.i - 1
        while k >= 0 and doc[k].is_punct:
            k -= 1
        if k >= 0 and is_noun(doc[k]) and doc[k].ent_type_ not in ("DATE", "TIME"):
            return doc[k]
        return None

    # 0. "€150 billion worth of investments"
    if root.head.lower_ == "worth" and root.head.i > span.end - 1:
        of = next((g for g in root.head.rights if g.lower_ == "of"), None)
        obj = prep_object(of) if of is not None else None
        if obj is not None and is_noun(obj):
            return np(obj)
    # 1. "$5 billion of/in/for investments": a preposition hanging off the money
    for tok in span:
        for child in tok.rights:
            if child.i in inside:
                continue
            if child.lower_ == "worth" and child.dep_ in ("prep", "amod", "advmod", "npadvmod"):
                obj = next((g for g in child.rights if g.dep_ == "pobj"), None)
                if obj is None:
                    of = next((g for g in child.rights if g.lower_ == "of"), None)
                    obj = next((g for g in of.rights if g.dep_ == "pobj"), None) if of is not None else None
                if obj is not None and is_noun(obj):
                    return np(obj)
            if child.dep_ == "prep" and child.lower_ in _PURPOSE_PREPS:
                obj = prep_object(child)
                if obj is not None and is_noun(obj) and obj.ent_type_ not in ("DATE", "TIME", "GPE"):
                    return np(obj)
    # 2. the money modifies a noun: "a $48.2 million army contract"
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and head.i not in inside and is_noun(head):
        return np(head)
    # 3. "projects worth $21 billion", "a fund of $1 billion", "the deal, worth $10 billion"
    if head.lower_ == "worth" and head.i < span.start:
        noun = before_worth(head)
        if noun is not None:
            return np(noun)
    if root.dep_ == "pobj" or root.dep_ in ("npadvmod", "dobj") and head.lower_ == "worth":
        prep = head
        attach = prep.head
        if prep.lower_ in _ATTACH_PREPS and is_noun(attach):
            return np(attach)
        if prep.lower_ == "worth" and attach.pos_ in ("ADJ",) and is_noun(attach.head):
            return np(attach.head)
        # "amounted to $5 billion", "increase assistance from $660 million to $1 billion"
        if attach.pos_ in ("VERB", "AUX") and prep.lower_ in ("to", "at", "from", "by", "of"):
            verb = attach
            obj = next((c for c in verb.children if c.dep_ in ("dobj",) and c.i not in inside), None)
            if obj is not None and is_noun(obj) and prep.lower_ in ("from", "to", "by"):
                return np(obj)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and is_noun(subj):
                return np(subj)
    # 4. "trade reached $28.7 billion": the subject of a measuring verb
    if root.dep_ in ("dobj", "attr", "npadvmod", "oprd", "appos") and head.pos_ in ("VERB", "AUX"):
        verb = head
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "in", "into") and child.i > root.i:
                obj = next((g for g in child.rights if g.dep_ == "pobj"), None)
                if obj is not None and is_noun(obj) and obj.ent_type_ not in ("DATE", "TIME", "GPE"):
                    return np(obj)
        while verb.dep_ in ("xcomp", "ccomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "exports are expected to reach $5 billion"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and is_noun(subj) and subj.pos_ == "NOUN":
            return np(subj)
    if root.dep_ == "appos" and is_noun(head):
        return np(head)
    return empty


# --------------------------------------------------------------------------- stage

def _context_key(context: Optional[str]) -> str:
    words = (context or "").lower().split()
    while words and words[0] in ("the", "a", "an", "this", "that", "its", "their"):
        words = words[1:]
    return " ".join(words)


def mark_repeats(records: list[dict]) -> None:
    """``repeat_of``: the index of the first record with the same amount, currency, range
    bound and context (a headline figure restated in the body, a total repeated), so a sum
    over the rows where repeat_of is empty counts each figure once."""
    first: dict = {}
    for i, rec in enumerate(records):
        rec["repeat_of"] = None
        if rec.get("amount") is None:
            continue
        key = (str(rec["amount"]), rec.get("currency"), rec.get("range_bound"), _context_key(rec.get("context")))
        if key in first:
            rec["repeat_of"] = first[key]
        else:
            first[key] = i


class MoneyStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)
        self.tables = load_tables(stage_data_dir("money", data_dir))

    def process(self, doc) -> None:
        records = []
        spans = []
        matches = find_money(doc.text, self.tables)
        ranges = {}
        for m in matches:
            if m.range_id is not None:
                lo, hi = ranges.get(m.range_id, (m.start, m.end))
                ranges[m.range_id] = (min(lo, m.start), max(hi, m.end))
        for m in matches:
            rec = m.as_record()
            # a range's bounds share the context of the whole range; a conversion has the
            # context of the amount it converts
            start, end = ranges.get(m.range_id, (m.start, m.end))
            if m.equivalent_of is not None:
                rec.update({k: records[m.equivalent_of][k] for k in ("context", "count", "item")})
            else:
                rec.update(money_context(doc, start, end, self.tables))
            records.append(rec)
            span = doc.char_span(m.start, m.end, label=rec.get("currency") or "MONEY", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        mark_repeats(records)
        # key order of the schema
        order = ["start", "end", "text", "amount", "currency", "approximate", "context", "count",
                 "item", "range_id", "range_bound", "equivalent_of", "repeat_of"]
        doc._.money = [{k: r.get(k) for k in order} for r in records]
        doc.spans["money"] = spans


@Language.factory("newsie_money", default_config={"data_dir": None},
                   assigns=["doc._.money", "doc.spans"],
                   requires=["doc.ents"])
def make_money(nlp: Language, name: str, data_dir: Optional[str]):
    return MoneyStage(nlp, name, data_dir)
