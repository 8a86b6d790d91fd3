"""normalise(): one date expression -> (value, granularity, mod)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .grammar import FUTURE, PAST, Grammar
from .calendar_units import UNITS, day_number, full_year
from .compose import COMPOSED
from .named_days import holiday, national
from .compose import _safe_date
from .periods import _direction_year, _season_year, _shift, _the_unit, _year2, anchor_bounds

COMPOSED = {**COMPOSED, **UNITS, "holiday": holiday, "national": national}


def _number(g: Grammar, s: str) -> Optional[int]:
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s.isdigit():
        return int(s)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    for table in (g.numbers, g.ordinals):
        if s in table:
            return table[s][0]
    return None


def _clean_month(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", "").strip())


def _month_number(g: Grammar, text: str) -> int:
    return g.months[_clean_month(text).lower()]


def _modifier_ok(mod_match, core: str) -> bool:
    """A bare unit ("the year", "year") is a date only after a part-of modifier: "the end
    of the year", "by end of year", "mid-year"; "the year" alone is anaphoric."""
    if not mod_match:
        return False
    phrase = mod_match.group("mod").lower()
    if core.lower().startswith("the"):
        return True
    return phrase.endswith(" of") or phrase.endswith("mid")


def _match_kind(g: Grammar, text: str):
    for kind, context, rx in g.patterns:
        m = rx.fullmatch(text)
        if m:
            return kind, context, m
    return None, None, None


def normalise(text: str, published=None, tense: Optional[str] = None,
              grammar: Optional[Grammar] = None, order: Optional[str] = None) -> Optional[tuple]:
    """(value, granularity, mod) of one date expression, or None when it is not a date.

    ``published``: ISO string/date, or a reduced-precision "2022-09" / "2017" (the anchor of
    relative expressions; None leaves their value empty). A relative expression gets a value
    only when every day the anchor may be gives the same one ("next month" from 2022-09 is
    2022-10; "on Friday" from 2022-09 has none). ``tense``: "past" / "future" / None, the
    direction of underspecified weekdays, months and days. ``order``: MDY, DMY or YMD, how
    numeric dates read (default: the grammar's).
    """
    g = grammar or Grammar.load()
    order = order or g.date_order
    bounds = anchor_bounds(published)
    text = text.strip()
    mod = None
    m_mod = g.mod_lead.match(text)
    if m_mod and _match_kind(g, text)[0] is None:
        mod = g.mod_of(m_mod.group("mod"))
        text = text[m_mod.end():]
    else:
        m_mod = None
    kind, context, m = _match_kind(g, text)
    if kind is None:
        return None
    if context == "modifier" and not _modifier_ok(m_mod, text):
        return None
    gd = m.groupdict()

    def value_at(base):
        if kind in COMPOSED:
            return COMPOSED[kind](g, gd, base, tense, order)
        return _value(g, kind, gd, m.group(0), base, tense, mod)

    res = value_at(bounds[0] if bounds else None)
    if res is None:
        return None
    value, gran, kmod = res
    if bounds and bounds[0] != bounds[1] and value is not None and value_at(bounds[1]) != res:
        value = None   # the reduced-precision anchor does not fix it
    return value, gran, (mod or kmod)


