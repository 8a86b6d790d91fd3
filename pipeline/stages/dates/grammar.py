"""The dates rule data (models/dates/), loaded once and compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...core.paths import stage_data_dir
from ...core.stage import read_lines, read_tsv
from ...core.text import alternation
from .holiday_names import holiday_key, holiday_regex

PAST, FUTURE = "past", "future"


def _alt(words, cap: bool = False) -> str:
    forms = set()
    for w in words:
        forms.add(w)
        if cap:
            forms.add(w[:1].upper() + w[1:])
    return "(?:" + alternation(forms, spaces=True) + ")"


@dataclass
class Grammar:
    """The dates rule data, loaded once from a models/dates folder (plain, picklable)."""

    months: dict
    weekdays: dict
    seasons: dict
    numbers: dict
    ordinals: dict
    units: dict
    relative: dict
    modifiers: dict
    anchors: dict
    year_context: set
    year_attributive: set
    tense: dict
    season_context: set
    patterns: list = field(default_factory=list)  # (kind, context, compiled regex)
    needs: list = field(default_factory=list)     # per pattern: a regex the text must hold, or None
    mod_prefix: Optional[re.Pattern] = None
    mod_lead: Optional[re.Pattern] = None
    not_dates: list = field(default_factory=list)
    names: Optional[re.Pattern] = None
    holidays: dict = field(default_factory=dict)   # holiday_key(name) -> (rule, argument)
    holiday_names: list = field(default_factory=list)  # the names as written
    countries: dict = field(default_factory=dict)  # lower-cased country name/adjective -> ISO2
    country_forms: list = field(default_factory=list)  # the names/adjectives as written
    numeric_context: set = field(default_factory=set)
    lower_not_months: set = field(default_factory=set)  # "may": a month only capitalised
    locale_orders: dict = field(default_factory=dict)   # country code -> MDY/YMD (others DMY)
    generic_present: dict = field(default_factory=dict)  # anchor -> cue words ("today": {"than"})
    date_order: str = "MDY"                        # numeric dates without a doc._.date_order

    @classmethod
    def load(cls, data_dir: Optional[str] = None, countries: Optional[dict] = None,
             date_order: str = "MDY") -> "Grammar":
        d = stage_data_dir("dates", data_dir)
        months, month_full, month_abbr = {}, [], []
        for r in read_tsv(d / "months.tsv"):
            months[r["surface"].lower()] = int(r["month"])
            (month_full if r["kind"] == "full" else month_abbr).append(r["surface"])
        weekday_rows = read_tsv(d / "weekdays.tsv")
        weekdays = {r["surface"].lower(): int(r["index"]) for r in weekday_rows}
        seasons = {r["surface"].lower(): (r["code"], int(r["start_month"])) for r in read_tsv(d / "seasons.tsv")}
        numbers, ordinals = {}, {}
        for r in read_tsv(d / "numbers.tsv"):
            (numbers if r["kind"] == "cardinal" else ordinals)[r["word"]] = (int(r["value"]), r["kind"])
        units = {r["surface"]: (r["unit"], r["number"]) for r in read_tsv(d / "units.tsv")}
        relative = {r["word"]: int(r["offset"]) for r in read_tsv(d / "relative.tsv")}
        modifiers = {r["phrase"]: (r.get("mod") or None) for r in read_tsv(d / "modifiers.tsv")}
        anchors = {r["phrase"]: (r["kind"], r["value"]) for r in read_tsv(d / "anchors.tsv")}
        year_context = set(read_lines(d / "year_context.txt"))
        year_attributive = set(read_lines(d / "year_attributive.txt"))
        tense: dict = {}
        for r in read_tsv(d / "tense.tsv"):
            tense.setdefault(r["word"], set()).add(r["role"])
        tense = {w: frozenset(roles) for w, roles in tense.items()}
        season_context = set(read_lines(d / "season_context.txt"))
        g = cls(months, weekdays, seasons, numbers, ordinals, units, relative, modifiers, anchors,
                year_context, year_attributive, tense, season_context)
        holiday_rows = read_tsv(d / "holidays.tsv")
        g.holidays = {holiday_key(r["phrase"]): (r["rule"], r["argument"]) for r in holiday_rows}
        g.holiday_names = [r["phrase"] for r in holiday_rows]
        g.countries = {k.lower(): v for k, v in (countries or {}).items()}
        g.country_forms = list(countries or {})
        g.numeric_context = set(read_lines(d / "numeric_context.txt"))
        g.lower_not_months = set(read_lines(d / "lower_case_not_months.txt"))
        g.locale_orders = {r["country"]: r["order"] for r in read_tsv(d / "date_orders.tsv")}
        for r in read_tsv(d / "generic_present.tsv"):
            g.generic_present.setdefault(r["anchor"], set()).add(r["cue"])
        g.date_order = date_order
        g.compile(d, month_full, month_abbr, weekday_rows)
        return g

    def compile(self, d, month_full: list, month_abbr: list, weekday_rows: list) -> None:
        """The patterns of patterns.tsv with their {SLOT}s filled from the word lists."""
        g = self
        weekdays, seasons, relative, units, numbers, ordinals, anchors, modifiers = (
            g.weekdays, g.seasons, g.relative, g.units, g.numbers, g.ordinals, g.anchors, g.modifiers)
        full_days = [r["surface"] for r in weekday_rows if r["kind"] == "full"]
        abbr_days = [r["surface"] for r in weekday_rows if r["kind"] == "abbr"]
        lower_abbr = [r["surface"].lower() for r in weekday_rows if r["kind"] == "abbr" and r["lower"] == "yes"]
        months_any = month_full + [m.lower() for m in month_full]
        abbr_any = month_abbr + [m.lower() for m in month_abbr]
        month_a = "(?:" + _alt(months_any + [m.upper() for m in month_full]) + "|" + _alt(abbr_any) + r"\.?" + ")"
        full_any = full_days + [w.lower() for w in full_days] + [w.upper() for w in full_days]
        weekday = "(?:" + _alt(full_any) + "|" + _alt(abbr_days + lower_abbr) + ")"
        prefix_days = [r["surface"] for r in weekday_rows if r["kind"] == "prefix"]
        slots = {
            "MONTHA": month_a,
            "MONTH": _alt(month_full),
            "MONTHABBR": _alt(month_abbr) + r"\.?",
            "MONTHI": _alt(months_any),
            "MONTHABBRI": _alt(abbr_any) + r"\.?",
            "WEEKDAY": weekday,
            "WEEKDAYP": "(?:" + weekday + "|" + _alt(prefix_days) + ")",
            "WEEKDAYPA": _alt(prefix_days + [w.lower() for w in prefix_days]),
            "WEEKDAYS": "(?:" + _alt(full_days + [w.lower() for w in full_days]) + ")s",
            "PART": _alt(read_lines(d / "parts_of_day.txt")),
            "HOLIDAY": holiday_regex(g.holiday_names),
            "COUNTRY": _alt(g.country_forms) if g.country_forms else "(?!x)x",
            "SEASON": _alt(seasons, cap=True),
            "REL": _alt(relative, cap=True),
            "UNITS": _alt(units),
            "UNIT": _alt([u for u, (unit, n) in units.items() if n == "sg" and unit not in ("day", "fortnight")]),
            "NUM": "(?:" + _alt(numbers, cap=True) + r"|\d{1,3})",
            "ORD": "(?:" + _alt(ordinals, cap=True) + r"|\d{1,2}(?:st|nd|rd|th))",
            "YEAR": r"(?:1[89]\d\d|20\d\d|2100)",
            "YEARX": r"(?:1[89]\d\d|20\d\d|2100|['’]\d\d(?![\w'’]))",
            "ORDW": _alt([w for w, (_, kind) in ordinals.items() if kind == "ordinal"], cap=True),
            "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d|\s*(?:%|percent|per\b))",
            "ANCHOR": _alt(anchors, cap=True),
        }
        for r in read_tsv(d / "patterns.tsv"):
            body = re.sub(r"\{([A-Z]+)\}", lambda m: slots[m.group(1)], r["pattern"])
            rx = re.compile(r"(?<![\w$€£¥])(?<!\d[-–,.])(?:" + body + r")(?![\w%])(?!,\d)(?![-–]\d)")
            g.patterns.append((r["kind"], r["context"], rx))
            need = r.get("needs") or "-"
            g.needs.append(None if need == "-" else re.compile(need))
        mods = _alt([m for m in modifiers if not m.endswith("-")], cap=True)
        hyphened = _alt([m for m in modifiers if m.endswith("-")], cap=True)
        g.mod_prefix = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?P<mod>" + mods + r"(?=\s|-)|" + hyphened + r")(?:\s+|-)?$")
        g.mod_lead = re.compile(r"^(?P<mod>" + mods + r"(?=\s|-)|" + hyphened + r")(?:\s+|-)?")
        g.not_dates = [re.compile(r["pattern"], re.I) for r in read_tsv(d / "not_dates.tsv")]
        g.names = re.compile(r"\b" + _alt(read_lines(d / "names.txt")) + r"\b")

    def mod_of(self, phrase: str) -> Optional[str]:
        key = re.sub(r"\s+", " ", phrase.strip()).lower()
        return self.modifiers.get(key, self.modifiers.get(key + "-"))

