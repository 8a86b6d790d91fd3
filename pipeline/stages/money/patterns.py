"""Regex building for the money tables: the helpers and the compiled patterns of
``MoneyTables`` (markers before/after a number, numbers with scales, minor units, vague
amounts, approximation, range and conversion cues). Everything here is built from the rule
data once, when the tables are loaded; no word of the patterns is written in the code."""

from __future__ import annotations

import re
import unicodedata

from .gates import alternation, first_gate, first_key, last_gate, last_key

#: horizontal whitespace (never crosses a line break)
_SP = r"[^\S\r\n]"

_DIGITS = (r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 12,34,567.89 (Indian lakh grouping)
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.5
           r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"  # 1 234 567,5 (spaced groups)
           r"|\d{1,3}(?:\.\d{3})+,\d+"  # 1.234.567,5 (European)
           r"|\d{1,3}(?:\.\d{3}){2,}"  # 1.234.567
           r"|\d{1,3}(?:['\u2019]\d{3})+(?:\.\d+)?"  # 1'000 (Swiss grouping)
           r"|\d+(?:[.,]\d+)?"  # 345,0 / 2.5 / 21
           r"|\.\d+)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _has_currency_sign(text: str) -> bool:
    return any(unicodedata.category(ch) == "Sc" for ch in text)


def _phrase_re(phrase: str) -> str:
    """A phrase as a regex: escaped, any horizontal whitespace between its words."""
    return f"{_SP}+".join(re.escape(part) for part in phrase.split())


def _longest_first(phrases) -> list:
    return sorted(set(phrases), key=len, reverse=True)


def _word_bounded(alt_phrases: list[str], case_insensitive) -> str:
    """Alternatives, each with a word boundary on the sides that end in a word character."""
    parts = []
    for phrase in _longest_first(alt_phrases):
        body = _phrase_re(phrase)
        if case_insensitive(phrase):
            body = f"(?i:{body})"
        left = r"(?<![^\W\d_])" if re.match(r"\w", phrase) else ""
        right = r"(?![^\W_])" if re.search(r"\w$", phrase) else ""
        parts.append(f"{left}{body}{right}")
    return "|".join(parts)


def _bounded(phrases) -> str:
    """Alternatives of phrases with word boundaries where they start or end in a word character."""
    out = []
    for p in sorted(phrases, key=len, reverse=True):
        body = _phrase_re(p)
        left = r"(?<!\w)" if re.match(r"\w", p) else ""
        right = r"(?!\w)" if re.search(r"\w$", p) else ""
        out.append(left + body + right)
    return "|".join(out)


def _words(phrases) -> str:
    return "|".join(_phrase_re(w) for w in _longest_first(phrases))


def compile_patterns(t, attached_only: list[str], spaced: list[str]) -> None:
    """Set the ``re_*`` attributes of the tables ``t``."""
    _compile_markers(t)
    _compile_numbers(t, attached_only, spaced)
    _compile_vague(t, spaced)
    _compile_cues(t)
    _compile_context(t)


def _compile_markers(t) -> None:
    ci_keys = set(t.markers)
    parts = []
    before = _longest_first({k for k, m in t.markers.items() if m.kind != "word"} | set(t.markers_cs))
    for text in before:
        body = re.escape(text).replace(r"\ ", f"{_SP}*")
        if text in ci_keys and text not in t.markers_cs:
            body = f"(?i:{body})"
        left = r"(?<![^\W\d_])" if re.match(r"[^\W\d_]", text) else ""
        parts.append(left + body)
    # a marker ending right before the number (a space allowed: "$ 75", "USD 345")
    t.re_before = re.compile(f"(?:{'|'.join(parts)}){_SP}?$")
    after_words = list(set(t.markers) | set(t.markers_cs))
    t.re_after = re.compile(
        rf"^(?:{_SP}*-?{_SP}*)(?:" + _word_bounded(after_words, lambda p: p in ci_keys and p not in t.markers_cs) + ")")
    # a currency name written right before the number ("dollar 22.5 million", "rupees 500 crore")
    names = [k for k, m in t.markers.items() if m.kind == "word" and not m.after_only]
    t.re_name_before = re.compile(rf"(?<![^\W\d_])(?i:{_words(names)}){_SP}$")
    named = _longest_first(k for k, m in t.markers.items() if m.kind == "word" and not m.generic and m.code)
    t.re_named = re.compile(rf"(?<!\w)(?i:{'|'.join(_phrase_re(w) for w in named)})(?!\w)")
    t.named_index = alternation([first_key(w) for w in named], [_phrase_re(w) for w in named], r"(?<!\w)(?i:{})(?!\w)")
    t.gate_before = last_gate(before, lambda p: p in ci_keys and p not in t.markers_cs)
    t.before_index = alternation([last_key(p, p in ci_keys and p not in t.markers_cs) for p in before], parts,
                                 f"(?:{{}}){_SP}?$")
    t.gate_after = first_gate(after_words, lambda p: p in ci_keys and p not in t.markers_cs)
    t.gate_name_before = last_gate(names)


def _number_words_re(t) -> str:
    """Number words in a row: "two hundred and fifty", "one-and-a-half"; "of" after a fraction or
    "couple" joins ("a quarter of a", "three-quarters of a") or ends it before a scale or unit
    ("a couple of million dollars", "a couple of bucks")."""
    words = "|".join(re.escape(w) for w in _longest_first(t.number_words))
    joiners = [w for w, (_v, kind) in t.number_words.items() if kind in ("half", "quarter", "couple")]
    after_joiner = "|".join(f"(?<={re.escape(w)})" for w in _longest_first(joiners))
    join = rf"(?:(?:{after_joiner}){_SP}+of{_SP}+|(?:{_SP}+|-)(?:and{_SP}+)?)"
    return (rf"(?<![\w'])(?i:(?!point(?!\w))(?:{words})(?!\w)(?:{join}(?:{words})(?!\w))*"
            rf"(?:(?:{after_joiner}){_SP}+of(?={_SP}))?)")


def _compile_numbers(t, attached_only: list[str], spaced: list[str]) -> None:
    words = "|".join(re.escape(w) for w in _longest_first(t.number_words))
    word_seq = _number_words_re(t)
    any_scale = "|".join(re.escape(w) for w in _longest_first(spaced))
    only_scale = "|".join(re.escape(w) for w in _longest_first(attached_only))
    scale = rf"(?:(?:{_SP}*|-)(?i:{any_scale})(?!\w)|(?i:{only_scale})(?!\w))"
    t.re_atom = re.compile(
        rf"(?P<num>(?<!\d)(?<!\d[.,:]){_DIGITS}|{word_seq})(?P<scale>{scale}*)(?![\d%])")
    # "75 USD million": a scale word after a code written after the number
    t.re_scale_after = re.compile(rf"^(?:{_SP}+(?i:{any_scale})(?!\w))+")
    # minor units: "50 cents", "a 12-cent dividend"; "3 dollars and 50 cents", "five mao"; and the
    # bare minor number ("15 dollars 50", "one dollar and one"): digits or words without "and"
    minors = _word_bounded(list(t.minor), lambda p: True)
    t.gate_minor = first_gate(list(t.minor))
    t.re_minor_after = re.compile(rf"{_SP}*-?{_SP}*(?:{minors})")
    small_words = rf"(?<![\w'])(?i:(?:{words})(?!\w)(?:(?:{_SP}+|-)(?:{words})(?!\w))*)"
    t.re_minor_part = re.compile(
        rf"{_SP}*(?:,{_SP}*)?(?:(?P<and>(?i:and)){_SP}+)?(?P<num>\d{{1,3}}(?:\.\d+)?(?![\d,])|{small_words})"
        rf"{_SP}*-?{_SP}*(?P<sub>{minors})")
    t.re_minor_bare = re.compile(
        rf"{_SP}+(?:(?P<and>(?i:and)){_SP}+)?(?P<num>\d{{1,3}}(?!\w|[.,]\d)|{small_words})")


def _compile_vague(t, spaced: list[str]) -> None:
    vague = _words(t.vague)
    plural = "|".join(re.escape(p) for p in _longest_first(t.plural_scales))
    hundreds = [w for w, (_v, kind) in t.number_words.items() if kind == "hundred"]  # "a few hundred dollars"
    singular = "|".join(re.escape(w) for w in _longest_first(spaced + hundreds) if w not in t.plural_scales)
    wm = _words(k for k, m in t.markers.items() if m.kind == "word")
    vprefix = _words(t.vague_prefix)
    t.re_vague = re.compile(
        rf"(?<!\w)(?i:(?:(?:{vague}){_SP}+)?(?:{plural})(?:{_SP}+of)?{_SP}+(?P<w1>{wm})"
        rf"|(?:{vague}){_SP}+(?:{singular})(?:{_SP}*-{_SP}*|{_SP}+)(?P<w2>{wm})"
        rf"|(?:{vprefix}){_SP}*-?{_SP}*(?:{singular})(?:{_SP}*-{_SP}*|{_SP}+)(?P<w3>{wm}))(?!\w)")


def _compile_context(t) -> None:
    """Country names (case-sensitive, whole words) and price words before an amount."""
    countries = _longest_first(t.countries)
    t.re_country = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(_phrase_re(c) for c in countries)})(?![^\W\d_])"
                              if countries else r"(?!x)x")
    t.country_index = alternation([first_key(c) for c in countries], [_phrase_re(c) for c in countries],
                                  r"(?<![^\W\d_])(?:{})(?![^\W\d_])")
    cues = _bounded(t.price_cues) if t.price_cues else r"(?!x)x"
    t.re_price_cue = re.compile(rf"(?i:{cues})(?:{_SP}+[^\W\d_][\w'-]*){{0,2}}{_SP}+$")
    after = _bounded(t.price_after) if t.price_after else r"(?!x)x"
    t.re_price_after = re.compile(rf"{_SP}+(?i:{after})(?![\w-])")
    weight = t.weight_cues or {}
    before = _bounded(weight.get("before") or []) if weight.get("before") else r"(?!x)x"
    t.re_weight_before = re.compile(rf"(?<![\w-])(?i:{before})(?![\w-])")
    wafter = _bounded(weight.get("after") or []) if weight.get("after") else r"(?!x)x"
    t.re_weight_after = re.compile(rf"{_SP}+(?i:{wafter})(?![\w-])")


def _compile_cues(t) -> None:
    t.re_between = re.compile(rf"(?<!\w)(?i:{_bounded(t.range_cues['between'])}){_SP}+$")
    t.re_from = re.compile(rf"(?<!\w)(?i:{_bounded(t.range_cues['from'])}){_SP}+$")
    t.re_approx_before = re.compile(rf"(?i:{_bounded(t.approx_before)}){_SP}+$")
    t.re_approx_after = re.compile(rf"^(?i:{_SP}*(?:{_bounded(t.approx_after)}))")
    cues = _bounded(t.conversion_cues + t.approx_before)
    t.re_conversion = re.compile(
        rf"^(?:{_SP}*[(\[]{_SP}*(?:(?i:{cues}){_SP}*)*|{_SP}*,{_SP}*(?i:or){_SP}+(?:(?i:{cues}){_SP}+)*)$")