def _value(g: Grammar, kind: str, gd: dict, text: str, base: Optional[dt.date], tense, mod):
    """The (value, granularity, kind's own mod) of one parsed pattern."""
    if kind in ("iso", "mdy", "dmy"):   # calendar dates: the stage's own grammar, no dateparser
        if kind == "iso":
            d = _safe_date(int(gd["year"]), int(gd["month"]), int(gd["day"]))
        else:
            day = day_number(g, gd["day"])
            d = day and _safe_date(full_year(gd["year"], base), _month_number(g, gd["month"]), day)
        return (d.isoformat(), "day", None) if d else None
    if kind in ("md", "dm"):
        if base is None:
            return None, "day", None
        month = _month_number(g, gd["month"])
        day = day_number(g, gd["day"])
        if not day:
            return None
        d = _safe_date(_direction_year(base, (month, day), tense), month, day)
        return (d.isoformat(), "day", None) if d else None
    if kind == "month_year":
        return f"{full_year(gd['year'], base):04d}-{_month_number(g, gd['month']):02d}", "month", None
    if kind == "year":
        return gd["year"], "year", None
    if kind == "year_range":  # the stage splits ranges into one row per bound
        return gd["year"], "year", None
    if kind == "fiscal_year":
        y = gd["year"].lstrip("'")
        year = int(y) if len(y) == 4 else _year2(int(y), base)
        return f"{year:04d}", "year", "APPROX"
    if kind == "rel_fiscal":
        if base is None:
            return None, "year", "APPROX"
        return f"{base.year + g.relative[gd['rel'].lower()]:04d}", "year", "APPROX"
    if kind == "decade":
        if gd.get("decade"):
            return gd["decade"][:3], "decade", None
        return str(_year2(int(gd["decade2"]), base))[:3], "decade", None
    if kind == "century":
        n = _number(g, gd["ord"])
        return (f"{n - 1:02d}", "century", None) if n else None
    if kind == "season_year":
        code, _ = g.seasons[gd["season"].lower()]
        return f"{gd['year']}-{code}", "season", None
    if kind == "quarter_year":
        q = gd.get("q") or gd.get("q2") or _number(g, gd.get("ord") or "")
        if not q or int(q) > 4:
            return None
        return f"{full_year(gd['year'], base):04d}-Q{int(q)}", "quarter", None
    if kind == "half_year":
        h = gd.get("h") or gd.get("h2") or (1 if (gd.get("ord") or "").lower() == "first" else 2)
        return f"{full_year(gd['year'], base):04d}-H{int(h)}", "half", None
    if kind == "half_rel":
        h = 1 if gd["ord"].lower() == "first" else 2
        if base is None:
            return None, "half", None
        return f"{base.year + g.relative.get((gd.get('rel') or 'this').lower(), 0):04d}-H{h}", "half", None
    if kind == "quarter":
        if gd.get("ord") and g.ordinals.get(gd["ord"].lower(), (0, ""))[1] == "last_ordinal":
            return _shift(base, "quarter", -1)   # "the last quarter": the previous one
        q = int(gd["q"]) if gd.get("q") else _number(g, gd["ord"])
        if not q or q > 4:
            return None
        if base is None:
            return None, "quarter", None
        year = _direction_year(base, ((q - 1) * 3 + 1,), tense)
        return f"{year:04d}-Q{q}", "quarter", None
    return _relative_value(g, kind, gd, base, tense, mod)


def _relative_value(g: Grammar, kind: str, gd: dict, base: Optional[dt.date], tense, mod):
    """The value of a pattern read relative to the publication date ("last month", "Friday")."""
    if kind == "anchor":
        akind, aval = g.anchors[re.sub(r"\s+", " ", gd["anchor"].lower())]
        if akind == "ref":
            return aval, "reference", None
        if base is None:
            return None, "day", None
        return (base + dt.timedelta(days=int(aval))).isoformat(), "day", None
    if kind == "rel_unit":
        unit = g.units[gd["unit"].lower()][0]
        off = g.relative[gd["rel"].lower()]
        return _shift(base, unit, off)
    if kind == "the_unit":
        unit = g.units[gd["unit"].lower()][0]
        return _the_unit(base, unit, mod, tense)
    if kind == "rel_month":
        month = g.months[gd["month"].lower()]
        if base is None:
            return None, "month", None
        off = g.relative[gd["rel"].lower()]
        year = base.year
        if off < 0 and month >= base.month:
            year -= 1
        elif off > 0 and month <= base.month:
            year += 1
        return f"{year:04d}-{month:02d}", "month", None
    if kind == "month":
        if base is None:
            return None, "month", None
        month = g.months[_clean_month(gd["month"]).lower()]
        return f"{_direction_year(base, (month,), tense):04d}-{month:02d}", "month", None
    if kind == "rel_season":
        code, start = g.seasons[gd["season"].lower()]
        if base is None:
            return None, "season", None
        return f"{_season_year(base, start, g.relative[gd['rel'].lower()], tense):04d}-{code}", "season", None
    if kind == "season":
        code, start = g.seasons[gd["season"].lower()]
        if base is None:
            return None, "season", None
        return f"{_season_year(base, start, 0, tense):04d}-{code}", "season", None
    if kind == "weekday":
        return _weekday_value(g, gd, base, tense)
    return None


def _weekday_value(g: Grammar, gd: dict, base: Optional[dt.date], tense):
    """A weekday ("Friday", "next Friday", "last Friday"): in the publication week, moved by
    its relative word or, bare, by the tense."""
    if base is None:
        return None, "day", None
    wd = g.weekdays[gd["weekday"].lower()]
    rel = (gd.get("rel") or "").lower()
    delta = wd - base.weekday()  # same ISO week
    if rel in g.relative and g.relative[rel] < 0:
        delta = delta if delta < 0 else delta - 7
    elif rel in g.relative and g.relative[rel] > 0:
        delta = delta if delta > 0 else delta + 7
    elif not rel or g.relative.get(rel) == 0:
        if tense == PAST and delta > 0:
            delta -= 7
        elif tense == FUTURE and delta < 0:
            delta += 7
    return (base + dt.timedelta(days=delta)).isoformat(), "day", None
