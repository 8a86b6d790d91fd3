"""Calendar arithmetic on the publication date: periods, shifts, directions."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

from .grammar import FUTURE, PAST


def anchor_bounds(published) -> Optional[tuple[dt.date, dt.date]]:
    """The first and last day the publication date may be: one day for a full date, the
    month for "2022-09", the year for "2017" (ISO 8601 reduced precision); None without one."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date(), published.date()
    if isinstance(published, dt.date):
        return published, published
    text = str(published).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if len(text) == 7 and text[4] == "-":
            y, m = int(text[:4]), int(text[5:])
            last = _add_months(y, m, 1)
            return dt.date(y, m, 1), dt.date(*last, 1) - dt.timedelta(days=1)
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day, day


def _published(published) -> Optional[dt.date]:
    """The first day the publication date may be (see anchor_bounds)."""
    bounds = anchor_bounds(published)
    return bounds[0] if bounds else None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _direction_year(base: dt.date, key: tuple, tense: Optional[str]) -> int:
    """The year of an underspecified month/day ``key`` ((month,) or (month, day)):
    past tense -> on or before the publication date, future -> on or after, else its year."""
    here = (base.month, base.day)[:len(key)]
    if tense == PAST and key > here:
        return base.year - 1
    if tense == FUTURE and key < here:
        return base.year + 1
    return base.year


def _dateparse(text: str, base: Optional[dt.date], parts: list) -> Optional[dt.datetime]:
    """dateparser on one expression (only the model's DATE entities no pattern read; calendar
    dates are read by the stage's own grammar), cached per (text, base, parts)."""
    return _dateparse_cached(text, base, tuple(parts))


@lru_cache(maxsize=4096)
def _dateparse_cached(text: str, base: Optional[dt.date], parts: tuple) -> Optional[dt.datetime]:
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                "REQUIRE_PARTS": list(parts), "RETURN_AS_TIMEZONE_AWARE": False}
    # without a publication date a fixed, clock-independent base (never the machine's clock)
    settings["RELATIVE_BASE"] = dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time())
    return dateparser.parse(text, languages=["en"], settings=settings)


def _year2(yy: int, base: Optional[dt.date]) -> int:
    """A two-digit year: the century putting it nearest (within +10 years) the reference."""
    ref = base.year if base else 2000
    century = ref // 100 * 100
    year = century + yy
    if year > ref + 10:
        year -= 100
    return year


def _season_year(base: dt.date, start: int, off: int, tense: Optional[str]) -> int:
    """The year (the one it starts in: 2023-WI runs from December 2023) of the season starting
    in month ``start`` that "last" (off -1), "next" (+1), "this"/bare (0) mean at ``base``.
    Bare and "this": the season under way, else by tense the last one begun (past) or the
    next one (future), else the one starting in the publication year."""
    begun = base.year if start <= base.month else base.year - 1   # the latest one begun
    running = (base.year * 12 + base.month) - (begun * 12 + start) < 3
    if off < 0:
        return begun - 1 if running else begun
    if off > 0:
        return begun + 1
    if running or tense == PAST:
        return begun
    if tense == FUTURE:
        return begun + 1
    return base.year


def _at(d: dt.date, unit: str):
    if unit == "year":
        return f"{d.year:04d}", "year", None
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", None
    if unit == "week":
        return _week(d), "week", None
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}", "quarter", None
    if unit == "decade":
        return f"{d.year:04d}"[:3], "decade", None
    if unit == "century":
        return f"{d.year // 100:02d}", "century", None
    return d.isoformat(), "day", None


def _shift(base: Optional[dt.date], unit: str, off: int):
    """The period ``off`` units from the publication date's period."""
    if base is None:
        return None, unit, None
    if unit == "year":
        return _at(dt.date(base.year + off, 1, 1), unit)
    if unit == "month":
        y, m = _add_months(base.year, base.month, off)
        return _at(dt.date(y, m, 1), unit)
    if unit == "quarter":
        y, m = _add_months(base.year, (base.month - 1) // 3 * 3 + 1, 3 * off)
        return _at(dt.date(y, m, 1), unit)
    if unit == "week":
        return _at(base + dt.timedelta(days=7 * off), unit)
    if unit == "decade":
        return f"{base.year // 10 + off:03d}", "decade", None
    if unit == "century":
        return f"{base.year // 100 + off:02d}", "century", None
    return _at(base + dt.timedelta(days=off), unit)


_PART_MONTHS = {"START": (1, 2), "MID": (6, 7), "END": (11, 12)}


def _the_unit(base: Optional[dt.date], unit: str, mod: Optional[str], tense: Optional[str]):
    """'the end of the year' & co: the publication date's period, or the previous/next one
    when the tense puts the stated part wholly on the other side of the publication date."""
    if base is None:
        return None, unit, None
    if unit != "year" or mod not in _PART_MONTHS:
        return _shift(base, unit, 0)
    first, last = _PART_MONTHS[mod]
    if tense == PAST and first > base.month:
        return _shift(base, unit, -1)
    if tense == FUTURE and last < base.month:
        return _shift(base, unit, 1)
    return _shift(base, unit, 0)

