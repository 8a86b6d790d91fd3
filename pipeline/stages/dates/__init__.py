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
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...core.countries import CountryIndex
from ...core.paths import other_stage_path
from ...core.stage import Stage
from .grammar import FUTURE, PAST, Grammar
from .locale import detected_order, order_for_locale
from .normalise import normalise
from .periods import _dateparse, _published
from .spans import find_candidates
from .tense import generic_present, governing_tense
from pipeline.core.text import text_of

__all__ = ["Grammar", "normalise", "governing_tense", "find_candidates", "extract_dates", "PAST", "FUTURE"]


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


def extract_dates(doc: Doc, g: Grammar, published=None, order: Optional[str] = None,
                  default: Optional[str] = None) -> list[dict]:
    """The date records of one doc (plain dicts, sorted by start); ``order`` (MDY, DMY, YMD)
    reads numeric dates; None: the order the article's own dates show (locale.py), else
    ``default`` (the run's --date-order), else the grammar's configured default."""
    out = []
    text = text_of(doc)
    base = _published(published)
    candidates = find_candidates(doc, g)
    order = order or detected_order(candidates) or default
    for c in candidates:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        tense = governing_tense(span, g) if span is not None and len(span) else None
        if c.kind == "entity":
            res = _entity_value(c.norm_text, base)
        elif c.kind == "anchor" and span is not None and generic_present(span, g):
            res = ("PRESENT_REF", "reference", None)
        else:
            res = normalise(c.norm_text, published, tense, g, order)
        if res is None:
            continue
        value, gran, mod = res
        out.append({"start": c.start, "end": c.end, "text": text[c.start:c.end],
                    "value": value, "granularity": gran, "mod": mod})
    return out


DATE_ORDERS = ("MDY", "DMY", "YMD")


class DatesStage(Stage):
    def __init__(self, nlp, name: str, data_dir: Optional[str] = None, countries_table: Optional[str] = None,
                 date_order: str = "MDY"):
        super().__init__(nlp, name)
        if date_order not in DATE_ORDERS:
            raise ValueError(f"date_order must be one of {', '.join(DATE_ORDERS)}, not {date_order!r}")
        table = other_stage_path(countries_table, "entities", "countries.tsv")
        countries = CountryIndex.load(table).forms(("names", "adjectives"), case=True)
        self.grammar = Grammar.load(data_dir, countries=countries, date_order=date_order)

    def process(self, doc) -> None:
        order = str(doc._.date_order or "").upper() or None
        if order not in DATE_ORDERS:   # a locale or country ("en-GB", "US") or nothing
            order = order_for_locale(doc._.date_order, self.grammar.locale_orders)
        doc._.dates = extract_dates(doc, self.grammar, doc._.published, order, doc._.date_order_default)
        # for displaCy's span view: each date labelled with its TimeML value
        spans = [doc.char_span(d["start"], d["end"], label=str(d.get("value") or "DATE"), alignment_mode="expand")
                 for d in doc._.dates]
        doc.spans["dates"] = [s for s in spans if s is not None]


@Language.factory("newsie_dates", default_config={"data_dir": None, "countries_table": None, "date_order": "MDY"},
                   assigns=["doc._.dates", "doc.spans"],
                   requires=["doc.ents", "token.is_sent_start"])
def make_dates(nlp: Language, name: str, data_dir: Optional[str], countries_table: Optional[str],
               date_order: str):
    return DatesStage(nlp, name, data_dir, countries_table, date_order)
