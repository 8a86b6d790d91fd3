"""The money rule data (``models/money``) read into ``MoneyTables``: the currency table
(markers: symbols, ISO codes, currency words, generics by family), minor units, scale words,
number words, approximation words and range/conversion cues. Loaded once per pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

from ...core.paths import stage_data_dir
from ...core.stage import read_lines, read_tsv
from .patterns import _has_currency_sign, _norm, compile_patterns

#: ISO 4217 "no currency": placeholder rows for generic words without a default currency
NO_CURRENCY = "XXX"


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
    informal: bool = False  # "grand", "quid" (informal.tsv): no noun after it ("3 grand masters")
    lower_only: bool = False  # a word that is also a name ("Dong"): a currency only in lower case
    words_ok: bool = False  # a needs_scale word that is money after a number in words ("ten pounds")


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
    countries: dict = field(default_factory=dict)  # country word -> ISO code ("Kuwaiti" -> KWD)
    price_cues: list = field(default_factory=list)  # price words before an amount ("costs")
    re_country: re.Pattern = field(repr=False, default=None)
    re_price_cue: re.Pattern = field(repr=False, default=None)
    price_after: list = field(default_factory=list)  # words after an amount that make it a price ("per")
    re_price_after: re.Pattern = field(repr=False, default=None)
    weight_cues: dict = field(default_factory=dict)  # before/after -> words of weight ("weighs", "of")
    re_weight_before: re.Pattern = field(repr=False, default=None)
    re_weight_after: re.Pattern = field(repr=False, default=None)
    determiners: frozenset = frozenset()  # dropped before contexts are compared (repeat_of)
    # cheap tests in front of the big alternations (gates.py): first/last words of the markers,
    # and the currency and country names by first word
    gate_before: object = None
    gate_after: object = None
    gate_minor: object = None
    gate_name_before: object = None
    before_index: object = None
    named_index: object = None
    country_index: object = None



def _split(value) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _code_prefixes(data_dir: Path) -> dict:
    """Scale letters glued before an ISO code ("MUSD", "kSEK"): letter -> power of ten."""
    return {row["word"].strip(): int(row["multiplier"]) for row in read_tsv(data_dir / "scales.tsv")
            if (row.get("code_prefix") or "").strip() == "yes"}


def _add_code_markers(code: str, family: str, lower_ok: bool, prefixes: dict, markers: dict,
                      markers_cs: dict) -> None:
    markers_cs.setdefault(code, Marker(code, code, family, False, "code"))
    if lower_ok:
        markers.setdefault(code.lower(), Marker(code, code, family, False, "code"))
    # "NZD$15", "mxn$ 15": a code glued to a dollar/peso sign names the currency
    markers.setdefault(_norm(code + "$"), Marker(code + "$", code, family, False, "symbol"))
    # "30 MUSD", "500 kSEK": a scale letter glued to the code
    for prefix, power in prefixes.items():
        for variant in {prefix.upper() + code, prefix.lower() + code}:
            markers_cs.setdefault(variant, Marker(variant, code, family, False, "code", power=power))
        if lower_ok:
            markers.setdefault((prefix + code).lower(), Marker(prefix + code, code, family, False, "code", power=power))


def _flagged(flags: str, text: str, kind: str, flag_name: str = "needs_scale") -> bool:
    """``needs_scale`` (every word of the row) or ``needs_scale:pound|pounds`` (the words or
    symbols listed: "R" of the rand only with a scale word, "R5 billion"); the same for
    ``lower_only`` and ``words_ok``."""
    for flag in flags.split(","):
        name, _, words = flag.strip().partition(":")
        if name == flag_name:
            if not words:
                return kind == "word"
            return text in words.split("|") or _norm(text) in {_norm(w) for w in words.split("|")}
    return False


def read_currencies(data_dir: Path) -> tuple[dict, dict, dict, dict]:
    """``currencies.tsv`` -> (markers by lower-cased text, case-sensitive markers, family ->
    default code, country word -> code)."""
    markers: dict = {}
    markers_cs: dict = {}
    family_default: dict = {}
    countries: dict = {}
    prefixes = _code_prefixes(data_dir)
    for row in read_tsv(data_dir / "currencies.tsv"):
        code = row["code"].strip()
        real_code = None if code == NO_CURRENCY else code
        family = row["family"].strip()
        flags = row.get("flags") or ""
        generic = _split(row.get("generic"))
        if generic:
            family_default[family] = real_code

        for country in _split(row.get("countries")):
            countries.setdefault(country, real_code)

        def add(text, kind, is_generic):
            m = Marker(text, real_code, family, is_generic, kind, _flagged(flags, text, kind),
                       after_only="after_only" in flags and kind == "word",
                       lower_only=_flagged(flags, text, kind, "lower_only"),
                       words_ok=_flagged(flags, text, kind, "words_ok"))
            if kind == "word" or _has_currency_sign(text):
                markers.setdefault(_norm(text), m)
            else:
                markers_cs.setdefault(text, m)

        if real_code:
            lower_ok = (row.get("lower_ok") or "").strip() == "yes"
            _add_code_markers(code, family, lower_ok, prefixes, markers, markers_cs)
        for sym in _split(row.get("symbols")):
            add(sym, "symbol", False)
        for word in _split(row.get("words")):
            add(word, "word", False)
        for g in generic:
            # "Rs", "Sh": a generic with a capital letter is an abbreviation written before the number
            add(g, "symbol" if _has_currency_sign(g) or g != g.lower() else "word", True)
    _add_informal(data_dir, markers, markers_cs, family_default)
    return markers, markers_cs, family_default, countries


def _add_informal(data_dir: Path, markers: dict, markers_cs: dict, family_default: dict) -> None:
    """``informal.tsv``: "quid" (GBP), "grand" (a thousand of the article's dollar)."""
    for row in read_tsv(data_dir / "informal.tsv"):
        code = row["code"].strip()
        family = markers_cs[code].family
        generic = (row.get("generic") or "").strip() == "yes"
        markers.setdefault(_norm(row["word"]), Marker(row["word"].strip(), code, family, generic, "word",
                                                      power=int(row["power"]), after_only=True, informal=True))


def read_minor_units(data_dir: Path) -> tuple[dict, dict]:
    """``minor_units.tsv`` -> (word -> [(code, fraction, alone)], code -> fractions largest first)."""
    minor: dict = {}
    minor_fractions: dict = {}
    for row in read_tsv(data_dir / "minor_units.tsv"):
        code = row["code"].strip()
        code = None if code == NO_CURRENCY else code  # "centavos" alone: no currency unless the country says
        fraction = Decimal(row["fraction"].strip())
        alone = (row.get("alone") or "").strip() == "yes"
        for word in _split(row["words"]):
            minor.setdefault(_norm(word), []).append((code, fraction, alone))
        if code:
            minor_fractions.setdefault(code, set()).add(fraction)
    return minor, {c: sorted(f, reverse=True) for c, f in minor_fractions.items()}


def read_scales(data_dir: Path) -> tuple[dict, list, list, list]:
    """``scales.tsv`` -> (word -> power, glued-only words, spaced words, words with a plural)."""
    scales = {}
    attached_only, spaced, plural = [], [], []
    for row in read_tsv(data_dir / "scales.tsv"):
        word = row["word"].strip().lower()
        scales[word] = int(row["multiplier"])
        (attached_only if row["attached"].strip() == "only" else spaced).append(word)
        if row["plural"].strip() == "yes":
            plural.append(word)
    return scales, attached_only, spaced, plural


def read_approximation(data_dir: Path) -> tuple[dict, dict]:
    """``approximation.tsv`` -> (kind -> phrases, phrase -> bound min/max)."""
    approx = {"before": [], "after": [], "vague": [], "vague_prefix": []}
    bounds = {}
    for row in read_tsv(data_dir / "approximation.tsv"):
        approx[row["kind"].strip()].append(_norm(row["phrase"]))
        if (row.get("bound") or "").strip():
            bounds[_norm(row["phrase"])] = row["bound"].strip()
    return approx, bounds


def read_weight_cues(data_dir: Path) -> dict:
    """``weight_cues.tsv`` -> where (before/after) -> phrases that make "pounds" a weight."""
    cues = {"before": [], "after": []}
    for row in read_tsv(data_dir / "weight_cues.tsv"):
        cues[row["where"].strip()].append(_norm(row["phrase"]))
    return cues


def load_tables(data_dir: Optional[Path] = None) -> MoneyTables:
    """Read and compile ``currencies.tsv``, ``minor_units.tsv``, ``scales.tsv``,
    ``number_words.tsv``, ``approximation.tsv``, ``range_cues.tsv``, ``conversion_cues.txt``,
    ``measure_nouns.txt``, ``followers.txt``, ``price_cues.txt``, ``price_after.txt`` and
    ``weight_cues.tsv`` (default: models/money)."""
    data_dir = Path(data_dir) if data_dir else stage_data_dir("money", None)
    markers, markers_cs, family_default, countries = read_currencies(data_dir)
    minor, minor_fractions = read_minor_units(data_dir)
    scales, attached_only, spaced, plural = read_scales(data_dir)
    number_words = {row["word"].strip().lower(): (Decimal(row["value"]), row["kind"].strip())
                    for row in read_tsv(data_dir / "number_words.tsv")}
    approx, bounds = read_approximation(data_dir)
    cues = [_norm(x) for x in read_lines(data_dir / "conversion_cues.txt")]
    range_cues = {"between": [], "from": []}
    for row in read_tsv(data_dir / "range_cues.tsv"):
        range_cues[row["kind"].strip()].append(_norm(row["phrase"]))
    measure = {w.lower() for w in read_lines(data_dir / "measure_nouns.txt")}
    followers = {w.lower() for w in read_lines(data_dir / "followers.txt")}
    t = MoneyTables(markers, markers_cs, family_default, scales, minor, minor_fractions, followers,
                    plural, number_words,
                    approx["before"], approx["after"], approx["vague"], approx["vague_prefix"], cues,
                    range_cues, measure, bounds, countries=countries,
                    price_cues=[_norm(x) for x in read_lines(data_dir / "price_cues.txt")],
                    determiners=frozenset(_norm(x) for x in read_lines(data_dir / "determiners.txt")),
                    price_after=[_norm(x) for x in read_lines(data_dir / "price_after.txt")],
                    weight_cues=read_weight_cues(data_dir))
    compile_patterns(t, attached_only, spaced)
    return t
