"""Run-together lists after a colon (issue 11): "signed three documents: a memorandum on X, an
agreement on Y and a memorandum on Z" is one record per document name opening a coordinated
item; a planned or negated lead-in gives none. Deal-list counterparties keep no possessor
country in their name. Texts invented for these tests."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from pipeline.stages.documents.lexicon import Lexicon
from pipeline.stages.documents.phrases import split_items
from tests.stages.documents_util import run


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load(models_dir() / "documents")


@pytest.mark.parametrize("block, items", [
    ("a memorandum on fisheries, an agreement on visas and a protocol on customs",
     ["a memorandum on fisheries", "an agreement on visas", "a protocol on customs"]),
    ("a treaty on extradition, and a roadmap for tourism", ["a treaty on extradition", "a roadmap for tourism"]),
    ("an agreement on grain as well as a memorandum on seeds", ["an agreement on grain", "a memorandum on seeds"]),
    ("a framework agreement on rail; a programme of youth exchanges",
     ["a framework agreement on rail", "a programme of youth exchanges"]),
    ("an intergovernmental agreement on roads, a supplementary protocol on tolls",
     ["an intergovernmental agreement on roads", "a supplementary protocol on tolls"]),
    # no separator before the second name: one item
    ("a supplementary agreement to the general contract for a dam", ["a supplementary agreement to the general contract for a dam"]),
    ("an agreement on cooperation in energy and mining", ["an agreement on cooperation in energy and mining"]),
])
def test_split_items_at_document_names(lex, block, items):
    assert [block[s:e] for s, e in split_items(block, lex)] == items


def _records(doc):
    return [(d["doc_type"], d["subject"]) for d in doc._.documents]


@pytest.mark.parametrize("text, expected", [
    ("Peru and Chile held talks on May 4. The delegations signed three documents: a memorandum on fisheries, "
     "an agreement on visas and a protocol on customs.",
     [("memorandum", "fisheries"), ("agreement", "visas"), ("protocol", "customs")]),
    ("Ghana and Togo held talks on May 4. The ministers of Ghana and Togo formalised two arrangements: "
     "a treaty on extradition, and a roadmap for tourism.",
     [("treaty", "extradition"), ("roadmap", "tourism")]),
    ("Laos and Vietnam held talks on May 4. The two sides exchanged the following documents: an agreement "
     "on grain as well as a memorandum on seeds.",
     [("agreement", "grain"), ("memorandum", "seeds")]),
    ("Oman and Kenya held talks on May 4. The following documents were signed: an intergovernmental agreement "
     "on roads, a supplementary protocol on tolls and a memorandum on ports.",
     [("agreement", "roads"), ("protocol", "tolls"), ("memorandum", "ports")]),
    ("Chad and Niger held talks on May 4. The governments of Chad and Niger signed two documents: a "
     "memorandum on water, and an agreement on livestock.",
     [("memorandum", "water"), ("agreement", "livestock")]),
    # planned, negated: no record
    ("Peru and Chile held talks on May 4. The delegations will sign three documents: a memorandum on fisheries, "
     "an agreement on visas and a protocol on customs.", []),
    ("Peru and Chile held talks on May 4. The delegations are expected to sign two documents: a memorandum on "
     "fisheries and an agreement on visas.", []),
    ("Peru and Chile held talks on May 4. The delegations did not sign the planned documents: a memorandum on "
     "fisheries and an agreement on visas.", []),
])
def test_run_together_list_after_colon(nlp, text, expected):
    assert sorted(_records(run(nlp, text))) == sorted(expected)


@pytest.mark.parametrize("text, name, iso", [
    ("The bank signed loan agreements with Kyrgyzstan's Zarbek Teplo, for heating, and with Tajikistan's "
     "Barqi Vorut, for a dam.", "Barqi Vorut", "TJ"),
    ("The fund signed deals with Kenya's Omega Agro for dairy and with Ghana's Delta Textiles for a garment park.",
     "Omega Agro", "KE"),
])
def test_deal_counterparty_without_possessor(nlp, text, name, iso):
    parties = [p for d in run(nlp, text)._.documents for p in d["parties"]]
    names = {p["party"]: p["country"] for p in parties}
    assert not any("'s " in n for n in names), names
    assert names.get(name) == iso, names
