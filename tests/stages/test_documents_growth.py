"""The documents stage is near-linear in the length of a run of spaces inside a signing
sentence (its stop-word searches once re-scanned the run from each of its positions: 7-8x per
doubling). Measured through the stage's component on docs parsed beforehand, so only the
documents stage is timed (the other stages have their own growth tests)."""

from __future__ import annotations

import pytest

from tests.growth import MAX_GROWTH, growth_ratio

#: (name, make(n)): a signing sentence holding a run of n spaces at one place
FAMILIES = [
    ("after the document name", lambda n: "Chile and Peru signed an accord" + " " * n
     + "on fisheries in Lima on Monday, the ministry said."),
    ("before the agent", lambda n: "A protocol on grain was signed by" + " " * n + "Chile and Peru."),
    ("inside the parties", lambda n: "The ministers signed a memorandum between Chile" + " " * n
     + "and Peru on ports."),
    ("inside a list", lambda n: "The following documents were signed:" + " " * n + "an accord on fisheries;"
     + " a memorandum on ports; and a protocol on grain."),
]
N = 6000
LOOPS = 4


@pytest.fixture(scope="module")
def documents_only(nlp):
    """process(text): the documents component alone on a doc the earlier stages parsed once."""
    component = nlp.get_pipe("newsie_documents")
    parsed = {}

    def process(text):
        if text not in parsed:
            doc = nlp.make_doc(text)
            doc._.published = "2024-03-05"
            parsed[text] = nlp(doc)
        doc = parsed[text]
        for _ in range(LOOPS):
            component(doc)
        assert not doc._.errors, doc._.errors
        return doc

    return process


@pytest.mark.parametrize("name, make", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_space_runs_in_a_signing_sentence_grow_linearly(documents_only, name, make):
    for n in (0, N, 2 * N):
        documents_only(make(n))  # parse outside the timing
    assert documents_only(make(N))._.documents, "the family must still give its documents"
    assert growth_ratio(documents_only, make, N) <= MAX_GROWTH
