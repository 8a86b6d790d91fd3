"""Lists introduced without "signed" (issue 11, part 2): "The following documents were
exchanged:", "The package includes:", "as follows:" after talks -> one record per listed
document; a draft or negotiated set gives none. Texts invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

LISTS = [
    ("Chile and Peru held talks in Lima on Tuesday.\nThe package includes:\n1. Agreement on air services\n"
     "2. Protocol on customs cooperation\n", [("agreement", "air services"), ("protocol", "customs cooperation")]),
    ("Norway and Iceland met in Oslo.\nThe following documents were exchanged:\n- Memorandum on fisheries;\n"
     "- Agreement on research.\n", [("memorandum", "fisheries"), ("agreement", "research")]),
    ("Kenya and Ethiopia concluded talks in Nairobi. The documents are as follows: a treaty on borders; "
     "a programme on culture.", [("treaty", "borders"), ("programme", "culture")]),
    ("Ghana and Togo held a summit in Accra.\nThe package of agreements includes:\n- Agreement on power trade\n"
     "- Memorandum on roads\n", [("agreement", "power trade"), ("memorandum", "roads")]),
    ("Argentina and Uruguay met in Montevideo.\nThe following agreements:\n• Agreement on river transport\n"
     "• Protocol on health\n", [("agreement", "river transport"), ("protocol", "health")]),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_lists_without_signed(nlp, text, expected):
    docs = run(nlp, text)._.documents
    assert [(d["doc_type"], d["subject"]) for d in docs] == expected
    for d in docs:
        assert len(d["parties"]) == 2


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks in Lima.\nThe draft package includes:\n1. Agreement on air services\n"
    "2. Protocol on customs cooperation\n",
    "Norway and Iceland met in Oslo.\nThe documents being negotiated are as follows:\n- Memorandum on fisheries;\n"
    "- Agreement on research.\n",
    "Kenya and Ethiopia will sign the following documents:\n- Treaty on borders\n- Programme on culture\n",
    "Ghana and Togo did not sign the following agreements:\n- Agreement on power trade\n- Memorandum on roads\n",
    "Argentina and Uruguay discussed draft documents as follows: a treaty on borders; a programme on culture.",
])
def test_no_records_for_unsigned_lists(nlp, text):
    assert run(nlp, text)._.documents == []
