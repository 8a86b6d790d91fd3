"""A document named twice with the same type and subject (in a quote and then in a list, in a
summary and then in a list) is one record (issue 11: repeated mentions). Texts invented."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


@pytest.mark.parametrize("text, expected", [
    ('Chile and Peru concluded talks in Lima. "Today we signed an agreement on air services," the minister said.\n\n'
     "The agreements include:\n• an agreement on air services;\n• a protocol on customs cooperation.\n",
     [("agreement", "air services"), ("protocol", "customs cooperation")]),
    ("Ghana and Togo signed a memorandum on road maintenance in Accra on Monday.\n\n"
     "The documents signed include:\n- a memorandum on road maintenance;\n- an agreement on power trade.\n",
     [("memorandum", "road maintenance"), ("agreement", "power trade")]),
    ("Norway and Iceland signed a treaty on the continental shelf in Oslo on Monday.\n\n"
     "The documents signed in Oslo include:\na treaty on the continental shelf;\na roadmap for Arctic research.\n",
     [("treaty", "the continental shelf"), ("roadmap", "Arctic research")]),
    # another subject or another pair of sides: two documents
    ("Kenya and Uganda signed an agreement on rail freight. Kenya and Ethiopia signed an agreement on rail freight.",
     [("agreement", "rail freight"), ("agreement", "rail freight")]),
    ("Chile and Peru signed an agreement on air services and an agreement on maritime services.",
     [("agreement", "air services"), ("agreement", "maritime services")]),
])
def test_repeated_mentions_are_one_record(nlp, text, expected):
    assert [(d["doc_type"], d["subject"]) for d in run(nlp, text)._.documents] == expected
