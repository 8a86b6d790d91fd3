"""A trailing attribution ends a document's description even when its source is a long noun
phrase (", the press service of the regional governor reported"): issue 11, wire copy. Texts
invented for these tests."""

from __future__ import annotations

import pytest

from tests.stages.documents_util import run


@pytest.mark.parametrize("text, subject", [
    ("Chile and Peru signed an agreement on fisheries, the press service of the Chilean foreign minister "
     "reported.", "fisheries"),
    ("Chile and Peru signed an agreement on port logistics, the information office of the regional "
     "government said on Monday.", "port logistics"),
    ("Ghana and Togo signed a memorandum on cross-border trade, the spokesman for the Ghanaian trade ministry "
     "told reporters.", "cross-border trade"),
    ("Laos and Vietnam signed a protocol on hydropower, the official news agency of the Lao government "
     "announced.", "hydropower"),
    ("Oman and Kenya signed a treaty on extradition, a senior official of the Omani foreign ministry "
     "confirmed.", "extradition"),
])
def test_long_attribution_ends_the_subject(nlp, text, subject):
    assert [d["subject"] for d in run(nlp, text)._.documents] == [subject]


@pytest.mark.parametrize("text", [
    "Chile and Peru will sign an agreement on fisheries, the press service of the Chilean foreign minister "
    "reported.",
    "Chile and Peru have not signed an agreement on fisheries, the press service of the Chilean foreign "
    "minister said.",
])
def test_attributed_unsigned_signing_gives_no_record(nlp, text):
    assert run(nlp, text)._.documents == []
