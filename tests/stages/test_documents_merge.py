"""Repeated mentions merged (issue 11, part 2): the headline and the body, a summary and a later
definite mention of the same document give one record, never two. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

MERGED = [
    ("Chile and Peru sign fisheries accord\n\nChile and Peru signed an agreement on fisheries in Lima on Tuesday. "
     "The agreement sets annual quotas.\n", "agreement", "fisheries"),
    ("Norway and Iceland signed a memorandum on Arctic research on Monday. Officials said the memorandum would "
     "fund joint expeditions. The MoU was signed by the two foreign ministers.", "memorandum", "Arctic research"),
    ("Kenya and Ethiopia signed a treaty on border demarcation in Nairobi on Wednesday. The treaty, signed by "
     "both presidents, ends a decades-old dispute.", "treaty", "border demarcation"),
    ("Ghana, Togo ink power trade deal\n\nACCRA, March 4 - Ghana and Togo signed an agreement on power trade on "
     "Monday. Under the deal, Ghana will export electricity.\n", "agreement", "power trade"),
    ("Argentina and Uruguay sign river protocol\n\nArgentina and Uruguay signed a protocol on river navigation in "
     "Montevideo on Thursday. The new protocol was signed by the two foreign ministers.\n", "protocol",
     "river navigation"),
]


@pytest.mark.parametrize("text, doc_type, subject", MERGED)
def test_repeated_mentions_are_one_record(nlp, text, doc_type, subject):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == [(doc_type, subject)]
    assert len(docs[0]["parties"]) == 2


@pytest.mark.parametrize("text, n", [
    # two documents of one type with different subjects stay two
    ("Chile and Peru signed an agreement on fisheries and an agreement on mining in Lima on Tuesday.", 2),
    # a document signed in another year is another document
    ("Norway and Iceland signed a treaty on fisheries on Monday. It replaces the 1995 treaty on fisheries, "
     "which was signed in Oslo in 1995.", 2),
])
def test_different_documents_stay_apart(nlp, text, n):
    assert len(run(nlp, text)._.documents) == n
