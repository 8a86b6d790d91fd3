"""The one country index every stage uses (entities, quotes, documents).

Built from the entities stage's gazetteer (``models/entities/countries.tsv``) and, where a
stage asks for them, former states (``models/entities/former_states.tsv``: Soviet Union,
Yugoslavia, ...). Every form is looked up apostrophe-folded (``core.text.fold``), so "People’s"
and "People's" are one key; names, aliases, adjectives, demonyms and capitals are kept apart so
a stage can ask for the kind it needs ("Kazakh" is an adjective, "Kazakhs" a demonym,
"Astana" a capital).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .stage import read_country_table
from .text import fold

KINDS = ("names", "adjectives", "demonyms", "capitals")


@dataclass
class CountryIndex:
    #: iso2 -> short English name (first row of a code wins)
    name_of: dict = field(default_factory=dict)
    #: kind -> {folded form: iso2}; forms as written (case kept) ...
    exact: dict = field(default_factory=lambda: {k: {} for k in KINDS})
    #: ... and lower-cased
    lower: dict = field(default_factory=lambda: {k: {} for k in KINDS})

    @classmethod
    def load(cls, *tables: Optional[Path]) -> "CountryIndex":
        """The index of one or more gazetteer tables, in order (earlier rows win a form)."""
        index = cls()
        for table in tables:
            if table is not None and Path(table).exists():
                for row in read_country_table(Path(table)):
                    index.add(row)
        return index

    def add(self, row: dict) -> None:
        iso = row["iso2"]
        if iso in self.name_of:
            return
        self.name_of[iso] = row["name"]
        forms = {"names": [row["name"]] + row["aliases"], "adjectives": row["adjectives"],
                 "demonyms": row["demonyms"], "capitals": row["capitals"]}
        for kind, values in forms.items():
            for value in values:
                value = fold(value).strip()
                if value:
                    self.exact[kind].setdefault(value, iso)
                    self.lower[kind].setdefault(value.lower(), iso)

    def code(self, form: str, kinds: Iterable[str] = ("names", "adjectives", "demonyms"),
             case: bool = False) -> Optional[str]:
        """The ISO2 code of ``form`` as one of ``kinds`` (case-sensitive when ``case``)."""
        key = fold(form).strip()
        table = self.exact if case else self.lower
        key = key if case else key.lower()
        for kind in kinds:
            if key in table[kind]:
                return table[kind][key]
        return None

    def forms(self, kinds: Iterable[str], case: bool = True) -> dict:
        """{form: iso2} over ``kinds`` (earlier kinds win a form), folded."""
        out: dict = {}
        table = self.exact if case else self.lower
        for kind in kinds:
            for form, iso in table[kind].items():
                out.setdefault(form, iso)
        return out
