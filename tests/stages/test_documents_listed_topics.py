"""Plural document names among the documents of an earlier signing (issue 11): "Among them are
agreements on X and on Y" names one document per topic, with the signing's sides and date; a
plural with one topic, a count that disagrees or a planned signing gives none. Texts invented
for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run

LEAD = "Chile and Peru held talks in Lima on Monday and signed 12 documents. "


def _records(doc):
    return sorted((d["doc_type"], d["subject"], tuple(p["party"] for p in d["parties"])) for d in doc._.documents)


@pytest.mark.parametrize("text, expected", [
    ("Among them are intergovernmental agreements on fisheries and on ports.",
     [("agreement", "fisheries"), ("agreement", "ports")]),
    ("Among them were memoranda on fisheries, ports and mining.",
     [("memorandum", "fisheries"), ("memorandum", "mining"), ("memorandum", "ports")]),
    ("Among the documents signed were protocols on customs and on veterinary control.",
     [("protocol", "customs"), ("protocol", "veterinary control")]),
    ("They include agreements on tourism and on sport, as well as a treaty on extradition.",
     [("agreement", "sport"), ("agreement", "tourism"), ("treaty", "extradition")]),
    ("Among them are two roadmaps on trade and on health.",
     [("roadmap", "health"), ("roadmap", "trade")]),
])
def test_plural_in_a_list_gives_one_record_per_topic(nlp, text, expected):
    got = _records(run(nlp, LEAD + text))
    assert [(t, s) for t, s, _ in got] == sorted(expected)
    assert all(p == ("Chile", "Peru") for _, _, p in got)


@pytest.mark.parametrize("text", [
    "Among them were three memoranda on fisheries and ports.",        # the count disagrees
    "Among them are agreements on fisheries.",                        # one topic: a plural alone
])
def test_plural_in_a_list_without_its_topics(nlp, text):
    assert [d for d in run(nlp, LEAD + text)._.documents] == []


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks in Lima on Monday and will sign 12 documents. Among them are agreements on "
    "fisheries and on ports.",
    "Chile and Peru held talks in Lima on Monday but signed no documents. Among the drafts are agreements on "
    "fisheries and on ports.",
])
def test_plural_list_of_an_unsigned_batch(nlp, text):
    assert run(nlp, text)._.documents == []
