"""The stages' doc.spans groups carry labels a displaCy span view can show (docs/viewer.md)."""

from __future__ import annotations

import pytest

CASES = [
    ("Kazakhstan and China signed a memorandum on trade worth $21 billion on 12 May 2023.",
     {"money": [("$21 billion", "USD")], "documents": [("memorandum on trade", "memorandum")],
      "dates": [("12 May 2023", "2023-05-12")]}),
    ("The ministers inked an agreement on energy in Astana on Monday, with 40 billion tenge pledged.",
     {"money": [("40 billion tenge", "KZT")], "documents": [("agreement on energy", "agreement")],
      "dates": [("Monday", "2023-05-08")]}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_span_groups_are_labelled(nlp, text, expected):
    doc = nlp.make_doc(text)
    doc._.published = "2023-05-12"
    doc = nlp(doc)
    for group, pairs in expected.items():
        got = [(s.text, s.label_) for s in doc.spans[group]]
        for surface, label in pairs:
            assert any(surface in t and l == label for t, l in got), (group, got)
