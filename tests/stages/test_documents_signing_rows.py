"""Signing rows (signings.csv) of sentences that name their documents one by one: a plural
document name split into records (topics, deal items, counterparties) gives no collective row;
a count with an inclusion cue ("21 memoranda, including pacts on X and Y") and a bare plural
keep theirs. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


NAMED_ONE_BY_ONE = [
    # coordinated topics
    ("Peru and Bolivia signed agreements on lithium processing, border health posts and rail freight.", 3),
    ("Morocco and Senegal on Monday inked pacts to curb illegal fishing and to train port inspectors.", 2),
    # a passive with its topics after the verb
    ("Memoranda were exchanged on desert agriculture, water reuse and museum loans by Jordan and Tunisia.", 3),
    # inline deal list
    ("The Punjab government signed agreements worth Rs 500 crore with Orion Foods for a dairy plant "
     "and Rs 120 crore with Lumen Glass for a float line.", 2),
    # counterparty list
    ("The World Bank signed loan agreements with Malawi and Zambia for rural electrification.", 2),
]


@pytest.mark.parametrize("text, n", NAMED_ONE_BY_ONE)
def test_named_one_by_one_gives_no_row(nlp, text, n):
    doc = run(nlp, text)
    assert len(doc._.documents) == n
    assert doc._.signings == []


KEEPS_ROW = [
    # a count with some documents named after an inclusion cue
    ("Chile and Peru signed 14 memoranda, including pacts on copper, fisheries and tourism.", 14),
    ("Ghana and Togo inked nine documents, among them agreements on customs and on health.", 9),
    # a bare plural names none one by one
    ("Chile and Peru signed 12 agreements at the summit.", 12),
    ("A package of documents was signed by Armenia and Georgia on Friday.", None),
    ("Oman and Kenya signed several cooperation agreements.", None),
]


@pytest.mark.parametrize("text, count", KEEPS_ROW)
def test_collective_keeps_row(nlp, text, count):
    doc = run(nlp, text)
    assert [s["count"] for s in doc._.signings] == [count]


@pytest.mark.parametrize("text", [
    "Peru and Bolivia will sign agreements on lithium, health posts and rail freight.",
    "Morocco and Senegal did not sign pacts to curb fishing and to train inspectors.",
    "Draft memoranda on desert farming, water reuse and museum loans were discussed.",
    "Jordan and Tunisia plan to sign agreements with Malawi and Zambia on water.",
    "No agreements on lithium, health or rail were signed.",
])
def test_not_signed_gives_nothing(nlp, text):
    doc = run(nlp, text)
    assert doc._.documents == [] and doc._.signings == []


LEAD_IN_ROWS = [
    # a lead-in that itself reports the signing is a row, with its sides, date and place
    ("On Monday in Lima, Peru and Bolivia concluded the following:\n\n"
     "- An agreement on rail freight;\n- A memorandum on lithium research.", "Peru | Bolivia"),
    ("Chile and Argentina signed the following in Santiago on 3 March 2024:\n\n"
     "1. Treaty on border demarcation\n2. Agreement on civil aviation", "Chile | Argentina"),
    ("Ghana and Togo exchanged the following documents on Friday:\n\n"
     "- Protocol on customs cooperation\n- Memorandum of understanding on fisheries", "Ghana | Togo"),
    ("Documents exchanged in the presence of the two presidents in Accra on 4 March 2024:\n\n"
     "1. Agreement on visa exemption\n2. Memorandum on youth exchanges", None),
    ("During the visit, Oman and Kenya signed the following:\n\n"
     "• Agreement on air services;\n• Memorandum on port management.", "Oman | Kenya"),
]


@pytest.mark.parametrize("text, parties", LEAD_IN_ROWS)
def test_lead_in_is_a_row(nlp, text, parties):
    doc = run(nlp, text)
    assert len(doc._.documents) == 2
    rows = doc._.signings
    assert len(rows) == 1 and rows[0]["text"].endswith(":") and rows[0]["count"] is None
    assert rows[0]["parties"] == parties  # "Documents exchanged ...:" names no side


@pytest.mark.parametrize("text", [
    # the lead-in reports no signing of its own, or names a document of its own
    "Peru and Bolivia signed 12 agreements on Monday. The package includes:\n\n"
    "- An agreement on rail freight;\n- A memorandum on lithium research.",
    "Chile and Argentina signed several documents. The list of documents:\n\n"
    "1. Treaty on border demarcation\n2. Agreement on civil aviation",
    "Ghana and Togo will sign the following:\n\n- Protocol on customs\n- Memorandum on fisheries",
])
def test_lead_in_without_own_signing_adds_no_row(nlp, text):
    doc = run(nlp, text)
    assert not any(r["text"].endswith(":") and "following" in r["text"] for r in doc._.signings[1:])
    assert all(not r["text"].startswith(("The package", "The list")) for r in doc._.signings)
