"""Values of the week, weekend, quarter, half and single-day patterns: ISO weeks ("2025-W07",
"week 7 of 2025"), "the week/weekend of March 3", weekends ("this weekend" = TimeML
``2023-W42-WE``), "the third quarter of last year", "Q1" alone, "the last day of next month",
"the 5th" (a day of the publication month), "Wednesday the 11th", "two weeks from tomorrow",
"in three days' time", "January of next year", "'98".

Same signature as compose.py: (grammar, named groups, anchor date or None, tense, day/month
order) -> (value, granularity, mod) or None when the text is not a date after all.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from .compose import _day, _month_year, _next_weekday, _num, _offsets, _safe_date, _weekday
from .grammar import FUTURE, PAST, Grammar
from .periods import _add_months, _direction_year, _week, _year2


def full_year(text: str, base: Optional[dt.date]) -> int:
    """"2024", "'24", "24" -> 2024 (two digits: the century nearest the reference)."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if len(digits) == 4 else _year2(int(digits), base)


def day_number(g: Grammar, text: str) -> Optional[int]:
    """"5", "5th", "fifth" -> 5."""
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    return _num(g, text)


def _rel_year(g: Grammar, gd: dict, base: Optional[dt.date]) -> Optional[int]:
    return base.year + g.relative[gd["rel"].lower()] if base else None


def iso_week(g, gd, base, tense, order):
    """"2025-W07", "week 7 of 2025"; "week 12" alone: in the publication year, moved a year by
    the tense when the week lies on the other side of the publication week."""
    week = int(gd["week"])
    if gd.get("year"):
        year = int(gd["year"])
    elif base is None:
        return None, "week", None
    else:
        year, now, _ = base.isocalendar()
        year += -1 if tense == PAST and week > now else 1 if tense == FUTURE and week < now else 0
    try:
        dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return f"{year:04d}-W{week:02d}", "week", None


def _month_day_year(g, base, tense, month: int, day: int, year: Optional[str]):
    if year:
        return _safe_date(int(year), month, day)
    if base is None:
        return None
    return _safe_date(_direction_year(base, (month, day), tense), month, day)


def week_of(g, gd, base, tense, order):
    """"the week of March 3" (its ISO week), "the weekend of June 7" (that week's weekend)."""
    month = g.months[(gd.get("month") or gd["month2"]).lower().rstrip(".")]
    day = day_number(g, gd.get("day") or gd["day2"])
    grain = "weekend" if gd["unit"].lower() == "weekend" else "week"
    if base is None and not gd.get("year"):
        return None, grain, None
    d = _month_day_year(g, base, tense, month, day, gd.get("year"))
    if d is None:
        return None
    return _week(d) + ("-WE" if grain == "weekend" else ""), grain, None


def weekend(g, gd, base, tense, order):
    """"this/next/last weekend": the weekend of the publication week shifted; "the weekend"
    by tense: past the last one begun, future the next one not over, else this week's."""
    if base is None:
        return None, "weekend", None
    if gd.get("rel"):
        off = g.relative[gd["rel"].lower()]
    elif tense == PAST:
        off = 0 if base.weekday() >= 5 else -1
    else:
        off = 0
    return _week(base + dt.timedelta(days=7 * off)) + "-WE", "weekend", None


def ord_week_year(g, gd, base, tense, order):
    """"the first/last week of the (next) year": ISO week 1, or the week holding 28 December."""
    if base is None:
        return None, "week", None
    year = _rel_year(g, gd, base) if gd.get("rel") else base.year
    kind = g.ordinals.get(gd["ord"].lower(), (0, ""))[1]
    if kind == "last_ordinal":
        return _week(dt.date(year, 12, 28)), "week", None
    n = _num(g, gd["ord"])
    if not n:
        return None
    return _week(dt.date.fromisocalendar(year, 1, 1) + dt.timedelta(weeks=n - 1)), "week", None


def edge_day(g, gd, base, tense, order):
    """"the first/last day of next month / of the year / of March (2024)"."""
    unit = (gd.get("unit") or gd.get("unit2") or "month").lower()
    last = gd["ord"].lower() != "first"
    if gd.get("month"):
        month = g.months[gd["month"].lower()]
        if gd.get("year"):
            year = int(gd["year"])
        elif base is None:
            return None, "day", None
        else:
            year = _direction_year(base, (month,), tense)
    elif base is None:
        return None, "day", None
    elif unit == "year":
        year = base.year + (g.relative[gd["rel"].lower()] if gd.get("rel") else 0)
        return _day(dt.date(year, 12, 31) if last else dt.date(year, 1, 1))
    else:
        year, month = _add_months(base.year, base.month, g.relative[gd["rel"].lower()] if gd.get("rel") else 0)
    return _day(dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1))


