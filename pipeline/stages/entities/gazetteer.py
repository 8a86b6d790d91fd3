"""The entity lists of ``models/entities/`` loaded once with the stage: every surface form of
a country, person, organisation or sub-national place with its entry (label, canonical name,
country), and the word lists the mention finders consult (institution heads, titles,
portfolio words, place nouns, generic document names, name heads)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from ...core.paths import other_stage_path
from ...core.stage import read_country_table, read_lines, read_tsv, split_cell
from ...core.text import fold
from .places import place_surfaces, read_forms, read_places


@dataclass
class Entry:
    label: str
    canonical: str
    country: Optional[str] = None
    role: Optional[str] = None
    surname_first: bool = False


class Gazetteer:
    """The entity lists of models/entities, as phrase patterns with their entries."""

    def __init__(self, folder: Path):
        self.entries: list[Entry] = []
        self.patterns: dict[str, list[int]] = {}     # surface form -> entry indices
        self.country_by_adjective: dict[str, str] = {}
        self.country_names: dict[str, str] = {}       # iso2 -> short name
        #: surface -> (text before, text after) the place name, where only the name is the
        #: mention ("city of Taraz" -> "Taraz")
        self.place_parts: dict[str, tuple[str, str]] = {}
        self.place_forms = read_forms(folder / "region_forms.tsv")
        self._load_countries(folder / "countries.tsv")
        self._load_named(folder / "people.tsv", "PERSON")
        self._load_named(folder / "organisations.tsv", None)
        for place in read_places(folder / "regions.tsv"):
            index = self._add(Entry("GPE", place.canonical, place.country))
            self._place_patterns(index, place.names, place.kind, place.bare)
        self.heads = {w.lower() for w in read_lines(folder / "institution_heads.txt")}
        self.place_nouns = {w.lower() for w in read_lines(folder / "place_nouns.txt")}
        self.generic_names = {w.lower() for w in read_lines(folder / "generic_names.txt")}
        self.max_generic = max((len(g.split()) for g in self.generic_names), default=1)
        self.portfolio = {w.lower() for w in read_lines(folder / "portfolio_words.txt")}
        self.name_heads: dict[str, list[dict]] = {}
        for row in read_tsv(folder / "name_heads.tsv"):
            self.name_heads.setdefault(row["head"].lower(), []).append(row)
        self.particles = {row["particle"]: row["position"] for row in read_tsv(folder / "name_particles.tsv")}
        self.peerage = set(read_lines(folder / "peerage_titles.txt"))
        self.person_roles = {w.lower() for w in read_lines(folder / "person_roles.txt")}
        self.titles = {tuple(w.rstrip(".") for w in t.lower().split()) for t in read_lines(folder / "titles.txt")}
        self.max_title = max((len(t) for t in self.titles), default=0)
        self.title_first = {t[0] for t in self.titles if t}     # a title can only start with one of these
        #: first words of generic document names (a name can only start with one of these)
        self.generic_first = {g.split()[0] for g in self.generic_names if g.split()}
        self.forget_doc()

    def _load_countries(self, path: Path) -> None:
        for row in read_country_table(path):
            iso = row["iso2"]
            name = row["name"]
            self.country_names[iso] = name
            gpe = self._add(Entry("GPE", name, iso))
            for form in [name] + row["aliases"]:
                self._pattern(form, gpe)
            adjectives = row["adjectives"]
            demonyms = row["demonyms"]
            if adjectives or demonyms:
                norp = self._add(Entry("NORP", (adjectives or demonyms)[0], iso))
                for form in adjectives + demonyms:
                    self._pattern(form, norp)
                    self.country_by_adjective.setdefault(form.lower(), iso)
            for capital in row["capitals"]:
                self._place_patterns(self._add(Entry("GPE", capital.split(",")[0], iso)), [capital], "capital", True)

    def _load_named(self, path: Path, label: Optional[str]) -> None:
        """people.tsv (label PERSON, with role and name order) or organisations.tsv (label
        from the row, ORG by default)."""
        for row in read_tsv(path):
            if label == "PERSON":
                entry = Entry("PERSON", row["canonical"].strip(), row.get("country") or None,
                              (split_cell(row.get("role")) or [None])[0],
                              (row.get("surname_first") or "").strip().lower() == "yes")
            else:
                entry = Entry((row.get("label") or "ORG").strip(), row["canonical"].strip(),
                              row.get("country") or None)
            index = self._add(entry)
            for form in [entry.canonical] + split_cell(row.get("aliases")):
                self._pattern(form, index)

    def title_at(self, doc: Doc, k: int) -> int:
        """Length in tokens of the title starting at token k ("Secretary of State"), or 0.
        The stage asks this many times per token: each doc's title words are computed once
        and every answer is kept until the next doc."""
        if k < 0:   # a slice from the end: as Python slices it
            for n in range(min(self.max_title, len(doc) - k), 0, -1):
                if tuple(t.lower_.rstrip(".") for t in doc[k:k + n] if t.text != ".") in self.titles:
                    return n
            return 0
        if doc is not self._title_doc:
            self._title_doc = doc
            self._title_words = [w.rstrip(".") if w != "." else None for w in self.words(doc)[1]]
            self._title_memo = {}
        found = self._title_memo.get(k)
        if found is None:
            word = self._title_words[k] if k < len(self._title_words) else None
            if word is not None and word not in self.title_first:
                found = 0
            else:
                found = self._longest_title(self._title_words, k, min(self.max_title, len(doc) - k))
            self._title_memo[k] = found
        return found

    def _longest_title(self, words: list, k: int, longest: int) -> int:
        for n in range(longest, 0, -1):
            if tuple(w for w in words[k:k + n] if w is not None) in self.titles:
                return n
        return 0

    def words(self, doc: Doc) -> tuple[list[str], list[str]]:
        """The texts and lower-case forms of a doc's tokens, read once per doc from the token
        array (no Token objects)."""
        if doc is not self._words_doc:
            strings = doc.vocab.strings
            rows = doc.to_array([ORTH, LOWER]).tolist() if len(doc) else []
            self._words_doc = doc
            self._words = ([strings[o] for o, _ in rows], [strings[w] for _, w in rows])
        return self._words

    def forget_doc(self) -> None:
        """Drop the per-doc caches (at the start of each doc)."""
        self._title_doc, self._title_words, self._title_memo = None, [], {}
        self._words_doc, self._words = None, ([], [])

    def _add(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def _place_patterns(self, index: int, names, kind: str, bare: bool) -> None:
        """The bare names (when ``bare``) and every form of region_forms.tsv for ``kind``."""
        for surface, parts in place_surfaces(names, kind, bare, self.place_forms):
            self._pattern(surface, index, parts)

    def _pattern(self, form: str, index: int, parts: Optional[tuple[str, str]] = None) -> None:
        variants = {form, form.replace("'", "’")}
        if self.entries[index].label == "GPE" and len(form) > 3 and form.upper() != form:
            variants.add(form.upper())          # datelines: "TASHKENT."
        for variant in variants:
            self.patterns.setdefault(variant, [])
            if index not in self.patterns[variant]:
                self.patterns[variant].append(index)
            if parts is not None:
                self.place_parts[variant] = parts

    def entry_for(self, surface: str) -> Optional[Entry]:
        """The entry for a surface form; an ambiguous form (two entries) gives None."""
        found = self.patterns.get(surface) or self.patterns.get(fold(surface))
        if not found:
            return None
        entries = {(self.entries[i].label, self.entries[i].canonical) for i in found}
        if len(entries) == 1:
            return self.entries[found[0]]
        # "U.S." is both the country and its adjective: the country name wins
        countries = {self.entries[i].country for i in found}
        gpe = [self.entries[i] for i in found if self.entries[i].label == "GPE"]
        if len(countries) == 1 and len(gpe) == 1:
            return gpe[0]
        return None

    def label_of(self, surface: str) -> Optional[str]:
        """The label of a surface form's entry, or None."""
        entry = self.entry_for(surface)
        return entry.label if entry is not None else None

    def is_head(self, word: str) -> bool:
        w = word.lower()
        return w in self.heads or (w.endswith("s") and w[:-1] in self.heads)


def currency_nouns(table: Optional[str]) -> frozenset:
    """Last words of currency names ("dollars", "yuan") from the money stage's table."""
    path = other_stage_path(table, "money", "currencies.tsv")
    words = set()
    for row in read_tsv(path):
        for cell in split_cell(row.get("words")) + split_cell(row.get("generic")):
            last = cell.split()[-1]
            if last.isalpha():
                words.add(last.lower())
    return frozenset(words)
