"""Sub-national places with their country (``regions.tsv``) and the forms news writes them in
(``region_forms.tsv``: "Kostanay region", "Heilongjiang Province", "Amur Oblast", "the city of
Taraz"). Each form is a surface pattern of the gazetteer; a form whose mention is only the name
("city of Taraz" -> "Taraz") keeps the words around the name so the stage can trim them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...core.stage import read_tsv, split_cell


@dataclass(frozen=True)
class PlaceForm:
    template: str          # "{name} Province", "city of {name}"
    kinds: frozenset
    whole: bool            # the whole form is the mention, else only the name

    def render(self, name: str) -> tuple[str, Optional[tuple[str, str]]]:
        """The surface for ``name`` and, when only the name is the mention, the texts
        before and after it."""
        before, after = self.template.split("{name}")
        return before + name + after, (None if self.whole else (before, after))


@dataclass(frozen=True)
class Place:
    canonical: str
    names: tuple           # base name first, then aliases
    country: str
    kind: str
    bare: bool             # the bare name alone is a mention of this place


def read_forms(path: Path) -> list[PlaceForm]:
    return [PlaceForm(row["form"], frozenset(split_cell(row["kinds"])), row["mention"].strip() == "whole")
            for row in read_tsv(path)]


def read_places(path: Path) -> list[Place]:
    return [Place(row["canonical"].strip(), tuple([row["name"].strip()] + split_cell(row.get("aliases"))),
                  row["country"].strip(), row["kind"].strip(), row["bare"].strip() == "yes")
            for row in read_tsv(path)]


def place_surfaces(names, kind: str, bare: bool, forms: list[PlaceForm]):
    """(surface, parts) of every way to write a place: the bare names when ``bare``, and each
    form that applies to ``kind`` with each name (parts: see ``PlaceForm.render``)."""
    out = [(name, None) for name in names] if bare else []
    for form in forms:
        if kind in form.kinds:
            out.extend(form.render(name) for name in names)
    return out
