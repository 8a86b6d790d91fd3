"""The dates stage: date expressions found by rules (models/dates/) and normalised.

Output ``doc._.dates``: one dict per expression (keys of ``schema.Date``: start, end, text,
value, granularity, mod), sorted by start. Values follow TimeML conventions at the
granularity the text states: ``2024`` (year), ``2022-09`` (month), ``2023-10-17`` (day),
``2023-W42`` (week), ``2023-Q3`` (quarter), ``2023-H1`` (half), ``2023-SU`` (season),
``199`` (decade), ``19`` (century), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``
(granularity ``reference``).

How it works (all rule data in ``models/dates/``):

1. ``find_candidates(doc, grammar)``: the regex patterns of ``patterns.tsv`` (slots filled
   from the word lists) run over ``doc.text``; a modifier word just before a match
   ("early", "mid-", "the end of") joins the span; bare years and bare month names need a
   date context; overlaps are resolved longest first. The model's DATE entities are added
   as candidates where no rule matched, unless they read as a duration or vague period
   (``not_dates.tsv``).
2. ``governing_tense(span)``: past / future / None from the verb governing the expression;
   the governed verb decides, so the complement of a verb of inviting, planning, proposing,
   scheduling or expecting is future whatever that verb's tense ("invited Xi to visit in
   November"; roles in ``tense.tsv``). Bare seasons ("in the spring") need a time
   preposition before them (``season_context.txt``).
3. ``normalise(text, published, tense, grammar)`` -> (value, granularity, mod): absolute
   calendar dates are parsed by dateparser (RELATIVE_BASE = publication date, first day /
   month preferred, REQUIRE_PARTS = the parts the pattern states) and cut to the stated
   granularity; relative expressions are computed from the publication date by calendar
   arithmetic (dateparser for "N units ago"). Without a publication date, relative
   expressions keep an empty value.

dateparser's ``search_dates`` is never run over running text (it reads "$21" and "5%" as
dates), and weekday/month direction is decided by tense, not PREFER_DATES_FROM (which
pushes a weekday back a full week).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.paths import stage_data_dir
from ..core.text import alternation
from ..core.stage import Stage, read_lines, read_tsv

PAST, FUTURE = "past", "future"


# --------------------------------------------------------------------------- grammar
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
    mod_prefix: Optional[re.Pattern] = None
    mod_lead: Optional[re.Pattern] = None
    not_dates: list = field(default_factory=list)
    names: Optional[re.Pattern] = None

    @classmethod
    def load(cls, data_dir: Optional[str] = None) -> "Grammar":
        d = stage_data_dir("dates", data_dir)
        months, month_full, month_abbr = {}, [], []
        for r in read_tsv(d / "months.tsv"):
            months[r["surface"].lower()] = int(r["month"])
            (month_full if r["kind"] == "full" else month_abbr).append(r["surface"])
        weekdays = {r["surface"].lower(): int(r["index"]) for r in read_tsv(d / "weekdays.tsv")}
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
        month_a = "(?:" + _alt(month_full) + "|" + _alt(month_abbr) + r"\.?" + ")"
        slots = {
            "MONTHA": month_a,
            "MONTH": _alt(month_full),
            "WEEKDAY": _alt([w.capitalize() for w in weekdays]),
            "SEASON": _alt(seasons, cap=True),
            "REL": _alt(relative, cap=True),
            "UNITS": _alt(units),
            "UNIT": _alt([u for u, (_, n) in units.items() if n == "sg" and u != "day"]),
            "NUM": "(?:" + _alt(numbers, cap=True) + r"|\d{1,3})",
            "ORD": "(?:" + _alt(ordinals, cap=True) + r"|\d{1,2}(?:st|nd|rd|th))",
            "YEAR": r"(?:1[89]\d\d|20\d\d|2100)",
            "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.]\d|\s*(?:%|percent|per\b))",
            "ANCHOR": _alt(anchors, cap=True),
        }
        for r in read_tsv(d / "patterns.tsv"):
            body = re.sub(r"\{([A-Z]+)\}", lambda m: slots[m.group(1)], r["pattern"])
            rx = re.compile(r"(?<![\w$€£¥])(?<!\d[-–,.])(?:" + body + r")(?![\w%])(?!,\d)(?![-–]\d)")
            g.patterns.append((r["kind"], r["context"], rx))
        mods = _alt(modifiers, cap=True)
        g.mod_prefix = re.compile(r"(?:^|(?<=[\s(\"'“‘]))(?P<mod>" + mods + r")(?:\s+|-)$")
        g.mod_lead = re.compile(r"^(?P<mod>" + mods + r")(?:\s+|-)")
        g.not_dates = [re.compile(r["pattern"], re.I) for r in read_tsv(d / "not_dates.tsv")]
        g.names = re.compile(r"\b" + _alt(read_lines(d / "names.txt")) + r"\b")
        return g

    def mod_of(self, phrase: str) -> Optional[str]:
        key = re.sub(r"\s+", " ", phrase.strip()).lower()
        return self.modifiers.get(key)


# --------------------------------------------------------------------------- normalise
def _published(published) -> Optional[dt.date]:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


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
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                "REQUIRE_PARTS": parts, "RETURN_AS_TIMEZONE_AWARE": False}
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


def _clean_month(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(".", "").strip())


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
              grammar: Optional[Grammar] = None) -> Optional[tuple]:
    """(value, granularity, mod) of one date expression, or None when it is not a date.

    ``published``: ISO string/date (the anchor of relative expressions; None leaves their
    value empty). ``tense``: "past" / "future" / None, the direction of underspecified
    weekdays, months and days.
    """
    g = grammar or Grammar.load()
    base = _published(published)
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
    res = _value(g, kind, gd, m.group(0), base, tense, mod)
    if res is None:
        return None
    value, gran, kmod = res
    return value, gran, (mod or kmod)


def _value(g: Grammar, kind: str, gd: dict, text: str, base: Optional[dt.date], tense, mod):
    """The (value, granularity, kind's own mod) of one parsed pattern."""
    if kind in ("iso", "numeric", "mdy", "dmy"):
        clean = text if kind in ("iso", "numeric") else _clean_month(
            f"{gd['month']} {re.sub(r'(st|nd|rd|th)$', '', gd['day'])} {gd['year']}")
        d = _dateparse(clean, base, ["day", "month", "year"])
        return (d.date().isoformat(), "day", None) if d else None
    if kind in ("md", "dm"):
        if base is None:
            return None, "day", None
        month = g.months[_clean_month(gd["month"]).lower()]
        day = int(re.sub(r"\D", "", gd["day"]))
        year = _direction_year(base, (month, day), tense)
        d = _dateparse(f"{year:04d}-{month:02d}-{day:02d}", base, ["day", "month", "year"])
        return (d.date().isoformat(), "day", None) if d else None
    if kind == "month_year":
        d = _dateparse(_clean_month(f"{gd['month']} {gd['year']}"), base, ["month", "year"])
        return (f"{d.year:04d}-{d.month:02d}", "month", None) if d else None
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
        return f"{gd['year']}-Q{int(q)}", "quarter", None
    if kind == "half_year":
        h = gd.get("h") or (1 if gd.get("ord", "").lower() == "first" else 2)
        return f"{gd['year']}-H{int(h)}", "half", None
    if kind == "half_rel":
        h = 1 if gd["ord"].lower() == "first" else 2
        if base is None:
            return None, "half", None
        return f"{base.year + g.relative.get((gd.get('rel') or 'this').lower(), 0):04d}-H{h}", "half", None
    if kind == "quarter":
        if g.ordinals.get(gd["ord"].lower(), (0, ""))[1] == "last_ordinal":
            return _shift(base, "quarter", -1)   # "the last quarter": the previous one
        q = _number(g, gd["ord"])
        if not q or q > 4:
            return None
        if base is None:
            return None, "quarter", None
        year = _direction_year(base, ((q - 1) * 3 + 1,), tense)
        return f"{year:04d}-Q{q}", "quarter", None

    # ---- relative to the publication date
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
    if kind == "ago":
        n = _number(g, gd["num"])
        unit = g.units[gd["unit"].lower()][0]
        if n is None or unit == "quarter":
            return None
        sign = -1 if gd["dir"].lower() == "ago" else 1
        if unit in ("decade", "century"):
            if base is None:
                return None, "year", None
            return f"{base.year + sign * n * (10 if unit == 'decade' else 100):04d}", "year", None
        if base is None:
            return None, unit, None
        d = _dateparse(f"{n} {unit}s ago", base, []) if sign < 0 else None
        if d is None:  # "from now": calendar arithmetic
            if unit == "year":
                d = dt.date(base.year + n, 1, 1)
            elif unit == "month":
                y, mo = _add_months(base.year, base.month, n)
                d = dt.date(y, mo, 1)
            else:
                d = base + dt.timedelta(days=n * (7 if unit == "week" else 1))
        d = d.date() if isinstance(d, dt.datetime) else d
        return _at(d, unit)
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
        month = g.months[gd["month"].lower()]
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
    return None


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


# --------------------------------------------------------------------------- tense
def _has(grammar: Grammar, word: str, role: str) -> bool:
    return role in grammar.tense.get(word.lower(), ())


def _forward(tok, grammar: Grammar, governed=None) -> bool:
    """A verb or noun of planning, inviting, proposing, expecting ... (its complement is in
    the future): tense.tsv ``future_head``, ``future_vbg`` in its -ing form ("going"), or
    ``future_if_event`` ("agree", "decide") when the ``governed`` verb names an event
    ("agreed to hold the next meeting in October", not "agreed to sell its stake in October")."""
    lemma = tok.lemma_.lower()
    if _has(grammar, lemma, "future_head") or (tok.tag_ == "VBG" and _has(grammar, lemma, "future_vbg")):
        return True
    return governed is not None and _has(grammar, lemma, "future_if_event") \
        and _has(grammar, governed.lemma_, "event")


def _infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _complement_of_forward(tok, grammar: Grammar) -> bool:
    """``tok`` is (a chain of) the complement of a forward-looking word: a to-infinitive
    ("invited Xi to visit", "expected the railway to open", "an invitation to visit"), a
    gerund after a preposition ("agreed on holding"). The governed verb decides, not the
    tense of the inviting/agreeing verb itself."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head is cur:
            return False
        if cur.dep_ == "xcomp" or (cur.dep_ in ("ccomp", "acl", "relcl", "advcl") and _infinitive(cur)):
            pass
        elif cur.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
            head = head.head
        else:
            return False
        if _forward(head, grammar, cur):
            return True
        cur = head
    return False


def _date_follows_complement(tok, span: Span, grammar: Grammar) -> bool:
    """A date attached to the forward-looking verb itself but written after its complement
    belongs to the complement ("invited Xi to visit Kyrgyzstan in November", "invited Xi to
    Bishkek in November"); a date before it is the time of the inviting ("In March, X
    invited Y to visit")."""
    if span.start <= tok.i:
        return False
    for c in tok.children:
        if not (tok.i < c.i < span.start):
            continue
        if (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and _infinitive(c))) and _forward(tok, grammar, c):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and _has(grammar, tok.lemma_, "future_to"):
            return True
    return False


def _date_preposition(span: Span) -> str:
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.lower_
    return ""


def governing_tense(span: Span, grammar: Grammar) -> Optional[str]:
    """past / future / None from the verb governing ``span``: its auxiliaries and tag; a
    complement of a forward-looking verb or noun is future whatever that verb's tense
    ("invited Xi to visit in November", "agreed to hold talks in October", "plans to meet
    on Wednesday"); a planned time ("scheduled the vote for November") and a reported
    "would" ("said the visit would take place in March") are future."""
    tok = span.root
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and seen < 8:
        if tok.pos_ == "NOUN" and _forward(tok, grammar) and tok.i < span.start \
                and _date_preposition(span) == "for":
            return FUTURE   # "the plan for November", "an invitation for the spring"
        tok = tok.head
        seen += 1
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    first = True
    for _ in range(4):
        auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if any(_has(grammar, a, "future_aux") for a in auxes):
            return FUTURE
        if tok.dep_ == "ccomp" and any(_has(grammar, a, "future_in_past") for a in auxes):
            return FUTURE
        if _complement_of_forward(tok, grammar):
            return FUTURE
        if first and _date_follows_complement(tok, span, grammar):
            return FUTURE
        if first and _has(grammar, tok.lemma_, "future_target") \
                and _date_preposition(span) in ("for", "until", "till", "to"):
            return FUTURE   # "scheduled the vote for November", "postponed it until May"
        first = False
        if tok.tag_ == "VBD" or any(_has(grammar, a, "past_aux") for a in auxes):
            return PAST
        if tok.tag_ == "VBN" and not auxes:
            return PAST
        if tok.tag_ == "VBN" and _has(grammar, tok.lemma_, "future_head"):
            return FUTURE   # "is planned for 5 June", "is scheduled on Monday"
        if tok.dep_ == "xcomp" and tok.head is not tok:
            tok = tok.head
            continue
        if tok.tag_ == "VBG" and _forward(tok, grammar):   # "are going to / planning to meet"
            return FUTURE
        return None
    return None


# --------------------------------------------------------------------------- spans
def _token_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _prev_token(doc: Doc, char: int):
    tok = _token_at(doc, char)
    if tok is None or tok.i == 0:
        return None
    prev = doc[tok.i - 1]
    while prev.i > 0 and prev.is_punct and prev.text in "-–":
        prev = doc[prev.i - 1]
    return prev


def _in_date_ent(doc: Doc, start: int, end: int) -> bool:
    return any(e.label_ == "DATE" and e.start_char <= start and end <= e.end_char for e in doc.ents)


def _year_context(doc: Doc, start: int, end: int, g: Grammar) -> bool:
    """A bare 4-digit number is a year in a date context: a time preposition or modifier
    before it, a verb or possessive after it, a sentence-initial "2022," or the model's DATE;
    never before a scale word or a counted plural noun the model does not call a date."""
    in_ent = _in_date_ent(doc, start, end)
    last = _token_at(doc, end - 1)
    nxt = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
    if nxt is not None and (nxt.like_num or nxt.lower_ in ("percent", "per", "%", "million", "billion")):
        return False
    prev = _prev_token(doc, start)
    prev_word = prev.lower_ if prev is not None else ""
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and prev_word in g.year_attributive:
        return True
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
        return False
    if in_ent or prev_word in g.year_context:
        return True
    if nxt is not None and (nxt.pos_ in ("VERB", "AUX") or nxt.lower_ == "'s"):
        return True
    first = _token_at(doc, start)
    if first is not None and first.is_sent_start and nxt is not None and nxt.text == ",":
        return True
    return False


def _month_context(doc: Doc, start: int, end: int, g: Grammar) -> bool:
    """A bare month name is a month unless tagged as a modal ("May") or lower-level noun."""
    tok = _token_at(doc, start)
    if tok is None:
        return False
    if tok.tag_ == "MD":
        return False
    if _in_date_ent(doc, start, end):
        return True
    prev = _prev_token(doc, start)
    if prev is not None and prev.lower_ in g.year_context:
        return True
    return tok.tag_ in ("NNP", "NNPS") and (prev is None or prev.lower_ not in ("the", "a", "an"))


def _season_context(doc: Doc, start: int, modified: bool, g: Grammar) -> bool:
    """A bare season name is a date after a time preposition or a modifier (a leading "the"
    skipped: "in the spring", "during summer", "the end of the summer") and not as the first
    part of a compound ("spring session", "summer school"); never a verb ("to fall")."""
    tok = _token_at(doc, start)
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):   # "expected to fall", "to spring up"
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_punct:
        return False
    if modified:
        return True
    prev = _prev_token(doc, start)
    if prev is not None and prev.lower_ == "the":
        prev = _prev_token(doc, prev.idx)
    return prev is not None and prev.lower_ in g.season_context


