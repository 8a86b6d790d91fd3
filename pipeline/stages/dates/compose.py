"""Values of the numeric and compositional date patterns: numeric dates read in the article's
day/month order, offsets ("the 20th of next month", "1 month 21 days ago", "3 fridays from
now", "the last Monday of March", "next week on Friday") and their granularity by what is
said ("a week ago" is a day, "three months ago" a month).

Each function takes the grammar, the pattern's named groups, the anchor date (None: no
publication date), the tense and the day/month order, and returns (value, granularity, mod)
or None when the text is not a date after all.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

from .grammar import FUTURE, PAST, Grammar
from .periods import _add_months, _direction_year, _shift, _week, _year2

#: the granularity of an offset counted in a unit ("a week ago" is a day)
_GRAIN = {"day": "day", "week": "day", "fortnight": "day", "month": "month", "year": "year"}
_DAYS = {"day": 1, "week": 7, "fortnight": 14}


def _num(g: Grammar, s: str) -> Optional[int]:
    s = " ".join(s.lower().split())
    if s.isdigit():
        return int(s)
    for table in (g.numbers, g.ordinals):
        if s in table:
            return table[s][0]
    return int(s[:-2]) if s[:-2].isdigit() else None


def _weekday(g: Grammar, s: str) -> int:
    s = s.lower().rstrip(".")
    return g.weekdays[s] if s in g.weekdays else g.weekdays[s[:-1]]   # "fridays"


def _day(value: Optional[dt.date]):
    return (value.isoformat(), "day", None) if value else None


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day(a: int, b: int, order: str) -> Optional[tuple[int, int]]:
    """(month, day) of two numbers in the given order; swapped when only that reading is a date."""
    md = (b, a) if order == "DMY" else (a, b)
    for month, day in (md, md[::-1]):
        if 1 <= month <= 12 and _safe_date(2000, month, day):
            return month, day
    return None


def _year_of(text: str, base) -> int:
    return int(text) if len(text) == 4 else _year2(int(text), base)


def numeric(g, gd, base, tense, order, dot=False):
    md = _month_day(int(gd["a"]), int(gd["b"]), "DMY" if dot else order)
    return _day(md and _safe_date(_year_of(gd["year"], base), *md))


def numeric_dot(g, gd, base, tense, order):
    return numeric(g, gd, base, tense, order, dot=True)


def numeric_md(g, gd, base, tense, order):
    md = _month_day(int(gd["a"]), int(gd["b"]), "DMY" if gd["sep"] == "." else order)
    if md is None:
        return None
    if base is None:
        return None, "day", None
    return _day(_safe_date(_direction_year(base, md, tense), *md))


def ymd(g, gd, base, tense, order):
    return _day(_safe_date(int(gd["year"]), int(gd["month"]), int(gd["day"])))


def iso_month(g, gd, base, tense, order):
    return f"{int(gd['year']):04d}-{int(gd['month']):02d}", "month", None


def _offset(base: dt.date, unit: str, n: int) -> Optional[dt.date]:
    if unit in _DAYS:
        return base + dt.timedelta(days=n * _DAYS[unit])
    if unit in ("month", "year"):
        y, m = _add_months(base.year, base.month, n * (12 if unit == "year" else 1))
        return dt.date(y, m, min(base.day, calendar.monthrange(y, m)[1]))
    return None


def _at_grain(d: dt.date, grain: str):
    if grain == "year":
        return f"{d.year:04d}", "year", None
    if grain == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", None
    return d.isoformat(), "day", None


def _offsets(g, base, parts: list, sign: int):
    """The date ``parts`` ([(number, unit word)]) before (sign -1) or after the anchor."""
    units = [(_num(g, n), g.units[u.lower()][0]) for n, u in parts]
    if any(n is None for n, _ in units):
        return None
    if len(units) == 1 and units[0][1] in ("decade", "century"):
        n, unit = units[0]
        if base is None:
            return None, "year", None
        return f"{base.year + sign * n * (10 if unit == 'decade' else 100):04d}", "year", None
    if any(u not in _GRAIN for _, u in units):
        return None
    grain = min((_GRAIN[u] for _, u in units), key=("day", "month", "year").index)
    if base is None:
        return None, grain, None
    d = base
    for n, unit in units:
        d = _offset(d, unit, sign * n)
    return _at_grain(d, grain)


def ago(g, gd, base, tense, order):
    return _offsets(g, base, [(gd["num"], gd["unit"])], -1 if gd["dir"].lower() == "ago" else 1)


def ago2(g, gd, base, tense, order):
    return _offsets(g, base, [(gd["num"], gd["unit"]), (gd["num2"], gd["unit2"])],
                    -1 if gd["dir"].lower() == "ago" else 1)


def in_offset(g, gd, base, tense, order):
    """"in 3 days", "in two weeks": a day ahead; "in 2 months", "in a year" a month/year ahead
    only in a future clause ("will rise in 2 months"; elsewhere "in two years" is a duration)."""
    unit = g.units[gd["unit"].lower()][0]
    if tense == PAST or (unit not in _DAYS and (tense != FUTURE or unit not in _GRAIN)):
        return None
    return _offsets(g, base, [(gd["num"], gd["unit"])], 1)


def _next_weekday(base: dt.date, wd: int, after: bool = True) -> dt.date:
    """The first ``wd`` strictly after (or before) ``base``."""
    delta = (wd - base.weekday()) % 7 or 7
    return base + dt.timedelta(days=delta if after else delta - 7)


def weekday_after_next(g, gd, base, tense, order):
    if base is None:
        return None, "day", None
    return _day(_next_weekday(base, _weekday(g, gd["weekday"])) + dt.timedelta(days=7))


def weekdays_from(g, gd, base, tense, order):
    n = _num(g, gd["num"])
    if not n:
        return None
    if base is None:
        return None, "day", None
    after = gd["dir"].lower() != "ago"
    first = _next_weekday(base, _weekday(g, gd["weekday"]), after)
    return _day(first + dt.timedelta(days=7 * (n - 1) * (1 if after else -1)))


def day_of_rel_month(g, gd, base, tense, order):
    if base is None:
        return None, "day", None
    y, m = _add_months(base.year, base.month, g.relative[gd["rel"].lower()])
    return _day(_safe_date(y, m, int("".join(c for c in gd["day"] if c.isdigit()))))


def _month_year(g, gd, base, tense) -> Optional[tuple[int, int]]:
    if gd.get("themonth"):   # "the last Friday of the month": the publication month
        return (base.year, base.month) if base else None
    if gd.get("rel"):
        return _add_months(base.year, base.month, g.relative[gd["rel"].lower()]) if base else None
    month = g.months[gd["month"].lower()]
    if gd.get("year"):
        return int(gd["year"]), month
    return (_direction_year(base, (month,), tense), month) if base else None


def _nth_day(g, ord_text: str, year: int, month: int, step_days: list) -> Optional[int]:
    """Day number of the n-th (or last) of ``step_days`` in the month."""
    kind = g.ordinals.get(ord_text.lower(), (0, ""))[1]
    if kind == "last_ordinal":
        return step_days[-1]
    n = _num(g, ord_text)
    return step_days[n - 1] if n and n <= len(step_days) else None


def ord_weekday(g, gd, base, tense, order):
    ym = _month_year(g, gd, base, tense)
    if ym is None:
        return (None, "day", None) if base is None else None
    year, month = ym
    wd = _weekday(g, gd["weekday"])
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == wd]
    day = _nth_day(g, gd["ord"], year, month, days)
    return _day(day and dt.date(year, month, day))


def ord_week(g, gd, base, tense, order):
    """"the first week of May": the n-th ISO week whose Thursday is in the month (the weeks
    that lie mostly in it); "the last week of" the one holding the month's last Thursday."""
    ym = _month_year(g, gd, base, tense)
    if ym is None:
        return (None, "week", None) if base is None else None
    year, month = ym
    thursdays = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == 3]
    day = _nth_day(g, gd["ord"], year, month, thursdays)
    return (_week(dt.date(year, month, day)), "week", None) if day else None


def month_in(g, gd, base, tense, order):
    n = _num(g, gd["num"])
    if base is None or n is None:
        return None, "month", None
    return f"{base.year + n:04d}-{g.months[gd['month'].lower()]:02d}", "month", None


def week_weekday(g, gd, base, tense, order):
    if base is None:
        return None, "day", None
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=7 * g.relative[gd["rel"].lower()])
    return _day(monday + dt.timedelta(days=_weekday(g, gd["weekday"])))


def unit_after_next(g, gd, base, tense, order):
    unit = g.units[gd["unit"].lower()][0]
    return _shift(base, unit, 2 if gd["dir"].lower().startswith("after") else -2)


COMPOSED = {f.__name__: f for f in (numeric, numeric_dot, numeric_md, ymd, iso_month, ago, ago2, in_offset,
                                      weekday_after_next, weekdays_from, day_of_rel_month, ord_weekday,
                                      ord_week, month_in, week_weekday, unit_after_next)}
COMPOSED["month_numeric"] = iso_month
