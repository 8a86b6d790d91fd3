"""Which day/month order an article's numeric dates ("5/6/2023") read in, when neither its
front matter (``date_order:``) nor the run (``--date-order``) says.

``detected_order(candidates)``: the article's own dates decide. A numeric date that reads only
one way ("25/6/2023" is day-first, "6/25/2023" month-first) is the strongest evidence; without
one, the way the article writes dates in words ("17 October" is day-first, as British,
Commonwealth and most non-US outlets write; "October 17" month-first, as US outlets do).
Mixed or no evidence: None (the stage's configured default).

``order_for_locale(locale)``: MDY/DMY/YMD for a locale or country code ("en-US" -> MDY,
"en-GB" -> DMY, "zh-CN" -> YMD; models/dates/date_orders.tsv lists the countries that do not
write day first). For callers that know the outlet's country or locale (front matter
``locale:``, the URL's country domain): see the README's dates section.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})(?:/\d{2,4})?$")
#: pattern kinds whose text is written day first / month first
_DAY_FIRST = {"dm", "dmy"}
_MONTH_FIRST = {"md", "mdy"}


def _numeric_vote(text: str) -> Optional[str]:
    m = _NUMERIC.match(text.strip())
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if a > 12 >= b:
        return "DMY"
    if b > 12 >= a:
        return "MDY"
    return None


def detected_order(candidates: Iterable) -> Optional[str]:
    """MDY or DMY from the article's own dates (candidates of find_candidates), else None."""
    numeric, written = set(), set()
    for c in candidates:
        if c.kind in ("numeric", "numeric_md"):
            vote = _numeric_vote(c.norm_text)
            if vote:
                numeric.add(vote)
        elif c.kind in _DAY_FIRST:
            written.add("DMY")
        elif c.kind in _MONTH_FIRST:
            written.add("MDY")
    for votes in (numeric, written):
        if len(votes) == 1:
            return next(iter(votes))
        if votes:
            return None
    return None


def order_for_locale(locale: Optional[str], table: dict) -> Optional[str]:
    """The order of a locale ("en-US", "en_GB") or country code ("US", "GB"): its country's
    row in ``table`` (country code -> order), DMY for any other country; None without a
    country (a bare lower-case "en"/"de" is a language)."""
    if not locale:
        return None
    import pycountry

    parts = re.split(r"[-_]", locale.strip())
    country = parts[-1].upper()
    if len(country) != 2 or not country.isalpha() or pycountry.countries.get(alpha_2=country) is None:
        return None
    if len(parts) == 1 and locale.strip().islower():
        return None   # "de", "en": a language, not a country
    return table.get(country, "DMY")