@dataclass
class Candidate:
    start: int
    end: int
    norm_text: str          # the text to normalise (a range bound may be expanded: "17" -> "2017")
    kind: str
    rank: int


def _inside_name(doc: Doc, start: int, end: int, g: Grammar) -> bool:
    """A weekday or month inside a longer name ("the Sunday Times", "Good Friday
    Agreement", "the May Fourth Movement": names.txt or a non-date entity) is not a date."""
    text = doc.text
    for m in g.names.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        if m.start() <= start and end <= m.end():
            return True
    return any(e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") and e.start_char <= start
               and end <= e.end_char and (e.end_char - e.start_char) > (end - start) for e in doc.ents)


def _day_range(m: re.Match, rank: int) -> list[Candidate]:
    """'16-17 October 2023', 'Oct. 16 to 18': one row per bound, each normalised as a day
    with the shared month (and year)."""
    month, year = m.group("month"), m.group("year")
    tail = f" {year}" if year else ""
    d1, d2 = m.group("day"), m.group("day2")
    if int(re.sub(r"\D", "", d2)) <= int(re.sub(r"\D", "", d1)):
        return []
    if m.start("month") < m.start("day"):   # month first: "Oct. 16-18, 2023"
        first = Candidate(m.start("month"), m.end("day"), f"{month} {d1}{tail}", "md", rank)
        second = Candidate(m.start("day2"), m.end(), f"{month} {d2}{tail}", "md", rank)
    else:                                    # day first: "16-18 October 2023"
        first = Candidate(m.start("day"), m.end("day"), f"{d1} {month}{tail}", "dm", rank)
        second = Candidate(m.start("day2"), m.end(), f"{d2} {month}{tail}", "dm", rank)
    first.kind = second.kind = "day_range"
    return [first, second]


