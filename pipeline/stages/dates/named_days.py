"""Named days: holidays and feasts (models/dates/holidays.tsv), dated with the `holidays`
package (movable and national days), dateutil's Easter computus and fixed calendar days.

A name with a year ("Christmas 2021") is that year's day; with "last"/"next" the previous or
next one from the publication date; "of last/next year" the one in that year; alone, the year
follows the tense like a month ("sales rose at Christmas": the last one).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

from .holiday_names import holiday_key
from .grammar import FUTURE, PAST, Grammar


@lru_cache(maxsize=512)
def _library_day(country: str, name: str, year: int) -> Optional[dt.date]:
    """The day named ``name`` in the calendar of ``country`` ("CC" or "CC@category" for a
    category beyond the public holidays: "IN@optional"): the day labelled exactly so, else the
    first whose label starts so ("Chinese New Year (Spring Festival)", not "Chinese New Year's
    Eve")."""
    import holidays

    country, _, category = country.partition("@")
    try:
        kwargs = {"categories": ("public", category)} if category else {}
        calendar = holidays.country_holidays(country, years=year, **kwargs)
    except (NotImplementedError, KeyError, ValueError):
        return None
    exact = sorted(d for d, label in calendar.items()
                   if any(part == name or part.startswith(name + " (") for part in label.split("; ")))
    days = exact or sorted(d for d, label in calendar.items() if label.startswith(name))
    return days[0] if days else None


def day_in_year(rule: str, argument: str, year: int, country: Optional[str] = None,
                table: Optional[dict] = None) -> Optional[dt.date]:
    """The date of a holidays.tsv rule in ``year`` (None when the calendar has no such day);
    ``table`` (key -> (rule, argument)) resolves the ``after`` rule's other day."""
    if rule == "weekday":
        start, wd = argument.split()
        month, day = (int(x) for x in start.split("-"))
        first = dt.date(year, month, day)
        return first + dt.timedelta(days=(int(wd) - first.weekday()) % 7)
    if rule == "after":
        name, n = argument.rsplit(" ", 1)
        other = (table or {}).get(holiday_key(name))
        d = day_in_year(*other, year, country, None) if other and other[0] != "after" else None
        return d + dt.timedelta(days=int(n)) if d else None
    if rule == "fixed":
        month, day = (int(x) for x in argument.split("-"))
        return dt.date(year, month, day)
    if rule in ("easter", "orthodox"):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        method = EASTER_ORTHODOX if rule == "orthodox" else EASTER_WESTERN
        return easter(year, method) + dt.timedelta(days=int(argument))
    if rule == "library":
        code, name = argument.split(":", 1)
        return _library_day(code, name, year)
    if rule == "national" and country:
        return _library_day(country, argument, year)
    return None


def holiday(g: Grammar, gd: dict, base: Optional[dt.date], tense, order):
    rule, argument = g.holidays.get(holiday_key(gd["holiday"]), (None, None))
    country = g.countries.get(holiday_key(gd["country"])) if gd.get("country") else None
    if rule is None or (rule == "national" and not country):
        return None

    def on(year: int) -> Optional[dt.date]:
        return day_in_year(rule, argument, year, country, g.holidays)

    year = gd.get("year") or gd.get("year2")
    rel_year = gd.get("rel2") or gd.get("rel3") or gd.get("relyear")
    if year:
        d = on(int(year))
    elif base is None:
        return None, "day", None
    elif rel_year:
        d = on(base.year + g.relative[rel_year.lower()])
    else:
        d = on(base.year)
        off = g.relative.get((gd.get("rel") or "").lower(), 0)
        direction = PAST if off < 0 else FUTURE if off > 0 else tense
        strict = off != 0
        if d is not None and direction == PAST and (d > base or (strict and d == base)):
            d = on(base.year - 1)
        elif d is not None and direction == FUTURE and (d < base or (strict and d == base)):
            d = on(base.year + 1)
    return (d.isoformat(), "day", None) if d else None


national = holiday
