"""Signing dates carried into a list (issue 11, part 2): a list whose lead-in names no time
takes the time of the occasion the sentences just before it report, or of the article's lead;
a lead-in with a time of its own keeps it; a release date standing alone is no signing date.
Texts invented for these tests (published Friday 2024-03-08)."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

PUBLISHED = "2024-03-08"

DATED = [
    ("Chile and Peru held talks in Lima on Tuesday.\nThe package includes:\n1. Agreement on air services\n"
     "2. Protocol on customs cooperation\n", "2024-03-05"),
    ("Norway and Iceland met in Oslo on March 1.\nThe following documents were signed:\n- Memorandum on fisheries;\n"
     "- Agreement on research.\n", "2024-03-01"),
    ("On February 20, Ghana and Togo held a summit in Accra.\nThe leaders signed the following agreements:\n"
     "- Agreement on power trade\n- Memorandum on roads\n", "2024-02-20"),
    ("Argentina and Uruguay held talks in Montevideo on Thursday. The documents signed are as follows: a treaty "
     "on borders; a programme on culture.", "2024-03-07"),
    ("Kenya and Ethiopia opened a two-day summit in Nairobi on Wednesday.\nBoth delegations attended.\n"
     "The following agreements were signed:\n- Treaty on borders\n- Programme on culture\n", "2024-03-06"),
]


@pytest.mark.parametrize("text, date", DATED)
def test_list_takes_the_occasion_date(nlp, text, date):
    docs = run(nlp, text, published=PUBLISHED)._.documents
    assert len(docs) == 2
    assert [d["signed_date"] for d in docs] == [date, date]


@pytest.mark.parametrize("text, date", [
    # the lead-in's own time wins over the occasion's
    ("Chile and Peru held talks in Lima on Tuesday.\nThe agreements signed in 2019 include:\n"
     "- Agreement on air services\n- Protocol on customs cooperation\n", "2019"),
    # no time anywhere: none
    ("Norway and Iceland met in Oslo.\nThe following documents were signed:\n- Memorandum on fisheries;\n"
     "- Agreement on research.\n", None),
    # a release date on a line of its own is not a signing date
    ("For Immediate Release\nMarch 6, 2024\n\nThe following agreements were signed by Chile and Peru:\n"
     "- Agreement on air services\n- Protocol on customs cooperation\n", None),
])
def test_list_keeps_its_own_time(nlp, text, date):
    docs = run(nlp, text, published=PUBLISHED)._.documents
    assert [d["signed_date"] for d in docs] == [date, date]