def find_candidates(doc: Doc, g: Grammar) -> list[Candidate]:
    """Date expression spans in ``doc`` (rules first, then the model's DATE entities),
    non-overlapping, in text order."""
    text = doc.text
    found: list[Candidate] = []
    for rank, (kind, context, rx) in enumerate(g.patterns):
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            before = g.mod_prefix.search(text, max(0, s - 40), s)
            if context == "modifier" and not _modifier_ok(before, m.group(0)):
                continue
            if kind == "year" and not _year_context(doc, s, e, g):
                continue
            if kind == "month" and not _month_context(doc, s, e, g):
                continue
            if kind == "season":
                if not _season_context(doc, m.start("season"), before is not None, g):
                    continue
                if before is None and m.group("the"):
                    s = m.start("season")   # "in the spring" -> "spring"
            if kind == "year_range":
                y1, y2 = m.group("year"), m.group("year2")
                if len(y2) == 2:
                    y2 = y1[:2] + y2
                if int(y2) <= int(y1) or int(y2) - int(y1) > 50:
                    continue
                found.append(Candidate(m.start("year"), m.end("year"), y1, "year_range", rank))
                found.append(Candidate(m.start("year2"), m.end("year2"), y2, "year_range", rank))
                continue
            if kind == "day_range":
                found.extend(_day_range(m, rank))
                continue
            if kind in ("weekday", "month", "md", "dm", "season") and _inside_name(doc, s, e, g):
                continue
            if before and kind not in ("anchor",):
                s = before.start("mod")
            found.append(Candidate(s, e, text[s:e], kind, rank))
    # resolve overlaps: ranges first (they hold their bounds), then longest, then pattern order
    found.sort(key=lambda c: (c.kind not in ("year_range", "day_range"), -(c.end - c.start), c.rank, c.start))
    chosen: list[Candidate] = []
    for c in found:
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < o.end and o.start < ent.end_char for o in chosen):
            continue
        if any(rx.search(ent.text) for rx in g.not_dates):
            continue
        chosen.append(Candidate(ent.start_char, ent.end_char, ent.text, "entity", len(g.patterns)))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _entity_value(text: str, base: Optional[dt.date]):
    """A model DATE entity no rule matched: dateparser, only when it states a year."""
    if not re.search(r"\b(?:1[89]|20)\d\d\b", text) or re.search(r"[$€£¥%]", text):
        return None
    if not re.search(r"[A-Za-z]", text):   # a bare number: the year-context rule decides
        return None
    d = _dateparse(text, base, ["year"])
    if d is None:
        return None
    return f"{d.year:04d}", "year", None


def extract_dates(doc: Doc, g: Grammar, published=None) -> list[dict]:
    """The date records of one doc (plain dicts, sorted by start)."""
    out = []
    text = doc.text
    base = _published(published)
    for c in find_candidates(doc, g):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        tense = governing_tense(span, g) if span is not None and len(span) else None
        if c.kind == "entity":
            res = _entity_value(c.norm_text, base)
        else:
            res = normalise(c.norm_text, published, tense, g)
        if res is None:
            continue
        value, gran, mod = res
        out.append({"start": c.start, "end": c.end, "text": text[c.start:c.end],
                    "value": value, "granularity": gran, "mod": mod})
    return out


class DatesStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None):
        super().__init__(nlp, name)
        self.grammar = Grammar.load(data_dir)

    def process(self, doc) -> None:
        doc._.dates = extract_dates(doc, self.grammar, doc._.published)


@Language.factory("newsie_dates", default_config={"data_dir": None},
                   assigns=["doc._.dates"],
                   requires=["doc.ents", "token.is_sent_start"])
def make_dates(nlp: Language, name: str, data_dir: Optional[str]):
    return DatesStage(nlp, name, data_dir)
