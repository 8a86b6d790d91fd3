"""Inline deal lists (issue 11, part 2): a plural signing object followed by two or more
counterparties gives one document per counterparty, with the signers and the counterparty as
parties, the item's purpose as subject and its amount linked (``value_money_id``); also the
government-to-company and company-to-company deals written that way. Texts invented for these
tests."""

from __future__ import annotations

import re

import pytest

from pipeline.core.paths import models_dir
from tests.stages.documents_util import run
from pipeline.core.stage import read_tsv
from pipeline.stages.documents.deals import DealMarkers, deal_items



@pytest.fixture(scope="module")
def markers():
    return DealMarkers.from_rows(read_tsv(models_dir() / "documents" / "deal_markers.tsv"))


def _money(text, *amounts):
    out = []
    for n, a in enumerate(amounts):
        s = text.index(a)
        out.append((s, s + len(a), n))
    return out


# --------------------------------------------------------------------------- the pure function

@pytest.mark.parametrize("text, amounts, expected", [
    ("deals with Alder Mills for a spinning unit and with Birch Foods for a bakery.", (),
     [("Alder Mills", "a spinning unit", None), ("Birch Foods", "a bakery", None)]),
    ("worth $4 million were signed with Cedar Bank, $2 million with Dunmore Port for cranes and "
     "$1 million with Elm College.", ("$4 million", "$2 million", "$1 million"),
     [("Cedar Bank", None, 0), ("Dunmore Port", "cranes", 1), ("Elm College", None, 2)]),
    ("contracts with Fir Rail to build a depot, with Gorse Energy to supply power.", (),
     [("Fir Rail", "build a depot", None), ("Gorse Energy", "supply power", None)]),
    ("an agreement with Hazel Group on trade.", (), []),          # one counterparty: no list
])
def test_deal_items(markers, text, amounts, expected):
    money = _money(text, *amounts)
    zone = text.index(" with") if "with" in text else 0
    items = deal_items(text, zone, len(text), money, markers, first_money_from=0)
    got = [(text[slice(*i.counterparty)], text[slice(*i.subject)] if i.subject else None, i.money) for i in items]
    assert got == expected


# --------------------------------------------------------------------------- through the stage

DEALS = [
    ("The state government signed agreements worth $2 billion with Orion Motors for an electric vehicle plant "
     "and $500 million with Lumen Electronics for a phone factory.",
     [("Orion Motors", "$2 billion"), ("Lumen Electronics", "$500 million")]),
    ("Memorandums worth Rs 450 crore were signed with Sapphire Textiles, Rs 120 crore with Cobalt Foods for a "
     "dairy unit and Rs 80 crore with Northfield University.",
     [("Sapphire Textiles", None), ("Cobalt Foods", "Rs 120 crore"), ("Northfield University", "Rs 80 crore")]),
    ("Kenya signed deals with Delta Textiles for a garment park and with Omega Agro for dairy.",
     [("Delta Textiles", None), ("Omega Agro", None)]),
    ("Ruritania's finance ministry inked contracts with Harbor Logistics for port cranes and with Vega Steel "
     "for rails on Tuesday.",
     [("Harbor Logistics", None), ("Vega Steel", None)]),
    ("Ghana signed agreements worth $3 billion with Atlas Energy for a solar farm, $1 billion with Kestrel "
     "Water for a desalination plant and $500 million with Pinecrest Health.",
     [("Atlas Energy", "$3 billion"), ("Kestrel Water", "$1 billion"), ("Pinecrest Health", "$500 million")]),
]


@pytest.mark.parametrize("text, expected", DEALS)
def test_inline_deal_lists(nlp, text, expected):
    doc = run(nlp, text)
    docs = doc._.documents
    assert len(docs) == len(expected), docs
    for rec, (other, value) in zip(docs, expected):
        assert other in [p["party"] for p in rec["parties"]]
        assert len(rec["parties"]) >= 1
        if value is not None:
            assert rec["value_money_id"] is not None
            assert doc._.money[rec["value_money_id"]]["text"] == value
        assert doc.text[rec["start"]:rec["end"]] == rec["text"]


