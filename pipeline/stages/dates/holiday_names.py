"""How holiday names are matched and looked up (holidays.tsv): any case, apostrophes optional."""

from __future__ import annotations

import re

from ...core.text import fold, squash


def holiday_key(text: str) -> str:
    """A holiday name as looked up: folded, squashed, lower-case, apostrophes dropped."""
    return squash(fold(text)).lower().replace("'", "")


def holiday_regex(phrases) -> str:
    """An alternation of holiday names, any case, apostrophes optional ("Mothers Day",
    "Mother's Day", "Mothers' Day", "Mother’s Day"), longest first."""
    forms = set()
    for p in phrases:
        forms.update({p, p.replace("'s", "s'")})
    parts = [re.escape(f).replace("\\ ", r"\s+").replace("'", "['’]?")
             for f in sorted(forms, key=len, reverse=True)]
    return "(?i:" + "|".join(parts) + ")"
