"""Signings reported in quotes (issue 11, part 2): "Today we signed a joint statement on X,"
the president said -> a record whose description ends with the quotation, the speaker's side
as a party and the other side the context names. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

QUOTED = [
    ('"Today we signed a joint statement on climate cooperation," Chilean President Gabriel Boric said '
     "after talks with Peru's leader.", "joint_statement", "climate cooperation", ["CL", "PE"]),
    ('"We signed an agreement on visa-free travel," said Norwegian Prime Minister Jonas Gahr '
     "Store after meeting Iceland's prime minister.", "agreement", "visa-free travel", ["NO", "IS"]),
    ('"Together we signed a treaty on border demarcation," the Ghanaian foreign minister told reporters '
     "after meeting his Togolese counterpart.", "treaty", "border demarcation", ["GH", "TG"]),
    ('"This week we signed a protocol on river fisheries," Argentine Foreign Minister Diana Mondino said '
     "after talks with Uruguay.", "protocol", "river fisheries", ["AR", "UY"]),
    ('"We signed a memorandum on water sharing," Kenyan President William Ruto said after talks with '
     "Ethiopia's prime minister.", "memorandum", "water sharing", ["KE", "ET"]),
]


@pytest.mark.parametrize("text, doc_type, subject, countries", QUOTED)
def test_signing_in_a_quote(nlp, text, doc_type, subject, countries):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == [(doc_type, subject)]
    assert [p["country"] for p in docs[0]["parties"]] == countries


@pytest.mark.parametrize("text", [
    '"We will sign a joint statement on climate cooperation next week," Chilean President Gabriel Boric said.',
    '"We hope to sign an agreement on visa-free travel soon," said Norwegian Prime Minister Jonas Gahr Store.',
    '"We have not signed a memorandum on water sharing," Kenyan President William Ruto said.',
    '"We are drafting a treaty on border demarcation," the Ghanaian foreign minister said.',
    '"We expect to sign a protocol on fisheries," Argentine Foreign Minister Diana Mondino said.',
])
def test_no_record_for_a_planned_signing_in_a_quote(nlp, text):
    assert run(nlp, text)._.documents == []
