"""Entities: gazetteer + NER merge, full institution names, per-article canonical names."""

import pytest


def mentions(doc):
    return [(m["text"], m["label"], m["canonical"]) for m in doc._.entities]


def find(doc, text):
    found = [m for m in doc._.entities if m["text"] == text]
    assert found, (text, mentions(doc))
    return found


@pytest.mark.parametrize("text, surface, label, canonical, country", [
    ("President Tokayev arrived in Astana.", "Tokayev", "PERSON", "Kassym-Jomart Tokayev", "KZ"),
    ("Talks with President Xi went well.", "Xi", "PERSON", "Xi Jinping", "CN"),
    ("The PRC and the EU agreed.", "PRC", "GPE", "China", "CN"),
    ("He praised the People's Republic of China for its help.", "People's Republic of China", "GPE", "China", "CN"),
    ("He praised the People’s Republic of China for its help.", "People’s Republic of China", "GPE", "China", "CN"),
    ("Investors from the Republic of Kazakhstan came.", "Republic of Kazakhstan", "GPE", "Kazakhstan", "KZ"),
    ("Many Kazakhstanis travel abroad.", "Kazakhstanis", "NORP", None, "KZ"),
    ("The Russian Federation signed.", "Russian Federation", "GPE", "Russia", "RU"),
])
def test_gazetteer_canonical_names(nlp, text, surface, label, canonical, country):
    (m,) = find(nlp(text), surface)
    assert m["label"] == label
    if canonical:
        assert m["canonical"] == canonical
    assert m["country"] == country


@pytest.mark.parametrize("text, org, country", [
    ("They met the Agency for Strategic Planning and Reform of the Republic of Kazakhstan yesterday.",
     "Agency for Strategic Planning and Reform of the Republic of Kazakhstan", "KZ"),
    ("A deal between the Ministry of Agriculture of the Republic of Kazakhstan and the General Administration of "
     "Customs of the People’s Republic of China was reached.",
     "General Administration of Customs of the People’s Republic of China", "CN"),
    ("The National Development and Reform Commission of the People's Republic of China agreed.",
     "National Development and Reform Commission of the People's Republic of China", "CN"),
    ("The Government of the Republic of Uzbekistan approved it.", "Government of the Republic of Uzbekistan", "UZ"),
])
def test_full_institution_names_are_one_org(nlp, text, org, country):
    doc = nlp(text)
    (m,) = find(doc, org)
    assert m["label"] == "ORG" and m["country"] == country
    # the country inside the name is not a separate mention
    inner = [x for x in doc._.entities if x["start"] > m["start"] and x["end"] <= m["end"]]
    assert inner == []


def test_org_stops_before_a_title_and_name(nlp):
    doc = nlp("African Development Bank Group President Akinwumi Adesina spoke.")
    assert find(doc, "African Development Bank Group")[0]["label"] == "ORG"
    assert find(doc, "Akinwumi Adesina")[0]["label"] == "PERSON"


def test_all_mentions_of_a_person_share_one_entity(nlp):
    doc = nlp("Kassym-Jomart Tokayev met Xi Jinping. President Tokayev said trade grew. "
              "Xi agreed, and Tokayev thanked President Xi.")
    toks = [m for m in doc._.entities if m["canonical"] == "Kassym-Jomart Tokayev"]
    xis = [m for m in doc._.entities if m["canonical"] == "Xi Jinping"]
    assert len(toks) == 3 and len({m["entity_id"] for m in toks}) == 1
    assert len(xis) == 3 and len({m["entity_id"] for m in xis}) == 1
    assert {m["label"] for m in toks + xis} == {"PERSON"}
    assert toks[0]["entity_id"] != xis[0]["entity_id"]


def test_surname_joins_the_full_name_in_the_article(nlp):
    doc = nlp("Hugh Hillary, a doctor at the clinic, said the tests were clear. Later Hillary left.")
    ids = {m["entity_id"] for m in doc._.entities if m["label"] == "PERSON"}
    assert len(ids) == 1
    assert {m["canonical"] for m in doc._.entities if m["label"] == "PERSON"} == {"Hugh Hillary"}


def test_acronym_in_brackets_joins_its_full_name(nlp):
    doc = nlp("The Eurasian Development Bank (EDB) lent money. The EDB said more would follow.")
    names = {m["canonical"] for m in doc._.entities if m["text"] == "EDB"}
    assert names == {"Eurasian Development Bank"}


def test_towns_on_a_railway_are_places(nlp):
    doc = nlp("They signed a memorandum on the construction of the railway between Tacheng and Ayagoz.")
    assert {m["label"] for m in doc._.entities if m["text"] in ("Tacheng", "Ayagoz")} == {"GPE"}


def test_titles_are_not_part_of_names(nlp):
    doc = nlp("Secretary of State John Kerry met His Majesty King Abdullah II of Jordan.")
    labels = {m["text"]: m["label"] for m in doc._.entities}
    assert labels.get("John Kerry") == "PERSON"
    assert "State" not in labels and "Majesty" not in labels


def test_numeric_entities_are_not_entity_records(nlp):
    doc = nlp("In 2022 Kazakhstan exported goods worth $5 billion, 20 percent more.")
    assert all(m["label"] not in ("DATE", "MONEY", "PERCENT", "CARDINAL") for m in doc._.entities)
    assert any(e.label_ in ("DATE", "MONEY") for e in doc.ents)  # kept for later stages