def test_deal_list_parties_are_the_signer_and_the_counterparty(nlp):
    doc = run(nlp, "Kenya signed deals with Delta Textiles for a garment park and with Omega Agro for dairy.")
    assert [[p["party"] for p in d["parties"]] for d in doc._.documents] == \
        [["Kenya", "Delta Textiles"], ["Kenya", "Omega Agro"]]
    assert [d["subject"] for d in doc._.documents] == ["a garment park", "dairy"]


@pytest.mark.parametrize("text", [
    "The state government will sign agreements worth $2 billion with Orion Motors for a plant and $500 million "
    "with Lumen Electronics for a factory.",
    "Kenya plans to sign deals with Delta Textiles for a garment park and with Omega Agro for dairy.",
    "Kenya did not sign deals with Delta Textiles for a garment park or with Omega Agro for dairy.",
    "Draft agreements with Orion Motors for a plant and with Lumen Electronics for a factory were discussed.",
    "Ghana is expected to sign contracts with Atlas Energy for a solar farm and with Kestrel Water for a plant.",
    "The EU inked grant deals worth €30 million with Kyrgyzstan.",        # one counterparty: a signing row only
])
def test_no_deal_records(nlp, text):
    assert run(nlp, text)._.documents == []


# --------------------------------------------------------------------------- "on" as an item's purpose

@pytest.fixture(scope="module")
def item_markers():
    folder = models_dir() / "documents"
    return DealMarkers.from_rows(read_tsv(folder / "deal_markers.tsv") + read_tsv(folder / "deal_item_markers.tsv"))


def test_on_before_a_time_opens_no_purpose(item_markers):
    text = " with Alder Mills on Tuesday and with Birch Foods on a bakery."
    items = deal_items(text, 0, len(text), [], item_markers, first_money_from=0, times=(text.index("Tuesday"),))
    assert [(text[slice(*i.counterparty)], i.subject and text[slice(*i.subject)]) for i in items] == [
        ("Alder Mills on Tuesday", None), ("Birch Foods", "a bakery")]


ON_DEALS = [
    ("The region concluded memoranda for 90 billion tenge with Alder Mills on a flour plant and "
     "30 billion tenge with Birch Foods on a bakery.",
     [("Alder Mills", "a flour plant"), ("Birch Foods", "a bakery")]),
    ("The city signed agreements with Orion Foods on a dairy hub, with Lumen Glass on a float line "
     "and with Vesta Tiles on a kiln.",
     [("Orion Foods", "a dairy hub"), ("Lumen Glass", "a float line"), ("Vesta Tiles", "a kiln")]),
    ("Jiangsu province inked deals worth $300 million with Arcadia Motors on an assembly line and "
     "$120 million with Borealis Chemicals on a resin unit.",
     [("Arcadia Motors", "an assembly line"), ("Borealis Chemicals", "a resin unit")]),
    ("The ministry signed contracts with Delta Rail on signalling upgrades and with Omega Build on station repairs.",
     [("Delta Rail", "signalling upgrades"), ("Omega Build", "station repairs")]),
    ("The state fund concluded loan agreements with Cedar Bank on farm credit and with Elm Leasing on tractor leases.",
     [("Cedar Bank", "farm credit"), ("Elm Leasing", "tractor leases")]),
]


@pytest.mark.parametrize("text, expected", ON_DEALS)
def test_on_gives_the_item_subject(nlp, text, expected):
    docs = run(nlp, text)._.documents
    assert [(d["parties"][-1]["party"], d["subject"]) for d in docs] == expected


@pytest.mark.parametrize("text", [
    "The region will conclude memoranda with Alder Mills on a flour plant and with Birch Foods on a bakery.",
    "The city did not sign agreements with Orion Foods on a dairy hub and with Lumen Glass on a float line.",
    "Draft contracts with Delta Rail on signalling and with Omega Build on repairs were discussed.",
    "The fund plans to sign loan agreements with Cedar Bank on farm credit and with Elm Leasing on leases.",
    "No deals with Arcadia Motors on an assembly line or with Borealis Chemicals on a resin unit were signed.",
])
def test_on_deals_not_signed(nlp, text):
    assert run(nlp, text)._.documents == []
