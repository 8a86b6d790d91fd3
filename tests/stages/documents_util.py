"""Shared helper of the documents stage tests."""

from __future__ import annotations


def run(nlp, text, published="2024-03-05"):
    """The doc of ``text`` through the whole pipeline, checked for stage errors and offsets."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    assert not doc._.errors, doc._.errors
    for rec in list(doc._.documents) + list(doc._.signings):
        assert doc.text[rec["start"]:rec["end"]] == rec["text"]
    return doc
