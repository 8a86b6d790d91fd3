"""What ends a document's description on unseen text (issue 11): a participle clause after a
comma (", renewing the 2016 agreement"), a relative clause opened by a preposition (", under
which ..."), a bracketed value note on a list item ("(value 1.6 billion yuan)"); and the datelines
(dateline_patterns.txt) whose date is the filing day, not the signing's. Texts invented for these
tests."""

from __future__ import annotations

import re

import pytest

from tests.stages.documents_util import run


@pytest.mark.parametrize("text, subject", [
    ("Chile and Peru signed an agreement on fisheries, replacing the 2009 accord.", "fisheries"),
    ("Ghana and Togo signed a protocol on customs data, extending the pilot to all border posts.", "customs data"),
    ("Oman and Kenya concluded the following:\n\n- A Memorandum on port management, superseding the 2015 text;\n"
     "- An Agreement on air services.", "port management"),
    ("Chile and Peru signed a supplementary agreement to the 2020 water treaty, under which Peru gains access.",
     "the 2020 water treaty"),
    ("Ghana and Togo signed a protocol on tariffs, by which both sides cut duties.", "tariffs"),
])
def test_clause_ends_the_subject(nlp, text, subject):
    assert run(nlp, text)._.documents[0]["subject"] == subject


@pytest.mark.parametrize("text, subjects", [
    ("The following agreements were signed by Chile and Peru:\n\n"
     "1. Agreement on copper supply between Codelco and Minera Andina (value 2 billion pesos)\n"
     "2. Agreement on the pilot port project (worth $40 million)",
     ["copper supply", "the pilot port project"]),
    # "including" opens the included documents, not a clause of the first
    ("Chile and Peru signed a number of documents, including a treaty on extradition.", ["extradition"]),
])
def test_bracketed_value_note(nlp, text, subjects):
    assert [d["subject"] for d in run(nlp, text)._.documents] == subjects


@pytest.mark.parametrize("text, date", [
    # the sentence's own day, not the dateline's
    ("Kazan, 5 March. The mayors signed an agreement on tourism on Monday.", "2024-03-04"),
    ("MOSCOW. Mar 5 (Interfax) - The two firms signed a contract on fuel supply on Monday.", "2024-03-04"),
    ("Astana, 5 March 2024 – The ministries signed a memorandum on water on Monday.", "2024-03-04"),
    ("Minsk, 5 March (BelTA) – The regions signed a roadmap on trade on Monday.", "2024-03-04"),
    ("Addis Ababa, March 5/2024 (ENA) - Ethiopia and Kenya signed an agreement on power on Monday.", "2024-03-04"),
    # a dateline ended by a colon (South Asian and Nordic wire styles)
    ("Oslo, 5 March 2024: The two firms signed a contract on solar power on Monday.", "2024-03-04"),
    ("Kathmandu, March 5 (RSS): Nepal and India signed an agreement on hydropower on Monday.", "2024-03-04"),
    ("Lima, 5 March: The ministries signed a memorandum on fisheries on Monday.", "2024-03-04"),
    ("DOHA, March 5, 2024: Qatar and Oman signed a protocol on customs on Monday.", "2024-03-04"),
    ("Nairobi, 5 March (KNA): Kenya and Uganda signed an agreement on rail on Monday.", "2024-03-04"),
])
def test_dateline_date_yields_to_the_sentence(nlp, text, date):
    docs = run(nlp, text, published="2024-03-05")._.documents
    assert [d["signed_date"] for d in docs] == [date]
    # no party holds the dateline's date, agency mark or colon (the city alone as an extra
    # party is a known gap: docs/documents.md)
    assert not any(re.search(r"\d|\(|:", p["party"] or "") for d in docs for p in d["parties"])


@pytest.mark.parametrize("text", [
    # a colon after a place that is not a dateline: the sentence keeps its words
    "Note: Kenya and Uganda signed an agreement on rail on Monday.",
    "Update, 5 March: Kenya and Uganda signed an agreement on rail on Monday.",
])
def test_colon_lines_that_are_not_datelines_still_give_the_record(nlp, text):
    docs = run(nlp, text, published="2024-03-05")._.documents
    assert len(docs) == 1
