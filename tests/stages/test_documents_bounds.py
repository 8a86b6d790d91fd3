"""Subject bounds (issue 11): what follows a document's subject is not part of it — the signing's
occasion ("at a regional forum held in X"), an apposition commenting on the subject (", a
symbolic issue for Y"); "covering X" introduces a subject; a hyphenated relationship modifier
("sister-city") is no subject. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


def _subjects(nlp, text):
    return [d["subject"] for d in run(nlp, text)._.documents]


@pytest.mark.parametrize("text, subjects", [
    ("Chile and Peru signed an agreement on port security at a bilateral business forum held in Lima.",
     ["port security"]),
    ("Ghana and Togo signed a memorandum on cocoa pricing during the annual summit of the two states.",
     ["cocoa pricing"]),
    ("Norway and Iceland signed agreements on fisheries, tourism and Arctic research at an economic forum in Oslo.",
     ["fisheries", "tourism", "Arctic research"]),
    ("Kenya and Uganda signed a protocol on rail freight at the closing session of the joint commission.",
     ["rail freight"]),
    ("Spain and Morocco signed a contract for a desalination plant at a ceremony in Rabat.",
     ["a desalination plant"]),
])
def test_occasion_after_subject_is_cut(nlp, text, subjects):
    assert _subjects(nlp, text) == subjects


@pytest.mark.parametrize("text, subjects", [
    ("Peru and Bolivia signed a letter of intent on the return of ancient textiles, a long-standing demand of La Paz.",
     ["the return of ancient textiles"]),
    ("The two central banks signed a memorandum on a joint payment system, the first of its kind in the region.",
     ["a joint payment system"]),
    ("Ghana and Togo signed an agreement on water sharing, an issue that has divided them for decades.",
     ["water sharing"]),
    ("Chile and Argentina signed a protocol on glacier monitoring, one of the oldest disputes between them.",
     ["glacier monitoring"]),
    # a list of topics with a coordinator is no apposition
    ("Chile and Peru signed an agreement on ports, a fishing zone and customs.",
     ["ports, a fishing zone and customs"]),
])
def test_apposition_after_subject_is_cut(nlp, text, subjects):
    assert _subjects(nlp, text) == subjects


@pytest.mark.parametrize("text, subject", [
    ("Almarai and Nestle concluded a memorandum of cooperation covering dairy feed supply.", "dairy feed supply"),
    ("Qatar Airways and Kenya Airways signed a codeshare agreement covering flights to Mombasa.", "flights to Mombasa"),
    ("Peru and Chile signed a protocol covering seasonal fishing quotas.", "seasonal fishing quotas"),
    ("Oman and Jordan signed a memorandum covering the mutual recognition of diplomas.",
     "the mutual recognition of diplomas"),
    ("The two ministries signed an agreement covering vaccine procurement.", "vaccine procurement"),
])
def test_covering_introduces_the_subject(nlp, text, subject):
    assert _subjects(nlp, text) == [subject]


@pytest.mark.parametrize("text, subject", [
    ("The city of Lyon and the city of Porto concluded a sister-city agreement.", None),
    ("Lima and Quito signed a sister-city agreement on Monday.", None),
    ("Chile and Peru signed a cross-border trade agreement.", "cross-border trade"),
    ("Kenya and Uganda signed a cross-border livestock agreement.", "cross-border livestock"),
    ("Ghana and Togo signed a currency swap agreement.", "currency swap"),
])
def test_hyphenated_modifiers(nlp, text, subject):
    assert _subjects(nlp, text) == [subject]