def _in_month(base: dt.date, day: int, tense) -> Optional[dt.date]:
    """Day ``day`` of the publication month, or of the month before (past, day still to come)
    or after (future, day gone)."""
    off = 0
    if tense == PAST and day > base.day:
        off = -1
    elif tense == FUTURE and day < base.day:
        off = 1
    y, m = _add_months(base.year, base.month, off)
    return _safe_date(y, m, day)


def day_only(g, gd, base, tense, order):
    """"on the 5th", "until the 31st": a day of the publication month by tense."""
    day = day_number(g, gd["day"])
    if not day or day > 31:
        return None
    if base is None:
        return None, "day", None
    return _day(_in_month(base, day, tense))


def weekday_the(g, gd, base, tense, order):
    """"Wednesday the 11th": the day with that number nearest the publication date (the
    tense's side first) that falls on that weekday."""
    day, wd = day_number(g, gd["day"]), _weekday(g, gd["weekday"])
    if not day or day > 31:
        return None
    if base is None:
        return None, "day", None
    offsets = (0, -1, 1, -2, 2) if tense is None else (0, -1, -2) if tense == PAST else (0, 1, 2)
    for off in offsets:
        y, m = _add_months(base.year, base.month, off)
        d = _safe_date(y, m, day)
        if d is not None and d.weekday() == wd:
            return _day(d)
    return None


def ago_from(g, gd, base, tense, order):
    """"two weeks from tomorrow", "a week from Monday", "three days before yesterday"."""
    if base is None:
        n_unit = g.units[gd["unit"].lower()][0]
        return None, "day" if n_unit in ("day", "week", "fortnight") else n_unit, None
    if gd.get("anchor"):
        akind, aval = g.anchors[re.sub(r"\s+", " ", gd["anchor"].lower())]
        if akind != "day":
            return None
        start = base + dt.timedelta(days=int(aval))
    else:
        start = _next_weekday(base, _weekday(g, gd["weekday"]))
    return _offsets(g, start, [(gd["num"], gd["unit"])], -1 if gd["dir"].lower() == "before" else 1)


def in_time(g, gd, base, tense, order):
    """"in three days' time", "in two years' time": a date ahead, whatever the unit."""
    return _offsets(g, base, [(gd["num"], gd["unit"])], 1)


def month_rel_year(g, gd, base, tense, order):
    month = g.months[gd["month"].lower()]
    if base is None:
        return None, "month", None
    return f"{_rel_year(g, gd, base):04d}-{month:02d}", "month", None


def quarter_rel(g, gd, base, tense, order):
    q = int(gd["q"]) if gd.get("q") else _num(g, gd["ord"])
    if not q or q > 4:
        return None
    if base is None:
        return None, "quarter", None
    return f"{_rel_year(g, gd, base):04d}-Q{q}", "quarter", None


def half_rel_year(g, gd, base, tense, order):
    h = 1 if gd["ord"].lower() == "first" else 2
    if base is None:
        return None, "half", None
    return f"{_rel_year(g, gd, base):04d}-H{h}", "half", None


def half(g, gd, base, tense, order):
    """"H2" alone: the half of the publication year, or by tense the last/next such half."""
    h = int(gd["h"])
    if base is None:
        return None, "half", None
    return f"{_direction_year(base, ((h - 1) * 6 + 1,), tense):04d}-H{h}", "half", None


def half_month(g, gd, base, tense, order):
    """"the first/second half of May (2026)": the month, START/END."""
    ym = _month_year(g, gd, base, tense)
    mod = "START" if gd["ord"].lower() == "first" else "END"
    if ym is None:
        return None, "month", mod
    return f"{ym[0]:04d}-{ym[1]:02d}", "month", mod


def year_short(g, gd, base, tense, order):
    return f"{full_year(gd['year'], base):04d}", "year", None


UNITS = {f.__name__: f for f in (iso_week, week_of, weekend, ord_week_year, edge_day, day_only, weekday_the,
                                   ago_from, in_time, month_rel_year, quarter_rel, half_rel_year, year_short,
                                   half, half_month)}
