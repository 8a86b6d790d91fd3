"""Coordinated subjects, more shapes (issue 11): after a passive verb ("Memoranda were exchanged
on X, Y and Z"), after an inclusion cue ("21 memoranda, including pacts on X, Y and Z"), a
topic with "and" inside ("the Belt and Road Initiative, ...") when the list has commas, a last
topic with its own between-parties, and a clause after ", and" that is no topic. Texts invented."""

from __future__ import annotations

import pytest

from pipeline.core.paths import models_dir
from pipeline.core.stage import read_lines
from pipeline.stages.documents.coordinated import split_topics
from tests.stages.documents_util import run


@pytest.fixture(scope="module")
def markers():
    return sorted((m.lower() for m in read_lines(models_dir() / "documents" / "subject_markers.txt")),
                  key=len, reverse=True)


@pytest.mark.parametrize("text, expected", [
    ("the Silk Road Fund, the blue economy and space research", ["the Silk Road Fund", "the blue economy", "space research"]),
    ("oil and gas, mining, and forestry", ["oil and gas", "mining", "forestry"]),
    ("ports, rail, and cooperation between Lima Port and Callao Port",
     ["ports", "rail", "cooperation between Lima Port and Callao Port"]),
    ("fisheries, forestry and mining", ["fisheries", "forestry", "mining"]),
    ("the Law and Justice Institute, tourism and health", ["the Law and Justice Institute", "tourism", "health"]),
])
def test_split_topics_keeps_inner_and(markers, text, expected):
    assert [text[a:b] for a, b in split_topics(text, 0, len(text), markers)] == expected


@pytest.mark.parametrize("text, subjects", [
    ("Memoranda of understanding were also exchanged on fisheries, tourism and space research.",
     ["fisheries", "tourism", "space research"]),
    ("Chile and Peru met in Lima. Agreements were signed on customs, river transport and health.",
     ["customs", "river transport", "health"]),
    ("Ghana and Togo held talks. Protocols were then signed on roads, power, and water supply.",
     ["roads", "power", "water supply"]),
    ("Kenya and Uganda met. Memorandums were concluded in the fields of energy, mining and tourism.",
     ["energy", "mining", "tourism"]),
    ("Norway and Iceland met in Oslo. Agreements were inked to fight smuggling and to protect fish stocks.",
     ["fight smuggling", "protect fish stocks"]),
])
def test_topics_after_a_passive_verb(nlp, text, subjects):
    assert [d["subject"] for d in run(nlp, text)._.documents] == subjects


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru on Friday signed 14 memoranda of understanding, including pacts on fisheries, mining and tourism.",
     [("memorandum", "fisheries"), ("memorandum", "mining"), ("memorandum", "tourism")]),
    ("Ghana and Togo signed nine agreements, including deals on power, roads and health.",
     [("agreement", "power"), ("agreement", "roads"), ("agreement", "health")]),
    ("Kenya and Uganda signed 12 protocols, among them protocols on railways, ports and customs.",
     [("protocol", "railways"), ("protocol", "ports"), ("protocol", "customs")]),
    ("Norway and Iceland inked a package of documents, including agreements on fishing quotas and on Arctic research.",
     [("agreement", "fishing quotas"), ("agreement", "Arctic research")]),
    ("Argentina and Uruguay signed 20 documents, including memorandums on energy, education, and river transport.",
     [("memorandum", "energy"), ("memorandum", "education"), ("memorandum", "river transport")]),
])
def test_topics_after_an_inclusion_cue(nlp, text, expected):
    assert [(d["doc_type"], d["subject"]) for d in run(nlp, text)._.documents] == expected


@pytest.mark.parametrize("text, subjects", [
    ("Chile and Peru signed memorandums on fisheries, tourism and mining, and their central banks signed a swap agreement.",
     ["fisheries", "tourism", "mining", "swap"]),
    ("Ghana and Togo signed agreements on power, roads, and the two ministers signed a protocol on health.",
     ["power", "roads", "health"]),
    ("Memoranda were exchanged on maritime heritage, farm research, and cooperation between Alpha Fund and Beta Fund.",
     ["maritime heritage", "farm research", "cooperation"]),
])
def test_clause_after_serial_comma_is_no_topic(nlp, text, subjects):
    assert [d["subject"] for d in run(nlp, text)._.documents] == subjects
