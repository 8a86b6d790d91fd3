"""Between-pairs (issue 11): a plural document name followed by two or more between-phrases
names one document per pair. Texts invented for these tests."""

from __future__ import annotations

import pytest

from pipeline.stages.documents.pairs import between_groups
from tests.stages.documents_util import run


@pytest.mark.parametrize("text, expected", [
    (" between A and B and between C and D", ["A and B", "C and D"]),
    (" between A and B, and between C and D", ["A and B", "C and D"]),
    (" between A and B, between C and D and between E and F", ["A and B", "C and D", "E and F"]),
    (" between A and B", ["A and B"]),
    (" on trade between A and B", []),       # the first between-phrase must open right after the name
])
def test_between_groups(text, expected):
    assert [text[a:b] for a, b in between_groups(text, 0, len(text))] == expected


PAIRS = [
    ("Sister-city agreements between Tbilisi and Kutaisi and between Batumi and Poti were signed on Friday.",
     [["Tbilisi", "Kutaisi"], ["Batumi", "Poti"]], "Sister-city"),
    ("The mayors signed twinning agreements between the cities of Lyon and Turin and between Nice and Genoa.",
     [["Lyon", "Turin"], ["Nice", "Genoa"]], "twinning"),
    ("Partnership agreements between Bavaria and Saxony, and between Tyrol and Carinthia, were concluded in Munich.",
     [["Bavaria", "Saxony"], ["Tyrol", "Carinthia"]], "Partnership"),
    ("On Monday the governors signed cooperation memoranda between Osaka and Busan and between Fukuoka and Ulsan.",
     [["Osaka", "Busan"], ["Fukuoka", "Ulsan"]], "cooperation"),
    ("Friendship agreements between Lisbon and Madrid, between Porto and Seville and between Rome and Athens were inked.",
     [["Lisbon", "Madrid"], ["Porto", "Seville"], ["Rome", "Athens"]], "Friendship"),
]


@pytest.mark.parametrize("text, pairs, subject", PAIRS)
def test_one_document_per_pair(nlp, text, pairs, subject):
    doc = run(nlp, text)
    assert [[p["party"] for p in d["parties"]] for d in doc._.documents] == pairs
    assert {d["subject"] for d in doc._.documents} == {subject}
    assert doc._.signings == []  # named one by one: no collective row


@pytest.mark.parametrize("text", [
    "Twinning agreements between Tbilisi and Kutaisi and between Batumi and Poti will be signed on Friday.",
    "The mayors did not sign twinning agreements between Lyon and Turin and between Nice and Genoa.",
    "Draft partnership agreements between Bavaria and Saxony and between Tyrol and Carinthia were discussed.",
    "The governors plan to sign memoranda between Osaka and Busan and between Fukuoka and Ulsan.",
    "No agreements between Porto and Vigo or between Braga and Lugo were signed.",
])
def test_not_signed_pairs_give_nothing(nlp, text):
    doc = run(nlp, text)
    assert doc._.documents == [] and doc._.signings == []
