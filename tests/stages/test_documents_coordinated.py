"""Coordinated subjects (issue 11, part 2): a plural document name whose subject lists several
topics names one document per topic. Texts invented for these tests."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from tests.stages.documents_util import run
from pipeline.core.stage import read_lines
from pipeline.stages.documents.coordinated import split_topics



@pytest.fixture(scope="module")
def markers():
    return sorted((m.lower() for m in read_lines(models_dir() / "documents" / "subject_markers.txt")),
                  key=len, reverse=True)


@pytest.mark.parametrize("text, expected", [
    ("fisheries, forestry and mining", ["fisheries", "forestry", "mining"]),
    ("fisheries, forestry, and mining", ["fisheries", "forestry", "mining"]),
    ("to curb smuggling and to share data", ["to curb smuggling", "to share data"]),
    ("trade and economic cooperation", ["trade and economic cooperation"]),      # no comma: one topic
    ("the export of wool", ["the export of wool"]),
])
def test_split_topics(markers, text, expected):
    assert [text[a:b] for a, b in split_topics(text, 0, len(text), markers)] == expected


TOPICS = [
    ("Chile and Peru signed agreements on fisheries regulation, port security, solar energy and vocational training.",
     ["fisheries regulation", "port security", "solar energy", "vocational training"]),
    ("Ghana and Togo signed pacts to fight cybercrime and to protect cultural heritage.",
     ["fight cybercrime", "protect cultural heritage"]),
    ("Norway and Iceland signed memorandums on fisheries, tourism and Arctic research on Tuesday.",
     ["fisheries", "tourism", "Arctic research"]),
    ("Argentina and Uruguay signed three agreements on customs, river transport and health.",
     ["customs", "river transport", "health"]),
    ("The foreign ministers of Kenya and Ethiopia signed protocols in the fields of water, roads, and power.",
     ["water", "roads", "power"]),
]


@pytest.mark.parametrize("text, subjects", TOPICS)
def test_one_document_per_topic(nlp, text, subjects):
    docs = run(nlp, text)._.documents
    assert [d["subject"] for d in docs] == subjects
    for d in docs:
        assert len(d["parties"]) == 2, d


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign agreements on fisheries regulation, port security and solar energy.",
    "Chile and Peru did not sign agreements on fisheries, tourism and mining.",
    "Ghana and Togo plan to sign pacts to fight cybercrime and to protect heritage.",
    "Draft agreements on fisheries, tourism and mining were discussed by Chile and Peru.",
    "Chile and Peru signed 12 agreements on trade, energy and transport.",   # a count of 12: topics, not documents
    "Chile and Peru signed agreements on trade and economic cooperation.",    # one topic: a signing row only
])
def test_no_topic_records(nlp, text):
    assert run(nlp, text)._.documents == []
