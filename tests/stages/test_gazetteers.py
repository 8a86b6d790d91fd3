"""Structural invariants of the entity gazetteers in models/entities/ (data only, no pipeline)."""

import re
from collections import defaultdict

import pytest

from pipeline.core.paths import stage_data_dir
from pipeline.core.stage import read_lines, read_tsv

DATA = stage_data_dir("entities", None)

COLUMNS = {
    "countries.tsv": ["iso2", "name", "aliases", "adjectives", "demonyms", "capitals"],
    "people.tsv": ["canonical", "aliases", "country", "role", "surname_first"],
    "organisations.tsv": ["canonical", "aliases", "country", "label"],
}
# Codes allowed in people.tsv's country column besides ISO2 codes of countries.tsv.
ORG_CODES = {"EU", "UN", "AUC", "WB", "IMF", "AFDB", "ADB", "AIIB", "EBRD", "NDB", "EIB", "ECB", "NATO", "WTO"}
LABELS = {"ORG", "NORP", "GPE", "FAC", "EVENT", "LAW"}


def values(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


@pytest.fixture(scope="module")
def tables():
    return {name: read_tsv(DATA / name) for name in COLUMNS}


@pytest.fixture(scope="module")
def countries(tables):
    return {row["iso2"]: row for row in tables["countries.tsv"]}


@pytest.fixture(scope="module")
def people(tables):
    return {row["canonical"]: row for row in tables["people.tsv"]}


@pytest.fixture(scope="module")
def organisations(tables):
    return {row["canonical"]: row for row in tables["organisations.tsv"]}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_row_has_every_column_and_clean_cells(tables, name):
    rows = tables[name]
    assert rows, name
    for row in rows:
        assert list(row) == COLUMNS[name], row
        for cell in row.values():
            assert cell is not None, row
            assert cell == cell.strip() and "  " not in cell, row
            assert "’" not in cell, row  # straight apostrophes only
            assert all(v == v.strip() and v for v in cell.split("|")) or cell == "", row


def test_iso2_codes_valid_and_unique(countries, tables):
    codes = [row["iso2"] for row in tables["countries.tsv"]]
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert len(codes) == len(set(codes))
    assert len(codes) >= 193 + 7  # UN members + observers/territories


@pytest.mark.parametrize("name, key, columns", [
    ("countries.tsv", "iso2", ["name", "aliases", "adjectives", "demonyms", "capitals"]),
    ("people.tsv", "canonical", ["canonical", "aliases"]),
    ("organisations.tsv", "canonical", ["canonical", "aliases"]),
])
def test_no_surface_form_maps_to_two_entries(tables, name, key, columns):
    owners = defaultdict(set)
    for row in tables[name]:
        for column in columns:
            for value in values(row[column]):
                owners[value].add(row[key])
    shared = {form: owners_ for form, owners_ in owners.items() if len(owners_) > 1}
    assert not shared


def test_no_surface_form_shared_across_files(tables):
    forms = {}
    for name, columns in [
        ("countries.tsv", ["name", "aliases", "adjectives", "demonyms", "capitals"]),
        ("people.tsv", ["canonical", "aliases"]),
        ("organisations.tsv", ["canonical", "aliases"]),
    ]:
        for row in tables[name]:
            for column in columns:
                for value in values(row[column]):
                    assert forms.setdefault(value, name) == name, (value, forms[value], name)


def test_people_columns(people, countries):
    titles = set(read_lines(DATA / "titles.txt"))
    for row in people.values():
        assert row["surname_first"] in {"yes", "no"}, row
        assert row["role"] and row["role"] == row["role"].lower(), row
        assert row["country"] in countries or row["country"] in ORG_CODES, row
        for alias in values(row["aliases"]):
            assert alias.split()[0] not in titles, (row["canonical"], alias)


def test_bare_surname_aliases_are_unambiguous(people):
    """A one-word alias may not be the surname of two people in the file."""
    surnames = defaultdict(set)
    for row in people.values():
        tokens = row["canonical"].split()
        surnames[tokens[0] if row["surname_first"] == "yes" else tokens[-1]].add(row["canonical"])
    for row in people.values():
        for alias in values(row["aliases"]):
            if " " not in alias:
                assert surnames.get(alias, {row["canonical"]}) == {row["canonical"]}, alias


@pytest.mark.parametrize("ambiguous", ["Bush", "Kim", "Aliyev", "Clinton", "Li", "Wang", "Japarov", "Sharif", "He", "May"])
def test_shared_or_risky_bare_names_absent(people, ambiguous):
    for row in people.values():
        assert ambiguous not in values(row["aliases"]), row["canonical"]


def test_organisations_columns(organisations, countries):
    for row in organisations.values():
        assert row["label"] in LABELS, row
        assert row["country"] == "" or row["country"] in countries, row


@pytest.mark.parametrize("iso2, column, expected", [
    ("CN", "name", "China"),
    ("CN", "aliases", "People's Republic of China"),
    ("CN", "aliases", "PRC"),
    ("CN", "adjectives", "Chinese"),
    ("CN", "capitals", "Beijing"),
    ("KZ", "name", "Kazakhstan"),
    ("KZ", "aliases", "Republic of Kazakhstan"),
    ("KZ", "adjectives", "Kazakhstani"),
    ("KZ", "adjectives", "Kazakh"),
    ("KZ", "demonyms", "Kazakhstanis"),
    ("KZ", "capitals", "Astana"),
    ("KZ", "capitals", "Nur-Sultan"),
    ("RU", "aliases", "Russian Federation"),
    ("US", "aliases", "United States of America"),
    ("US", "aliases", "U.S."),
    ("GB", "aliases", "UK"),
    ("JO", "aliases", "Hashemite Kingdom of Jordan"),
    ("MH", "aliases", "Republic of the Marshall Islands"),
    ("KG", "aliases", "Kyrgyz Republic"),
    ("KR", "aliases", "Republic of Korea"),
    ("KP", "aliases", "DPRK"),
    ("AE", "adjectives", "Emirati"),
    ("TR", "aliases", "Türkiye"),
])
def test_seed_critical_country_forms(countries, iso2, column, expected):
    assert expected in values(countries[iso2][column])


@pytest.mark.parametrize("iso2", ["PS", "VA", "TW", "XK", "HK", "MO", "EH"])
def test_observers_and_territories_present(countries, iso2):
    assert countries[iso2]["name"]


@pytest.mark.parametrize("canonical, alias, country, surname_first", [
    ("Kassym-Jomart Tokayev", "Tokayev", "KZ", "no"),
    ("Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", "KZ", "no"),
    ("Kassym-Jomart Tokayev", "Toqaev", "KZ", "no"),
    ("Xi Jinping", "Xi", "CN", "yes"),
    ("Vladimir Putin", "Putin", "RU", "no"),
    ("Dmitry Medvedev", "Dmitri Medvedev", "RU", "no"),
    ("Shavkat Mirziyoyev", "Mirziyoyev", "UZ", "no"),
    ("Barack Obama", "Obama", "US", "no"),
    ("Ursula von der Leyen", "von der Leyen", "EU", "no"),
    ("Akinwumi Adesina", "Adesina", "AFDB", "no"),
    ("Moon Jae-in", "Moon Jae In", "KR", "yes"),
])
def test_seed_critical_people(people, canonical, alias, country, surname_first):
    row = people[canonical]
    assert alias in values(row["aliases"])
    assert row["country"] == country
    assert row["surname_first"] == surname_first


@pytest.mark.parametrize("canonical, alias", [
    ("National Development and Reform Commission", "NDRC"),
    ("General Administration of Customs of China", "General Administration of Customs of the People's Republic of China"),
    ("African Development Bank", "African Development Bank Group"),
    ("Eurasian Economic Union", "EAEU"),
    ("Organization of Turkic States", "OTS"),
    ("European Commission", "EC"),
    ("Xinhua", "Xinhua News Agency"),
])
def test_seed_critical_organisations(organisations, canonical, alias):
    assert alias in values(organisations[canonical]["aliases"])


@pytest.mark.parametrize("name, expected", [
    ("institution_heads.txt", ["Ministry", "Agency", "Commission", "Administration", "Government", "Bank", "Fund"]),
    ("titles.txt", ["President", "Prime Minister", "Premier", "Foreign Minister", "Secretary of State", "Mr", "Akim"]),
])
def test_word_lists(name, expected):
    entries = read_lines(DATA / name)
    assert len(entries) == len(set(entries))
    assert all(e == e.strip() and "\t" not in e for e in entries)
    for word in expected:
        assert word in entries


def test_institution_heads_exclude_non_institutions():
    heads = set(read_lines(DATA / "institution_heads.txt"))
    assert not heads & {"Initiative", "Partnership", "Forum", "Programme"}


REGION_COLUMNS = ["name", "canonical", "aliases", "country", "kind", "bare"]


@pytest.fixture(scope="module")
def regions():
    return read_tsv(DATA / "regions.tsv")


@pytest.fixture(scope="module")
def region_forms():
    return read_tsv(DATA / "region_forms.tsv")


def test_regions_columns_codes_and_kinds(regions, region_forms, countries):
    kinds = {k for form in region_forms for k in values(form["kinds"])}
    assert len(regions) >= 300
    for row in regions:
        assert list(row) == REGION_COLUMNS, row
        assert all(cell == cell.strip() and "’" not in cell for cell in row.values()), row
        assert row["country"] in countries, row
        assert row["kind"] in kinds, row
        assert row["bare"] in {"yes", "no"}, row
    for form in region_forms:
        assert form["form"].count("{name}") == 1 and form["mention"] in {"whole", "name"}, form


def test_region_names_unique_within_a_kind(regions):
    seen = set()
    for row in regions:
        for name in [row["name"]] + values(row["aliases"]):
            key = (name, row["kind"])
            assert key not in seen, row
            seen.add(key)


def test_bare_region_names_are_not_other_entries(regions, tables):
    """A bare place name must not also be a country form, a person or an organisation."""
    others = set()
    for name, columns in (("countries.tsv", ["name", "aliases", "adjectives", "demonyms", "capitals"]),
                          ("people.tsv", ["canonical", "aliases"]), ("organisations.tsv", ["canonical", "aliases"])):
        for row in tables[name]:
            for column in columns:
                others.update(values(row[column]))
    bare = {n for row in regions if row["bare"] == "yes" for n in [row["name"]] + values(row["aliases"])}
    assert bare & others == set()


@pytest.mark.parametrize("name, country", [
    ("Heilongjiang", "CN"), ("Xinjiang", "CN"), ("Kostanay", "KZ"), ("Taraz", "KZ"), ("Amur", "RU"),
    ("Odisha", "IN"), ("Sughd", "TJ"), ("Lebap", "TM"), ("Osh", "KG"), ("Samarkand", "UZ"), ("Dubai", "AE"),
])
def test_tracked_places_present(regions, name, country):
    assert any(row["name"] == name and row["country"] == country for row in regions)
