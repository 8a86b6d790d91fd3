"""Party naming on unseen text (issue 11, parties): the pure functions that take a party phrase
down to its name or read what a collective phrase stands for. Five phrasings per mechanism, none
from a corpus text, with negatives."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from pipeline.stages.documents.grammar import DET_ALT
from pipeline.stages.documents.lexicon import Lexicon
from pipeline.stages.documents.party_text import descriptor_before, descriptor_parts, name_before_purpose
from pipeline.stages.documents.sides import heads_of_sides


@pytest.fixture(scope="module")
def lex():
    return Lexicon.load(models_dir() / "documents")


@pytest.mark.parametrize("text, name", [
    ("Bank of Georgia on a mortgage programme", "Bank of Georgia"),
    ("Rovio Logistics, on a cold storage hub", "Rovio Logistics"),
    ("the Port of Antwerp for the dredging of its channel", "the Port of Antwerp"),
    ("Makerere University in recent years", "Makerere University"),
    ("Tabriz Petrochemical Company to build a cracker", "Tabriz Petrochemical Company"),
    # negatives: nothing about the deal after the name
    ("Bank of Georgia", "Bank of Georgia"),
    ("Ministry of Energy of Azerbaijan", "Ministry of Energy of Azerbaijan"),
    ("Lusaka City Council in Zambia", "Lusaka City Council in Zambia"),       # a place, not a purpose
])
def test_name_before_purpose(lex, text, name):
    assert text[:name_before_purpose(text, lex.party_words)] == name


def test_name_before_purpose_at_entity_end(lex):
    text = "University of Cape Coast on nursing exchanges"
    assert text[:name_before_purpose(text, lex.party_words, (len("University of Cape Coast"),))] == \
        "University of Cape Coast"


@pytest.mark.parametrize("text, is_descriptor", [
    ("the state shipping line", True),
    ("Petronas's downstream arm", True),
    ("the logistics subsidiary of Maersk", True),
    ("the country's largest cement producer", True),
    ("a Turkish builder", True),
    ("the world's second-biggest lender", True),
    # negatives: names, places and plain nouns
    ("Maersk Line", False),
    ("the Ministry of Transport", False),
    ("the port of Mombasa", False),
    ("a new terminal", False),
])
def test_descriptor_parts(lex, text, is_descriptor):
    assert (descriptor_parts(text, lex.appositive_heads, DET_ALT) is not None) == is_descriptor


@pytest.mark.parametrize("text, name", [
    ("the Baku city metro operator Bakmetro", "Bakmetro"),
    ("the Cairo water utility Gharbia", "Gharbia"),
    ("Dutch carrier Transavia", "Transavia"),
    ("the Lima port authority APN", "APN"),
    ("the Hanoi bus company Transerco", "Transerco"),
    # negatives: a name of the body's own, or no name after the descriptor
    ("the Hanoi bus company", "the Hanoi bus company"),
    ("Bank of Baku", "Bank of Baku"),
])
def test_descriptor_before_place(lex, text, name):
    off, _ = descriptor_before(text, lex.appositive_heads, lex.party_words)
    assert text[off:] == name


@pytest.mark.parametrize("text, kind", [
    ("the heads of the two cities", "side"),
    ("the rectors of both universities", "side"),
    ("the governors of the two provinces", "side"),
    ("the mayors of the two cities", "side"),
    ("the heads of the two regions", "side"),
    # negatives: not a collective of sides
    ("the heads of the two countries", None),
    ("the ministers of the two states", None),
    ("the rectors", None),
])
def test_heads_of_sides(lex, text, kind):
    got = heads_of_sides(text, lex)
    assert (got[1] if got else None) == kind
