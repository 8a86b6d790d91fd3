"""'Entered into' as a signing frame (issue 11, second round): "X entered into an agreement with
Y" is a signing; "entered into force", a planned or negated entry gives no record. Texts invented
for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

ENTRIES = [
    ("Chile entered into an agreement with Peru on fisheries in Lima on Tuesday.", "agreement"),
    ("Norway and Iceland have entered into a memorandum of understanding on geothermal research.",
     "memorandum"),
    ("Ghana entered into a strategic partnership agreement with Togo on power trade on 3 May.", "agreement"),
    ("Kenya has entered into a contract with Ethiopia for the supply of electricity.", "contract"),
    ("Uruguay and Paraguay entered into a protocol on river navigation in Asuncion last week.", "protocol"),
]


@pytest.mark.parametrize("text, doc_type", ENTRIES)
def test_entered_into_is_signing(nlp, text, doc_type):
    docs = run(nlp, text)._.documents
    assert [d["doc_type"] for d in docs] == [doc_type]
    assert len(docs[0]["parties"]) == 2


@pytest.mark.parametrize("text", [
    "The agreement between Chile and Peru on fisheries entered into force on Tuesday.",
    "Norway and Iceland will enter into a memorandum of understanding on geothermal research.",
    "Ghana plans to enter into a strategic partnership agreement with Togo on power trade.",
    "Kenya has not entered into a contract with Ethiopia for the supply of electricity.",
    "The protocol on river navigation between Uruguay and Paraguay entered into force last week.",
])
def test_entered_into_negatives(nlp, text):
    assert run(nlp, text)._.documents == []


LINKED = [
    ("Chile and Peru signed a memorandum on fisheries as well as a protocol on customs in Lima.",
     [("memorandum", "fisheries"), ("protocol", "customs")]),
    ("Norway and Iceland signed an agreement on research together with a programme on culture.",
     [("agreement", "research"), ("programme", "culture")]),
    ("Ghana and Togo signed a treaty on borders alongside a memorandum on power trade on Monday.",
     [("treaty", "borders"), ("memorandum", "power trade")]),
    ("Kenya and Ethiopia signed a protocol on railways along with an agreement on tourism.",
     [("protocol", "railways"), ("agreement", "tourism")]),
    ("Uruguay and Paraguay have entered into a convention on taxation as well as a treaty on extradition.",
     [("treaty", "taxation"), ("treaty", "extradition")]),
]


@pytest.mark.parametrize("text, expected", LINKED)
def test_linked_second_document(nlp, text, expected):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == expected
    for d in docs:
        assert len(d["parties"]) == 2


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign a memorandum on fisheries as well as a protocol on customs.",
    "Norway and Iceland discussed a draft agreement on research together with a programme on culture.",
    "Ghana and Togo did not sign a treaty on borders alongside a memorandum on power trade.",
])
def test_linked_negatives(nlp, text):
    assert run(nlp, text)._.documents == []


COUNTED = [
    ("Chile and Peru signed a treaty on borders in Lima. Another 7 memoranda and business contracts "
     "worth $90 million were signed.", 7),
    ("Ghana and Togo signed a protocol on roads in Accra. A further 14 agreements and commercial contracts "
     "worth $2 billion were signed at the forum.", 14),
    ("Kenya and Ethiopia signed a treaty on water in Nairobi. Some 9 intergovernmental documents and "
     "investment deals totalling $500 million were also signed.", 9),
    ("Norway and Iceland signed a memorandum on fisheries in Oslo. An additional 6 documents and corporate "
     "agreements valued at $80 million were signed on the sidelines.", 6),
    ("Chile and Peru signed a treaty on borders in Lima. A further 11 interagency documents and trade "
     "agreements totalling 300 million dollars were signed at the business forum.", 11),
]


@pytest.mark.parametrize("text, count", COUNTED)
def test_counted_coordinated_batch_keeps_count(nlp, text, count):
    """Two plural heads sharing one count and a value: the signing row keeps the count."""
    rows = run(nlp, text)._.signings
    assert [r["count"] for r in rows] == [count]


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a treaty on borders in Lima. Another 7 memoranda and business contracts "
    "worth $90 million will be signed next year.",
    "Ghana and Togo signed a protocol on roads in Accra. A further 14 agreements and commercial contracts "
    "were not signed.",
])
def test_counted_batch_negatives(nlp, text):
    assert run(nlp, text)._.signings == []


@pytest.mark.parametrize("text, other", [
    ("Brixton Holdings signed three contracts with Quarnell, a Peruvian builder, in Lima on Monday.", "Quarnell"),
])
def test_unlisted_counterparty_of_batch(nlp, text, other):
    """A counterparty after "with" that the entities stage missed is still a side of the batch."""
    rows = run(nlp, text)._.signings
    assert other in rows[0]["parties"]
