"""Subjects of every title shape (issue 11, part 2): "Memorandum of cooperation in the field of
X" -> X; "Programme of X for 2024-2026" -> X; "Joint Statement on X" -> X. Texts invented for
these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

TITLES = [
    ("Chile and Peru signed a Memorandum of cooperation in the field of water resources.",
     "memorandum", "water resources"),
    ("Norway and Iceland signed a Programme of cultural exchanges for 2024-2026.", "programme", "cultural exchanges"),
    ("Kenya and Ethiopia signed a Joint Statement on deepening the comprehensive strategic partnership.",
     "joint_statement", "deepening the comprehensive strategic partnership"),
    ("Ghana and Togo signed an Agreement concerning the avoidance of double taxation.", "agreement",
     "the avoidance of double taxation"),
    ("Argentina and Uruguay signed a Protocol regarding river navigation.", "protocol", "river navigation"),
]


@pytest.mark.parametrize("text, doc_type, subject", TITLES)
def test_title_shapes(nlp, text, doc_type, subject):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == [(doc_type, subject)]


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign a Memorandum of cooperation in the field of water resources.",
    "Norway and Iceland discussed a draft Programme of cultural exchanges for 2024-2026.",
    "Kenya and Ethiopia are expected to sign a Joint Statement on deepening their partnership.",
    "Ghana and Togo have not yet signed an Agreement concerning the avoidance of double taxation.",
    "Argentina and Uruguay proposed a Protocol regarding river navigation.",
])
def test_no_record_for_unsigned_titles(nlp, text):
    assert run(nlp, text)._.documents == []


@pytest.mark.parametrize("text, subject", [
    ('"We signed an agreement on visa-free travel this morning," said Norwegian Prime Minister Jonas Gahr Store.',
     "visa-free travel"),
    ("Chile and Peru signed a memorandum on fisheries this week.", "fisheries"),
    ("Kenya and Ethiopia signed a treaty on border demarcation last Friday.", "border demarcation"),
    ("Ghana and Togo signed an agreement on power trade earlier this month.", "power trade"),
    ("Argentina and Uruguay signed a protocol on river navigation this afternoon.", "river navigation"),
])
def test_subject_ends_before_a_time_with_its_own_determiner(nlp, text, subject):
    assert [d["subject"] for d in run(nlp, text)._.documents] == [subject]
